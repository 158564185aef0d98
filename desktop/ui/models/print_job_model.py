"""Table model of the print queue, most recent job first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.core.clock import from_iso
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.services.print_queue import JobStatus, PrintJobInfo
from desktop.ui.models.table_model import RowTableModel
from desktop.ui.print_actions import kind_name

JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_NAMES = {
    JobStatus.QUEUED: QT_TRANSLATE_NOOP("print_queue", "Waiting"),
    JobStatus.PRINTING: QT_TRANSLATE_NOOP("print_queue", "Printing"),
    JobStatus.DONE: QT_TRANSLATE_NOOP("print_queue", "Printed"),
    JobStatus.FAILED: QT_TRANSLATE_NOOP("print_queue", "Failed"),
}
STATUS_COLOURS = {JobStatus.DONE: "#1b5e20", JobStatus.FAILED: "#b00020", JobStatus.PRINTING: "#0d47a1"}


def status_name(status: JobStatus) -> str:
    return QCoreApplication.translate("print_queue", STATUS_NAMES[status])


class PrintJobModel(RowTableModel[PrintJobInfo]):
    ID, KIND, REF, PRINTER, STATUS, ATTEMPTS, TIME, ERROR = range(8)  # the long reason last, stretched

    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("What"), self.tr("For"), self.tr("Printer"), self.tr("Status"),
                self.tr("Tries"), self.tr("Queued at"), self.tr("Why it failed"))

    def display(self, row: PrintJobInfo, column: int) -> str | int | None:
        return self._display(row, column)

    def role_data(self, row: PrintJobInfo, role: int, column: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and row.status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[row.status])
        return {JOB_ID_ROLE: row.id, STATUS_ROLE: row.status.value}.get(role)

    def _display(self, job: PrintJobInfo, column: int) -> str | int | None:
        copy = " " + self.tr("(copy)") if job.reprint_of is not None else ""
        values: dict[int, str | int] = {
            self.ID: job.id,
            self.KIND: kind_name(job.kind) + copy,
            self.REF: job.ref,
            self.PRINTER: job.printer_name or self.tr("(none)"),
            self.STATUS: status_name(job.status),
            self.ATTEMPTS: job.attempts,
            self.ERROR: UserError.from_stored(job.last_error).render(QCoreApplication.translate) if job.last_error else "",
            self.TIME: from_iso(job.created_at).astimezone().strftime("%m-%d %H:%M"),
        }
        return values.get(column)
