"""The writes that used to run on the UI thread, driven as a person would: type, click, Enter.
Each runs in the background (its buttons disabled meanwhile), its outcome comes back on the
main thread, the change bus hears it once, and the store holds what the screen says."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer

from desktop.core.pins import PIN_COST
from desktop.core.staff import Actor, Role
from desktop.documents.templates import demo_voucher, voucher_document
from desktop.printing.dispatch import PrintDispatcher
from desktop.printing.escpos_backend import PrinterError
from desktop.services.print_queue import JobStatus
from desktop.services.printers import PrinterSettings
from desktop.services.registry import Services
from desktop.services.settings import STORE_NAME
from desktop.store.migrate import open_store
from desktop.ui.changes import Change
from desktop.ui.first_run_screen import FirstRunScreen
from desktop.ui.override_dialog import OverrideDialog
from desktop.ui.shell import Shell
from tests.support.fake_printer import FakeTcpPrinter, closed_port
from tests.support.stores import following
from tests.support.typing import type_text
from tests.ui.conftest import login, settle, when_modal

OWNER = Actor(1, "王店长", Role.OWNER)


def _heard(window) -> list[frozenset[Change]]:
    heard: list[frozenset[Change]] = []
    window.ctx.bus.changed.connect(heard.append)
    return heard


@pytest.fixture
def slow_store(tmp_path, clock):
    """A store whose PINs are hashed at the app's own cost (scrypt, OWASP: ~0.3 s a check)."""
    services = Services.build(open_store(tmp_path / "slow.db"), clock, pin_cost=PIN_COST, uptime=following(clock))
    services.staff.create_owner("陈老板", "2468", "川味小馆")
    yield services
    services.close()


def test_a_slow_pin_check_keeps_the_window_alive_and_the_keypad_disabled(qtbot, slow_store) -> None:
    shell = Shell(slow_store)
    qtbot.addWidget(shell.gate)
    shell.show()
    screen = shell.login
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    qtbot.keyClicks(screen.pin, "1357")  # wrong first: the keypad comes back for the next try
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert not screen.keypad.isEnabled() and not screen.pin.isEnabled() and not screen.staff_list.isEnabled()
    assert screen.message.text() == "Checking the PIN…"
    settle(qtbot, timeout=10_000)
    assert "Wrong PIN" in screen.message.text()
    assert screen.keypad.isEnabled() and screen.pin.isEnabled() and shell.main is None

    qtbot.keyClicks(screen.pin, "2468")
    started, before = time.monotonic(), len(ticks)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert shell.main is None  # the check is under way, the event loop runs on
    qtbot.waitUntil(lambda: shell.main is not None, timeout=10_000)
    timer.stop()
    checking = time.monotonic() - started
    assert len(ticks) - before >= 5, f"the timer fired {len(ticks) - before} times in {checking:.2f} s"
    assert shell.main.ctx.actor.name == "陈老板"
    actions = [r.action for r in slow_store.audit.recent(shell.main.ctx.actor, 5)]
    assert actions[:2] == ["staff.login", "staff.login_failed"]
    shell.main.close()


def test_the_first_run_creates_the_owner_in_the_background(qtbot, services) -> None:
    screen = FirstRunScreen(services)
    qtbot.addWidget(screen)
    type_text(qtbot, screen.store_name, "川味小馆")
    type_text(qtbot, screen.owner_name, "陈老板")
    qtbot.keyClicks(screen.pin, "2468")
    qtbot.keyClicks(screen.pin_again, "2468")
    with qtbot.waitSignal(screen.completed, timeout=10_000) as signal:
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
        assert not screen.create_button.isEnabled() and not screen.pin.isEnabled()  # no second owner by a double click
        assert screen.message.text() == "Creating the owner…"
    assert signal.args[0].name == "陈老板" and signal.args[0].role is Role.OWNER
    assert services.settings.get(STORE_NAME) == "川味小馆"
    assert [s.name for s in services.staff.list_staff()] == ["陈老板"]


def test_the_manager_approval_checks_the_pin_in_the_background_and_tells_the_screens(
        qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "小张", "3333")
    heard = _heard(window)
    seen: dict[str, object] = {}

    def answer(dialog: OverrideDialog) -> None:
        dialog.manager.setCurrentIndex(dialog.manager.findText("李经理"))
        qtbot.keyClicks(dialog.pin, "0000")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # Enter is OK
        seen["busy"] = not dialog.pin.isEnabled() and dialog.checking
        dialog.reject()  # Escape while the PIN is checked: the answer comes first
        seen["stayed"] = dialog.isVisible()
        qtbot.waitUntil(lambda: not dialog.checking)
        seen["refused"] = dialog.message.text()
        seen["heard_refusal"] = list(heard)
        qtbot.keyClicks(dialog.pin, "2222")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    when_modal("override_dialog", answer)
    screen = window.open_screen("audit")
    assert seen["busy"] and seen["stayed"]
    assert "Wrong PIN" in str(seen["refused"])
    assert seen["heard_refusal"] == [frozenset({Change.STAFF, Change.AUDIT})]  # the failed try is counted
    assert screen is not None and screen.ctx.actor.approved_by == "李经理"
    assert heard == [frozenset({Change.STAFF, Change.AUDIT})] * 2
    actions = [r.action for r in demo_services.audit.recent(OWNER, 4)]
    assert actions[:2] == ["override.approved", "staff.login"] and "staff.login_failed" in actions


