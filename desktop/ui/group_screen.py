"""One group at the counter: seats filling live, commitment, enrol by scan or phone, Draw,
the proof, vouchers, cancel (manager approval) and printing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.groups import GroupState
from desktop.core.money import format_fen
from desktop.core.staff import Permission
from desktop.services.group_views import GroupView
from desktop.ui.context import UiContext
from desktop.ui.group_printing import print_invite, print_results
from desktop.ui.i18n import current_language
from desktop.ui.messages import describe, set_status
from desktop.ui.models.deal_tables import EntriesModel, state_name
from desktop.ui.override_dialog import approved_actor
from desktop.ui.styles import GREEN, action_button, primary_button
from desktop.ui.widgets.scan_field import ScanField

BIG = "font-size: 15pt; padding: 8px 16px;"
REVEAL_MS = 600  # the winners' rows flash this long; the counter is never blocked


class GroupScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("group")
        self.ctx = ctx
        self.view: GroupView | None = None
        self.chooser = QComboBox(self, objectName="group_chooser")
        self.chooser.activated.connect(lambda _i: self.show_group(self.chooser.currentData()))
        self.title = QLabel(self, objectName="title")
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.seats = QLabel(self, objectName="seats")
        self.seats.setStyleSheet("font-size: 26pt; font-weight: bold; color: #0d47a1;")
        self.details = QLabel(self, objectName="details", wordWrap=True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = EntriesModel()
        self.table = QTableView(self, objectName="entries")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setStyleSheet("font-size: 13pt;")
        self.scan = ScanField(self, keep_text=True)
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("Scan member code or type phone, then Enter"))
        self.scan.setStyleSheet("font-size: 16pt;")
        self.scan.submitted.connect(lambda _text: self.enrol())
        self.tender = QComboBox(self, objectName="tender")
        self.tender.addItem(self.tr("Cash"), "cash")
        self.tender.addItem(self.tr("Card"), "card")
        self.enrol_button = self._button("enrol", self.tr("Enrol"), self.enrol)
        self.draw_button = self._button("draw", self.tr("Draw"), self.draw)
        self.draw_button.setStyleSheet(primary_button(GREEN))
        self.cancel_button = self._button("cancel_group", self.tr("Cancel group"), self.cancel)
        self.proof_button = self._button("export_proof", self.tr("Export proof…"), self.export_proof)
        self.invite_button = self._button("print_invite", self.tr("Print invite"), self.print_invite)
        self.results_button = self._button("print_results", self.tr("Print vouchers + draw slip"),
                                           self.print_results)
        self.message = QLabel(self, objectName="message", wordWrap=True)
        self.message.setStyleSheet("font-size: 14pt;")
        self._layout()
        self.refresh()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        return action_button(self, name, text, slot, BIG)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.seats)
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.scan, 3)
        enrol_row.addWidget(self.tender)
        enrol_row.addWidget(self.enrol_button)
        actions = QHBoxLayout()
        for button in (self.draw_button, self.invite_button, self.results_button,
                       self.proof_button, self.cancel_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(enrol_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        groups = self.ctx.services.group_views.list_groups()
        self.chooser.clear()
        for g in groups:
            self.chooser.addItem(_choice_label(g.product, g.state, g.taken, g.size, g.id), g.id)
        wanted = self.view.id if self.view else next(
            (g.id for g in groups if g.state in (GroupState.OPEN, GroupState.FULL)),
            groups[0].id if groups else None)
        if wanted:
            self.show_group(wanted)
        else:
            self.title.setText(self.tr("No groups yet: open one from a launched deal"))
            self._enable(None)

    def show_group(self, group_id: str) -> None:
        try:
            self.view = self.ctx.services.group_views.view(group_id)
        except UserError as exc:
            set_status(self.message, describe(exc), ok=False)
            return
        index = self.chooser.findData(group_id)
        if index < 0:
            self.chooser.addItem(group_id, group_id)
            index = self.chooser.count() - 1
        self.chooser.setCurrentIndex(index)
        self._render(self.view)

    def _render(self, view: GroupView) -> None:
        self.chooser.setItemText(self.chooser.currentIndex(), _choice_label(  # seats and state now
            view.terms.product_name, view.state, len(view.entries), view.terms.group_size, view.id))
        self.title.setText(f"{view.terms.product_name} — {state_name(view.state.value)}")
        self.seats.setText(self.tr("{taken} / {size} seats").format(
            taken=len(view.entries), size=view.terms.group_size))
        local = view.deadline.astimezone().strftime("%Y-%m-%d %H:%M")
        lines = [self.tr("Group {id} · fill by {deadline} · {k} winner(s)").format(
            id=view.id, deadline=local, k=view.terms.winners),
            self.tr("Commitment: {c}").format(c=view.commitment)]
        if view.seed_hex:
            lines.append(self.tr("Seed (revealed): {s}").format(s=view.seed_hex))
        for voucher in view.vouchers:
            lines.append(self.tr("Voucher {code} valid until {date}").format(
                code=voucher.fallback_code, date=voucher.expires_at.astimezone().strftime("%Y-%m-%d")))
        self.details.setText("\n".join(lines))
        self.model.set_rows(view.entries)
        self.model.set_winners(set(view.winners))
        self._enable(view)

    def _enable(self, view: GroupView | None) -> None:
        state = view.state if view else None
        self.scan.setEnabled(state is GroupState.OPEN)
        self.enrol_button.setEnabled(state is GroupState.OPEN)
        self.draw_button.setEnabled(state is GroupState.FULL)
        self.cancel_button.setEnabled(state is GroupState.OPEN)
        self.invite_button.setEnabled(state is GroupState.OPEN)
        drawn = state in (GroupState.DRAWN, GroupState.SETTLED)
        self.proof_button.setEnabled(drawn)
        self.results_button.setEnabled(drawn)

    # --- actions ------------------------------------------------------------------------------

    def enrol(self) -> None:
        if self.view is None:
            return
        try:
            self.ctx.services.groups.enrol(self.ctx.actor, self.view.id, self.scan.text(),
                                           str(self.tender.currentData()))
        except UserError as exc:
            set_status(self.message, describe(exc), ok=False)
            self.scan.selectAll()
            return
        self.scan.clear()
        self.show_group(self.view.id)
        full = self.view.state is GroupState.FULL
        set_status(self.message, self.tr("Group full: press Draw") if full else self.tr("Enrolled"), ok=True)

    def draw(self) -> None:
        if self.view is None:
            return
        try:
            outcome = self.ctx.services.draws.draw_and_settle(self.ctx.actor, self.view.id)
        except UserError as exc:
            set_status(self.message, describe(exc), ok=False)
            return
        self.show_group(outcome.group_id)
        self._reveal()
        names = ", ".join(e.label for e in self.view.entries if e.id in outcome.winners) if self.view else ""
        set_status(self.message, self.tr("Winner: {names}. Losers refunded.").format(names=names), ok=True)

    def _reveal(self) -> None:
        """Flash the winners' rows a few times without blocking anything."""
        for step in range(4):
            QTimer.singleShot(step * REVEAL_MS // 4,
                              lambda on=step % 2 == 1: self.model.set_winners(self.model.winners, on))
        QTimer.singleShot(REVEAL_MS, lambda: self.model.set_winners(self.model.winners, True))

    def cancel(self) -> None:
        if self.view is None:
            return
        actor = approved_actor(self.ctx.services, self.ctx.actor, Permission.CANCEL_GROUP, self)
        if actor is None:
            return
        try:
            refunded = self.ctx.services.groups.cancel(actor, self.view.id, "cancelled at the counter")
        except UserError as exc:
            set_status(self.message, describe(exc), ok=False)
            return
        self.show_group(self.view.id)
        set_status(self.message, self.tr("Group cancelled: {amount} refunded").format(
            amount=format_fen(refunded, current_language())), ok=True)

    def export_proof(self, path: str | None = None) -> None:
        if self.view is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export draw proof"),
                                                  f"draw-{self.view.id}.json", "JSON (*.json)")
        if not path:
            return
        try:
            Path(path).write_text(self.ctx.services.draws.export_proof(self.view.id), encoding="utf-8")
        except (UserError, OSError) as exc:
            set_status(self.message, describe(exc) if isinstance(exc, UserError) else str(exc), ok=False)
            return
        set_status(self.message, self.tr("Proof saved to {path}").format(path=path), ok=True)

    def print_invite(self) -> None:
        if self.view is not None:
            print_invite(self.ctx, self.view.id, self)

    def print_results(self) -> None:
        if self.view is not None:
            print_results(self.ctx, self.view.id, self)


def _choice_label(product: str, state: GroupState, taken: int, size: int, group_id: str) -> str:
    return f"{product} · {state_name(state.value)} · {taken}/{size} · {group_id}"
