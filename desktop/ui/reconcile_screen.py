"""Reconciliation (manager), on amounts: the platform's settlement statement for a day, week or
month beside this counter's own lines — matched, missing on either side, differing (both values
and schedule versions) — with per-kind totals, the statement's balances, drill down to the sale
or group a line came from, and CSV and PDF export. The report is built off the UI thread."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QMarginsF, QModelIndex
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import statement as st
from desktop.core.money import format_fen
from desktop.sync import settlement_report as sr
from desktop.sync.runtime import SyncRuntime
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.models.settlement_model import (
    OP_ID_ROLE,
    SettlementModel,
    explain,
    kind_name,
    money,
)
from desktop.ui.screen import ScreenBase
from desktop.ui.tasks import run_task
from desktop.ui.theme import set_role
from desktop.ui.wording import humane_text, op_kind_name

_W = TypeVar("_W", bound=QWidget)
EXPLANATION_MIN = 120  # px the explanation column keeps in sight
SHRINKABLE = (1, 2)  # "from" and "line" give up width first, in that order
SHRUNK_MIN = 96


class ReconcileScreen(ScreenBase):
    shows = frozenset({Change.SYNC})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reconcile")
        self.runtime: SyncRuntime | None = ctx.sync.runtime if ctx.sync is not None else None
        self.report: sr.Report | None = None
        self.period_kind = _named(QComboBox(self), "period")
        for key, text in (("day", self.tr("Day")), ("week", self.tr("Week")), ("month", self.tr("Month"))):
            self.period_kind.addItem(text, key)
        self.period_kind.setCurrentIndex(2)
        self.day = _named(QDateEdit(QDate.currentDate(), self), "day")
        self.day.setCalendarPopup(True)
        self.compare_button = _named(QPushButton(self.tr("Compare with the platform"), self), "compare")
        set_role(self.compare_button, "primary", "blue")
        self.compare_button.clicked.connect(self.compare)
        self.csv_button = _named(QPushButton(self.tr("Export CSV…"), self), "export")
        self.csv_button.setEnabled(False)
        self.csv_button.clicked.connect(self.export)
        self.pdf_button = _named(QPushButton(self.tr("Export PDF…"), self), "export_pdf")
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.summary = _named(QLabel(self), "summary")
        self.summary.setWordWrap(True)
        set_role(self.summary, "headline")
        self.balance = _named(QLabel(self), "balance")
        self.balance.setWordWrap(True)
        self.totals = _named(QTableWidget(0, 4, self), "totals")
        self.totals.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Here"), self.tr("Platform"),
                                               self.tr("Statement")])
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.totals.verticalHeader().setVisible(False)
        self.totals.verticalHeader().setDefaultSectionSize(21)
        self.totals.setFixedHeight(self.totals.horizontalHeader().sizeHint().height() + 21 * len(st.KINDS) + 8)
        self.model = SettlementModel()
        self.table = _named(QTableView(self), "lines")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self.drill_down)
        self.detail = _named(QLabel(self), "detail")
        self.detail.setWordWrap(True)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Period")), self.period_kind, self.day, self.compare_button,
                       self.csv_button, self.pdf_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.balance)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def period(self) -> tuple[str, date]:
        return str(self.period_kind.currentData()), _day(self.day.date())

    def compare(self) -> None:
        if self.runtime is None:
            set_status(self.summary, self.tr("Sync is not available"), ok=False)
            return
        self.compare_button.setEnabled(False)
        self.summary.setText(self.tr("Asking the platform…"))
        start, end = st.period_bounds(*self.period())
        runtime, actor = self.runtime, self.ctx.actor
        run_task(lambda: runtime.settlement(actor, start, end), self.show_report, self._failed)

    def prepare_screenshot(self) -> None:
        """The demo shows a real comparison with the embedded platform, after a sync; the
        difference the demo seeded is drilled into."""
        if self.runtime is None:
            return
        if self.runtime.worker is not None:
            self.runtime.worker.run_round()
        start, end = st.period_bounds(*self.period())
        self.show_report(self.runtime.settlement(self.ctx.actor, start, end))
        differing = [n for n, line in enumerate(self.model.rows) if line.status == sr.DIFFERS]
        valued = [n for n in differing if self.model.rows[n].here_fen != self.model.rows[n].platform_fen]
        for row in (valued or differing)[:1]:
            self.table.selectRow(row)
            self.drill_down(self.model.index(row, 0))

    def show_report(self, report: sr.Report) -> None:
        self.compare_button.setEnabled(True)
        self.report = report
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        bad = report.count(sr.MISSING_HERE) + report.count(sr.MISSING_ON_PLATFORM) + report.count(sr.DIFFERS)
        text = self.tr("{label}: {m} matched · {d} differ · {p} missing on the platform · {h} missing here").format(
            label=report.statement["label"], m=report.count(sr.MATCHED), d=report.count(sr.DIFFERS),
            p=report.count(sr.MISSING_ON_PLATFORM), h=report.count(sr.MISSING_HERE))
        set_status(self.summary, text, ok=bad == 0)
        self.balance.setText(self._balance_text(report))
        self._fill_totals(report)
        self.model.show(report)
        self.table.resizeColumnsToContents()
        self._fit_columns()
        self.detail.clear()

    def _fit_columns(self) -> None:
        """Every column in sight at 1024x768: the source and line columns give up width (their
        text is elided, the detail line below says it whole) so the explanation keeps some."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - EXPLANATION_MIN
        widths = [header.sectionSize(c) for c in range(header.count() - 1)]
        excess = sum(widths) - room
        for column in SHRINKABLE:
            if excess <= 0:
                break
            cut = min(excess, max(0, widths[column] - SHRUNK_MIN))
            header.resizeSection(column, widths[column] - cut)
            excess -= cut

    def _balance_text(self, report: sr.Report) -> str:
        head = report.statement
        net = int(head["net_fen"])
        position = (self.tr("the platform pays the store") if net > 0 else
                    self.tr("the store pays the platform") if net < 0 else self.tr("nothing to pay"))
        closed = self.tr(" (closed)") if head["closed"] else ""
        return self.tr("Opening {o} · net {n}: {position} · closing {c}{closed}").format(
            o=format_fen(int(head["opening_fen"])), n=format_fen(abs(net)), position=position,
            c=format_fen(int(head["closing_fen"])), closed=closed)

    def _fill_totals(self, report: sr.Report) -> None:
        rows = _total_rows(report)
        self.totals.setRowCount(len(rows))
        for i, cells in enumerate(rows):
            for column, value in enumerate(cells):
                self.totals.setItem(i, column, QTableWidgetItem(value))

    def drill_down(self, index: QModelIndex) -> None:
        """What the line came from: the sale's lines and tenders, or the group."""
        row = self.model.rows[index.row()] if index.isValid() else None
        if row is None:
            return
        op_id = str(self.model.data(index, OP_ID_ROLE) or "")
        origin = self.ctx.services.settlement.origin(self.ctx.actor, op_id) if op_id else None
        parts = [f"{kind_name(row.kind)} · {explain(row)}".strip(" ·")]
        if origin is not None:
            parts.append(self.tr("{what}: {detail}").format(what=op_kind_name(origin.kind),
                                                            detail=_describe_payload(origin.payload)))
        self.detail.setText(humane_text("\n".join(parts)))

    def _failed(self, exc: BaseException) -> None:
        self.compare_button.setEnabled(True)
        set_status(self.summary, describe(exc), ok=False)

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "reconciliation.csv", "CSV (*.csv)")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        if self.report is not None:
            path.write_text(sr.to_csv(self.report), encoding="utf-8")
            set_status(self.summary, self.tr("Saved {path}").format(path=str(path)), ok=True)

    def export_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), "reconciliation.pdf", "PDF (*.pdf)")
        if name:
            self.export_pdf_to(Path(name))

    def export_pdf_to(self, path: Path) -> None:
        """The statement, the totals and the lines that need a look (every line up to 2,000)."""
        if self.report is None:
            return
        writer = QPdfWriter(str(path))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(12, 12, 12, 12)))
        document = QTextDocument()
        document.setHtml(self._html(self.report))
        document.print_(writer)
        set_status(self.summary, self.tr("Saved {path}").format(path=str(path)), ok=True)

    def _html(self, report: sr.Report) -> str:
        rows = "".join(f"<tr><td>{html.escape(cells[0])}</td>"
                       + "".join(f"<td align=right>{html.escape(c)}</td>" for c in cells[1:]) + "</tr>"
                       for cells in _total_rows(report))
        shown = [r for r in report.rows if r.status != sr.MATCHED][:2000] or report.rows[:2000]
        lines = "".join(
            "<tr>" + "".join(f"<td>{html.escape(self.model.display(r, c))}</td>" for c in range(8)) + "</tr>"
            for r in shown)
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.model.headers())
        return (f"<h2>{html.escape(self.tr('Reconciliation'))} {html.escape(report.statement['label'])}</h2>"
                f"<p>{html.escape(self.summary.text())}<br>{html.escape(self.balance.text())}</p>"
                f"<table border=1 cellspacing=0 cellpadding=3>{rows}</table><br>"
                f"<table border=1 cellspacing=0 cellpadding=2><tr>{head}</tr>{lines}</table>")


