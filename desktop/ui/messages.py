"""Showing outcomes: user errors as clear messages, bugs logged with context."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop.core.errors import UserError
from desktop.ui.i18n import error_text

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020; font-weight: bold;"
OK_STYLE = "color: #1b5e20; font-weight: bold;"


def describe(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return error_text(exc)
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate("messages", "Internal error: {0}. It was logged.").format(type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("messages", "Cannot do that"), describe(exc))


def set_status(label: QLabel, text: str, ok: bool) -> None:
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
