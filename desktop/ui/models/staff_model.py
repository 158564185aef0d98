"""Table model of staff members."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.services.staff import StaffInfo
from desktop.ui.roles import role_name

STAFF_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class StaffModel(QAbstractTableModel):
    NAME, ROLE, STATE = range(3)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[StaffInfo] = []

    def set_rows(self, rows: list[StaffInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Role"), self.tr("State"))[section] if 0 <= section < 3 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        info = self.rows[index.row()]
        if role == STAFF_ID_ROLE:
            return info.id
        if role == ACTIVE_ROLE:
            return info.active
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, index.column())
        return None

    def _display(self, info: StaffInfo, column: int) -> str:
        if column == self.NAME:
            return info.name
        if column == self.ROLE:
            return role_name(info.role)
        if not info.active:
            return self.tr("Inactive")
        return self.tr("Locked") if info.locked_until else self.tr("Active")
