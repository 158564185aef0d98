"""One group at the counter: seats filling live, commitment, enrol by scan or phone, Draw,
what each person gets back, the proof, vouchers, open a new group of a launched deal, cancel
(manager approval, with a reason) and printing.

Every use case that writes runs through `run_op` (off the UI thread, the change broadcast
on success); the common actions have F-keys (desktop.ui.keys) shown on their buttons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.groups import GroupState
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import format_fen
from desktop.core.staff import Permission
from desktop.services.draws import DrawOutcome
from desktop.services.group_views import GroupView
from desktop.ui import keys
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.group_print_buttons import GroupPrinting
from desktop.ui.group_printing import refund_slips_printed, results_printed
from desktop.ui.hand_back import REFUNDED_STATES, describe_hand_back, hand_back, refund_summary
from desktop.ui.i18n import current_language
from desktop.ui.messages import attempt, set_status, status_shower
from desktop.ui.models.deal_tables import EntriesModel, state_name
from desktop.ui.operations import run_op
from desktop.ui.override_dialog import approved_actor
from desktop.ui.screen import ScreenBase
from desktop.ui.theme import action_button, set_role
from desktop.ui.widgets import named
from desktop.ui.widgets.scan_field import ScanField

log = logging.getLogger(__name__)
REVEAL_MS = 600  # the winners' rows flash this long; the counter is never blocked


class GroupScreen(GroupPrinting, ScreenBase):
    shows = frozenset({Change.GROUPS, Change.VOUCHERS, Change.DEALS})
    message: QLabel  # always there (ScreenBase allows none)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("group")
        self.view: GroupView | None = None
        self.chooser = _compact(named(QComboBox(self), "group_chooser"))
        self.chooser.activated.connect(lambda _i: self.show_group(self.chooser.currentData()))
        self.title = set_role(named(QLabel(self, wordWrap=True), "title"), "title")
        self.seats = set_role(named(QLabel(self), "seats"), "seats")
        self.details = named(QLabel(self, wordWrap=True), "details")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = EntriesModel()
        self.table = named(QTableView(self), "entries")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.scan = ScanField(self, keep_text=True)
        self.scan.setObjectName("scan")
        set_role(self.scan, "scan")
        self.scan.setPlaceholderText(self.tr("Scan member code or type phone, then Enter"))
        self.scan.submitted.connect(lambda _text: self.enrol())
        self.scan.textEdited.connect(lambda _text: self._field_edited())
        self.tender = named(QComboBox(self), "tender")
        self.tender.addItem(self.tr("Cash"), "cash")
        self.tender.addItem(self.tr("Card"), "card")
        self.deal = _compact(named(QComboBox(self), "new_group_deal"))
        self.enrol_button = keys.bind(self._button("enrol", self.tr("Enrol"), self.enrol, "primary"), keys.ENROL)
        self.open_button = keys.bind(self._button("open_group", self.tr("Open a new group"), self.open_group),
                                     keys.OPEN_GROUP)
        self.draw_button = keys.bind(self._button("draw", self.tr("Draw"), self.draw, "primary"), keys.DRAW)
        self.cancel_button = keys.bind(self._button("cancel_group", self.tr("Cancel group"), self.cancel),
                                       keys.CANCEL_GROUP)
        self.proof_button = keys.bind(self._button("export_proof", self.tr("Export proof…"), self.export_proof),
                                      keys.EXPORT_PROOF)
        self.invite_button = keys.bind(self._button("print_invite", self.tr("Print invite"), self.print_invite),
                                       keys.PRINT_INVITE)
        self.results_button = self._button("print_results", "", self.print_results)
        self.slips_button = self._button("print_refund_slips", "", self.print_refund_slips)
        self.deposit_button = keys.bind(self._button(
            "reprint_deposit_slip", self.tr("Reprint deposit slip (COPY)"), self.reprint_deposit_slip),
            keys.REPRINT_DEPOSIT_SLIP)
        self.message = set_role(named(QLabel(self, wordWrap=True), "message"), "message")
        self._printing = False
        self._printing_slips = False
        self._last_entry: str | None = None  # the last person enrolled here: their slip reprints
        self._enrolling = False
        self._pending: list[str] = []  # scans waiting while one is written
        self._layout()
        self.table.selectionModel().selectionChanged.connect(  # a chosen row's slip reprints
            lambda *_args: self.deposit_button.setEnabled(self._deposit_entry() is not None))
        self.refresh()

    def _button(self, name: str, text: str, slot: Callable[[], object], role: str = "action") -> QPushButton:
        return action_button(self, name, text, slot, role)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.seats)
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.chooser, 3)
        choose_row.addWidget(QLabel(self.tr("New group of"), self))
        choose_row.addWidget(self.deal, 2)
        choose_row.addWidget(self.open_button)
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.scan, 1)
        enrol_row.addWidget(self.tender)
        enrol_row.addWidget(self.enrol_button)
        actions = QGridLayout()  # two rows: every label stays whole at 1024×768
        actions.addWidget(self.draw_button, 0, 0)
        actions.addWidget(self.results_button, 0, 1)
        actions.addWidget(self.slips_button, 0, 2)
        actions.addWidget(self.invite_button, 1, 0)
        actions.addWidget(self.proof_button, 1, 1)
        actions.addWidget(self.cancel_button, 1, 2)
        actions.addWidget(self.deposit_button, 2, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(choose_row)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(enrol_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._load_deals()
        groups = self.ctx.services.group_views.list_groups()
        self.chooser.clear()
        for g in groups:
            self.chooser.addItem(_choice_label(g.product, g.state, g.taken, g.size, g.id), g.id)
        wanted = self.view.id if self.view else next(
            (g.id for g in groups if g.state in (GroupState.OPEN, GroupState.FULL)),
            groups[0].id if groups else None)
        if wanted:
            self.show_group(wanted, keep_message=True)
        else:
            self.title.setText(self.tr("No groups yet: open one from a launched deal"))
            self._enable(None)

    def _load_deals(self) -> None:
        chosen = self.deal.currentData()
        self.deal.clear()
        for info in self.ctx.services.deals.list_deals():
            if info.launched:
                self.deal.addItem(info.terms.product_name, info.id)
        self.deal.setCurrentIndex(max(0, self.deal.findData(chosen)))

    def show_group(self, group_id: str, *, keep_message: bool = False) -> None:
        """Show a group; an outcome shown for another group does not stay under this one."""
        if not keep_message or (self.view is not None and self.view.id != group_id):
            self.clear_message()
        view = attempt(lambda: self.ctx.services.group_views.view(group_id), status_shower(self.message),
                       f"showing group {group_id}")
        if view is None:
            return
        self.view = view
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
        if view.state in REFUNDED_STATES and view.entries:
            lines.append(refund_summary(view))
        self.details.setText("\n".join(lines))
        self.model.set_rows(view.entries)
        self.model.set_winners(set(view.winners))
        backs = {e.id: hand_back(view, e) for e in view.entries}
        self.model.set_results({i: describe_hand_back(view, b) for i, b in backs.items() if b is not None})
        self._enable(view)

    def _enable(self, view: GroupView | None) -> None:
        state = view.state if view else None
        # the scan field also takes a new group's leader, except while a full group waits for its draw
        self.scan.setEnabled(state is GroupState.OPEN or (state is not GroupState.FULL and self.deal.count() > 0))
        self.enrol_button.setEnabled(state is GroupState.OPEN)
        self.draw_button.setEnabled(state is GroupState.FULL)
        self.cancel_button.setEnabled(state is GroupState.OPEN)
        self.invite_button.setEnabled(state is GroupState.OPEN)
        self.open_button.setEnabled(self.deal.count() > 0)
        drawn = state in (GroupState.DRAWN, GroupState.SETTLED)
        self.proof_button.setEnabled(drawn)
        self.results_button.setEnabled(drawn and not self._printing)
        again = view is not None and drawn and results_printed(self.ctx, view.id)
        self.results_button.setText(self.tr("Reprint vouchers + draw slip (COPY)") if again
                                    else self.tr("Print vouchers + draw slip"))
        keys.bind(self.results_button, keys.PRINT_RESULTS)
        hand_back_due = drawn or state in REFUNDED_STATES
        self.slips_button.setEnabled(hand_back_due and not self._printing_slips)
        slips_again = view is not None and hand_back_due and refund_slips_printed(self.ctx, view.id)
        self.slips_button.setText(self.tr("Reprint refund slips (COPY)") if slips_again
                                  else self.tr("Print refund slips"))
        keys.bind(self.slips_button, keys.PRINT_REFUND_SLIPS)
        self.deposit_button.setEnabled(self._deposit_entry() is not None)
        if state is GroupState.OPEN and self.isVisible():
            self.scan.setFocus()

    def _field_edited(self) -> None:
        """A refusal of what was in the field goes once the field is changed."""
        if self.message is not None and self.message.property("tone") == "error":
            self.clear_message()

    def activate(self) -> None:
        if not self._enrolling:
            self.scan.clear()  # a code refused on the last visit belongs to that customer
        super().activate()
        if self.scan.isEnabled():
            self.scan.setFocus()

    # --- actions ------------------------------------------------------------------------------

    def enrol(self) -> None:
        """Seat whoever is in the scan field. The field is cleared at once so the next scan can
        come in while this one is written; scans that come meanwhile wait their turn."""
        who = self.scan.text()
        if not who.strip():
            return
        self.scan.clear()
        self._pending.append(who)
        if not self._enrolling:
            self._next_enrol()

    def _next_enrol(self) -> None:
        view = self.view
        if not self._pending:
            return
        who = self._pending.pop(0)
        if view is None or view.state is not GroupState.OPEN:
            self._pending.clear()
            self.scan.setText(who)
            set_status(self.message, self.tr("This group takes nobody: press {key} to open a new group "
                                             "with this leader").format(key=keys.OPEN_GROUP), ok=False)
            return
        self._enrolling = True
        actor, tender = self.ctx.actor, str(self.tender.currentData())
        run_op(self.ctx, lambda: self.ctx.services.groups.enrol(actor, view.id, who, tender),
               lambda entry_id: self._enrolled(view.id, entry_id),
               lambda text, _exc: self._enrol_failed(text, who),
               busy=[self.enrol_button], doing=f"enrolling into group {view.id}")

    def _enrolled(self, group_id: str, entry_id: str) -> None:
        self._enrolling = False
        self._print_deposit_slip(entry_id)
        self.show_group(group_id)
        full = self.view is not None and self.view.state is GroupState.FULL
        set_status(self.message, self.tr("Group full: press Draw") if full else self.tr("Enrolled"), ok=True)
        if full:
            self.draw_button.setFocus()
        self._next_enrol()

    def _enrol_failed(self, text: str, who: str) -> None:
        """The refused code goes back into the field, selected, to be fixed or scanned over."""
        self._enrolling = False
        self._pending.clear()
        set_status(self.message, text, ok=False)
        if not self.scan.text():
            self.scan.setText(who)
        self.scan.selectAll()
        self.scan.setFocus()

    def open_group(self) -> None:
        """A cashier opens a new group of a launched deal: the scan field holds the leader."""
        deal_id = self.deal.currentData()
        if deal_id is None:
            return
        actor, leader, tender = self.ctx.actor, self.scan.text(), str(self.tender.currentData())
        if not leader.strip():
            set_status(self.message, self.tr("Scan the leader's member code or type the phone first"), ok=False)
            self.scan.setEnabled(True)
            self.scan.setFocus()
            return
        run_op(self.ctx, lambda: self.ctx.services.groups.open_group(actor, deal_id, leader, tender),
               self._opened, lambda text, _exc: self._enrol_failed(text, leader),
               busy=[self.open_button], doing=f"opening a group of deal {deal_id}")

    def _opened(self, group_id: str) -> None:
        self.scan.clear()
        self.view = None
        self.show_group(group_id)
        if self.view is not None and self.view.entries:
            self._print_deposit_slip(self.view.entries[0].id)  # the leader's
        set_status(self.message, self.tr("Group opened: scan the next person"), ok=True)

    def draw(self) -> None:
        view = self.view
        if view is None or not self.draw_button.isEnabled():
            return
        actor = self.ctx.actor
        # With the sync runtime: pinshang-draw-v2 when the platform gives the beacon, else v1.
        draw = self.ctx.sync.runtime.draw if self.ctx.sync is not None else self.ctx.services.draws.draw_and_settle
        run_op(self.ctx, lambda: draw(actor, view.id), self._drawn,
               lambda text, _exc: set_status(self.message, text, ok=False),
               busy=[self.draw_button], doing=f"drawing group {view.id}")

    def _drawn(self, outcome: DrawOutcome) -> None:
        winners = set(outcome.winners)
        self.show_group(outcome.group_id)
        self._reveal()
        names = ", ".join(e.label for e in self.view.entries if e.id in winners) if self.view else ""
        set_status(self.message, self.tr("Winner: {names}. Losers refunded: see what to hand back.").format(
            names=names), ok=True)
        self.results_button.setFocus()

    def _reveal(self) -> None:
        """Flash the winners' rows a few times without blocking anything."""
        for step in range(4):
            QTimer.singleShot(step * REVEAL_MS // 4, self,
                              lambda on=step % 2 == 1: self.model.set_winners(self.model.winners, on))
        QTimer.singleShot(REVEAL_MS, self, lambda: self.model.set_winners(self.model.winners, True))

    def cancel(self, reason: str | None = None) -> None:
        view = self.view
        if view is None:
            return
        actor = approved_actor(self.ctx.services, self.ctx.actor, Permission.CANCEL_GROUP, self,
                               bus=self.ctx.bus)
        if actor is None:
            return
        if reason is None:
            reason = self.ask_reason()
            if reason is None:
                return
        run_op(self.ctx, lambda: self.ctx.services.groups.cancel(actor, view.id, reason),
               lambda refunded: self._cancelled(view.id, refunded),
               lambda text, _exc: set_status(self.message, text, ok=False),
               busy=[self.cancel_button], doing=f"cancelling group {view.id}")

    def ask_reason(self) -> str | None:
        """Why the group is cancelled: it goes into the audit log and to the platform."""
        dialog = QInputDialog(self)
        dialog.setObjectName("cancel_reason")
        dialog.setWindowTitle(self.tr("Cancel group"))
        dialog.setLabelText(self.tr("Why is this group cancelled? Every deposit is refunded."))
        dialog.setOkButtonText(self.tr("Cancel the group"))
        dialog.setCancelButtonText(self.tr("Keep it"))
        while dialog.exec() == QInputDialog.DialogCode.Accepted:
            if dialog.textValue().strip():
                return dialog.textValue().strip()
        return None

    def _cancelled(self, group_id: str, refunded: int) -> None:
        self.show_group(group_id)
        set_status(self.message, self.tr("Group cancelled: {amount} refunded").format(
            amount=format_fen(refunded, current_language())), ok=True)

    def export_proof(self, path: str | None = None) -> None:
        if self.view is None:
            return
        if path is None:
            folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                          or Path.home())
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export draw proof"),
                                                  str(folder / f"draw-{self.view.id}.json"), "JSON (*.json)")
        if not path:
            return
        group_id = self.view.id
        if attempt(lambda: self._write_proof(group_id, path), status_shower(self.message),
                   f"exporting the proof of group {group_id}") is None:
            return
        set_status(self.message, self.tr("Proof saved to {path}").format(path=path), ok=True)

    def _write_proof(self, group_id: str, path: str) -> str:
        text = self.ctx.services.draws.export_proof(group_id)
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as exc:  # the person can fix it: another folder, a disk with room
            log.warning("cannot save the proof of group %s to %s", group_id, path, exc_info=exc)
            raise UserError(QT_TRANSLATE_NOOP(
                "errors", "Could not save the proof in the folder {folder}. Choose a folder you may "
                "write to, on a disk with free space."), folder=str(Path(path).parent)) from exc
        return path

    def prepare_screenshot(self) -> None:
        """The demo's open group, one more person enrolled: seats filling, the scan field ready."""
        self.refresh()


def _compact(combo: QComboBox) -> QComboBox:
    """A combo box as wide as its place, not as its longest item."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def _choice_label(product: str, state: GroupState, taken: int, size: int, group_id: str) -> str:
    return f"{product} · {state_name(state.value)} · {taken}/{size} · {group_id}"