@pytest.fixture
def failed_voucher_job(demo_services) -> tuple[int, int]:
    for printer in demo_services.printers.list_printers():
        demo_services.printers.remove(OWNER, printer.id)
    port = closed_port()
    printer_id = demo_services.printers.save(OWNER, PrinterSettings("前台", host="127.0.0.1", port=port, timeout_ms=2000))
    demo_services.printers.set_route(OWNER, "voucher", printer_id)
    job_id = demo_services.print_queue.enqueue(OWNER, "voucher", voucher_document(demo_voucher()), "V-1")
    with pytest.raises(PrinterError):
        PrintDispatcher(demo_services).dispatch(job_id)
    return job_id, port


def test_a_cashier_retries_a_failed_job_from_the_queue_once_however_often_she_clicks(
        qtbot, shell, demo_services, failed_voucher_job) -> None:
    job_id, port = failed_voucher_job
    window = login(qtbot, shell, "小张", "3333")
    queue = window.open_screen("print_queue")
    heard = _heard(window)
    queue.table.selectRow(0)
    printer = FakeTcpPrinter(port)
    try:
        qtbot.mouseClick(queue.retry_button, Qt.MouseButton.LeftButton)
        assert not queue.retry_button.isEnabled() and not queue.reprint_button.isEnabled()
        qtbot.mouseClick(queue.retry_button, Qt.MouseButton.LeftButton)  # the second click finds it disabled
        qtbot.waitUntil(lambda: queue.message.text() == f"Job {job_id} printed on 前台", timeout=8000)
        assert printer.wait_for_jobs(1)
    finally:
        printer.stop()
    job = demo_services.print_queue.job(job_id)
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)
    assert heard[0] == frozenset({Change.PRINT_JOBS, Change.AUDIT})
    assert [r.action for r in demo_services.audit.recent(OWNER, 10)].count("print.retry") == 1
    assert queue.model.index(0, queue.model.STATUS).data() == "Printed"


def test_a_retry_of_a_job_that_did_not_fail_says_why_on_the_screen(qtbot, shell, demo_services) -> None:
    job_id = demo_services.print_queue.enqueue(OWNER, "voucher", voucher_document(demo_voucher()), "V-2")
    window = login(qtbot, shell, "王店长", "1111")
    queue = window.open_screen("print_queue")
    row = next(r for r, job in enumerate(queue.model.rows) if job.id == job_id)
    queue.table.selectRow(row)
    qtbot.mouseClick(queue.retry_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert queue.message.property("tone") == "error" and queue.message.text()
    assert queue.retry_button.isEnabled()
    assert demo_services.print_queue.job(job_id).status is JobStatus.QUEUED


def test_a_route_chosen_with_the_keyboard_is_saved_in_the_background(qtbot, shell, demo_services) -> None:
    for printer in demo_services.printers.list_printers():
        demo_services.printers.remove(OWNER, printer.id)
    printer_id = demo_services.printers.save(OWNER, PrinterSettings("后厨", host="10.0.0.9"))
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("printers")
    heard = _heard(window)
    screen.tabs.setCurrentIndex(1)
    box = screen.route_boxes["voucher"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # "— not printed —" → 后厨
    assert not box.isEnabled()
    settle(qtbot)
    assert box.isEnabled() and box.currentText() == "后厨"
    assert screen.message.text() == "Voucher now prints on 后厨"
    assert demo_services.printers.routes() == {"voucher": printer_id}
    assert heard == [frozenset({Change.PRINTERS, Change.AUDIT})]


def test_a_double_clicked_test_page_is_queued_and_printed_once(qtbot, shell, demo_services) -> None:
    for printer in demo_services.printers.list_printers():
        demo_services.printers.remove(OWNER, printer.id)
    fake = FakeTcpPrinter()
    try:
        printer_id = demo_services.printers.save(OWNER, PrinterSettings("前台", host="127.0.0.1", port=fake.port))
        window = login(qtbot, shell, "王店长", "1111")
        screen = window.open_screen("printers")
        screen.table.selectRow(0)
        assert screen.form.printer_id == printer_id
        heard = _heard(window)
        qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.message.text() == "Test page printed on 前台", timeout=8000)
        assert fake.wait_for_jobs(1)
    finally:
        fake.stop()
    assert screen.test_button.isEnabled()
    [job] = demo_services.print_queue.list_jobs()
    assert (job.kind, job.status) == ("test_page", JobStatus.DONE)
    assert heard[0] == frozenset({Change.PRINT_JOBS, Change.AUDIT})
