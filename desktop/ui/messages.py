"""The one error split of the UI.

A `UserError` is something the person can fix: its translated message is shown as it is. Any
other exception is a bug or a broken device: it is logged with its traceback and with what
was being done, and the person reads "Something went wrong; the log has the details" (never
a raw `str(exc)`, never nothing). Every screen reports failures through `describe`,
`show_error` or `set_status`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop.core.errors import UserError
from desktop.ui.i18n import error_text
from desktop.ui.theme import set_tone

log = logging.getLogger(__name__)


def describe(exc: BaseException, doing: str = "") -> str:
    """The text to show for `exc`; anything but a UserError is logged (with `doing`) first."""
    if isinstance(exc, UserError):
        return error_text(exc)
    log.error("unexpected error%s", f" while {doing}" if doing else "", exc_info=exc)
    return QCoreApplication.translate("messages", "Something went wrong; the log has the details.")


def show_error(parent: QWidget | None, exc: BaseException, doing: str = "") -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("messages", "Cannot do that"), describe(exc, doing))


def set_status(label: QLabel, text: str, ok: bool) -> None:
    label.setText(text)
    set_tone(label, "ok" if ok else "error")
