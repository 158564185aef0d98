"""A cashier closing the day through the screens: the drawer with the demo shift, a cash out,
the close counted ¥3.50 short with a reason (the manager closes), the Z report printed as a
PDF; then the float counted into a new shift; a redemption reversed on the history screen;
the reports screen's CSV and PDF."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from desktop.core.drawer import DENOMINATIONS
from desktop.core.money import format_fen
from desktop.ui.context import UiContext
from desktop.ui.drawer_screen import DrawerScreen
from desktop.ui.redemptions_screen import RedemptionsScreen
from desktop.ui.reports_screen import ReportsScreen
from desktop.ui.shift_close_screen import ShiftCloseScreen
from tests.support.deal_flow import cashier, full_group, launched_deal, manager
from tests.ui.conftest import settle


def _type_count(qtbot, panel, fen: int) -> None:
    for value in DENOMINATIONS:
        pieces, fen = divmod(fen, value)
        panel.fields[value].clear()
        if pieces:
            qtbot.keyClicks(panel.fields[value], str(pieces))


def test_cash_out_then_close_short_with_a_reason_then_open_again(qtbot, demo_services) -> None:
    drawer = DrawerScreen(UiContext(demo_services, cashier(demo_services)))
    qtbot.addWidget(drawer)
    drawer.show()
    settle(qtbot)
    assert drawer.stack.currentIndex() == 1 and "Expected in the drawer" in drawer.expected.text()
    before = demo_services.shifts.x_report()["expected_fen"]
    qtbot.keyClicks(drawer.amount, "50")
    qtbot.keyClicks(drawer.reason, "bank drop")
    qtbot.mouseClick(drawer.move_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    expected = demo_services.shifts.x_report()["expected_fen"]
    assert expected == before - 5000 and "Recorded" in drawer.message.text()

    close = ShiftCloseScreen(UiContext(demo_services, manager(demo_services)))
    qtbot.addWidget(close)
    close.show()
    settle(qtbot)
    qtbot.mouseClick(close.close_button, Qt.MouseButton.LeftButton)
    assert "Count the drawer first" in close.message.text()  # nothing counted: nothing closed
    qtbot.keyClicks(close.panel.fields[10000], "-1")
    assert "cannot be negative" in close.panel.problem.text()
    _type_count(qtbot, close.panel, expected - 350)
    assert close.difference.text() == "Short ￥3.50" and close.difference.property("tone") == "error"
    qtbot.mouseClick(close.close_button, Qt.MouseButton.LeftButton)
    assert "say why" in close.message.text() and demo_services.shifts.current() is not None
    qtbot.keyClicks(close.reason, "gave too much change")
    qtbot.mouseClick(close.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert close.message.text() == "Shift closed: Z report #1"
    z = demo_services.shifts.z_report(1).totals
    assert (z["over_short_fen"], z["reason"], z["approver"]) == (-350, "gave too much change", "李经理")
    assert any(job.kind == "shift_report" and job.ref == "Z1" for job in demo_services.print_queue.list_jobs())

    drawer.refresh()
    settle(qtbot)
    assert drawer.stack.currentIndex() == 0
    qtbot.mouseClick(drawer.open_button, Qt.MouseButton.LeftButton)
    assert "Count the float first" in drawer.message.text()
    qtbot.keyClicks(drawer.float_panel.fields[10000], "3")
    assert drawer.float_panel.total.text() == "Total ￥300.00"
    qtbot.mouseClick(drawer.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert demo_services.shifts.current().float_fen == 30000


def test_a_manager_reverses_a_redemption_on_the_history_screen(qtbot, demo_services) -> None:
    group_id = full_group(demo_services, launched_deal(demo_services))
    voucher = demo_services.draws.draw_and_settle(cashier(demo_services), group_id).vouchers[0]
    demo_services.redemption.redeem(cashier(demo_services), voucher.qr_text)
    screen = RedemptionsScreen(UiContext(demo_services, manager(demo_services)))
    qtbot.addWidget(screen)
    screen.show()
    settle(qtbot)
    assert screen.table.rowCount() == 1 and screen.totals.text().startswith("1 redeemed")
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.reverse_button, Qt.MouseButton.LeftButton)
    assert "Say why" in screen.message.text()
    qtbot.keyClicks(screen.reason, "wrong customer")
    qtbot.mouseClick(screen.reverse_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "can be redeemed again" in screen.message.text()
    assert demo_services.redemption.redeem(cashier(demo_services), voucher.qr_text).ok


def test_reports_export_each_table_to_csv_and_the_period_to_pdf(qtbot, demo_services, tmp_path) -> None:
    full_group(demo_services, launched_deal(demo_services))
    screen = ReportsScreen(UiContext(demo_services, manager(demo_services)))
    qtbot.addWidget(screen)
    screen.resize(1024, 700)
    screen.show()
    settle(qtbot)
    assert screen.report is not None and screen.report.start == demo_services.reports.today()
    screen.tables["deals"].export_to(tmp_path / "deals.csv")
    with (tmp_path / "deals.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Group deals", "Value"] and ["Groups opened", "2"] in rows
    assert screen.views["deals"].chart().series()[0].barSets()[0].at(4) == 2.0  # opened, at the top
    screen.export_pdf_to(tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_the_reports_charts_read_whole_at_1024x768_and_coin_discounts_have_their_table(qtbot, demo_services) -> None:
    """In Chinese at the smallest screen: no axis label cut short, each tender named with its
    amount in the pie's legend (no slice labels to cut), the coin discounts in their own tab."""
    from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries
    from PySide6.QtGui import QFontMetrics

    from desktop.ui.i18n import install_language

    install_language("zh_CN")
    full_group(demo_services, launched_deal(demo_services))
    screen = ReportsScreen(UiContext(demo_services, manager(demo_services)))
    qtbot.addWidget(screen)
    screen.resize(1024 - 180, 768 - 60)  # beside the navigation, above the status bar
    screen.show()
    settle(qtbot)
    qtbot.waitExposed(screen)
    for view in screen.views.values():
        view.grab()  # laid out and painted: the axes know whether their labels fit
    report = screen.report
    assert report is not None
    for key in ("hours", "days", "deals"):
        chart = screen.views[key].chart()
        [axis] = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
        widest = max(QFontMetrics(axis.labelsFont()).horizontalAdvance(label) for label in axis.categories())
        area = chart.plotArea()
        room = area.left() if key == "deals" else area.width() / len(axis.categories())
        assert widest <= room, (key, widest, room)  # each label has the room to be drawn whole
    assert isinstance(screen.views["deals"].chart().series()[0], QHorizontalBarSeries)
    pie = screen.views["tenders"].chart()
    [series] = pie.series()
    assert pie.legend().isVisible() and not any(piece.isLabelVisible() for piece in series.slices())
    assert [piece.label() for piece in series.slices()] == [
        f"{name} {format_fen(fen)}" for name, fen in
        (({"cash": "现金", "card": "银行卡", "wechat": "微信支付", "alipay": "支付宝"}.get(k, k), fen)
         for k, fen in report.by_tender if fen > 0)]
    count, coins, fen = report.coin_discounts
    assert screen.tables["coins"].rows[:3] == [["用购物币的销售（笔）", str(count)], ["收下的购物币（币）", str(coins)],
                                               ["购物币抵扣金额（元）", format_fen(fen)]]
    assert f"购物币抵扣：{count} 笔，{coins} 币，{format_fen(fen)}" in screen.summary.text()
    assert not any(row[0] == "购物币抵扣" for row in screen.tables["deals"].rows)
