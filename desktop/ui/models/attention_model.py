"""Table model of attention items (rejected ops, conflicts), newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.clock import from_iso
from desktop.services.attention import AttentionInfo

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class AttentionModel(QAbstractTableModel):
    COLUMNS = 5

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AttentionInfo] = []

    def set_rows(self, rows: list[AttentionInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("When"), self.tr("What"), self.tr("About"), self.tr("Reason"), self.tr("What to do"))
        return names[section] if 0 <= section < self.COLUMNS else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ITEM_ID_ROLE:
            return row.id
        if role == KIND_ROLE:
            return row.kind
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells(row)[index.column()]
        return None

    def _cells(self, row: AttentionInfo) -> tuple[str, ...]:
        kind = self.tr("Rejected by the platform") if row.kind == "rejected_op" else self.tr("Conflict")
        when = from_iso(row.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
        action = QCoreApplication.translate("attention", row.action)
        return (when, kind, row.subject, row.reason, action)
