"""Table model of attention items (rejected ops, conflicts), newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.core.clock import from_iso
from desktop.services.attention import AttentionInfo
from desktop.ui.models.table_model import RowTableModel
from desktop.ui.wording import humane_text

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class AttentionModel(RowTableModel[AttentionInfo]):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("When"), self.tr("What"), self.tr("About"), self.tr("Reason"), self.tr("What to do"))

    def display(self, row: AttentionInfo, column: int) -> str:
        return self._cells(row)[column]

    def role_data(self, row: AttentionInfo, role: int, column: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:  # the reasons are long: the whole text on hover
            return self._cells(row)[column]
        return {ITEM_ID_ROLE: row.id, KIND_ROLE: row.kind}.get(role)

    def _cells(self, row: AttentionInfo) -> tuple[str, ...]:
        kind = self.tr("Rejected by the platform") if row.kind == "rejected_op" else self.tr("Conflict")
        when = from_iso(row.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
        action = QCoreApplication.translate("attention", row.action)
        return (when, kind, humane_text(row.subject), humane_text(row.reason), action)
