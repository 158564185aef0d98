"""Issue 11's day at the counter, through the screens as the cashier and the manager use them:
the float counted into a new shift on the drawer screen; a cash sale with change on the order
screen (the amount typed, the change read off the dialog); a deposit taken in cash at
enrolment on the group screen; the draw hands the losers their deposit and consolation in cash;
a cash out over the limit that a manager approves; "Print X report"; the close counted ¥3.50
short with a reason and a manager; then the Z report checked against the ledger and the print
queue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.core.drawer import DENOMINATIONS, drawer_delta
from desktop.core.money import format_fen
from desktop.services.deal_ledger import to_transfer
from desktop.store.shift_models import CashMovement
from desktop.store.shift_queries import drawer_rows
from desktop.ui.checkout_screen import CheckoutScreen
from desktop.ui.context import UiContext
from desktop.ui.drawer_screen import DrawerScreen
from desktop.ui.group_screen import GroupScreen
from desktop.ui.shift_close_screen import ShiftCloseScreen
from tests.support.deal_flow import EXAMPLE_D, PHONES, cashier, launched_deal, manager
from tests.ui.conftest import settle, when_modal

FLOAT_FEN = 30_000  # three 100-yuan notes


def _click(qtbot, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def _type_count(qtbot, panel, fen: int) -> None:
    for value in DENOMINATIONS:
        pieces, fen = divmod(fen, value)
        panel.fields[value].clear()
        qtbot.keyClicks(panel.fields[value], str(pieces))


def _manager_approves(qtbot):
    def approve(dialog) -> None:
        dialog.manager.setCurrentIndex(dialog.manager.findText("李经理"))
        qtbot.keyClicks(dialog.pin, "2222")
        dialog.approve()

    when_modal("override_dialog", approve)


def _show(qtbot, screen):
    qtbot.addWidget(screen)
    screen.resize(1024, 700)
    screen.show()
    settle(qtbot)
    return screen


def test_the_day_through_the_screens_ends_in_a_z_report_that_matches_the_ledger(qtbot, demo_services, clock) -> None:
    staff, boss, services = cashier(demo_services), manager(demo_services), demo_services
    expected = services.shifts.x_report()["expected_fen"]  # the demo's own shift, closed even
    pieces = {}
    for value in DENOMINATIONS:
        pieces[value], expected = divmod(expected, value)
    services.shifts.close(boss, pieces)
    deal_id = launched_deal(services)  # the manager launched example D this morning

    # 1. the float counted into the drawer
    drawer = _show(qtbot, DrawerScreen(UiContext(services, staff)))
    assert drawer.stack.currentIndex() == 0
    qtbot.keyClicks(drawer.float_panel.fields[10000], "3")
    assert drawer.float_panel.total.text() == f"Total {format_fen(FLOAT_FEN)}"
    _click(qtbot, drawer.open_button)
    shift = services.shifts.current()
    assert shift is not None and shift.float_fen == FLOAT_FEN and drawer.message.text() == f"Shift {shift.id} is open"

    # 2. a cash sale with change: two dishes tapped, a 100-yuan note typed
    till = _show(qtbot, CheckoutScreen(UiContext(services, staff)))
    for button in till.picker.buttons()[:2]:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert till.totals is not None
    bill = till.totals.payable_fen
    note = (bill // 10_000 + 1) * 10_000
    qtbot.mouseClick(till.pay, Qt.MouseButton.LeftButton)
    dialog = till.tender
    assert dialog is not None and dialog.isVisible() and dialog.kind() == "cash"
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, format_fen(note, symbol=False))
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    change = note - bill
    assert dialog.change.text() == f"Change {format_fen(change)}"
    assert dialog.due.text() == f"Bill {format_fen(bill)} · Received {format_fen(note)} · Change {format_fen(change)}"
    _click(qtbot, dialog.complete)
    assert till.last_sale is not None and till.last_sale.change_fen == change
    assert till.result.text() == f"✔ {till.last_sale.receipt_no} · Change {format_fen(change)}"

    # 3. a group of example D: five people pay their deposit in cash at the counter
    group = _show(qtbot, GroupScreen(UiContext(services, staff)))
    group.deal.setCurrentIndex(group.deal.findData(deal_id))
    group.tender.setCurrentIndex(group.tender.findData("cash"))
    qtbot.keyClicks(group.scan, PHONES[0])
    _click(qtbot, group.open_button)
    for phone in PHONES[1:5]:
        qtbot.keyClicks(group.scan, phone)
        qtbot.keyClick(group.scan, Qt.Key.Key_Return)
        settle(qtbot)
    assert group.message.text() == "Group full: press Draw"
    clock.advance(minutes=10)

    # 4. the draw: four losers get their deposit back and the consolation, in cash
    _click(qtbot, group.draw_button)
    assert group.message.text().startswith("Winner:"), group.message.text()

    # 5. a bank drop over the cash-out limit: the manager approves it with their PIN
    drawer.refresh()
    settle(qtbot)
    limit, _ = services.shifts.limits()
    drop = limit + 2_000  # over the limit, and less than the drawer holds
    qtbot.keyClicks(drawer.amount, format_fen(drop, symbol=False))
    qtbot.keyClicks(drawer.reason, "bank drop")
    _manager_approves(qtbot)
    _click(qtbot, drawer.move_button)
    assert drawer.message.text() == "Recorded in the drawer"
    with services.db.read() as s:
        [move] = s.scalars(select(CashMovement).where(CashMovement.shift_id == shift.id)).all()
    assert (move.amount_fen, move.approver, move.staff) == (drop, "李经理", "小张")

    # 6. the X report, printed from the drawer screen
    drawer.refresh()
    settle(qtbot)
    _click(qtbot, drawer.print_x)
    assert drawer.message.text() == "X report sent to the printer"
    x = services.shifts.x_report()
    deposits, back = 5 * EXAMPLE_D.group_price_fen, 4 * EXAMPLE_D.group_price_fen
    consolation = 4 * EXAMPLE_D.consolation_cash_fen
    assert x["expected_fen"] == FLOAT_FEN + bill - drop + deposits - back - consolation
    assert f"Expected in the drawer: {format_fen(x['expected_fen'])}" == drawer.expected.text()
    assert any(j.kind == "shift_report" and j.ref == f"X{shift.id}" for j in services.print_queue.list_jobs())

    # 7. the close: counted ¥3.50 short, a reason, the manager approves
    close = _show(qtbot, ShiftCloseScreen(UiContext(services, staff)))
    assert close.expected.text() == f"Expected {format_fen(x['expected_fen'])}"
    _type_count(qtbot, close.panel, x["expected_fen"] - 350)
    assert close.difference.text() == "Short ￥3.50"
    qtbot.keyClicks(close.reason, "gave too much change")
    _manager_approves(qtbot)
    _click(qtbot, close.close_button)
    assert close.message.text().startswith("Shift closed: Z report #2"), close.message.text()
    assert services.shifts.current() is None

    # the Z report against the ledger, and in the print queue
    z = services.shifts.z_report(2).totals
    with services.db.read() as s:
        movements = [drawer_delta(to_transfer(r)) for r in drawer_rows(s, shift.id)]
    assert z["expected_fen"] == FLOAT_FEN + sum(movements) == x["expected_fen"]
    assert (z["counted_fen"], z["over_short_fen"]) == (z["expected_fen"] - 350, -350)
    assert (z["reason"], z["approver"]) == ("gave too much change", "李经理")
    assert z["sales"]["count"] == 1 and z["sales"]["fen"] == bill
    assert z["sales_by_tender"] == {"cash": bill}
    lines = {line["line"]: line["fen"] for line in z["drawer"]}
    assert lines == {"sale": note, "change": -change, "deposit": deposits, "deposit_refund": -back,
                     "consolation": -consolation, "cash_out": -drop}
    assert any(j.kind == "shift_report" and j.ref == "Z2" for j in services.print_queue.list_jobs())


def test_the_till_and_the_redemptions_say_what_they_show_in_chinese(qtbot, demo_services) -> None:
    """The parked-bills list says so when empty and names each bill; the payment header reads
    应收 · 已收 · 找零; the redemptions summary is by day in words and its time column is 核销时间."""
    from desktop.ui.i18n import install_language
    from desktop.ui.redemptions_screen import RedemptionsScreen
    from tests.support.deal_flow import full_group
    from tests.support.typing import type_text

    install_language("zh_CN")
    staff = cashier(demo_services)
    till = _show(qtbot, CheckoutScreen(UiContext(demo_services, staff)))
    assert till.parked.count() == 0 and till.parked.placeholderText() == "没有挂单" and not till.parked.isEnabled()
    qtbot.mouseClick(till.picker.buttons()[0], Qt.MouseButton.LeftButton)
    type_text(qtbot, till.park_label, "4号桌")
    _click(qtbot, till.park)
    assert till.parked.isEnabled() and till.parked.currentText().startswith("挂单：4号桌 · ")
    _click(qtbot, till.recall)
    assert till.totals is not None
    bill = till.totals.payable_fen
    qtbot.mouseClick(till.pay, Qt.MouseButton.LeftButton)
    dialog = till.tender
    assert dialog is not None and dialog.due.text() == f"应收 {format_fen(bill)}"
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, format_fen(bill + 2680, symbol=False))
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.due.text() == f"应收 {format_fen(bill)} · 已收 {format_fen(bill + 2680)} · 找零 ￥26.80"
    dialog.reject()

    group_id = full_group(demo_services, launched_deal(demo_services))
    voucher = demo_services.draws.draw_and_settle(staff, group_id).vouchers[0]
    demo_services.redemption.redeem(staff, voucher.qr_text)
    history = _show(qtbot, RedemptionsScreen(UiContext(demo_services, manager(demo_services))))
    today = demo_services.redemption_history.today()
    assert history.totals.text() == f"已核销 1 张 · {today.month}月{today.day}日：1 张"
    assert history.table.horizontalHeaderItem(0).text() == "核销时间"
