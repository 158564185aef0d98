"""A read-only table model over a list of plain rows: subclasses say only what to show."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows are replaced whole with `set_rows`; `display` and `role_data` do the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def display(self, row: Row, column: int) -> Any:
        raise NotImplementedError

    def role_data(self, row: Row, role: int, column: int) -> Any:
        """Other roles (ids, flags, colours) for views and tests; None when the role is not ours."""
        return None

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = self.headers()
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        return self.role_data(row, role, index.column())
