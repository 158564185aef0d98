"""Logging in and out as staff do: pick a name, type or tap the PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.services.settings import STORE_NAME
from desktop.ui.first_run_screen import FirstRunScreen
from tests.support.typing import type_text
from tests.ui.conftest import login, settle


def test_demo_login_screen_shows_staff_and_pins(shell) -> None:
    screen = shell.login
    names = [screen.staff_list.item(i).text() for i in range(screen.staff_list.count())]
    assert names == ["王店长  ·  Owner", "李经理  ·  Manager", "小张  ·  Cashier"]
    assert "小张 3333" in screen.hint.text()
    assert "品尚小馆" in screen.title.text()


def test_wrong_pin_says_so_and_keeps_the_login_screen(qtbot, shell) -> None:
    assert login(qtbot, shell, "小张", "9999") is None
    assert "Wrong PIN" in shell.login.message.text()
    assert shell.login.pin.text() == ""


def test_on_screen_keypad_logs_in(qtbot, shell) -> None:
    screen = shell.login
    screen.staff_list.setCurrentRow(1)
    for key in "2222":
        qtbot.mouseClick(screen.keypad.findChild(QPushButton, f"key_{key}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.findChild(QPushButton, "key_back"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.findChild(QPushButton, "key_2"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.findChild(QPushButton, "key_ok"), Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert shell.main is not None
    assert shell.main.ctx.actor.name == "李经理"


def test_after_login_what_the_first_bill_needs_is_built_in_the_background(qtbot, shell) -> None:
    from desktop.services.registry import WARM_SERVICES

    assert "checkout" not in vars(shell.services)  # the login window has not needed it
    login(qtbot, shell, "小张", "3333")
    qtbot.waitUntil(lambda: all(name in vars(shell.services) for name in WARM_SERVICES), timeout=5000)
    settle(qtbot)


def test_status_bar_shows_store_staff_and_sync_state(qtbot, shell) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    bar = window.status
    assert bar.store.text() == "品尚小馆 Pinshang Bistro"
    assert bar.staff.text() == "王店长 · Owner"
    assert bar.sync.text() == "Not paired"
    assert "waiting to send" in bar.waiting.text()


def test_log_out_returns_to_login_and_is_audited(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    qtbot.mouseClick(window.logout_button, Qt.MouseButton.LeftButton)
    assert not window.logout_button.isEnabled()  # the guard and the audit record run off the UI thread
    settle(qtbot)
    assert shell.main is None and shell.gate.isVisible()
    owner = demo_services.staff.login(1, "1111")
    assert [r.action for r in demo_services.audit.recent(owner, 3)][1] == "staff.logout"


def test_lockout_message_after_five_wrong_pins(qtbot, shell) -> None:
    for _ in range(5):
        login(qtbot, shell, "小张", "0000")
    assert "locked" in shell.login.message.text()
    assert login(qtbot, shell, "小张", "3333") is None


def test_first_run_creates_owner_and_logs_in(qtbot, services) -> None:
    screen = FirstRunScreen(services)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.completed) as signal:
        type_text(qtbot, screen.store_name, "川味小馆")
        type_text(qtbot, screen.owner_name, "陈老板")
        qtbot.keyClicks(screen.pin, "2468")
        qtbot.keyClicks(screen.pin_again, "2468")
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].name == "陈老板"
    assert services.settings.get(STORE_NAME) == "川味小馆"


def test_first_run_refuses_mismatched_pins_and_writes_nothing(qtbot, services) -> None:
    screen = FirstRunScreen(services)
    qtbot.addWidget(screen)
    type_text(qtbot, screen.store_name, "川味小馆")
    type_text(qtbot, screen.owner_name, "陈老板")
    qtbot.keyClicks(screen.pin, "2468")
    qtbot.keyClicks(screen.pin_again, "2469")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "The two PINs differ"
    assert not services.staff.has_staff()
    screen.pin_again.setText("2468")
    screen.pin.setText("12")
    screen.pin_again.setText("12")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "4 to 8 digits" in screen.message.text()
    assert not services.staff.has_staff()
    screen.pin.setText("1234")
    screen.pin_again.setText("1234")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "too easy to guess" in screen.message.text()
    assert not services.staff.has_staff()


def test_login_window_from_a_snapshot_before_the_store_has_opened(qtbot, demo_services) -> None:
    from desktop.store.snapshot import read_snapshot
    from desktop.ui.shell import Shell

    snapshot = read_snapshot(demo_services.db.path)
    assert snapshot is not None and [s.name for s in snapshot.staff] == ["王店长", "李经理", "小张"]
    early = Shell(None, snapshot=snapshot)
    qtbot.addWidget(early.gate)
    early.show()
    early.login.staff_list.setCurrentRow(2)
    qtbot.keyClicks(early.login.pin, "3333")
    qtbot.keyClick(early.login.pin, Qt.Key.Key_Return)
    assert early.main is None and early.login.message.text() == "Opening the store…"
    early.attach(demo_services)  # the background open finishes: the typed PIN is checked then
    settle(qtbot)
    assert early.main is not None and early.main.ctx.actor.name == "小张"
    early.main.close()


def test_snapshot_of_a_missing_or_foreign_file_is_none(tmp_path) -> None:
    from desktop.store.snapshot import read_snapshot

    assert read_snapshot(tmp_path / "absent.db") is None
    (tmp_path / "junk.db").write_bytes(b"not sqlite" * 100)
    assert read_snapshot(tmp_path / "junk.db") is None


def test_clicking_a_name_keeps_typing_in_the_pin_field(qtbot, shell) -> None:
    screen = shell.login
    shell.gate.activateWindow()
    row = screen.staff_list.visualItemRect(screen.staff_list.item(2)).center()
    qtbot.mouseClick(screen.staff_list.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert screen.staff_list.currentRow() == 2
    assert screen.staff_list.focusPolicy() == Qt.FocusPolicy.NoFocus and not screen.staff_list.hasFocus()
    qtbot.keyClicks(shell.gate.focusWidget() or screen.pin, "3333")
    assert screen.pin.text() == "3333"
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    settle(qtbot)
    assert shell.main is not None and shell.main.ctx.actor.name == "小张"
