"""Table model of audit records, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.core.audit import AuditRow
from desktop.core.clock import from_iso
from desktop.ui.i18n import current_language
from desktop.ui.models.table_model import RowTableModel
from desktop.ui.wording import APPROVAL_LOGIN, audit_action_name, format_detail

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HASH_ROLE = Qt.ItemDataRole.UserRole + 2


class AuditModel(RowTableModel[AuditRow]):
    approval_logins: set[int] = set()  # noqa: RUF012 - replaced, never mutated

    def headers(self) -> tuple[str, ...]:
        return (self.tr("#"), self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Detail"))

    def role_data(self, row: AuditRow, role: int, column: int) -> Any:
        return {RECORD_ID_ROLE: row.id, HASH_ROLE: row.hash}.get(role)

    def set_rows(self, rows: list[AuditRow]) -> None:
        # A manager's PIN is checked (staff.login) right before the approval it gives: show
        # that login as part of the approval, not as the manager logging in.
        after = {row.id: row for row in rows}
        self.approval_logins = {row.id for row in rows if row.action == "staff.login"
                                and getattr(after.get(row.id + 1), "action", "") == "override.approved"}
        super().set_rows(rows)

    def display(self, row: AuditRow, column: int) -> str:
        local = from_iso(row.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == 3:
            return QCoreApplication.translate("wording", APPROVAL_LOGIN) \
                if row.id in self.approval_logins else audit_action_name(row.action)
        if column == 4:
            return format_detail(row.detail, current_language())
        return (str(row.id), local, row.actor)[column]
