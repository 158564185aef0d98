"""The redemption history (验券记录): the store's redemptions between two days, searched by
code, product, staff or terminal, with the total of each day; a redemption made by mistake is
reversed within the window by a manager, with a reason (the voucher becomes redeemable)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff import Permission
from desktop.services.redemption_history import RedemptionHistory
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.operations import run_op
from desktop.ui.override_dialog import approved_actor
from desktop.ui.screen import ScreenBase
from desktop.ui.tasks import run_task
from desktop.ui.theme import set_role
from desktop.ui.widgets import named


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%m-%d %H:%M")


class RedemptionsScreen(ScreenBase):
    message: QLabel  # always there (ScreenBase allows none)
    shows = frozenset({Change.VOUCHERS, Change.SHIFTS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("redemptions")
        self.history: RedemptionHistory | None = None
        day = ctx.services.redemption_history.today()
        today = QDate(day.year, day.month, day.day)
        self.start = named(QDateEdit(today, self), "start", calendarPopup=True)
        self.end = named(QDateEdit(today, self), "end", calendarPopup=True)
        self.search = named(QLineEdit(self), "search", placeholderText=self.tr("Code, product, staff…"))
        self.search.returnPressed.connect(self.refresh)
        show = named(QPushButton(self.tr("Show"), self), "show")
        set_role(show, "action")
        show.clicked.connect(self.refresh)
        self.totals = named(QLabel(self), "totals", wordWrap=True)
        set_role(self.totals, "headline")
        self.table = named(QTableWidget(0, 6, self), "history")
        self.table.setHorizontalHeaderLabels([self.tr("Redeemed at"), self.tr("Code"), self.tr("Product"),
                                              self.tr("Staff"), self.tr("Terminal"), self.tr("Status")])
        header = self.table.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.reason = named(QLineEdit(self), "reason", placeholderText=self.tr("Why it is reversed"))
        self.reverse_button = named(QPushButton(self.tr("Reverse the selected redemption"), self), "reverse")
        set_role(self.reverse_button, "action")
        self.reverse_button.clicked.connect(self.reverse)
        self.message = named(QLabel(self), "message", wordWrap=True)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.start, QLabel(self.tr("to")), self.end, self.search, show):
            top.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.reverse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.refresh()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        (start, end), text = self.period(), self.search.text()
        service = self.ctx.services.redemption_history
        run_task(lambda: service.history(start, end, text), self._show, self._failed)

    def _show(self, history: RedemptionHistory) -> None:
        self.history = history
        days = [self.tr("{month}/{day}: {n}").format(month=day.month, day=day.day, n=n)
                for day, n in history.per_day.items()]
        self.totals.setText(" · ".join([self.tr("{n} redeemed").format(n=history.total), *days]))
        self.table.setRowCount(len(history.lines))
        for i, line in enumerate(history.lines):
            status = (self.tr("Reversed {at} by {who}: {why}").format(
                at=_local(line.reversed_at), who=line.reversed_by, why=line.reason)
                if line.reversed_at is not None else self.tr("Redeemed"))
            cells = (_local(line.redeemed_at), line.code, line.product, line.staff, line.terminal, status)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, line.voucher_id)
                self.table.setItem(i, column, item)

    def selected_voucher(self) -> str | None:
        if self.history is None:
            return None
        row = self.table.currentRow()
        if not 0 <= row < len(self.history.lines):
            return None
        line = self.history.lines[row]
        return None if line.reversed else line.voucher_id

    def reverse(self) -> None:
        voucher_id = self.selected_voucher()
        if voucher_id is None:
            set_status(self.message, self.tr("Choose a redemption that stands"), ok=False)
            return
        if not self.reason.text().strip():
            set_status(self.message, self.tr("Say why it is reversed"), ok=False)
            return
        actor = approved_actor(self.ctx.services, self.ctx.actor, Permission.REVERSE_REDEMPTION, self,
                               bus=self.ctx.bus)
        if actor is None:
            return
        reason, service = self.reason.text(), self.ctx.services.redemption_history
        run_op(self.ctx, lambda: service.reverse(actor, voucher_id, reason), self._reversed, self._failed, busy=[self.reverse_button])

    def _reversed(self, _result: object) -> None:
        self.reason.clear()
        set_status(self.message, self.tr("Reversed: the voucher can be redeemed again"), ok=True)

    def _failed(self, text: str | BaseException, _exc: BaseException | None = None) -> None:
        set_status(self.message, text if isinstance(text, str) else describe(text), ok=False)
