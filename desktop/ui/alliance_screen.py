"""The alliance (manager): members locked to this merchant, what they spent at the other
merchants of the alliance in a month, the share this merchant earned from it, and a chart of
both per day. Read from the platform off the UI thread."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPainter
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


class AllianceScreen(ScreenBase):
    shows = frozenset({Change.SYNC})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("alliance")
        self.runtime: SyncRuntime | None = ctx.sync.runtime if ctx.sync is not None else None
        self.answer: dict[str, Any] | None = None
        self.month = QDateEdit(QDate.currentDate(), self, objectName="month", calendarPopup=True)
        self.month.setDisplayFormat("yyyy-MM")
        self.show_button = QPushButton(self.tr("Show"), self, objectName="show")
        set_role(self.show_button, "primary", "blue")
        self.show_button.clicked.connect(self.load)
        self.summary = QLabel(self, objectName="summary", wordWrap=True)
        set_role(self.summary, "headline")
        self.chart = QChart()
        self.chart.setTitle(self.tr("Per day"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart, self, objectName="chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.members = QTableWidget(0, 4, self, objectName="members")
        self.members.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Phone"), self.tr("Locked since"),
                                                self.tr("Spent at other merchants")])
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members.verticalHeader().setVisible(False)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Month")), self.month, self.show_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart_view, 2)
        layout.addWidget(self.members, 1)

    def bounds(self) -> tuple[Any, Any]:
        day: date = self.month.date().toPython()
        return st.period_bounds("month", day)

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
            "{n} members locked to this merchant spent {spend} at other merchants; share earned {share}").format(
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
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        spend, share = QBarSet(self.tr("Spent elsewhere (whole CNY)")), QBarSet(self.tr("Share earned (whole CNY)"))
        spend.setColor(QColor("#90caf9"))
        share.setColor(QColor("#2e7d32"))
        for day in days:
            spend.append(_yuan(int(day["spend_elsewhere_fen"])))
            share.append(_yuan(int(day["share_fen"])))
        series = QBarSeries()
        series.append(spend)
        series.append(share)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([d["day"][-2:] for d in days])
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%.0f")
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        set_status(self.summary, describe(exc), ok=False)


def _yuan(fen: int) -> int:
    """Whole yuan, half-up: the chart's bar heights (the amounts themselves stay in fen)."""
    return (fen + 50) // 100 if fen >= 0 else -((-fen + 50) // 100)
