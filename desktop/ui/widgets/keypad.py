"""An on-screen numeric keypad for PIN entry on touch screens."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from desktop.ui.theme import mark_role


class Keypad(QWidget):
    submitted = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        grid = QGridLayout(self)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for index, key in enumerate(keys):
            button = QPushButton(self.tr("OK") if key == "OK" else key, self)
            button.setObjectName(f"key_{'ok' if key == 'OK' else 'back' if key == '⌫' else key}")
            button.setMinimumSize(64, 52)
            mark_role(button, "key")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, index // 3, index % 3)

    def _press(self, key: str) -> None:
        if key == "OK":
            self.submitted.emit()
        elif key == "⌫":
            self.target.backspace()
        else:
            self.target.insert(key)
        self.target.setFocus()
