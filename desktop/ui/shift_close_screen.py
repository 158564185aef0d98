"""Closing the shift: count the drawer by denomination; expected, counted and the over/short
in large type as the count is typed; a reason (and a manager) when it is off by more than the
limit; then the Z report is numbered, stored and printed (a failed print keeps the report:
print it again here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.money import format_fen
from desktop.core.staff import Permission
from desktop.services.shifts import ZInfo
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.operations import run_op
from desktop.ui.override_dialog import approved_actor
from desktop.ui.screen import ScreenBase
from desktop.ui.tasks import run_task, wait_for_tasks
from desktop.ui.theme import set_role, set_tone
from desktop.ui.widgets import named
from desktop.ui.widgets.count_panel import CountPanel


class ShiftCloseScreen(ScreenBase):
    message: QLabel  # always there (ScreenBase allows none)
    shows = frozenset({Change.SHIFTS, Change.GROUPS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("shift_close")
        self.expected_fen: int | None = None
        self.last_z: ZInfo | None = None
        title = QLabel(self.tr("Close the shift: count the drawer"), self)
        set_role(title, "title")
        self.panel = CountPanel(self)
        self.panel.setObjectName("count")
        self.panel.changed.connect(self._update)
        self.expected = named(QLabel(self), "expected")
        self.counted = named(QLabel(self), "counted")
        self.difference = named(QLabel(self), "over_short")
        for label in (self.expected, self.counted):
            set_role(label, "headline")
        set_role(self.difference, "verdict")
        self.reason = named(QLineEdit(self), "reason",
                            placeholderText=self.tr("Why the drawer is off (needed beyond the limit)"))
        self.close_button = named(QPushButton(self.tr("Close shift and print the Z report"), self), "close_shift")
        set_role(self.close_button, "primary")
        self.close_button.clicked.connect(self.close_shift)
        self.reprint = named(QPushButton(self.tr("Print the Z report again"), self), "reprint_z", enabled=False)
        set_role(self.reprint, "action")
        self.reprint.clicked.connect(self.print_again)
        self.message = named(QLabel(self), "message", wordWrap=True)
        set_role(self.message, "message")
        figures = QGridLayout()
        figures.addWidget(self.expected, 0, 0)
        figures.addWidget(self.counted, 0, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reprint)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.panel)
        layout.addLayout(figures)
        layout.addWidget(self.difference)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        shifts = self.ctx.services.shifts
        run_task(lambda: shifts.x_report() if shifts.current() else None, self._show, self._failed)

    def _show(self, x: dict[str, Any] | None) -> None:
        self.expected_fen = None if x is None else int(x["expected_fen"])
        self.close_button.setEnabled(x is not None)
        self._update()

    def _difference(self) -> int | None:
        if self.expected_fen is None or not self.panel.counted():
            return None
        try:
            return self.panel.count().total_fen - self.expected_fen
        except UserError:
            return None

    def _update(self) -> None:
        if self.expected_fen is None:
            self.expected.setText(self.tr("No shift is open"))
            self.counted.clear()
            self.difference.clear()
            return
        self.expected.setText(self.tr("Expected {amount}").format(amount=format_fen(self.expected_fen)))
        difference = self._difference()
        if difference is None:
            self.counted.setText(self.tr("Counted: not yet"))
            self.difference.clear()
            return
        self.counted.setText(self.tr("Counted {amount}").format(amount=format_fen(self.expected_fen + difference)))
        if difference == 0:
            self.difference.setText(self.tr("Even"))
        elif difference > 0:
            self.difference.setText(self.tr("Over {amount}").format(amount=format_fen(difference)))
        else:
            self.difference.setText(self.tr("Short {amount}").format(amount=format_fen(-difference)))
        _, limit = self.ctx.services.shifts.limits()
        set_tone(self.difference, "ok" if difference == 0 else "warn" if abs(difference) <= limit else "error")

    def close_shift(self) -> None:
        if not self.panel.counted():
            set_status(self.message, self.tr("Count the drawer first (type 0 where there is none)"), ok=False)
            return
        try:
            count = self.panel.count()
        except UserError as exc:
            set_status(self.message, describe(exc), ok=False)
            return
        difference = self._difference() or 0
        _, limit = self.ctx.services.shifts.limits()
        actor = self.ctx.actor
        if abs(difference) > limit:
            if not self.reason.text().strip():
                set_status(self.message, self.tr("The drawer is off by more than {limit}: say why").format(
                    limit=format_fen(limit)), ok=False)
                return
            approved = approved_actor(self.ctx.services, actor, Permission.MANAGE_CASH, self, bus=self.ctx.bus)
            if approved is None:
                return
            actor = approved
        services, reason = self.ctx.services, self.reason.text()

        def close_and_print() -> tuple[ZInfo, str]:
            z = services.shifts.close(actor, dict(count.pieces), reason)
            try:
                services.print_jobs.print_shift_report(actor, z.totals)
            except UserError as exc:  # the Z report stands; printing it again is a button away
                return z, describe(exc)
            return z, ""

        run_op(self.ctx, close_and_print, self._closed, self._failed,
               busy=[self.close_button])

    def _closed(self, answer: tuple[ZInfo, str]) -> None:
        z, print_problem = answer
        self.last_z = z
        self.reprint.setEnabled(True)
        self.panel.clear()
        self.reason.clear()
        text = self.tr("Shift closed: Z report #{n}").format(n=z.number)
        if print_problem:
            text += " · " + self.tr("not printed: {why}").format(why=print_problem)
        set_status(self.message, text, ok=not print_problem)

    def print_again(self) -> None:
        z, actor, services = self.last_z, self.ctx.actor, self.ctx.services
        if z is None:
            return
        run_op(self.ctx, lambda: services.print_jobs.print_shift_report(actor, z.totals, reprint=True),
               lambda _jobs: set_status(self.message, self.tr("Z report sent to the printer"), ok=True),
               self._failed, busy=[self.reprint])

    def _failed(self, text: str | BaseException, _exc: BaseException | None = None) -> None:
        set_status(self.message, text if isinstance(text, str) else describe(text), ok=False)

    def prepare_screenshot(self) -> None:
        """The demo count: ¥3.50 short of what the drawer should hold."""
        wait_for_tasks()
        if self.expected_fen is None:
            return
        from desktop.core.drawer import DENOMINATIONS

        left, pieces = self.expected_fen - 350, {}
        for value in DENOMINATIONS:
            pieces[value], left = divmod(left, value)
        self.panel.set_counts(pieces)
        self.reason.setText(self.tr("Gave ¥3.50 too much change"))
