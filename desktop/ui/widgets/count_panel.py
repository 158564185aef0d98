"""Counting the drawer by denomination: one field per note and coin (¥100 … ¥0.1), the value
of each line beside it and the total in large type. Used to open a shift (the float) and to
close it (the count)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.drawer import DENOMINATIONS, Count, denomination_label, parse_count
from desktop.core.errors import ValidationError
from desktop.core.money import format_fen
from desktop.ui.messages import describe
from desktop.ui.theme import set_role, set_tone
from desktop.ui.widgets import named


class CountPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[int, QLineEdit] = {}
        self.values: dict[int, QLabel] = {}
        grid = QGridLayout()
        for i, value in enumerate(DENOMINATIONS):
            row, col = i % 4, (i // 4) * 3
            label = QLabel(denomination_label(value), self)
            set_role(label, "headline")
            field = named(QLineEdit(self), f"count_{value}", placeholderText="0", maxLength=6)
            set_role(field, "entry")
            field.setMaximumWidth(110)
            field.textChanged.connect(self._update)
            amount = named(QLabel(format_fen(0), self), f"value_{value}")
            amount.setMinimumWidth(110)
            self.fields[value], self.values[value] = field, amount
            grid.addWidget(label, row, col)
            grid.addWidget(field, row, col + 1)
            grid.addWidget(amount, row, col + 2)
        self.total = named(QLabel(self), "count_total")
        set_role(self.total, "banner")
        self.problem = named(QLabel(self), "count_problem", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.total)
        layout.addWidget(self.problem)
        self._update()

    def texts(self) -> dict[int, str]:
        return {value: field.text() for value, field in self.fields.items()}

    def counted(self) -> bool:
        """Has anything been typed (an empty drawer is counted by typing 0)?"""
        return any(text.strip() for text in self.texts().values())

    def count(self) -> Count:
        """The count typed; ValidationError for a negative or garbled field."""
        return parse_count(self.texts())

    def set_counts(self, pieces: dict[int, int]) -> None:
        for value, field in self.fields.items():
            field.setText(str(pieces[value]) if pieces.get(value) else "")

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()

    def _update(self) -> None:
        try:
            count = self.count()
        except ValidationError as exc:
            self.problem.setText(describe(exc))
            set_tone(self.problem, "error")
            self.changed.emit()
            return
        self.problem.clear()
        for value, label in self.values.items():
            label.setText(format_fen(value * count.of(value)))
        self.total.setText(self.tr("Total {amount}").format(amount=format_fen(count.total_fen)))
        self.changed.emit()
