"""The order screen, the cashier's home: items from the picker (tap, search, scan), the order's
lines (quantity, remove, discounts), the member and their coins, the running total in large
type, park and recall, and Pay (the tender dialog). The scan field takes an item's barcode, a
member code (PSM1), a coin authorization (PSC1) or a winner's voucher (PSV1 or its typed code)
and sends each where it goes by its prefix. Writes run through run_op, off the UI thread."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.checkout import BillTotals, OrderLine, scan_kind
from desktop.core.errors import UserError
from desktop.core.money import format_fen, parse_fen
from desktop.core.staff import Actor, Permission
from desktop.core.vouchers import parse_fallback_code
from desktop.services.checkout_order import CounterMember, Order
from desktop.services.checkout_writes import CompletedSale
from desktop.sync.checkout_coins import CoinDesk, Identified
from desktop.ui import keys
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.i18n import error_text
from desktop.ui.operations import run_op
from desktop.ui.override_dialog import approved_actor
from desktop.ui.screen import ScreenBase
from desktop.ui.tender_dialog import TenderDialog
from desktop.ui.theme import action_button, set_role, set_tone
from desktop.ui.widgets import named
from desktop.ui.widgets.item_picker import ItemPicker
from desktop.ui.widgets.member_panel import MemberPanel
from desktop.ui.widgets.scan_field import ScanField


class CheckoutScreen(ScreenBase):
    message: QLabel  # always there (ScreenBase allows none)
    shows = frozenset({Change.MENU, Change.SALES, Change.SETTINGS, Change.SYNC})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("checkout")
        self.order = Order()
        self.totals: BillTotals | None = None
        self.approver: Actor | None = None
        self.offline_member = False
        self.tender: TenderDialog | None = None
        self.last_sale: CompletedSale | None = None
        self.picker = ItemPicker(ctx.services.catalogue, self)
        self.picker.item_chosen.connect(self.add_item)
        self.scan = ScanField(self)
        self.scan.setObjectName("scan")
        set_role(self.scan, "scan")
        self.scan.setPlaceholderText(self.tr("Scan an item, member code, coin authorization or prize voucher"))
        self.scan.submitted.connect(self.scanned)
        self.member_panel = MemberPanel(self)
        self.member_panel.phone_entered.connect(self.find_phone)
        self.member_panel.apply_max.connect(self.apply_max_coins)
        self.member_panel.cleared.connect(self.clear_member)
        self.lines = named(QTableWidget(0, 3, self), "lines")
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Amount")])
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.minus = action_button(self, "minus", "−", lambda: self.change_quantity(-1))
        self.plus = action_button(self, "plus", "+", lambda: self.change_quantity(+1))
        self.remove = action_button(self, "remove", self.tr("Remove"), self.remove_line)
        self.discount = named(QLineEdit(self), "discount", maxLength=12)
        self.discount.setPlaceholderText(self.tr("Discount ¥"))
        self.discount.setMinimumWidth(72)
        for button in (self.minus, self.plus):
            button.setFixedWidth(40)
        self.line_discount = action_button(self, "line_discount", self.tr("Line discount"),
                                           lambda: self.apply_discount(line=True))
        self.bill_discount = action_button(self, "bill_discount", self.tr("Bill discount"),
                                           lambda: self.apply_discount(line=False))
        self.breakdown = named(QLabel(self), "breakdown", wordWrap=True)
        self.total = named(QLabel(self), "total", alignment=Qt.AlignmentFlag.AlignRight)
        set_role(self.total, "total")
        self.result = named(QLabel(self), "result", wordWrap=True)
        set_role(self.result, "change")
        self.message = named(QLabel(self), "message", wordWrap=True)
        set_role(self.message, "message")
        self.park_label = named(QLineEdit(self), "park_label", maxLength=32)
        self.park_label.setPlaceholderText(self.tr("Table"))
        self.park = keys.bind(action_button(self, "park", self.tr("Park"), self.park_order), keys.PARK)
        self.parked = named(QComboBox(self), "parked", placeholderText=self.tr("No parked bills"),
                            toolTip=self.tr("Parked bills: choose one, then Recall"))
        self.recall = keys.bind(action_button(self, "recall", self.tr("Recall"), self.recall_order), keys.RECALL)
        self.new_order = action_button(self, "new_order", self.tr("New bill"), self.start_over)
        self.pay = keys.bind(action_button(self, "pay", self.tr("Pay"), self.open_tender, role="primary"), keys.PAY)
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        edits = QHBoxLayout()
        for widget in (self.minus, self.plus, self.remove, self.discount, self.line_discount, self.bill_discount):
            edits.addWidget(widget)
        holds = QGridLayout()
        holds.addWidget(self.park_label, 0, 0)
        holds.addWidget(self.park, 0, 1)
        holds.addWidget(self.parked, 1, 0)
        holds.addWidget(self.recall, 1, 1)
        bottom = QHBoxLayout()
        bottom.addLayout(holds, 2)
        bottom.addWidget(self.new_order)
        bottom.addWidget(self.pay, 1)
        right = QVBoxLayout()
        right.addWidget(self.scan)
        right.addWidget(self.member_panel)
        right.addWidget(self.lines, 1)
        right.addLayout(edits)
        right.addWidget(self.breakdown)
        right.addWidget(self.total)
        right.addWidget(self.result)
        right.addWidget(self.message)
        right.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.addWidget(self.picker, 6)
        layout.addLayout(right, 4)

    # --- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        self.picker.refresh()
        self.parked.clear()
        for row in self.ctx.services.checkout.parked():
            self.parked.addItem(self.tr("Parked: {label} · {time}").format(label=row.label, time=row.parked_at[11:16]),
                                row.id)
        self.parked.setCurrentIndex(0 if self.parked.count() else -1)  # the placeholder keeps -1 else
        self.recall.setEnabled(self.parked.count() > 0)
        self.parked.setEnabled(self.parked.count() > 0)
        self.show_order()
        self._warn_unsold()

    def _warn_unsold(self) -> None:
        unsold = self.ctx.services.checkout.unsold_captures()
        if unsold:
            first = unsold[0]
            member = self.ctx.services.checkout.member_by_id(first.member_id)
            self.say(self.tr("{n} coins of {member} were taken by the platform for a bill that was not "
                             "completed: ring up their bill again with the same coins, or ask a manager")
                     .format(n=first.coins, member=member.label), "warn")

    def activate(self) -> None:
        super().activate()
        self.scan.setFocus()

    def show_order(self) -> None:
        try:
            self.totals = self.ctx.services.checkout.totals(self.order)
        except UserError as exc:  # e.g. coins beyond a bill made smaller: drop the coins
            self.order = replace(self.order, coins=0)
            self.totals = self.ctx.services.checkout.totals(self.order)
            self.say(error_text(exc), "warn")
        totals = self.totals
        self.lines.setRowCount(len(self.order.lines))
        for row, line in enumerate(self.order.lines):
            name = line.name + (f"  (−{format_fen(line.discount_fen)})" if line.discount_fen else "")
            for column, text in enumerate((name, str(line.quantity), format_fen(line.amount_fen))):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(row, column, item)
        parts = [self.tr("Subtotal {fen}").format(fen=format_fen(totals.subtotal_fen))]
        if totals.bill_discount_fen:
            parts.append(self.tr("bill discount −{fen}").format(fen=format_fen(totals.bill_discount_fen)))
        if totals.coins:
            parts.append(self.tr("{n} coins −{fen}").format(n=totals.coins, fen=format_fen(totals.coin_fen)))
        if totals.rounding_fen:
            parts.append(self.tr("rounding {fen}").format(fen=format_fen(totals.rounding_fen)))
        if self.order.approved_by:
            parts.append(self.tr("discount approved by {name}").format(name=self.order.approved_by))
        self.breakdown.setText(" · ".join(parts))
        self.total.setText(self.tr("To pay {fen}").format(fen=format_fen(totals.payable_fen)))
        self.member_panel.show_member(self.order.member, totals.max_coins, totals.coins, totals.coin_fen,
                                      offline=self.offline_member)
        open_bill = bool(self.order.lines) and self.last_sale is None
        for widget in (self.pay, self.park, self.bill_discount):
            widget.setEnabled(open_bill)

    def say(self, text: str, tone: str = "error") -> None:
        self.message.setText(text)
        set_tone(self.message, tone)

    def _changed(self, order: Order) -> None:
        if self.last_sale is not None:  # the next bill: the last one's change is done with
            self.last_sale = None
            self.result.clear()
        self.order = order
        self.message.clear()
        self.show_order()

    def _base(self) -> Order:
        """The order to add to: a paid bill stays on the screen (its change) until the next
        item, member or voucher starts a new one."""
        return Order() if self.last_sale is not None else self.order

    def _paid(self) -> bool:
        if self.last_sale is not None:
            self.say(self.tr("This bill is paid: scan the next item to start a new one"), "warn")
        return self.last_sale is not None

    def _fail(self, exc: UserError) -> None:
        self.say(error_text(exc))

    # --- ringing up ----------------------------------------------------------------------

    def add_item(self, item_id: int) -> None:
        try:
            self._changed(self._base().with_item(self.ctx.services.checkout.line_for_item(item_id)))
        except UserError as exc:
            self._fail(exc)
        self.lines.selectRow(len(self.order.lines) - 1)

    def add_line(self, line: OrderLine) -> None:
        try:
            self._changed(self._base().with_item(line))
        except UserError as exc:
            self._fail(exc)

    def scanned(self, text: str) -> None:
        kind = scan_kind(text)
        if kind == "member":
            self.identify(text)
        elif kind == "coins":
            self.accept_authorization(text)
        elif kind == "voucher":
            self.add_voucher(text)
        else:
            self.scan_code(text)
        self.scan.setFocus()

    def scan_code(self, text: str) -> None:
        checkout = self.ctx.services.checkout
        try:
            self.add_line(checkout.line_for_code(text))
        except UserError as exc:
            if parse_fallback_code(text) is not None:
                self.add_voucher(text)
            else:
                self._fail(exc)

    def add_voucher(self, text: str) -> None:
        try:
            line = self.ctx.services.checkout.voucher_line(self.ctx.actor, text)
        except UserError as exc:
            self._fail(exc)
            return
        if line.voucher_id is not None and self._base().has_voucher(line.voucher_id):
            self.say(self.tr("This prize voucher is on the bill already"))
            return
        self.add_line(line)

    def _row(self) -> int | None:
        row = self.lines.currentRow()
        return row if 0 <= row < len(self.order.lines) else None

    def change_quantity(self, step: int) -> None:
        row = self._row()
        if row is None or self._paid():
            return
        quantity = self.order.lines[row].quantity + step
        try:
            self._changed(self.order.without_line(row) if quantity < 1 else self.order.with_quantity(row, quantity))
        except UserError as exc:
            self._fail(exc)
        if row < len(self.order.lines):
            self.lines.selectRow(row)

    def remove_line(self) -> None:
        row = self._row()
        if row is not None and not self._paid():
            self._changed(self.order.without_line(row))

    def apply_discount(self, *, line: bool) -> None:
        if self._paid():
            return
        try:
            fen = parse_fen(self.discount.text() or "0")
            row = self._row()
            if line and row is None:
                self.say(self.tr("Choose a line first"))
                return
            order = self.order.with_line_discount(row, fen) if line and row is not None \
                else replace(self.order, bill_discount_fen=fen, coins=0)
            self.ctx.services.checkout.totals(order)  # refuses a discount beyond the bill
        except UserError as exc:
            self._fail(exc)
            return
        if self.ctx.services.checkout.needs_approval(order):
            approver = approved_actor(self.ctx.services, self.ctx.actor, Permission.DISCOUNT_OVER_LIMIT, self,
                                      bus=self.ctx.bus)
            if approver is None:
                self.say(self.tr("The discount needs a manager's approval"))
                return
            self.approver = approver
            order = replace(order, approved_by=approver.approved_by or approver.name)
        self.discount.clear()
        self._changed(order)

    # --- the member and coins ------------------------------------------------------------

    def _desk(self) -> CoinDesk | None:
        return self.ctx.sync.runtime.coin_desk() if self.ctx.sync is not None else None

    def identify(self, code: str) -> None:
        desk = self._desk() or CoinDesk(self.ctx.services, lambda: None)  # no sync: known members only
        self.say(self.tr("Asking the platform…"), "muted")
        run_op(self.ctx, lambda: desk.identify(code), self._identified, lambda text, _e: self.say(text),
               busy=[self.pay], doing="identifying a member")

    def _identified(self, found: Identified) -> None:
        self.offline_member = not found.online
        self._set_member(found.member)
        if not found.online:
            self.say(self.tr("The platform cannot be reached: coins only with the member's coin authorization"),
                     "warn")

    def _set_member(self, member: CounterMember | None) -> None:
        self._changed(replace(self._base(), member=member, coins=0))

    def find_phone(self, phone: str) -> None:
        try:
            member = self.ctx.services.checkout.member_for_phone(phone)
        except UserError as exc:
            self._fail(exc)
            return
        self.offline_member = False
        self._set_member(member)

    def accept_authorization(self, text: str) -> None:
        try:
            member = self.ctx.services.checkout.accept_authorization(text, self.order.member)
        except UserError as exc:
            self._fail(exc)
            return
        self._set_member(member)
        self.apply_max_coins()

    def apply_max_coins(self) -> None:
        if self.last_sale is None and self.order.member is not None and self.order.member.may_pay_coins:
            most = self.ctx.services.checkout.totals(replace(self.order, coins=0)).max_coins
            self._changed(replace(self.order, coins=most))

    def clear_member(self) -> None:
        self._set_member(None)

    # --- holds and payment ---------------------------------------------------------------

    def park_order(self) -> None:
        order, label = self.order, self.park_label.text()
        actor = self.ctx.actor
        run_op(self.ctx, lambda: self.ctx.services.checkout.park(actor, order, label), lambda _id: self._parked(), lambda text, _e: self.say(text), busy=[self.park], doing="parking an order")

    def _parked(self) -> None:
        self.park_label.clear()
        self.start_over()
        self.refresh()
        self.say(self.tr("Order parked"), "ok")

    def recall_order(self) -> None:
        parked_id = self.parked.currentData()
        if parked_id is None:
            return
        actor = self.ctx.actor
        run_op(self.ctx, lambda: self.ctx.services.checkout.recall(actor, int(parked_id)), self._recalled, lambda text, _e: self.say(text), busy=[self.recall], doing="recalling an order")

    def _recalled(self, order: Order) -> None:
        self._changed(order)
        self.refresh()
        self.say(self.tr("Order {label} recalled").format(label=order.parked_label), "ok")

    def start_over(self) -> None:
        self.approver = None
        self.offline_member = False
        self._changed(Order())

    def open_tender(self) -> None:
        if not self.order.lines or self.totals is None or self._paid():
            return
        self.tender = TenderDialog(self.ctx, self.order, self.totals, self._desk(), self.approver, self)
        self.tender.completed.connect(self._completed)
        self.tender.open()

    def _completed(self, sale: CompletedSale) -> None:
        self.last_sale = sale
        change = self.tr("Change {fen}").format(fen=format_fen(sale.change_fen)) if sale.change_fen \
            else self.tr("No change")
        self.result.setText(self.tr("✔ {receipt} · {change}").format(receipt=sale.receipt_no, change=change))
        self.approver = None
        self.offline_member = False
        self.message.clear()
        self.show_order()
        self.scan.setFocus()

    def prepare_screenshot(self) -> None:
        from desktop.ui.screenshots_checkout import demo_order

        demo_order(self)

