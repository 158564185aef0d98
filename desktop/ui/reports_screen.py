"""Reports for the manager and owner (QtCharts): today, this week or chosen days — sales by hour
and by day, by tender, top items, coin discounts, and the group deals (opened, filled, drawn,
expired, cancelled; deposits taken and held; consolation paid; redemptions). Each table exports
to CSV; the whole period's report (charts and tables) exports to PDF."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMarginsF, QRect, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import format_fen
from desktop.services.reports import PeriodReport
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.screen import ScreenBase
from desktop.ui.shift_words import tender_name
from desktop.ui.tasks import run_task, wait_for_tasks
from desktop.ui.theme import set_role
from desktop.ui.widgets import named

TODAY, WEEK, PERIOD = "today", "week", "period"


def _yuan(fen: int) -> float:
    return fen / 100  # a chart's bar height only; every figure shown as text stays in fen


def _bar_chart(title: str, labels: list[str], values: list[float], name: str, *,
               horizontal: bool = False) -> QChart:
    """Bars with their category labels whole: `horizontal` puts long labels (words, not hours
    or dates) down the left side where they have room."""
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSet(name)
    bars.append(values)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(labels)
    axis_values = QValueAxis()
    axis_values.setRange(0, max([*values, 1.0]) * 1.1)
    axis_values.applyNiceNumbers()
    axis_values.setLabelFormat("%.0f")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(axis_values)
    chart.legend().setVisible(False)
    chart.setMargins(QMarginsF(2, 2, 2, 2).toMargins())
    return chart


class _Table(QWidget):
    """A titled table with its own CSV export."""

    def __init__(self, key: str, headers: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.key, self.headers = key, headers
        self.rows: list[list[str]] = []
        self.table = named(QTableWidget(0, len(headers), self), f"table_{key}")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.export_button = named(QPushButton(self.tr("CSV…"), self), f"csv_{key}")
        self.export_button.clicked.connect(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)

    def fill(self, rows: list[list[str]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(value))

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), f"{self.key}.csv", "CSV (*.csv)")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(self.headers)
            writer.writerows(self.rows)


class ReportsScreen(ScreenBase):
    message: QLabel  # always there (ScreenBase allows none)
    shows = frozenset({Change.SHIFTS, Change.GROUPS, Change.VOUCHERS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reports")
        self.report: PeriodReport | None = None
        self.range = named(QComboBox(self), "range")
        self.range.addItem(self.tr("Today"), TODAY)
        self.range.addItem(self.tr("This week"), WEEK)
        self.range.addItem(self.tr("Chosen days"), PERIOD)
        self.range.currentIndexChanged.connect(self._range_changed)
        day = ctx.services.reports.today()
        today = QDate(day.year, day.month, day.day)
        self.start = named(QDateEdit(today, self), "start", calendarPopup=True, enabled=False)
        self.end = named(QDateEdit(today, self), "end", calendarPopup=True, enabled=False)
        show = named(QPushButton(self.tr("Show"), self), "show")
        set_role(show, "action")
        show.clicked.connect(self.refresh)
        self.pdf_button = named(QPushButton(self.tr("Report to PDF…"), self), "pdf")
        set_role(self.pdf_button, "action")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.summary = named(QLabel(self), "summary", wordWrap=True)
        set_role(self.summary, "headline")
        self.message = named(QLabel(self), "message", wordWrap=True)
        self.views = {key: named(QChartView(self), f"chart_{key}") for key in ("hours", "days", "tenders", "deals")}
        for view in self.views.values():
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(200)
        self.tables = {
            "days": _Table("days", [self.tr("Day"), self.tr("Sales"), self.tr("Amount")], self),
            "tenders": _Table("tenders", [self.tr("Tender"), self.tr("Amount")], self),
            "items": _Table("items", [self.tr("Item"), self.tr("Quantity"), self.tr("Amount")], self),
            "deals": _Table("deals", [self.tr("Group deals"), self.tr("Value")], self),
            "coins": _Table("coins", [self.tr("Coin discounts"), self.tr("Value")], self),
        }
        self.tabs = named(QTabWidget(self), "tabs")
        self.tabs.addTab(self._charts_tab(), self.tr("Charts"))
        for key, title in (("days", self.tr("By day")), ("tenders", self.tr("By tender")),
                           ("items", self.tr("Top items")), ("deals", self.tr("Group deals")),
                           ("coins", self.tr("Coin discounts"))):
            self.tabs.addTab(self.tables[key], title)
        top = QHBoxLayout()
        for widget in (self.range, self.start, QLabel(self.tr("to")), self.end, show, self.pdf_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.refresh()

    def _charts_tab(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, key in enumerate(("hours", "days", "tenders", "deals")):
            grid.addWidget(self.views[key], i // 2, i % 2)
        return page

    def _range_changed(self) -> None:
        chosen = self.range.currentData() == PERIOD
        self.start.setEnabled(chosen)
        self.end.setEnabled(chosen)
        self.refresh()

    def period(self) -> tuple[date, date]:
        today = self.ctx.services.reports.today()
        kind = self.range.currentData()
        if kind == TODAY:
            return today, today
        if kind == WEEK:
            return today - timedelta(days=today.weekday()), today
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        (start, end), actor, reports = self.period(), self.ctx.actor, self.ctx.services.reports
        run_task(lambda: reports.period(actor, start, end), self.show_report, self._failed)

    def show_report(self, report: PeriodReport) -> None:
        self.report = report
        average = report.sales_fen // report.sales_count if report.sales_count else 0
        count, coins, fen = report.coin_discounts
        self.summary.setText(self.tr("{start} – {end}: {n} sales, {total} (average {average}) · {r} vouchers redeemed")
                             .format(start=f"{report.start:%m-%d}", end=f"{report.end:%m-%d}", n=report.sales_count,
                                     total=format_fen(report.sales_fen), average=format_fen(average),
                                     r=report.redemptions)
                             + "\n" + self.tr("Coin discounts: {n} sales, {coins} coins, {fen}").format(
                                 n=count, coins=coins, fen=format_fen(fen)))
        self._charts(report)
        self.tables["days"].fill([[f"{d:%Y-%m-%d}", str(n), format_fen(fen)] for d, n, fen in report.by_day])
        self.tables["tenders"].fill([[tender_name(k), format_fen(fen)] for k, fen in report.by_tender])
        self.tables["items"].fill([[name, str(qty), format_fen(fen)] for name, qty, fen in report.top_items])
        self.tables["deals"].fill(self._deal_rows(report))
        self.tables["coins"].fill(self._coin_rows(report))

    def _coin_rows(self, report: PeriodReport) -> list[list[str]]:
        """Coin discounts: how many sales took coins, how many coins, what they were worth,
        and that worth as a share of the sales (coins are paid for by the platform)."""
        count, coins, fen = report.coin_discounts
        gross = report.sales_fen + fen
        share = f"{fen * 100 / gross:.1f}%" if gross else "0.0%"
        return [[self.tr("Sales that used coins"), str(count)],
                [self.tr("Coins taken"), str(coins)],
                [self.tr("Coin discounts (¥)"), format_fen(fen)],
                [self.tr("Share of the bills paid with coins"), share]]

    def _deal_rows(self, report: PeriodReport) -> list[list[str]]:
        names = {"opened": self.tr("Groups opened"), "filled": self.tr("Groups filled"),
                 "drawn": self.tr("Groups drawn"), "expired": self.tr("Groups expired"),
                 "cancelled": self.tr("Groups cancelled")}
        return [*([names[k], str(v)] for k, v in report.groups.items()),
                [self.tr("Deposits taken"), format_fen(report.deposits_taken_fen)],
                [self.tr("Deposits held now"), format_fen(report.deposits_held_fen)],
                [self.tr("Consolation cash paid"), format_fen(report.consolation_paid_fen)],
                [self.tr("Vouchers redeemed"), str(report.redemptions)]]

    def _charts(self, report: PeriodReport) -> None:
        busy = [h for h, n, _ in report.by_hour if n] or [11]
        first, last = min(10, *busy), max(21, *busy)  # opening hours, and any sale outside them
        hours = report.by_hour[first:last + 1]
        self.views["hours"].setChart(_bar_chart(self.tr("Sales by hour (¥)"),
                                                [f"{h}" for h, _, _ in hours],
                                                [_yuan(fen) for _, _, fen in hours], self.tr("Sales")))
        days = report.by_day[-14:]
        self.views["days"].setChart(_bar_chart(self.tr("Sales by day (¥)"), [f"{d:%m-%d}" for d, _, _ in days],
                                               [_yuan(fen) for _, _, fen in days], self.tr("Sales")))
        pie = QChart()
        pie.setTitle(self.tr("By tender"))
        series = QPieSeries()
        for kind, fen in report.by_tender:
            if fen > 0:
                series.append(f"{tender_name(kind)} {format_fen(fen)}", _yuan(fen))
        series.setLabelsVisible(False)  # the legend names each slice with its amount, whole
        pie.addSeries(series)
        pie.legend().setVisible(True)
        pie.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        pie.legend().setMinimumWidth(190)  # "微信支付 ￥1,301.80" whole beside the pie at 1024x768
        pie.setMargins(QMarginsF(2, 2, 2, 2).toMargins())
        self.views["tenders"].setChart(pie)
        groups = report.groups
        stages = list(zip(("opened", "filled", "drawn", "expired", "cancelled"),
                          (self.tr("opened"), self.tr("filled"), self.tr("drawn"), self.tr("expired"),
                           self.tr("cancelled")), strict=True))[::-1]  # bars go up from the bottom: opened on top
        self.views["deals"].setChart(_bar_chart(
            self.tr("Group deals"), [word for _, word in stages], [float(groups.get(k, 0)) for k, _ in stages],
            self.tr("Groups"), horizontal=True))

    def export_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Report to PDF"), "report.pdf", "PDF (*.pdf)")
        if name:
            self.export_pdf_to(Path(name))

    def export_pdf_to(self, path: Path) -> None:
        """The charts, then every table, on A4 pages."""
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        writer.setResolution(150)
        painter = QPainter(writer)
        try:
            width = writer.width()
            painter.drawText(QRect(0, 0, width, 60), Qt.AlignmentFlag.AlignLeft, self.summary.text())
            top = 70
            for key in ("hours", "days", "tenders", "deals"):
                picture = self.views[key].grab()
                height = int(picture.height() * (width / 2) / max(picture.width(), 1))
                left = 0 if key in ("hours", "tenders") else width // 2
                painter.drawPixmap(QRect(left, top, width // 2, height), picture)
                if left:
                    top += height + 10
            for table in self.tables.values():
                if top > writer.height() - 200:
                    writer.newPage()
                    top = 0
                line = painter.fontMetrics().height() + 4
                painter.drawText(0, top + line, " · ".join(table.headers))
                top += line + 4
                for row in table.rows:
                    if top > writer.height() - line:
                        writer.newPage()
                        top = 0
                    painter.drawText(0, top + line, "   ".join(row))
                    top += line
                top += line
        finally:
            painter.end()
        set_status(self.message, self.tr("Saved {path}").format(path=str(path)), ok=True)

    def _failed(self, exc: BaseException) -> None:
        set_status(self.message, describe(exc), ok=False)

    def prepare_screenshot(self) -> None:
        self.range.setCurrentIndex(1)  # this week
        wait_for_tasks()
