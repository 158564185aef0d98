"""Typing as a person does, Chinese included.

QTest.keyClicks only knows ASCII keys; Chinese reaches a widget from the input method as a
committed string, so that is what `type_text` sends for non-ASCII text.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    for chunk in _chunks(text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _chunks(text: str) -> list[str]:
    chunks: list[str] = []
    for ch in text:
        if chunks and chunks[-1].isascii() == ch.isascii():
            chunks[-1] += ch
        else:
            chunks.append(ch)
    return chunks
