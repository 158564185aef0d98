"""The slips as a cashier meets them: a person enrolled by typing a phone and Enter gets a
deposit slip with their entry id; after the draw F4 prints one refund/consolation slip per
loser with what to hand back; a double press still prints one original each."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.documents.document import plain_text
from desktop.documents.serialize import document_from_json
from desktop.documents.templates import REPRINT_MARK
from tests.ui.conftest import login, scan, settle
from tests.ui.test_counter_flow import PEOPLE, _fill_demo_group, press_key_settle


def _jobs(services, kind: str, ref: str | None = None):
    return [j for j in services.print_queue.list_jobs() if j.kind == kind and (ref is None or j.ref == ref)]


def _text(job) -> str:
    return plain_text(document_from_json(job.document_json), 48)


def test_enrolling_a_phone_prints_a_deposit_slip_with_the_entry_id(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "小张", "3333")
    screen = window.open_screen("group")
    screen.tender.setCurrentIndex(screen.tender.findData("card"))
    scan(qtbot, screen.scan, PEOPLE[0])
    settle(qtbot)
    entry = next(e for e in screen.view.entries if e.phone == PEOPLE[0])
    [slip] = _jobs(demo_services, "deposit_slip", entry.id)
    text = _text(slip)
    assert entry.id in text and f"E{entry.position} / 5" in text and "137****0031" in text
    assert "银行卡 Card" in text and REPRINT_MARK not in text
    assert screen.deposit_button.text().endswith("(F12)") and screen.deposit_button.isEnabled()
    qtbot.mouseClick(screen.deposit_button, Qt.MouseButton.LeftButton)  # the customer lost it
    settle(qtbot)
    copies = [j for j in _jobs(demo_services, "deposit_slip", entry.id) if REPRINT_MARK in j.document_json]
    assert len(copies) == 1


def test_after_the_draw_f4_prints_one_slip_per_loser_and_a_double_press_one_original(
        qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "小张", "3333")
    screen = window.open_screen("group")
    _fill_demo_group(qtbot, screen)
    assert not screen.slips_button.isEnabled()  # nothing to hand back before the draw
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F5)
    press_key_settle(qtbot)
    view = screen.view
    assert view.state.value == "settled"
    assert screen.slips_button.text() == "Print refund slips (F4)"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F4)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F4)  # pressed twice
    press_key_settle(qtbot)
    slips = _jobs(demo_services, "refund_slip", view.id)
    losers = [e for e in view.entries if e.id not in view.winners]
    assert len(slips) == len(losers) == 4
    assert not [j for j in slips if REPRINT_MARK in j.document_json]
    texts = {e.id: next(_text(j) for j in slips if e.id in _text(j)) for e in losers}
    consolation = view.terms.consolation_cash_fen
    for entry in losers:
        text = texts[entry.id]
        assert f"￥{entry.deposit_fen // 100}.00" in text
        if consolation:
            assert f"￥{consolation // 100}.00" in text
        if view.terms.consolation_coins:
            assert "购物币 Coins" in text
        assert ("刷卡退款(待办)" if entry.tender == "card" else "现金当场退还") in text
    assert "COPY" in screen.slips_button.text()
    screen._slips_guard_over()  # a moment later the button takes presses again: copies now
    qtbot.mouseClick(screen.slips_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    copies = [j for j in _jobs(demo_services, "refund_slip", view.id) if REPRINT_MARK in j.document_json]
    assert len(copies) == 4


def test_a_cancelled_group_prints_each_persons_refund_by_tender_and_a_chosen_rows_deposit_slip(
        qtbot, shell, demo_services) -> None:
    from tests.ui.conftest import when_modal

    window = login(qtbot, shell, "李经理", "2222")
    screen = window.open_screen("group")
    screen.tender.setCurrentIndex(screen.tender.findData("card"))
    scan(qtbot, screen.scan, PEOPLE[0])
    when_modal("cancel_reason", lambda dialog: (dialog.setTextValue("the oven broke"), dialog.accept()))
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    view = screen.view
    assert view.state.value == "cancelled" and screen.slips_button.isEnabled()
    qtbot.mouseClick(screen.slips_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    slips = _jobs(demo_services, "refund_slip", view.id)
    assert len(slips) == len(view.entries)
    texts = [_text(j) for j in slips]
    assert all("拼团已取消" in t for t in texts)
    assert sum("刷卡退款(待办)" in t for t in texts) == sum(e.tender == "card" for e in view.entries)
    first = view.entries[0]
    screen.table.selectRow(0)
    assert screen.deposit_button.isEnabled()
    qtbot.mouseClick(screen.deposit_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    [copy] = [j for j in _jobs(demo_services, "deposit_slip", first.id) if REPRINT_MARK in j.document_json]
    assert first.id in _text(copy)
