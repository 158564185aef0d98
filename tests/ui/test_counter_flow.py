"""The counter as a new cashier meets it: open a group without a manager, scan people in,
draw, read what to hand back, print once (a double click too), reprint marked COPY, redeem
with a receipt, and no message left over from another group or screen."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.documents.templates import REPRINT_MARK
from desktop.store.deal_models import Group
from tests.ui.conftest import login, scan, settle, when_modal

PEOPLE = ["13700000031", "13700000032"]


def press_key_settle(qtbot) -> None:
    """A button's key "animates" the click: it lands a moment later, then its task runs."""
    qtbot.wait(250)
    settle(qtbot)


def _fill_demo_group(qtbot, screen) -> None:
    """The demo group has 3 of 5 seats: a cash and a card customer take the last two."""
    screen.tender.setCurrentIndex(screen.tender.findData("cash"))
    scan(qtbot, screen.scan, PEOPLE[0])
    screen.tender.setCurrentIndex(screen.tender.findData("card"))
    scan(qtbot, screen.scan, PEOPLE[1])


def _drawn_group(qtbot, shell):
    window = login(qtbot, shell, "小张", "3333")
    screen = window.open_screen("group")
    _fill_demo_group(qtbot, screen)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F5)  # the Draw key, shown on the button
    press_key_settle(qtbot)
    return window, screen


def test_after_the_draw_each_loser_row_says_what_to_hand_back(qtbot, shell, demo_services) -> None:
    window, screen = _drawn_group(qtbot, shell)
    assert screen.draw_button.text() == "Draw (F5)"
    assert screen.view.state.value == "settled"
    results = [screen.model.index(r, 4).data() for r in range(screen.model.rowCount())]
    assert results.count("Won: hand over the voucher") == 1
    terms = screen.view.terms
    losers = [r for r in results if r.startswith(("Refund", "Card refund"))]
    assert len(losers) == 4
    for text in losers:
        assert "consolation CNY 5.00" in text or not terms.consolation_cash_fen
    card_row = next(r for r in range(screen.model.rowCount())
                    if screen.model.rows[r].tender == "card" and screen.model.rows[r].id not in screen.view.winners)
    assert screen.model.index(card_row, 4).data().startswith("Card refund CNY")
    assert "(to do)" in screen.model.index(card_row, 4).data()


def test_a_double_click_on_print_makes_one_original_and_a_reprint_is_marked_copy(qtbot, shell, demo_services) -> None:
    window, screen = _drawn_group(qtbot, shell)
    button = screen.results_button
    assert button.text().endswith("(F6)")
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the second click of a double click
    settle(qtbot)
    jobs = [j for j in demo_services.print_queue.list_jobs() if j.ref == screen.view.id]
    originals = [j for j in jobs if REPRINT_MARK not in j.document_json]
    assert sorted(j.kind for j in originals) == ["draw_slip", "voucher"]  # one original of each
    assert not [j for j in jobs if REPRINT_MARK in j.document_json]
    assert "COPY" in button.text()
    screen._print_guard_over()  # a moment later the button takes clicks again
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    jobs = [j for j in demo_services.print_queue.list_jobs() if j.ref == screen.view.id]
    copies = [j for j in jobs if REPRINT_MARK in j.document_json]
    assert sorted(j.kind for j in copies) == ["draw_slip", "voucher"]
    qtbot.waitUntil(lambda: "PDF file in" in window.statusBar().currentMessage(), timeout=5000)


def test_a_cashier_opens_a_new_group_from_the_group_screen_without_a_manager(qtbot, shell, demo_services) -> None:
    window, screen = _drawn_group(qtbot, shell)
    assert screen.scan.isEnabled() and screen.open_button.isEnabled()
    qtbot.mouseClick(screen.scan, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.scan, "13700000041")
    assert screen.scan.hasFocus()
    qtbot.keyClick(screen.scan, Qt.Key.Key_F3)  # the Open-a-new-group key, from the scan field
    press_key_settle(qtbot)
    assert QApplication.activeModalWidget() is None  # no manager PIN asked
    assert screen.message.text() == "Group opened: scan the next person"
    assert screen.view.state.value == "open" and len(screen.view.entries) == 1
    with demo_services.db.read() as s:
        assert s.get(Group, screen.view.id).state == "open"
    assert screen.scan.text() == "" and screen.seats.text() == "1 / 5 seats"


def test_no_message_stays_under_another_group_or_after_the_field_is_fixed(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "小张", "3333")
    screen = window.open_screen("group")
    scan(qtbot, screen.scan, "abc")
    assert "neither a member code nor" in screen.message.text()
    qtbot.keyClick(screen.scan, Qt.Key.Key_Backspace)  # fixing the field takes the refusal away
    assert screen.message.text() == ""
    scan(qtbot, screen.scan, "abc")
    window.open_screen("redeem")
    window.open_screen("group")
    assert screen.message.text() == ""  # not left over from the last visit
    scan(qtbot, screen.scan, "")  # an empty Enter says nothing odd
    assert screen.message.text() == ""
    first = screen.view.id
    screen.open_group()  # no leader typed
    assert "first" in screen.message.text()
    assert screen.view.id == first


