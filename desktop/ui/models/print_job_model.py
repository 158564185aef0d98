"""Table model of the print queue, most recent job first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.core.clock import from_iso
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.services.print_queue import JobStatus, PrintJobInfo
from desktop.ui.print_actions import kind_name

JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
STATUS_NAMES = {
    JobStatus.QUEUED: QT_TRANSLATE_NOOP("print_queue", "Waiting"),
    JobStatus.PRINTING: QT_TRANSLATE_NOOP("print_queue", "Printing"),
    JobStatus.DONE: QT_TRANSLATE_NOOP("print_queue", "Printed"),
    JobStatus.FAILED: QT_TRANSLATE_NOOP("print_queue", "Failed"),
}
STATUS_COLOURS = {JobStatus.DONE: "#1b5e20", JobStatus.FAILED: "#b00020", JobStatus.PRINTING: "#0d47a1"}


def status_name(status: JobStatus) -> str:
    return QCoreApplication.translate("print_queue", STATUS_NAMES[status])


class PrintJobModel(QAbstractTableModel):
    ID, KIND, REF, PRINTER, STATUS, ATTEMPTS, TIME, ERROR = range(8)  # the long reason last, stretched

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PrintJobInfo] = []

    def set_rows(self, rows: list[PrintJobInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("No."), self.tr("What"), self.tr("For"), self.tr("Printer"), self.tr("Status"),
                  self.tr("Tries"), self.tr("Queued at"), self.tr("Why it failed"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        job = self.rows[index.row()]
        if role == JOB_ID_ROLE:
            return job.id
        if role == STATUS_ROLE:
            return job.status.value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATUS and job.status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[job.status])
        return None

    def _display(self, job: PrintJobInfo, column: int) -> str | int | None:
        copy = " " + self.tr("(copy)") if job.reprint_of is not None else ""
        values: dict[int, str | int] = {
            self.ID: job.id,
            self.KIND: kind_name(job.kind) + copy,
            self.REF: job.ref,
            self.PRINTER: job.printer_name or self.tr("(none)"),
            self.STATUS: status_name(job.status),
            self.ATTEMPTS: job.attempts,
            self.ERROR: QCoreApplication.translate("print", job.last_error or ""),
            self.TIME: from_iso(job.created_at).astimezone().strftime("%m-%d %H:%M"),
        }
        return values.get(column)
