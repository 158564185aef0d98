"""Table model of audit records, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.core.audit import AuditRow
from desktop.core.clock import from_iso
from desktop.ui.models.table_model import RowTableModel

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HASH_ROLE = Qt.ItemDataRole.UserRole + 2


class AuditModel(RowTableModel[AuditRow]):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("#"), self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Detail"))

    def role_data(self, row: AuditRow, role: int, column: int) -> Any:
        return {RECORD_ID_ROLE: row.id, HASH_ROLE: row.hash}.get(role)

    def display(self, row: AuditRow, column: int) -> str:
        local = from_iso(row.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return (str(row.id), local, row.actor, row.action, row.detail)[column]
