"""Staff, audit and settings screens driven as a manager would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.audit import ChainCheck
from desktop.ui.models.audit_model import AuditModel
from desktop.ui.models.staff_model import StaffModel
from desktop.ui.override_dialog import OverrideDialog
from desktop.ui.tasks import run_task
from tests.support.typing import type_text
from tests.ui.conftest import login, settle


def test_owner_adds_a_cashier_who_can_then_log_in(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("staff")
    type_text(qtbot, screen.name, "赵小二")
    screen.role.setCurrentIndex(screen.role.findData("cashier"))
    qtbot.keyClicks(screen.pin, "5829")
    qtbot.mouseClick(screen.add, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.message.text() == "Added 赵小二"
    names = [screen.model.index(r, 0).data() for r in range(screen.model.rowCount())]
    assert "赵小二" in names
    new_id = next(i.id for i in demo_services.staff.list_staff() if i.name == "赵小二")
    assert demo_services.staff.login(new_id, "5829").name == "赵小二"


def test_adding_with_a_guessable_pin_shows_why_and_adds_nobody(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("staff")
    type_text(qtbot, screen.name, "赵小二")
    qtbot.keyClicks(screen.pin, "5555")
    qtbot.mouseClick(screen.add, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "too easy to guess" in screen.message.text()
    assert len(demo_services.staff.list_staff()) == 3


def test_a_manager_unlocks_a_locked_cashier_from_the_staff_screen(qtbot, shell, demo_services) -> None:
    from desktop.services.staff import LoginRefused

    cashier = next(i.id for i in demo_services.staff.list_staff() if i.name == "小张")
    for _ in range(5):
        with pytest.raises(LoginRefused):
            demo_services.staff.login(cashier, "0000")
    window = login(qtbot, shell, "李经理", "2222")
    screen = window.open_screen("staff")
    row = next(r for r in range(screen.model.rowCount()) if screen.model.index(r, 0).data() == "小张")
    assert screen.model.index(row, 2).data().startswith("Locked until ")
    screen.table.selectRow(row)
    qtbot.mouseClick(screen.unlock, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.message.text() == "Unlocked"
    row = next(r for r in range(screen.model.rowCount()) if screen.model.index(r, 0).data() == "小张")
    assert screen.model.index(row, 2).data() == "Active"  # the broadcast refreshed the list
    assert demo_services.staff.login(cashier, "3333").name == "小张"


def test_adding_with_a_bad_pin_shows_why_and_adds_nobody(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("staff")
    type_text(qtbot, screen.name, "赵小二")
    qtbot.keyClicks(screen.pin, "55")
    qtbot.mouseClick(screen.add, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "4 to 8 digits" in screen.message.text()
    assert len(demo_services.staff.list_staff()) == 3


def test_deactivating_a_cashier(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("staff")
    row = next(r for r in range(screen.model.rowCount()) if screen.model.index(r, 0).data() == "小张")
    screen.table.selectRow(row)
    qtbot.mouseClick(screen.toggle, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.model.index(row, 2).data() == "Inactive"
    assert "小张" not in [i.name for i in demo_services.staff.list_staff()]


def test_audit_screen_verifies_the_chain_off_the_ui_thread(qtbot, shell) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("audit")
    assert screen.model.rowCount() >= 8
    assert screen.model.index(0, 3).data() == "Logged in"  # the action in words, not "staff.login"
    qtbot.mouseClick(screen.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.result.text().startswith("Intact"), timeout=5000)
    assert screen.verify_button.isEnabled()


def when_dialog_opens(qtbot, act) -> None:
    """Act on the override dialog once its modal loop runs; never leave it open."""

    def run() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, OverrideDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, run)
            return
        try:
            act(dialogs[0])
        finally:
            if dialogs[0].isVisible():
                dialogs[0].reject()

    QTimer.singleShot(20, run)


def test_cashier_opening_the_audit_log_needs_a_manager(qtbot, shell) -> None:
    window = login(qtbot, shell, "小张", "3333")

    def approve(dialog: OverrideDialog) -> None:
        dialog.manager.setCurrentIndex(dialog.manager.findText("李经理"))
        qtbot.keyClicks(dialog.pin, "2222")
        dialog.approve()
        qtbot.waitUntil(lambda: not dialog.checking)  # the PIN is checked off the UI thread

    when_dialog_opens(qtbot, approve)
    screen = window.open_screen("audit")
    assert screen is not None
    assert screen.ctx.actor.approved_by == "李经理"
    assert screen.model.index(0, 3).data() == "Manager approval"  # not "override.approved"


def test_refused_approval_keeps_the_cashier_out(qtbot, shell) -> None:
    window = login(qtbot, shell, "小张", "3333")

    seen: list[str] = []

    def wrong_then_cancel(dialog: OverrideDialog) -> None:
        qtbot.keyClicks(dialog.pin, "0000")
        dialog.approve()
        qtbot.waitUntil(lambda: not dialog.checking)
        seen.append(dialog.message.text())

    when_dialog_opens(qtbot, wrong_then_cancel)
    assert window.open_screen("audit") is None
    assert "Wrong PIN" in seen[0]


def test_switching_language_retranslates_the_app(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("settings")
    screen.language.setCurrentIndex(screen.language.findData("zh_CN"))
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    settle(qtbot)
    rebuilt = shell.main
    assert rebuilt is not window
    titles = [rebuilt.nav.item(i).text() for i in range(rebuilt.nav.count())]
    assert {"员工", "审计日志", "设置"} <= set(titles)
    assert all(not title.isascii() for title in titles)  # every screen's title is in Chinese
    assert rebuilt.logout_button.text() == "退出登录"
    assert demo_services.settings.get("ui.language") == "zh_CN"


def test_run_task_calls_back_on_the_main_thread(qtbot) -> None:
    seen: dict[str, object] = {}
    main_thread = QThread.currentThread()

    def work() -> int:
        seen["worker"] = QThread.currentThread() is not main_thread
        return 42

    run_task(work, lambda value: seen.update(value=value, main=QThread.currentThread() is main_thread))
    qtbot.waitUntil(lambda: "value" in seen, timeout=3000)
    assert seen == {"worker": True, "value": 42, "main": True}

    failures: list[BaseException] = []
    run_task(lambda: 1 / 0, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=3000)
    assert isinstance(failures[0], ZeroDivisionError)


def test_item_models_pass_the_model_tester(qtmodeltester, demo_services) -> None:
    staff = StaffModel()
    staff.set_rows(demo_services.staff.list_staff(active_only=False))
    qtmodeltester.check(staff)
    audit = AuditModel()
    owner = demo_services.staff.login(1, "1111")
    audit.set_rows(demo_services.audit.recent(owner))
    qtmodeltester.check(audit)
    assert isinstance(demo_services.audit.verify(), ChainCheck)


def test_leaving_a_screen_opened_on_approval_ends_the_approval(qtbot, shell) -> None:
    window = login(qtbot, shell, "小张", "3333")
    asked: list[str] = []

    def approve(dialog: OverrideDialog) -> None:
        asked.append(dialog.manager.currentText())
        dialog.manager.setCurrentIndex(dialog.manager.findText("李经理"))
        qtbot.keyClicks(dialog.pin, "2222")
        dialog.approve()
        qtbot.waitUntil(lambda: not dialog.checking)  # the PIN is checked off the UI thread

    when_dialog_opens(qtbot, approve)
    assert window.open_screen("audit") is not None
    window.open_screen("settings")
    assert "audit" not in window.pages
    when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    assert window.open_screen("audit") is None  # asked again, and refused this time
    assert len(asked) == 1