def _total_rows(report: sr.Report) -> list[tuple[str, str, str, str]]:
    """Per kind: our sum, the platform's (of the compared rows) and the statement's total."""
    sums = report.totals()
    return [(kind_name(kind), money(sums.get(kind, (0, 0))[0]), money(sums.get(kind, (0, 0))[1]),
             money(int(report.statement["totals"][kind]["fen"]))) for kind in st.KINDS]


def _describe_payload(payload: dict[str, object]) -> str:
    """A sale's lines, tenders and coins, or a group's outcome, as a manager reads them."""
    if "lines" in payload and isinstance(payload["lines"], list):
        items = ", ".join(f"{line.get('name', '')} x{line.get('quantity', 1)}" for line in payload["lines"]
                          if isinstance(line, dict))
        coins = int(str(payload.get("coin_fen", 0) or 0))
        paid = format_fen(int(str(payload.get("total_fen", 0))))
        if not coins:
            return f"{items} · {paid}"
        return QCoreApplication.translate("ReconcileScreen", "{items} · {paid} + {coins} in coins").format(
            items=items, paid=paid, coins=format_fen(coins))
    if "group_id" in payload:
        return f"{payload['group_id']} · {format_fen(int(str(payload.get('kept_fen', 0) or 0)))}"
    if "total_fen" in payload:
        return format_fen(int(str(payload["total_fen"])))
    return json.dumps(payload, ensure_ascii=False)[:300]


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
