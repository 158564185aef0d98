"""The drawer: open a shift with a counted float when none is open; else the shift at a glance
(expected cash in large type, the drawer's lines as the X report has them), cash in and out
with a reason (a manager over the limit), the X report printed, another cashier taking over
the same drawer, and the way to the close."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.money import format_fen, parse_fen
from desktop.core.staff import Permission
from desktop.services.demo import DEMO_FLOAT
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.operations import run_op
from desktop.ui.override_dialog import approved_actor
from desktop.ui.screen import ScreenBase
from desktop.ui.shift_words import line_name
from desktop.ui.tasks import run_task, wait_for_tasks
from desktop.ui.theme import set_role
from desktop.ui.widgets import named
from desktop.ui.widgets.count_panel import CountPanel


class DrawerScreen(ScreenBase):
    message: QLabel  # always there (ScreenBase allows none)
    shows = frozenset({Change.SHIFTS, Change.GROUPS, Change.SETTINGS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("drawer")
        self.x_report: dict[str, Any] | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._open_page())
        self.stack.addWidget(self._shift_page())
        self.message = named(QLabel(self), "message", wordWrap=True)
        set_role(self.message, "message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        self.refresh()

    # --- no shift: count the float ---------------------------------------------------------

    def _open_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Open a shift: count the float into the drawer"), page)
        set_role(title, "title")
        self.float_panel = CountPanel(page)
        self.float_panel.setObjectName("float")
        self.open_button = named(QPushButton(self.tr("Open shift"), page), "open_shift")
        set_role(self.open_button, "primary")
        self.open_button.clicked.connect(self.open_shift)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Type how many of each note and coin are in the drawer."), page))
        layout.addWidget(self.float_panel)
        layout.addWidget(self.open_button)
        layout.addStretch(1)
        return page

    def open_shift(self) -> None:
        if not self.float_panel.counted():
            set_status(self.message, self.tr("Count the float first (type 0 for an empty drawer)"), ok=False)
            return
        try:
            count = self.float_panel.count()
        except UserError as exc:
            set_status(self.message, describe(exc), ok=False)
            return
        actor = self.ctx.actor
        run_op(self.ctx, lambda: self.ctx.services.shifts.open(actor, dict(count.pieces)), self._opened, self._failed, busy=[self.open_button])

    def _opened(self, shift_id: int) -> None:
        self.float_panel.clear()
        set_status(self.message, self.tr("Shift {n} is open").format(n=shift_id), ok=True)

    # --- an open shift ---------------------------------------------------------------------

    def _shift_page(self) -> QWidget:
        page = QWidget(self)
        self.heading = named(QLabel(page), "heading", wordWrap=True)
        set_role(self.heading, "headline")
        self.expected = named(QLabel(page), "expected")
        set_role(self.expected, "banner")
        self.lines = named(QTableWidget(0, 3, page), "drawer_lines")
        self.lines.setHorizontalHeaderLabels([self.tr("Drawer"), self.tr("Times"), self.tr("Amount")])
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().setVisible(False)
        self.direction = named(QComboBox(page), "direction")
        self.direction.addItem(self.tr("Cash out"), "out")
        self.direction.addItem(self.tr("Cash in"), "in")
        self.amount = named(QLineEdit(page), "amount", placeholderText=self.tr("Amount"))
        self.amount.setMaximumWidth(120)
        self.reason = named(QLineEdit(page), "reason",
                            placeholderText=self.tr("Reason (bank drop, change float…)"))
        self.move_button = named(QPushButton(self.tr("Record the move"), page), "record_move")
        set_role(self.move_button, "action")
        self.move_button.clicked.connect(self.cash_move)
        moves = QHBoxLayout()
        for widget in (self.direction, self.amount, self.reason, self.move_button):
            moves.addWidget(widget)
        self.print_x = named(QPushButton(self.tr("Print X report"), page), "print_x")
        self.print_x.clicked.connect(self.print_x_report)
        self.switch = named(QPushButton(self.tr("I take over this drawer"), page), "switch_cashier")
        self.switch.clicked.connect(self.switch_cashier)
        self.close_button = named(QPushButton(self.tr("Count and close the shift…"), page), "go_close")
        set_role(self.close_button, "primary", "blue")
        self.close_button.clicked.connect(lambda: self.navigate("shift_close"))
        buttons = QHBoxLayout()
        for widget in (self.print_x, self.switch):
            set_role(widget, "action")
        for widget in (self.print_x, self.switch, self.close_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.heading)
        layout.addWidget(self.expected)
        layout.addWidget(self.lines, 1)
        layout.addWidget(QLabel(self.tr("Cash in or out of the drawer"), page))
        layout.addLayout(moves)
        layout.addLayout(buttons)
        return page

    def refresh(self) -> None:
        shifts = self.ctx.services.shifts
        run_task(lambda: (shifts.current(), shifts.x_report() if shifts.current() else None), self._show,
                 self._failed)

    def _show(self, answer: tuple[Any, dict[str, Any] | None]) -> None:
        shift, x = answer
        self.x_report = x
        if shift is None or x is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.heading.setText(self.tr("Shift {n} · opened {at} by {who} · cashier {cashier}").format(
            n=shift.id, at=shift.opened_at[:16].replace("T", " "), who=shift.opened_by, cashier=shift.cashier))
        self.expected.setText(self.tr("Expected in the drawer: {amount}").format(amount=format_fen(x["expected_fen"])))
        rows = [(self.tr("Float"), "", x["float_fen"])] + [
            (line_name(line["line"]), str(line["count"]), line["fen"]) for line in x["drawer"]]
        self.lines.setRowCount(len(rows))
        for i, (name, times, fen) in enumerate(rows):
            for column, text in enumerate((name, times, format_fen(fen))):
                self.lines.setItem(i, column, QTableWidgetItem(text))

    def cash_move(self) -> None:
        try:
            fen = parse_fen(self.amount.text())
        except UserError as exc:
            set_status(self.message, describe(exc), ok=False)
            return
        limit, _ = self.ctx.services.shifts.limits()
        actor = self.ctx.actor
        if fen > limit:
            approved = approved_actor(self.ctx.services, actor, Permission.MANAGE_CASH, self, bus=self.ctx.bus)
            if approved is None:
                return
            actor = approved
        direction, reason = str(self.direction.currentData()), self.reason.text()
        services = self.ctx.services

        def move_and_kick() -> int:
            move_id = services.shifts.cash_move(actor, direction, fen, reason)
            services.print_jobs.print_cash_move(actor, services.shifts.cash_move_record(move_id))  # opens the drawer
            return move_id

        run_op(self.ctx, move_and_kick, self._moved, self._failed, busy=[self.move_button])

    def _moved(self, _id: int) -> None:
        self.amount.clear()
        self.reason.clear()
        set_status(self.message, self.tr("Recorded in the drawer"), ok=True)

    def print_x_report(self) -> None:
        actor, services = self.ctx.actor, self.ctx.services
        run_op(self.ctx, lambda: services.print_jobs.print_shift_report(actor, services.shifts.x_report()),
               lambda _jobs: set_status(self.message, self.tr("X report sent to the printer"), ok=True),
               self._failed, busy=[self.print_x])

    def switch_cashier(self) -> None:
        actor = self.ctx.actor
        run_op(self.ctx, lambda: self.ctx.services.shifts.switch_cashier(actor), lambda _r: set_status(self.message, self.tr("{name} has the drawer now").format(name=actor.name), ok=True),
               self._failed, busy=[self.switch])

    def _failed(self, text: str | BaseException, _exc: BaseException | None = None) -> None:
        set_status(self.message, text if isinstance(text, str) else describe(text), ok=False)

    def prepare_screenshot(self) -> None:
        wait_for_tasks()
        if self.stack.currentIndex() == 0:
            self.float_panel.set_counts(DEMO_FLOAT)
