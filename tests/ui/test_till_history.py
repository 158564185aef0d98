"""The rest of the till as people use it: a winner's voucher scanned into a bill is a ¥0.00
line, redeemed with the sale (once: a second scan is refused); a bill parked and recalled; in
the sales history a refund of one line, the reprint marked 重印/COPY, a void twice refused;
a discount beyond the cashier's limit asks for a manager."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from desktop.core.checkout import Tender
from desktop.core.staff import Actor, Role
from desktop.documents.templates import REPRINT_MARK
from desktop.ui.checkout_screen import CheckoutScreen
from desktop.ui.context import UiContext
from desktop.ui.sales_history_screen import SalesHistoryScreen
from desktop.ui.screenshots import fill_and_draw
from tests.support.typing import type_text
from tests.ui.conftest import login, scan, settle, when_modal

MANAGER = Actor(2, "李经理", Role.MANAGER)
CASHIER = Actor(3, "小张", Role.CASHIER)


def _checkout(qtbot, services, actor: Actor) -> CheckoutScreen:
    screen = CheckoutScreen(UiContext(services, actor))
    qtbot.addWidget(screen)
    screen.show()
    return screen


def _pay_cash(qtbot, screen: CheckoutScreen) -> None:
    qtbot.mouseClick(screen.pay, Qt.MouseButton.LeftButton)
    dialog = screen.tender
    assert dialog is not None
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # the amount due is filled in: cash, exact
    qtbot.mouseClick(dialog.complete, Qt.MouseButton.LeftButton)
    settle(qtbot)


def test_a_winners_voucher_is_a_free_line_redeemed_with_the_sale(qtbot, demo_services) -> None:
    drawn = fill_and_draw(demo_services, MANAGER)
    assert drawn is not None
    voucher = drawn[1]
    screen = _checkout(qtbot, demo_services, CASHIER)
    qtbot.mouseClick(screen.picker.buttons()[0], Qt.MouseButton.LeftButton)
    scan(qtbot, screen.scan, voucher)
    assert screen.lines.rowCount() == 2 and screen.lines.item(1, 2).text() == "￥0.00"
    scan(qtbot, screen.scan, voucher)
    assert "already" in screen.message.text() and screen.lines.rowCount() == 2
    _pay_cash(qtbot, screen)
    assert screen.last_sale is not None
    record = demo_services.sales.sale(screen.last_sale.sale_id)
    assert [line.voucher_id is not None for line in record.lines] == [False, True]
    assert demo_services.redemption.history(1)[0].voucher_id == record.lines[1].voucher_id
    scan(qtbot, screen.scan, voucher)  # the next bill
    assert screen.message.text() == "This prize voucher was already redeemed"


def test_a_bill_is_parked_and_recalled(qtbot, demo_services) -> None:
    screen = _checkout(qtbot, demo_services, CASHIER)
    for button in screen.picker.buttons()[:2]:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    type_text(qtbot, screen.park_label, "3号桌")
    qtbot.mouseClick(screen.park, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.lines.rowCount() == 0 and screen.parked.count() == 1
    qtbot.mouseClick(screen.recall, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.lines.rowCount() == 2 and "3号桌" in screen.message.text()
    assert demo_services.checkout.parked() == []


def test_a_discount_beyond_the_limit_asks_a_manager(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "小张", "3333")
    screen = window.pages["checkout"]
    assert isinstance(screen, CheckoutScreen)
    qtbot.mouseClick(screen.picker.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.discount, "60")

    def approve(dialog) -> None:
        dialog.manager.setCurrentIndex(dialog.manager.findText("李经理"))
        qtbot.keyClicks(dialog.pin, "2222")
        dialog.approve()

    when_modal("override_dialog", approve)
    qtbot.mouseClick(screen.bill_discount, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.order.bill_discount_fen == 6000 and screen.order.approved_by == "李经理"
    _pay_cash(qtbot, screen)
    assert screen.last_sale is not None
    assert demo_services.sales.sale(screen.last_sale.sale_id).sale.approved_by == "李经理"


def test_refund_one_line_reprint_and_void_twice_in_the_history(qtbot, demo_services) -> None:
    checkout = demo_services.checkout
    order = checkout.items()
    bill = checkout.line_for_item(order[0].id), checkout.line_for_item(order[1].id)
    from desktop.services.checkout_order import Order

    first = checkout.complete(CASHIER, Order(bill), [Tender("cash", 10**6)])
    second = checkout.complete(CASHIER, Order(bill[:1]), [Tender("card", checkout.totals(Order(bill[:1])).payable_fen)])
    screen = SalesHistoryScreen(UiContext(demo_services, MANAGER))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.table.rowCount() == 2
    scan(qtbot, screen.receipt, first.receipt_no)
    assert screen.opened is not None and screen.opened.sale.id == first.sale_id
    spin = screen.lines.cellWidget(1, 3)
    assert isinstance(spin, QSpinBox)
    spin.setValue(1)
    type_text(qtbot, screen.reason, "上错菜")
    qtbot.mouseClick(screen.refund_lines, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.message.text().startswith("R000001: give back Cash")
    record = demo_services.sales.sale(first.sale_id)
    assert [r.kind for r in record.refunds] == ["refund"] and record.refunds[0].total_fen == record.lines[1].amount_fen
    qtbot.mouseClick(screen.reprint, Qt.MouseButton.LeftButton)
    settle(qtbot)
    copies = [j for j in demo_services.print_queue.list_jobs() if j.ref == first.sale_id and REPRINT_MARK in j.document_json]
    assert len(copies) == 1
    scan(qtbot, screen.receipt, second.receipt_no)
    type_text(qtbot, screen.reason, "重复结账")
    qtbot.mouseClick(screen.void, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "give back Card" in screen.message.text() and not screen.void.isEnabled()
    assert demo_services.sales.sale(second.sale_id).voided
    import pytest

    from desktop.core.errors import ValidationError

    with pytest.raises(ValidationError, match="voided already"):
        demo_services.sales.void(MANAGER, second.sale_id, "again")
