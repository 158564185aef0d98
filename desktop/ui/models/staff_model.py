"""Table model of staff members."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.core.clock import Clock, utc_now
from desktop.core.staff import StaffInfo
from desktop.ui.models.table_model import RowTableModel
from desktop.ui.roles import role_name

STAFF_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 2


class StaffModel(RowTableModel[StaffInfo]):
    NAME, ROLE, STATE = range(3)

    def __init__(self, clock: Clock = utc_now) -> None:
        # The wall clock the list was read by (the service's): a lock whose end has passed
        # shows as active without a new read. The service decides locks on a monotonic clock.
        super().__init__()
        self.clock = clock

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Role"), self.tr("State"))

    def role_data(self, row: StaffInfo, role: int, column: int) -> Any:
        return {STAFF_ID_ROLE: row.id, ACTIVE_ROLE: row.active}.get(role)

    def display(self, row: StaffInfo, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.ROLE:
            return role_name(row.role)
        if not row.active:
            return self.tr("Inactive")
        if row.locked_until is not None and row.locked_until > self.clock():  # only while the lock holds
            return self.tr("Locked until {time}").format(
                time=row.locked_until.astimezone().strftime("%H:%M"))
        return self.tr("Active")
