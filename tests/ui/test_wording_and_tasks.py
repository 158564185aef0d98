"""Words, not codes, in what a person reads; and the task helper's counter used at shutdown."""

from __future__ import annotations

import threading

from desktop.core.compliance import check_amendment
from desktop.core.errors import UserError
from desktop.ui.i18n import error_text, install_language
from desktop.ui.wording import format_detail, humane_text, mask_phone, op_kind_name
from tests.ui.conftest import login


def test_the_audit_screen_shows_words_and_masked_phones(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("audit")
    details = [screen.model.index(r, 4).data() for r in range(screen.model.rowCount())]
    actions = [screen.model.index(r, 3).data() for r in range(screen.model.rowCount())]
    assert not any("{" in d for d in details)  # no raw JSON
    assert not any(c.isdigit() and len(c) == 11 for d in details for c in d.split())
    assert "Joined a group" in actions and not any("." in a and " " not in a for a in actions)


def test_codes_become_words_in_both_languages(qapp) -> None:
    assert mask_phone("call 13812345678 now") == "call 138****5678 now"
    assert format_detail('{"group_id": "G1", "refunded_fen": 29400, "phone": "13812345678"}', "en") \
        == "group: G1 · refunded: CNY 294.00 · phone: 138****5678"
    assert op_kind_name("group.settled") == "Group settled (refunds and consolation)"
    assert humane_text("unknown member in coin_grants of group.settled") == \
        "unknown member in coins granted of Group settled (refunds and consolation)"
    install_language("zh_CN")
    try:
        assert op_kind_name("group.settled") == "团已结算（退款和安慰奖）"
        assert "{" not in format_detail('{"reason": "x"}', "zh_CN") and "原因" in format_detail('{"reason": "x"}', "zh_CN")
    finally:
        install_language("en")


def test_an_amendment_error_names_the_field_and_shows_money(qapp, demo_services) -> None:
    from dataclasses import replace

    deal = next(d for d in demo_services.deals.list_deals() if d.launched)
    lower = replace(deal.terms, consolation_cash_fen=deal.terms.consolation_cash_fen - 100)
    try:
        check_amendment(deal.terms, lower)
    except UserError as exc:
        text = error_text(exc)
    else:
        raise AssertionError("a lower consolation must be refused")
    assert "consolation cash per loser" in text and "consolation_cash_fen" not in text
    assert "CNY" in text


def test_shutdown_waits_for_running_tasks(qtbot) -> None:
    from desktop.ui.tasks import TASKS, run_task

    release = threading.Event()
    done: list[int] = []
    run_task(lambda: release.wait(5) and 7, done.append)
    qtbot.waitUntil(lambda: TASKS.running == 1)
    assert not TASKS.wait_idle(0.05)  # still running: shutdown would wait
    release.set()
    assert TASKS.wait_idle(5)
    qtbot.waitUntil(lambda: done == [7])


def test_a_task_that_could_not_start_is_not_waited_for(qtbot) -> None:
    import pytest
    import shiboken6
    from PySide6.QtCore import QThreadPool

    from desktop.ui.tasks import TASKS, pending, run_task

    gone = QThreadPool()
    shiboken6.delete(gone)  # a pool deleted before the task is handed to it
    with pytest.raises(RuntimeError):
        run_task(lambda: 1, pool=gone)
    assert pending() == 0 and TASKS.wait_idle(0.1)  # shutdown and the next screen do not wait for it


def test_after_login_the_warm_up_never_outlives_its_shell(qtbot, shell) -> None:
    from desktop.ui.tasks import TASKS, pending
    from tests.ui.conftest import login

    login(qtbot, shell, "小张", "3333")  # schedules the warm-up on the next turn of the event loop
    shell.deleteLater()
    qtbot.waitUntil(lambda: pending() == 0 and TASKS.wait_idle(0))


def test_the_staff_screen_shows_a_lock_only_while_it_holds(qapp) -> None:
    from datetime import timedelta

    from desktop.core.clock import utc_now
    from desktop.core.staff import Role, StaffInfo
    from desktop.ui.models.staff_model import StaffModel

    model = StaffModel()
    now = utc_now()
    model.set_rows([StaffInfo(1, "a", Role.CASHIER, True, now + timedelta(minutes=5)),
                    StaffInfo(2, "b", Role.CASHIER, True, now - timedelta(minutes=5))])
    assert model.index(0, 2).data().startswith("Locked until")
    assert model.index(1, 2).data() == "Active"  # the lock expired: not "Locked"


def test_the_platforms_coin_refusals_reach_the_cashier_in_her_words(qapp) -> None:
    """A refusal the cashier can act on is said in her language, never the platform's English."""
    from desktop.sync.client import REFUSALS, PlatformRejected

    used = PlatformRejected(403, "consent_used", "this consent was used already: scan the member's code again", {})
    other = PlatformRejected(409, "something_new", "a sentence only the platform knows", {})
    assert error_text(used) == "The member's consent was used already: scan their code again"
    assert error_text(other) == "The platform refused: a sentence only the platform knows"
    install_language("zh_CN")
    try:
        for code in REFUSALS:
            text = error_text(PlatformRejected(403, code, "english from the platform", {}))
            assert "english" not in text and any("\u4e00" <= ch <= "\u9fff" for ch in text), code
    finally:
        install_language("en")
