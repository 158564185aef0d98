"""The counter's keyboard: one key per common action, shown on its button.

F-keys need no modifier and work from the scan field; the same key does the same thing on
every screen that has the action.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

ENROL = "F2"
OPEN_GROUP = "F3"
DRAW = "F5"
PRINT_RESULTS = "F6"
PRINT_REFUND_SLIPS = "F4"
REPRINT_DEPOSIT_SLIP = "F12"
PRINT_INVITE = "F7"
EXPORT_PROOF = "F8"
CANCEL_GROUP = "F9"
REPRINT = "F6"  # the redemption receipt: the same key as the group's printouts
FULL_SCREEN = "F11"
# The till (order screen, payment, sales history)
PARK = "F4"
RECALL = "F5"
APPLY_COINS = "F7"
PAY = "F10"
REFUND = "F8"
VOID = "F9"


def bind(button: QPushButton, key: str) -> QPushButton:
    """Give the button its key and show the key on it: "Draw (F5)"."""
    text = button.text()
    suffix = f" ({key})"
    if not text.endswith(suffix):
        button.setText(text + suffix)  # before the key: setText resets a button's shortcut
    button.setShortcut(QKeySequence(key))
    return button
