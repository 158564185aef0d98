"""A line edit for USB wedge scanners: Enter or Tab submits, the input method stays off.

A scanner "types" the code and ends it with Enter or Tab (by its setting); a Chinese input
method left on would swallow the keystrokes. `keep_text` leaves the text in place after a
submit (for fields whose handler reads it and may ask the cashier to fix a typed number).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class ScanField(QLineEdit):
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, keep_text: bool = False) -> None:
        super().__init__(parent)
        self.keep_text = keep_text
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.returnPressed.connect(self._submit)

    def event(self, event: QEvent) -> bool:
        # Tab never reaches keyPressEvent: the focus chain takes it first.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._submit()
            return True
        return super().event(event)

    def _submit(self) -> None:
        text = self.text()
        if not self.keep_text:
            self.clear()
        if text.strip():
            self.submitted.emit(text)
