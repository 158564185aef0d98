"""The till's demo states for the screenshots (desktop.ui.screenshots): an order rung up by
tapping, the demo member's coins applied from their coin authorization, paid part WeChat Pay and
part cash in the payment dialog, then the paid bill with its change. Made through the screens."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.core.money import format_fen
from desktop.core.settings_keys import DEMO_COIN_AUTHORIZATION
from desktop.ui.checkout_screen import CheckoutScreen
from desktop.ui.tasks import wait_for_tasks


def demo_order(screen: CheckoutScreen) -> None:
    """Three dishes tapped, and the demo member's coins when the demo has their authorization."""
    screen.start_over()
    for button in screen.picker.buttons()[:3]:
        button.click()
    authorization = screen.ctx.services.settings.get(DEMO_COIN_AUTHORIZATION)
    if authorization:
        screen.scanned(authorization)


def demo_payment(screen: CheckoutScreen) -> bool:
    """Open the payment dialog and pay 100.00 by WeChat Pay and the rest in cash with a note
    more; True when the dialog is open (for its picture)."""
    screen.open_tender()
    dialog = screen.tender
    if dialog is None:
        return False
    dialog.choose("wechat")
    dialog.amount.setText(format_fen(min(10_000, dialog.totals.payable_fen), symbol=False))
    dialog.reference.setText("4200001234")
    dialog.add_tender()
    dialog.choose("cash")
    due = dialog.totals.payable_fen - sum(t.amount_fen for t in dialog.tenders)
    if due > 0:
        dialog.amount.setText(format_fen((due + 4999) // 5000 * 5000, symbol=False))
        dialog.add_tender()
    QApplication.processEvents()
    return True


def complete_payment(screen: CheckoutScreen) -> None:
    if screen.tender is not None and screen.tender.isVisible():
        screen.tender.complete_sale()
        wait_for_tasks()
