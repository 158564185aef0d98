"""The alliance (manager): members locked to this merchant, what they spent at the other
merchants of the alliance in a month, the share this merchant earned from it, and a chart of
both per day. Read from the platform off the UI thread."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import statement as st
from desktop.core.clock import from_iso
from desktop.core.money import format_fen
from desktop.sync.runtime import SyncRuntime
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.screen import ScreenBase
from desktop.ui.tasks import run_task
from desktop.ui.theme import set_role

WINDOW_DAYS = 14


_W = TypeVar("_W", bound=QWidget)


class AllianceScreen(ScreenBase):
    shows = frozenset({Change.SYNC})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("alliance")
        self.runtime: SyncRuntime | None = ctx.sync.runtime if ctx.sync is not None else None
        self.answer: dict[str, Any] | None = None
        self.day = _named(QDateEdit(QDate.currentDate(), self), "day")
        self.day.setCalendarPopup(True)
        self.show_button = _named(QPushButton(self.tr("Show"), self), "show")
        set_role(self.show_button, "primary", "blue")
        self.show_button.clicked.connect(self.load)
        self.summary = _named(QLabel(self), "summary")
        self.summary.setWordWrap(True)
        set_role(self.summary, "headline")
        self.chart = QChart()
        self.chart.setTitle(self.tr("Per day"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = _named(QChartView(self.chart, self), "chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.members = _named(QTableWidget(0, 4, self), "members")
        self.members.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Phone"), self.tr("Locked since"),
                                                self.tr("Spent at other merchants")])
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members.verticalHeader().setVisible(False)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Two weeks up to")), self.day, self.show_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart_view, 2)
        layout.addWidget(self.members, 1)

    def bounds(self) -> tuple[datetime, datetime]:
        """The 14 days up to the chosen day, in the platform's days."""
        day: date = _day(self.day.date())
        return st.period_bounds("day", day - timedelta(days=WINDOW_DAYS - 1))[0], st.period_bounds("day", day)[1]

    def load(self) -> None:
        if self.runtime is None:
            set_status(self.summary, self.tr("Sync is not available"), ok=False)
            return
        self.show_button.setEnabled(False)
        runtime, (start, end) = self.runtime, self.bounds()
        run_task(lambda: runtime.alliance(start, end), self.show_answer, self._failed)

    def prepare_screenshot(self) -> None:
        if self.runtime is not None:
            if self.runtime.worker is not None:
                self.runtime.worker.run_round()
            self.show_answer(self.runtime.alliance(*self.bounds()))

    def show_answer(self, answer: dict[str, Any]) -> None:
        self.show_button.setEnabled(True)
        self.answer = answer
        self.summary.setText(self.tr(
            "{n} members are locked to this merchant. In these two weeks they spent {spend} at other "
            "merchants of the alliance, and this merchant earned {share} in alliance shares.").format(
            n=answer["locked_members"], spend=format_fen(int(answer["spend_elsewhere_fen"])),
            share=format_fen(int(answer["share_fen"]))))
        self._chart(answer["days"])
        members = answer["members"]
        self.members.setRowCount(len(members))
        for i, m in enumerate(members):
            since = from_iso(m["locked_at"]).astimezone().strftime("%Y-%m-%d") if m.get("locked_at") else ""
            cells = (m["name"], m["phone_masked"], since, format_fen(int(m["spend_elsewhere_fen"])))
            for column, value in enumerate(cells):
                self.members.setItem(i, column, QTableWidgetItem(value))

    def _chart(self, days: list[dict[str, Any]]) -> None:
        """Spend at other merchants as bars (left axis), the share earned as a line (right axis,
        its own scale: it is a small part of the spend). Plotted in CNY: display only."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        spend = QBarSet(self.tr("Spent at other merchants (CNY)"))
        spend.setColor(QColor("#90caf9"))
        share = QLineSeries()
        share.setName(self.tr("Share earned (CNY)"))
        share.setPen(QPen(QColor("#2e7d32"), 3))
        for n, day in enumerate(days):
            spend.append(_yuan(int(day["spend_elsewhere_fen"])))
            share.append(n, _yuan(int(day["share_fen"])))
        bars = QBarSeries()
        bars.append(spend)
        self.chart.addSeries(bars)
        self.chart.addSeries(share)
        categories = QBarCategoryAxis()
        categories.append([d["day"][-2:] for d in days])
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(categories)
        share.attachAxis(categories)
        for series, side, fmt in ((bars, Qt.AlignmentFlag.AlignLeft, "%.0f"), (share, Qt.AlignmentFlag.AlignRight, "%.2f")):
            axis = QValueAxis()
            axis.setLabelFormat(fmt)
            axis.setMin(0)
            self.chart.addAxis(axis, side)
            series.attachAxis(axis)

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        set_status(self.summary, describe(exc), ok=False)


def _yuan(fen: int) -> float:
    """A plotted height in CNY: display only, never added up (the amounts stay in fen)."""
    return fen / 100


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
