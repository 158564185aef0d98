"""The one error split of the UI.

A `UserError` is something the person can fix: its translated message is shown as it is. Any
other exception is a bug or a broken device: it is logged with its traceback and with what
was being done, and the person reads "Something went wrong; the log has the details" (never
a raw `str(exc)`, never nothing). Every screen reports failures through `describe`,
`show_error` or `set_status`; a quick read or check on the UI thread runs through `attempt`,
which catches every failure (not only a UserError) and shows it through the same split.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.errors import UserError
from desktop.ui.i18n import error_text
from desktop.ui.theme import set_tone

log = logging.getLogger(__name__)
T = TypeVar("T")


def describe(exc: BaseException, doing: str = "") -> str:
    """The text to show for `exc`; anything but a UserError is logged (with `doing`) first."""
    if isinstance(exc, UserError):
        return error_text(exc)
    log.error("unexpected error%s", f" while {doing}" if doing else "", exc_info=exc)
    return QCoreApplication.translate("messages", "Something went wrong; the log has the details.")


def show_error(parent: QWidget | None, exc: BaseException, doing: str = "") -> None:
    # Imported here: the login window, painted first, never needs it.
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, QCoreApplication.translate("messages", "Cannot do that"), describe(exc, doing))


def set_status(label: QLabel, text: str, ok: bool) -> None:
    label.setText(text)
    set_tone(label, "ok" if ok else "error")


def attempt(work: Callable[[], T], show: Callable[[str], None], doing: str) -> T | None:
    """Run a quick read or check on the UI thread. Its result, or None when it failed: then
    `show` got the text of the error split (a UserError's message; for anything else "something
    went wrong", the bug logged with `doing`)."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - the one error split: describe() logs a bug
        show(describe(exc, doing))
        return None


def status_shower(label: QLabel) -> Callable[[str], None]:
    """`show` for `attempt`: the text in a screen's message line, in the error tone."""
    return lambda text: set_status(label, text, ok=False)
