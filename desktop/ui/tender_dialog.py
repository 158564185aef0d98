"""Payment: the amount due in large type, tenders added one by one (cash received, card, WeChat
Pay, Alipay and the others of the store's list, each with an optional reference), split across
several, the change in large type; Complete only when the tenders cover the bill (only cash
gives change). Completing captures the coins online first when the member consented online
(desktop.sync.checkout_coins), then writes the sale in one transaction, off the UI thread; the
receipt prints after."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.checkout import CASH, BillTotals, Tender, settle_tenders, still_due, tendered
from desktop.core.errors import UserError
from desktop.core.money import format_fen, parse_fen
from desktop.core.staff import Actor
from desktop.services.checkout_order import Order
from desktop.services.checkout_writes import CompletedSale
from desktop.sync.checkout_coins import CoinDesk
from desktop.ui.context import UiContext
from desktop.ui.group_printing import print_sale_receipt
from desktop.ui.i18n import error_text
from desktop.ui.operations import run_op
from desktop.ui.theme import action_button, set_role, set_tone
from desktop.ui.widgets import named
from desktop.ui.wording import tender_name


class TenderDialog(QDialog):
    completed = Signal(object)  # CompletedSale

    def __init__(self, ctx: UiContext, order: Order, totals: BillTotals, desk: CoinDesk | None,
                 approver: Actor | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tender_dialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setMinimumWidth(560)
        self.ctx, self.order, self.totals, self.desk, self.approver = ctx, order, totals, desk, approver
        self.tenders: list[Tender] = []
        self.working = False
        self.sale: CompletedSale | None = None
        self.due = named(QLabel(self), "due", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        set_role(self.due, "total")
        self.kinds = QButtonGroup(self)
        kinds_row = QHBoxLayout()
        for kind in ctx.services.checkout.settings().tenders:
            button = named(QPushButton(tender_name(kind), self), f"tender_{kind}", checkable=True)
            button.setProperty("kind", kind)
            set_role(button, "action")
            self.kinds.addButton(button)
            kinds_row.addWidget(button)
            button.setChecked(kind == CASH)
        self.kinds.buttonClicked.connect(lambda _b: self._prefill())
        self.amount = named(QLineEdit(self), "amount", maxLength=14)
        self.amount.setPlaceholderText(self.tr("Amount received ¥"))
        self.amount.returnPressed.connect(self.add_tender)
        self.reference = named(QLineEdit(self), "reference", maxLength=64)
        self.reference.setPlaceholderText(self.tr("Reference (optional)"))
        self.add = action_button(self, "add_tender", self.tr("Add payment"), self.add_tender)
        self.paid = named(QListWidget(self), "paid")
        self.undo = action_button(self, "remove_tender", self.tr("Remove payment"), self.remove_tender)
        self.change = named(QLabel(self), "change", alignment=Qt.AlignmentFlag.AlignCenter)
        set_role(self.change, "change")
        self.message = named(QLabel(self), "message", wordWrap=True)
        self.complete = action_button(self, "complete", self.tr("Complete sale"), self.complete_sale, role="primary")
        self.cancel = action_button(self, "cancel", self.tr("Back to the bill"), self.reject)
        self._layout(kinds_row)
        self._prefill()
        self.show_state()

    def _layout(self, kinds_row: QHBoxLayout) -> None:
        form = QGridLayout()
        form.addWidget(self.amount, 0, 0)
        form.addWidget(self.reference, 0, 1)
        form.addWidget(self.add, 0, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.complete)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        layout.addLayout(kinds_row)
        layout.addLayout(form)
        layout.addWidget(self.paid, 1)
        layout.addWidget(self.undo)
        layout.addWidget(self.change)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def kind(self) -> str:
        button = self.kinds.checkedButton()
        return str(button.property("kind")) if button is not None else CASH

    def choose(self, kind: str) -> None:
        for button in self.kinds.buttons():
            if button.property("kind") == kind:
                button.setChecked(True)
        self._prefill()

    def _prefill(self) -> None:
        due = still_due(self.totals.payable_fen, self.tenders)
        self.amount.setText(format_fen(due, symbol=False) if due else "")
        self.amount.selectAll()
        self.amount.setFocus()

    def add_tender(self) -> None:
        try:
            fen = parse_fen(self.amount.text())
        except UserError as exc:
            self._say(error_text(exc))
            return
        if fen <= 0:
            self._say(self.tr("Type the amount paid"))
            return
        kind = self.kind()
        if kind != CASH and fen > still_due(self.totals.payable_fen, self.tenders):
            self._say(self.tr("Card and app payments cannot be more than what is due: only cash gives change"))
            return
        self.tenders.append(Tender(kind, fen, self.reference.text().strip()))
        self.reference.clear()
        self.message.clear()
        self.show_state()
        self._prefill()

    def remove_tender(self) -> None:
        row = self.paid.currentRow()
        if 0 <= row < len(self.tenders):
            del self.tenders[row]
        elif self.tenders:
            self.tenders.pop()
        self.show_state()
        self._prefill()

    def show_state(self) -> None:
        payable = self.totals.payable_fen
        due = still_due(payable, self.tenders)
        received = tendered(self.tenders)
        self.due.setText(self._header(payable, received, due))
        set_role(self.due, "headline" if received else "total")  # three figures in one line fit the dialog
        self.paid.clear()
        for tender in self.tenders:
            reference = f" · {tender.reference}" if tender.reference else ""
            self.paid.addItem(f"{tender_name(tender.kind)}  {format_fen(tender.amount_fen)}{reference}")
        covered = self._covered()
        change = tendered(self.tenders) - payable if covered else 0
        self.change.setText(self.tr("Change {fen}").format(fen=format_fen(change)) if change else "")
        self.complete.setEnabled(covered and not self.working)

    def _header(self, payable: int, received: int, due: int) -> str:
        """The bill, what was handed over and what is still due or given back, in one line."""
        bill = self.tr("Bill {fen}").format(fen=format_fen(payable))
        if not received:
            return bill
        parts = [bill, self.tr("Received {fen}").format(fen=format_fen(received))]
        if due:
            parts.append(self.tr("Still due {fen}").format(fen=format_fen(due)))
        elif received > payable:
            parts.append(self.tr("Change {fen}").format(fen=format_fen(received - payable)))
        return " · ".join(parts)

    def _covered(self) -> bool:
        try:
            settle_tenders(self.totals.payable_fen, self.tenders)
        except UserError:
            return False
        return True

    def _say(self, text: str, tone: str = "error") -> None:
        self.message.setText(text)
        set_tone(self.message, tone)

    def complete_sale(self) -> None:
        if self.working or not self._covered():
            return
        ctx, order, tenders, approver, desk = self.ctx, self.order, list(self.tenders), self.approver, self.desk
        actor = ctx.actor
        self.working = True
        self._say(self.tr("Completing the sale…") if not order.coins or (order.member and order.member.token_text)
                  else self.tr("Taking the coins on the platform…"), "muted")

        def work() -> CompletedSale:
            if desk is not None:
                return desk.complete_sale(actor, order, tenders, approver=approver)
            return ctx.services.checkout.complete(actor, order, tenders, approver=approver)

        run_op(ctx, work, self._done, self._failed,
               busy=[self.complete, self.add, self.undo, self.cancel], doing="completing a sale")

    def _done(self, sale: CompletedSale) -> None:
        self.working = False
        self.sale = sale
        parent = self.parent()
        print_sale_receipt(self.ctx, sale.sale_id, parent if isinstance(parent, QWidget) else None)
        self.completed.emit(sale)
        self.accept()

    def _failed(self, text: str, _exc: BaseException) -> None:
        self.working = False
        self._say(text)
        self.show_state()

    def reject(self) -> None:
        if self.working:
            return  # the sale is being written: its answer comes first
        super().reject()