def test_a_cancelled_group_shows_refunds_by_tender(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "李经理", "2222")
    screen = window.open_screen("group")
    screen.tender.setCurrentIndex(screen.tender.findData("card"))
    scan(qtbot, screen.scan, PEOPLE[0])

    def give_reason(dialog) -> None:
        dialog.setTextValue("the oven broke")
        dialog.accept()

    when_modal("cancel_reason", give_reason)
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.view.state.value == "cancelled"
    results = [screen.model.index(r, 4).data() for r in range(screen.model.rowCount())]
    assert any(r.startswith("Card refund") for r in results)
    assert any(r.startswith("Cash back") for r in results)
    assert "Card refunds to do:" in screen.details.text() and "Cash back now:" in screen.details.text()
    records = demo_services.audit.recent(window.ctx.actor)
    cancelled = next(r for r in records if r.action == "group.cancelled")
    assert json.loads(cancelled.detail)["reason"] == "the oven broke"


def test_redeeming_prints_the_receipt_and_offers_a_copy(qtbot, shell, demo_services) -> None:
    window, screen = _drawn_group(qtbot, shell)
    voucher = screen.view.vouchers[0]
    redeem = window.open_screen("redeem")
    scan(qtbot, redeem.scan, voucher.qr_text)
    assert redeem.verdict.text().startswith("✔ Redeemed")
    receipts = [j for j in demo_services.print_queue.list_jobs() if j.kind == "redemption_receipt"]
    assert len(receipts) == 1 and REPRINT_MARK not in receipts[0].document_json
    assert redeem.reprint.isVisible() and redeem.reprint.text().endswith("(F6)")
    qtbot.mouseClick(redeem.reprint, Qt.MouseButton.LeftButton)
    settle(qtbot)
    receipts = [j for j in demo_services.print_queue.list_jobs() if j.kind == "redemption_receipt"]
    assert len(receipts) == 2 and REPRINT_MARK in receipts[0].document_json
    assert redeem.scan.hasFocus() or not redeem.isActiveWindow()
    window.open_screen("group")
    window.open_screen("redeem")
    assert redeem.verdict.text() == "Ready: scan a voucher"  # the last customer's verdict is gone


def test_a_bug_says_something_went_wrong_and_is_logged(qtbot, shell, demo_services, monkeypatch, caplog) -> None:
    window = login(qtbot, shell, "小张", "3333")
    redeem = window.open_screen("redeem")

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo_services.redemption, "redeem", broken)
    with caplog.at_level(logging.ERROR):
        scan(qtbot, redeem.scan, "PSV1-anything")
    assert redeem.verdict.text() == "Something went wrong; the log has the details."
    assert "disk on fire" not in redeem.verdict.text()
    assert any("redeeming a voucher" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_screen_shown_later_shows_what_another_screen_changed(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "小张", "3333")
    groups = window.open_screen("groups")
    before = groups.model.index(0, 2).data()
    screen = window.open_screen("group")
    scan(qtbot, screen.scan, PEOPLE[0])
    assert groups.stale  # told by the broadcast; refreshes when shown, without polling
    window.open_screen("groups")
    assert groups.model.index(0, 2).data() != before


def test_refusing_an_approval_leaves_the_menu_on_the_screen_shown(qtbot, shell) -> None:
    window = login(qtbot, shell, "小张", "3333")
    window.open_screen("redeem")
    when_modal("override_dialog", lambda dialog: dialog.reject())
    row = next(r for r in range(window.nav.count()) if window.nav.item(r).data(Qt.ItemDataRole.UserRole) == "audit")
    window.nav.setCurrentRow(row)
    assert window.stack.currentWidget().objectName() == "redeem"
    assert window.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "redeem"


def test_a_cashier_retries_a_failed_printout_without_a_manager(qtbot, shell, demo_services) -> None:
    from desktop.documents.templates import invite_document

    window = login(qtbot, shell, "小张", "3333")
    group_id = demo_services.group_views.list_groups()[0].id
    document = invite_document(demo_services.print_data.invite(group_id))
    job_id = demo_services.print_queue.enqueue(window.ctx.actor, "invite", document, group_id)
    demo_services.print_queue.mark_printing(job_id)
    demo_services.print_queue.mark_failed(job_id, "paper out")
    queue = window.open_screen("print_queue")
    assert QApplication.activeModalWidget() is None and queue is not None  # no manager PIN asked
    row = next(r for r, job in enumerate(queue.model.rows) if job.id == job_id)
    queue.table.selectRow(row)
    qtbot.mouseClick(queue.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo_services.print_queue.job(job_id).status.value == "done", timeout=5000)
