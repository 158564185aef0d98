"""Reconciliation (manager): our lines and the platform's for a period, matched by op_id;
missing on either side and differing lines first; CSV export."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import format_fen
from desktop.sync.reconcile import (
    DIFFERS,
    MATCHED,
    MISSING_HERE,
    MISSING_ON_PLATFORM,
    ReconcileReport,
    to_csv,
)
from desktop.sync.runtime import SyncRuntime
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.screen import ScreenBase
from desktop.ui.tasks import run_task
from desktop.ui.theme import set_role
from desktop.ui.widgets import named
from desktop.ui.wording import humane_text, op_kind_name

_ORDER = {MISSING_ON_PLATFORM: 0, MISSING_HERE: 1, DIFFERS: 2, MATCHED: 3}


class ReconcileScreen(ScreenBase):
    shows = frozenset({Change.SYNC})
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reconcile")
        self.runtime: SyncRuntime | None = ctx.sync.runtime if ctx.sync is not None else None
        self.report: ReconcileReport | None = None
        today = QDate.currentDate()
        self.start = named(QDateEdit(today.addDays(-6), self), "start")
        self.end = named(QDateEdit(today, self), "end")
        for field in (self.start, self.end):
            field.setCalendarPopup(True)
        self.compare_button = named(QPushButton(self.tr("Compare with the platform"), self), "compare")
        set_role(self.compare_button, "primary", "blue")
        self.compare_button.clicked.connect(self.compare)
        self.export_button = named(QPushButton(self.tr("Export CSV…"), self), "export")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.summary = named(QLabel(self, wordWrap=True), "summary")
        set_role(self.summary, "headline")
        self.table = named(QTableWidget(0, 6, self), "lines")
        self.table.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Kind"), self.tr("Here"),
                                              self.tr("Platform"), self.tr("Differences"), self.tr("Record")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.start, QLabel(self.tr("to")), self.end,
                       self.compare_button, self.export_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def period(self) -> tuple[datetime, datetime]:
        """Local days, first to last inclusive."""
        zone = datetime.now().astimezone().tzinfo or UTC
        first = datetime.combine(_day(self.start.date()), time(), zone)
        last = datetime.combine(_day(self.end.date()), time(), zone) + timedelta(days=1)
        return first, last

    def compare(self) -> None:
        if self.runtime is None:
            set_status(self.summary, self.tr("Sync is not available"), ok=False)
            return
        self.compare_button.setEnabled(False)
        self.summary.setText(self.tr("Asking the platform…"))
        start, end = self.period()
        runtime = self.runtime
        run_task(lambda: runtime.reconcile(start, end), self.show_report, self._failed)

    def prepare_screenshot(self) -> None:
        """The demo screenshot shows a real comparison with the embedded platform, after a sync
        (as a manager would press Sync now first)."""
        if self.runtime is not None:
            if self.runtime.worker is not None:
                self.runtime.worker.run_round()
            start, end = self.period()
            self.show_report(self.runtime.reconcile(start, end))

    def show_report(self, report: ReconcileReport) -> None:
        self.compare_button.setEnabled(True)
        self.report = report
        self.export_button.setEnabled(True)
        bad = report.count(MISSING_HERE) + report.count(MISSING_ON_PLATFORM) + report.count(DIFFERS)
        text = self.tr("{m} matched · {p} missing on the platform · {h} missing here · {d} differ").format(
            m=report.count(MATCHED), p=report.count(MISSING_ON_PLATFORM), h=report.count(MISSING_HERE),
            d=report.count(DIFFERS))
        set_status(self.summary, text, ok=bad == 0)
        self._fill(report)

    def _fill(self, report: ReconcileReport) -> None:
        rows = sorted(report.rows, key=lambda r: _ORDER[r.status])
        self.table.setRowCount(len(rows))
        names = {MATCHED: self.tr("Matched"), DIFFERS: self.tr("Differs"),
                 MISSING_ON_PLATFORM: self.tr("Missing on the platform"), MISSING_HERE: self.tr("Missing here")}
        for i, row in enumerate(rows):
            here = "" if row.here is None or row.here.amount_fen is None else _money(row.here.amount_fen)
            there = "" if row.platform is None or row.platform.amount_fen is None else _money(row.platform.amount_fen)
            differences = "; ".join(humane_text(d.text(QCoreApplication.translate)) for d in row.differences)
            cells = (names[row.status], op_kind_name(row.kind), here, there, differences, row.op_id)
            for column, value in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(value))

    def _failed(self, exc: BaseException) -> None:
        self.compare_button.setEnabled(True)
        set_status(self.summary, describe(exc), ok=False)

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "reconciliation.csv", "CSV (*.csv)")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        if self.report is not None:
            path.write_text(to_csv(self.report), encoding="utf-8")
            set_status(self.summary, self.tr("Saved {path}").format(path=str(path)), ok=True)


def _money(fen: int) -> str:
    return format_fen(fen, "en", symbol=False)


def _day(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
