"""A lottery group deal end to end through the screens, as a manager and the counter would:
editor → launch → open a group → enrol by phone and member code → Draw → export the proof and
check it with `pinshang verify-draw` → redeem by scanning, twice → another group expires."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from desktop.core.ledger import Ledger, balances
from desktop.services.deal_ledger import all_transfers
from desktop.store.deal_models import Deal, Group, Redemption
from desktop.sync.group_jobs import GroupJob
from tests.support.typing import type_text
from tests.ui.conftest import login, press_yes, settle, when_modal

PHONES = ["13811110001", "13811110002", "13811110003", "13811110004"]
MEMBER = "U00000000000abc1"


def _fill_example_d(qtbot, editor) -> None:
    type_text(qtbot, editor.product.lineEdit(), "战斧牛排 Tomahawk set")
    for name, text in (("market_value", "98"), ("cost", "30"), ("price", "98"),
                       ("consolation_cash", "5")):
        editor.money[name].clear()
        qtbot.keyClicks(editor.money[name], text)
    editor.group_size.setValue(5)
    editor.winners.setValue(1)
    editor.max_open.setValue(2)
    editor.fill_hours.setValue(2)
    type_text(qtbot, editor.contact, "021-5555 0000")
    type_text(qtbot, editor.place, "品尚小馆 counter")


def _click(qtbot, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": os.getcwd()}, timeout=60)


def _launch_and_open(qtbot, window, leader: str):
    deals = window.open_screen("deals")
    deals.new_deal()
    _fill_example_d(qtbot, deals.editor)
    assert deals.editor.last_economics.net_fen == 4800  # example D: 98 − 30 − 4×5
    assert "CNY 48.00" in deals.editor.preview.text()
    when_modal("launch_confirm", press_yes)  # launching freezes the rules: it asks first
    _click(qtbot, deals.launch_button)
    assert deals.message.text().startswith("Launched"), deals.message.text()
    qtbot.keyClicks(deals.leader, leader)
    _click(qtbot, deals.open_button)
    return deals, window.stack.currentWidget()


def test_a_deal_from_editor_to_redeemed_voucher(qtbot, shell, demo_services, tmp_path, clock, monkeypatch) -> None:
    window = login(qtbot, shell, "李经理", "2222")
    deals, group = _launch_and_open(qtbot, window, PHONES[0])
    assert group.objectName() == "group" and group.seats.text() == "1 / 5 seats"
    for who in (*PHONES[1:], MEMBER):
        qtbot.keyClicks(group.scan, who)
        qtbot.keyClick(group.scan, Qt.Key.Key_Return)
    settle(qtbot)
    assert group.message.text() == "Group full: press Draw"
    assert group.seats.text() == "5 / 5 seats" and not group.scan.isEnabled()
    assert group.model.rowCount() == 5

    _click(qtbot, group.draw_button)
    assert group.message.text().startswith("Winner:"), group.message.text()
    assert "Seed (revealed)" in group.details.text()
    with demo_services.db.read() as s:
        assert s.get(Group, group.view.id).state == "settled"

    proof_file = tmp_path / "proof.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(proof_file), "JSON (*.json)"))
    _click(qtbot, group.proof_button)
    assert json.loads(proof_file.read_text())["group_id"] == group.view.id
    checked = _cli("verify-draw", str(proof_file))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    exported = _cli("export-proof", group.view.id, "--data-dir", str(tmp_path))
    assert exported.returncode == 0 and json.loads(exported.stdout) == json.loads(proof_file.read_text())

    voucher = group.view.vouchers[0]
    redeem = window.open_screen("redeem")
    qtbot.keyClicks(redeem.scan, voucher.qr_text)
    qtbot.keyClick(redeem.scan, Qt.Key.Key_Return)
    settle(qtbot)
    assert redeem.verdict.text() == "✔ Redeemed: hand over 战斧牛排 Tomahawk set"
    qtbot.keyClicks(redeem.scan, voucher.qr_text)
    qtbot.keyClick(redeem.scan, Qt.Key.Key_Tab)  # scanners configured to end with Tab
    settle(qtbot)
    assert redeem.verdict.text() == "✖ Already redeemed"
    assert "by 李经理" in redeem.detail.text() and "redeemed on" in redeem.detail.text()
    assert redeem.scan.hasFocus() or not redeem.isActiveWindow()
    with demo_services.db.read() as s:
        assert len(s.scalars(select(Redemption)).all()) == 1

    # a second group that never fills: past its deadline everyone is refunded
    _, second = _launch_again(qtbot, window, deals, PHONES[1])
    qtbot.keyClicks(second.scan, PHONES[2])
    qtbot.keyClick(second.scan, Qt.Key.Key_Return)
    settle(qtbot)
    clock.advance(hours=2)
    GroupJob(demo_services, clock=clock).run_once()  # the groups' background job (desktop.sync.group_jobs)
    qtbot.waitUntil(lambda: demo_services.group_views.view(second.view.id).state.value == "refunded", timeout=5000)
    with demo_services.db.read() as s:
        ours = [t for t in all_transfers(s) if t.ref == second.view.id]
    ledger = Ledger()
    for t in sorted(ours, key=lambda t: t.pending_id is not None):
        ledger.apply(t)
    assert ledger.open_pending() == []
    assert all(b.posted == 0 and b.pending == 0 for b in balances(ours).values())


def _launch_again(qtbot, window, deals, leader: str):
    deals = window.open_screen("deals")
    with deals.ctx.services.db.read() as s:
        deal_id = s.scalar(select(Deal.id).where(Deal.product_name == "战斧牛排 Tomahawk set"))
    row = next(r for r, d in enumerate(deals.model.rows) if d.id == deal_id)
    deals.table.selectRow(row)
    qtbot.keyClicks(deals.leader, leader)
    _click(qtbot, deals.open_button)
    return deals, window.stack.currentWidget()


def test_example_a_in_the_editor_and_impossible_numbers(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "李经理", "2222")
    editor = window.open_screen("deals").editor
    type_text(qtbot, editor.product.lineEdit(), "Example A")
    for name, text in (("market_value", "100"), ("cost", "20"), ("price", "100"),
                       ("consolation_cash", "5"), ("formation_reward", "2"), ("budget", "30")):
        qtbot.keyClicks(editor.money[name], text)
    editor.group_size.setValue(5)
    assert editor.last_economics.net_fen == 2200  # 100 − 20 − 4×5 − 8 − 30
    assert "CNY 22.00" in editor.preview.text()
    editor.winners.setValue(5)
    assert editor.last_economics is None
    assert "fewer winners (5) than people (5)" in editor.preview.text()


def test_a_deal_with_impossible_numbers_is_refused_and_nothing_is_saved(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "李经理", "2222")
    deals = window.open_screen("deals")
    before = len(deals.model.rows)
    type_text(qtbot, deals.editor.product.lineEdit(), "Gold bar")
    qtbot.keyClicks(deals.editor.money["market_value"], "60000")
    qtbot.keyClicks(deals.editor.money["price"], "abc")
    _click(qtbot, deals.launch_button)
    assert deals.message.text() and len(demo_services.deals.list_deals()) == before
    deals.editor.money["price"].clear()
    qtbot.keyClicks(deals.editor.money["price"], "70000")
    type_text(qtbot, deals.editor.contact, "021")
    type_text(qtbot, deals.editor.place, "counter")
    _click(qtbot, deals.launch_button)
    assert "may not exceed CNY 50,000.00" in deals.message.text()
    assert all(d.launched is False for d in demo_services.deals.list_deals() if d.terms.product_name == "Gold bar")


def test_a_cashier_needs_a_manager_to_cancel_a_group(qtbot, shell, demo_services) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = login(qtbot, shell, "小张", "3333")
    group = window.open_screen("group")
    assert group.view is not None and group.view.state.value == "open"

    def refuse_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.reject()

    QTimer.singleShot(50, refuse_then_cancel)
    _click(qtbot, group.cancel_button)
    assert demo_services.group_views.view(group.view.id).state.value == "open"

    def approve() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.manager.setCurrentIndex(dialog.manager.findText("李经理"))
        qtbot.keyClicks(dialog.pin, "2222")
        dialog.approve()
        qtbot.waitUntil(lambda: not dialog.checking)  # the PIN is checked off the UI thread
        QTimer.singleShot(50, give_reason)

    def give_reason() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog.objectName() == "cancel_reason"
        dialog.setTextValue("the oven broke")
        dialog.accept()

    QTimer.singleShot(50, approve)
    _click(qtbot, group.cancel_button)
    assert demo_services.group_views.view(group.view.id).state.value == "cancelled"
    assert group.message.text().startswith("Group cancelled")


def test_garbage_scans_on_the_redeem_screen(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "小张", "3333")
    redeem = window.open_screen("redeem")
    for garbage in ("hello world", "PSV1ABCDEF", "0000-0000-00", "13800138000"):
        qtbot.keyClicks(redeem.scan, garbage)
        qtbot.keyClick(redeem.scan, Qt.Key.Key_Return)
        settle(qtbot)
        assert redeem.verdict.text().startswith("✖"), garbage
        assert redeem.scan.text() == ""
    with demo_services.db.read() as s:
        assert s.scalars(select(Redemption)).all() == []
    assert redeem.scan.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled) is False


def test_deal_group_and_entry_models_pass_the_model_tester(qtmodeltester, demo_services) -> None:
    from desktop.core.groups import GroupState
    from desktop.ui.models.deal_tables import DealsModel, EntriesModel, GroupsModel

    deals, groups, entries = DealsModel(), GroupsModel(), EntriesModel()
    deals.set_rows(demo_services.deals.list_deals())
    groups.set_rows(demo_services.group_views.list_groups())
    [summary] = groups.rows
    view = demo_services.group_views.view(summary.id)
    entries.set_rows(view.entries)
    entries.set_winners({view.entries[1].id})
    entries.set_results({view.entries[1].id: "Winner", view.entries[0].id: "Refunded"})
    for model in (deals, groups, entries):
        qtmodeltester.check(model)
    assert summary.state is GroupState.OPEN and groups.index(0, 2).data() == "3 / 5"
    assert entries.index(1, 4).data() == "Winner" and entries.index(0, 4).data() == "Refunded"
    assert entries.index(0, 1).data() == "138****8001  ★"
