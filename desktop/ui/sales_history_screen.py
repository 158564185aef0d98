"""Sales history: today's sales (or any, by receipt number) with filters (member, tender, coins
used, voided), a sale opened with its lines, tenders and refunds; reprint (marked 重印/COPY),
refund whole or by line, void (a sale of today). Refunds and voids need a reason and a manager's
approval; each prints its receipt."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.clock import from_iso, to_iso
from desktop.core.errors import UserError
from desktop.core.money import format_fen
from desktop.core.staff import Permission
from desktop.services.sale_refunds import HistoryFilter, RefundDone, SaleRecord
from desktop.ui import keys
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.group_printing import print_refund_receipt, print_sale_receipt
from desktop.ui.i18n import error_text
from desktop.ui.operations import run_op
from desktop.ui.override_dialog import approved_actor
from desktop.ui.screen import ScreenBase
from desktop.ui.theme import action_button, set_role, set_tone
from desktop.ui.widgets.scan_field import ScanField
from desktop.ui.wording import tender_name


class SalesHistoryScreen(ScreenBase):
    shows = frozenset({Change.SALES})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("sales_history")
        self.records: list[SaleRecord] = []
        self.opened: SaleRecord | None = None
        self.receipt = ScanField(self)
        self.receipt.setObjectName("receipt_scan")
        set_role(self.receipt, "scan")
        self.receipt.setPlaceholderText(self.tr("Scan or type a receipt number"))
        self.receipt.submitted.connect(self.open_receipt)
        self.member = QLineEdit(self, objectName="filter_member")
        self.member.setPlaceholderText(self.tr("Member"))
        self.member.returnPressed.connect(self.refresh)
        self.tender = QComboBox(self, objectName="filter_tender")
        self.tender.addItem(self.tr("Any payment"), "")
        for kind in ctx.services.checkout.settings().tenders:
            self.tender.addItem(tender_name(kind), kind)
        self.coins = QCheckBox(self.tr("Coins used"), self, objectName="filter_coins")
        self.voided = QComboBox(self, objectName="filter_voided")
        for text, value in ((self.tr("Voided or not"), None), (self.tr("Not voided"), False),
                            (self.tr("Voided only"), True)):
            self.voided.addItem(text, value)
        for signal in (self.tender.currentIndexChanged, self.voided.currentIndexChanged):
            signal.connect(lambda _i: self.refresh())
        self.coins.toggled.connect(lambda _on: self.refresh())
        self.table = QTableWidget(0, 6, self, objectName="sales")
        self.table.setHorizontalHeaderLabels([self.tr("Receipt"), self.tr("Time"), self.tr("Member"),
                                              self.tr("Total"), self.tr("Coins"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail = QLabel(self, objectName="detail", wordWrap=True)
        self.lines = QTableWidget(0, 4, self, objectName="sale_lines")
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Amount"),
                                              self.tr("Refund qty")])
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().setVisible(False)
        self.reason = QLineEdit(self, objectName="reason", maxLength=200)
        self.reason.setPlaceholderText(self.tr("Reason for a refund or void"))
        self.reprint = keys.bind(action_button(self, "reprint", self.tr("Reprint"), self.reprint_receipt), keys.REPRINT)
        self.refund_lines = action_button(self, "refund_lines", self.tr("Refund chosen"), lambda: self.refund(False))
        self.refund_all = keys.bind(action_button(self, "refund_all", self.tr("Refund all"), lambda: self.refund(True)),
                                    keys.REFUND)
        self.void = keys.bind(action_button(self, "void", self.tr("Void"), self.void_sale), keys.VOID)
        self.message = QLabel(self, objectName="message", wordWrap=True)
        set_role(self.message, "message")
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.member, self.tender, self.coins, self.voided):
            filters.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.reason, 1)
        for widget in (self.reprint, self.refund_lines, self.refund_all, self.void):
            actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.receipt)
        layout.addLayout(filters)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail)
        layout.addWidget(self.lines, 2)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def _filter(self) -> HistoryFilter:
        now = self.ctx.services.sales.clock().astimezone()  # the store's clock: today is its today
        today = datetime.combine(now.date(), time(), tzinfo=now.tzinfo)
        voided = self.voided.currentData()
        return HistoryFilter(since=to_iso(today), until=to_iso(today + timedelta(days=1)),
                             member=self.member.text().strip(), tender=str(self.tender.currentData() or ""),
                             coins_only=self.coins.isChecked(), voided=voided if isinstance(voided, bool) else None)

    def refresh(self) -> None:
        self.records = self.ctx.services.sales.history(self._filter())
        self._fill()

    def _fill(self) -> None:
        keep = self.opened.sale.id if self.opened else None
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            sale = record.sale
            state = self.tr("Voided") if record.voided else (
                self.tr("Refunded {fen}").format(fen=format_fen(record.refunded_fen)) if record.refunds
                else self.tr("Paid"))
            when = from_iso(sale.sold_at).astimezone().strftime("%H:%M")
            for column, text in enumerate((sale.receipt_no, when, sale.member_label or "—",
                                           format_fen(sale.total_fen), str(sale.coins or ""), state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        index = next((i for i, r in enumerate(self.records) if r.sale.id == keep), 0 if self.records else -1)
        if index >= 0:
            self.table.blockSignals(True)
            self.table.selectRow(index)
            self.table.blockSignals(False)
        self._show(self.records[index] if index >= 0 else None)

    def _selected(self) -> None:
        row = self.table.currentRow()
        self._show(self.records[row] if 0 <= row < len(self.records) else None)

    def open_receipt(self, text: str) -> None:
        try:
            record = self.ctx.services.sales.by_receipt(text)
        except UserError as exc:
            self._say(error_text(exc))
            return
        self.records = [record, *[r for r in self.records if r.sale.id != record.sale.id]]
        self.opened = record
        self._fill()
        self.receipt.setFocus()

    def _show(self, record: SaleRecord | None) -> None:
        self.opened = record
        for button in (self.reprint, self.refund_lines, self.refund_all, self.void):
            button.setEnabled(record is not None and (button is self.reprint or not record.voided))
        if record is None:
            self.detail.setText(self.tr("No sale chosen"))
            self.lines.setRowCount(0)
            return
        sale = record.sale
        paid = " · ".join(f"{tender_name(t.kind)} {format_fen(t.amount_fen)}" for t in record.tenders)
        parts = [sale.receipt_no, sale.cashier, paid]
        if sale.coins:
            parts.append(self.tr("{n} coins −{fen}").format(n=sale.coins, fen=format_fen(sale.coin_fen)))
        if sale.change_fen:
            parts.append(self.tr("change {fen}").format(fen=format_fen(sale.change_fen)))
        for refund in record.refunds:
            parts.append(self.tr("{no}: {fen} back ({reason})").format(
                no=refund.refund_no, fen=format_fen(refund.total_fen), reason=refund.reason))
        self.detail.setText(" · ".join(parts))
        left = self.ctx.services.sales.refundable(sale.id)
        self.lines.setRowCount(len(record.lines))
        for row, line in enumerate(record.lines):
            for column, text in enumerate((line.name, str(line.quantity), format_fen(line.amount_fen))):
                self.lines.setItem(row, column, QTableWidgetItem(text))
            spin = QSpinBox(self.lines)
            spin.setRange(0, left.get(line.line_no, 0))
            spin.setObjectName(f"refund_qty_{line.line_no}")
            self.lines.setCellWidget(row, 3, spin)

    def _say(self, text: str, tone: str = "error") -> None:
        self.message.setText(text)
        set_tone(self.message, tone)

    def _quantities(self) -> dict[int, int]:
        chosen: dict[int, int] = {}
        if self.opened is None:
            return chosen
        for row, line in enumerate(self.opened.lines):
            spin = self.lines.cellWidget(row, 3)
            if isinstance(spin, QSpinBox) and spin.value():
                chosen[line.line_no] = spin.value()
        return chosen

    def reprint_receipt(self) -> None:
        if self.opened is not None:
            print_sale_receipt(self.ctx, self.opened.sale.id, self, reprint=True, busy=[self.reprint])

    def refund(self, whole: bool) -> None:
        if self.opened is None:
            return
        quantities = None if whole else self._quantities()
        if quantities == {}:
            self._say(self.tr("Choose how many of which lines to refund"))
            return
        approved = approved_actor(self.ctx.services, self.ctx.actor, Permission.REFUND, self, bus=self.ctx.bus)
        if approved is None:
            return
        sale_id, reason = self.opened.sale.id, self.reason.text()
        run_op(self.ctx, lambda: self.ctx.services.sales.refund(approved, sale_id, reason, quantities),
               {Change.SALES, Change.SYNC}, self._reversed, lambda text, _e: self._say(text),
               busy=[self.refund_all, self.refund_lines, self.void], doing="refunding a sale")

    def void_sale(self) -> None:
        if self.opened is None:
            return
        approved = approved_actor(self.ctx.services, self.ctx.actor, Permission.VOID, self, bus=self.ctx.bus)
        if approved is None:
            return
        sale_id, reason = self.opened.sale.id, self.reason.text()
        run_op(self.ctx, lambda: self.ctx.services.sales.void(approved, sale_id, reason),
               {Change.SALES, Change.SYNC}, self._reversed, lambda text, _e: self._say(text),
               busy=[self.refund_all, self.refund_lines, self.void], doing="voiding a sale")

    def _reversed(self, done: RefundDone) -> None:
        self.reason.clear()
        back = " · ".join(f"{tender_name(kind)} {format_fen(fen)}" for kind, fen in done.tenders)
        coins = self.tr(" · {n} coins back to the member").format(n=done.coins_returned) if done.coins_returned else ""
        self._say(self.tr("{no}: give back {back}{coins}").format(no=done.refund_no, back=back or "—", coins=coins),
                  "ok")
        print_refund_receipt(self.ctx, done.refund_id, self)
        self.refresh()
