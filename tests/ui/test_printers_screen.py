"""Printers and the print queue, driven as a manager at the counter would, against a fake
network printer on 127.0.0.1 and the real store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.core.staff import Actor, Role
from desktop.documents.templates import REPRINT_MARK, demo_voucher, voucher_document
from desktop.printing.escpos_backend import ENTER_CHINESE, encode_gb18030
from desktop.services.print_queue import JobStatus
from desktop.services.printers import PrinterSettings
from desktop.ui.models.print_job_model import PrintJobModel
from desktop.ui.models.printer_model import PrinterModel
from desktop.ui.override_dialog import OverrideDialog
from desktop.ui.print_actions import PrintToast, send_to_printer
from tests.support.fake_printer import FakeTcpPrinter, closed_port
from tests.support.typing import type_text
from tests.ui.conftest import login, settle
from tests.ui.test_management_screens import when_dialog_opens

OWNER = Actor(1, "王店长", Role.OWNER)
QR_STORE = b"\x1d(k"  # GS ( k
CUT = b"\x1dV"


@pytest.fixture(autouse=True)
def no_demo_printer(demo_services) -> None:
    """These tests set printers up from nothing, as in a new store: remove the demo's PDF printer."""
    for printer in demo_services.printers.list_printers():
        demo_services.printers.remove(OWNER, printer.id)


@pytest.fixture
def fake_printer() -> Iterator[FakeTcpPrinter]:
    printer = FakeTcpPrinter()
    yield printer
    printer.stop()


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def type_port(qtbot, spin, port: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(port))


def test_manager_adds_a_network_printer_and_its_test_page_prints(qtbot, shell, demo_services, fake_printer) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("printers")
    click(qtbot, screen.new_button)
    type_text(qtbot, screen.form.name, "前台打印机")
    qtbot.keyClicks(screen.form.host, "127.0.0.1")
    type_port(qtbot, screen.form.port, fake_printer.port)
    click(qtbot, screen.save_button)
    assert screen.message.text() == "Saved printer 前台打印机"
    [saved] = demo_services.printers.list_printers()
    assert (saved.name, saved.host, saved.port, saved.paper_mm, saved.chinese_mode) == (
        "前台打印机", "127.0.0.1", fake_printer.port, 80, "gb18030")
    assert screen.model.index(0, 2).data() == f"127.0.0.1:{fake_printer.port}"

    click(qtbot, screen.test_button)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Test page printed"), timeout=8000)
    assert fake_printer.wait_for_jobs(1)
    sent = fake_printer.received
    assert sent.startswith(b"\x1b@" + ENTER_CHINESE)
    assert encode_gb18030("打印测试 Test page") in sent
    assert encode_gb18030("￥94.00") in sent and b"\xa3\xa4" in sent
    assert QR_STORE in sent and b"1P0" + "PINSHANG-TEST 品尚".encode() in sent
    assert sent.endswith(CUT + b"\x00")
    [job] = demo_services.print_queue.list_jobs()
    assert (job.kind, job.status, job.printer_name, job.attempts) == ("test_page", JobStatus.DONE, "前台打印机", 1)


def test_bad_printer_settings_show_why_and_save_nothing(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("printers")
    type_text(qtbot, screen.form.name, "前台")
    click(qtbot, screen.save_button)
    assert "needs a host" in screen.message.text()
    screen.form.connection.setCurrentIndex(screen.form.connection.findData("usb"))
    qtbot.keyClicks(screen.form.usb_vendor, "zz")
    click(qtbot, screen.save_button)
    assert "not a hexadecimal id" in screen.message.text()
    assert demo_services.printers.list_printers() == []


def test_choosing_the_printer_for_vouchers(qtbot, shell, demo_services) -> None:
    printer_id = demo_services.printers.save(OWNER, PrinterSettings("后厨", host="10.0.0.9"))
    window = login(qtbot, shell, "王店长", "1111")
    screen = window.open_screen("printers")
    box = screen.route_boxes["voucher"]
    box.setCurrentIndex(box.findData(printer_id))
    box.activated.emit(box.currentIndex())
    settle(qtbot)
    assert screen.message.text() == "Voucher now prints on 后厨"
    assert demo_services.printers.routes() == {"voucher": printer_id}


def test_a_failed_print_offers_retry_and_keeps_the_job_then_reprint_marks_copy(qtbot, shell, demo_services) -> None:
    port = closed_port()
    printer_id = demo_services.printers.save(OWNER, PrinterSettings("前台", host="127.0.0.1", port=port, timeout_ms=2000))
    demo_services.printers.set_route(OWNER, "voucher", printer_id)
    window = login(qtbot, shell, "小张", "3333")
    send_to_printer(window.ctx, "voucher", voucher_document(demo_voucher()), "V-1", window)

    qtbot.waitUntil(lambda: window.findChild(PrintToast) is not None, timeout=8000)
    toast = window.findChild(PrintToast)
    assert "Not printed" in toast.message.text() and "refused" in toast.message.text()
    [job] = demo_services.print_queue.list_jobs()
    assert job.status is JobStatus.FAILED and "refused" in job.last_error

    printer = FakeTcpPrinter(port)
    try:
        click(qtbot, toast.retry)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Printed Voucher on 前台", timeout=8000)
        assert printer.wait_for_jobs(1)
        assert demo_services.print_queue.job(job.id).status is JobStatus.DONE
        assert REPRINT_MARK.encode("gb18030") not in printer.received

        def approve(dialog: OverrideDialog) -> None:  # a reprint needs the manager's PIN
            dialog.manager.setCurrentIndex(dialog.manager.findText("李经理"))
            qtbot.keyClicks(dialog.pin, "2222")
            dialog.approve()
            qtbot.waitUntil(lambda: not dialog.checking)  # the PIN is checked off the UI thread

        queue = window.open_screen("print_queue")  # open to a cashier: retrying needs no manager
        queue.table.selectRow(0)
        when_dialog_opens(qtbot, approve)
        click(qtbot, queue.reprint_button)
        assert any(r.action == "override.approved" for r in demo_services.audit.recent(
            demo_services.staff.login(1, "1111")))
        qtbot.waitUntil(lambda: queue.message.text().startswith("Job "), timeout=8000)
        assert printer.wait_for_jobs(2)
        assert printer.jobs[1].count(encode_gb18030(REPRINT_MARK)) == 2
    finally:
        printer.stop()
    assert queue.model.index(0, PrintJobModel.KIND).data() == "Voucher (copy)"
    assert queue.model.index(0, PrintJobModel.STATUS).data() == "Printed"
    assert demo_services.print_queue.list_jobs()[0].reprint_of == job.id


def test_models_pass_the_model_tester(qtmodeltester, services) -> None:
    printers = PrinterModel()
    printers.set_rows([PrinterSettings("前台", host="127.0.0.1", id=1), PrinterSettings("PDF", "pdf", id=2)])
    qtmodeltester.check(printers)
    jobs = PrintJobModel()
    job_id = services.print_queue.enqueue(OWNER, "voucher", voucher_document(demo_voucher()), "V-1")
    jobs.set_rows(services.print_queue.list_jobs())
    qtmodeltester.check(jobs)
    assert jobs.index(0, PrintJobModel.ID).data() == job_id
    assert jobs.index(0, PrintJobModel.STATUS).data() == "Waiting"


def test_several_documents_print_one_at_a_time_in_the_order_sent(qtbot, shell, demo_services, fake_printer) -> None:
    """Vouchers then the draw slip: a thermal printer takes one job at a time, in order."""
    from desktop.documents.document import Cut, Document, TextLine
    from desktop.ui.context import UiContext

    printer_id = demo_services.printers.save(OWNER, PrinterSettings("前台", host="127.0.0.1", port=fake_printer.port))
    demo_services.printers.set_route(OWNER, "voucher", printer_id)
    window = login(qtbot, shell, "小张", "3333")
    ctx = UiContext(demo_services, window.ctx.actor)
    for n in range(5):
        send_to_printer(ctx, "voucher", Document(f"job {n}", (TextLine(f"PRINT-JOB-{n}"), Cut())), f"V-{n}", window)
    assert fake_printer.wait_for_jobs(5)
    order = [next(i for i in range(5) if f"PRINT-JOB-{i}".encode() in job) for job in fake_printer.jobs]
    assert order == [0, 1, 2, 3, 4]
    qtbot.waitUntil(lambda: all(j.status is JobStatus.DONE for j in demo_services.print_queue.list_jobs()), timeout=5000)


def test_print_preview_opens_and_closes_without_crashing(qtbot, shell) -> None:
    from desktop.documents.layouts import PAPER_80
    from desktop.ui.print_actions import preview_document

    window = login(qtbot, shell, "王店长", "1111")
    preview_document(voucher_document(demo_voucher()), PAPER_80, window)
    dialog = window.findChild(QWidget, "print_preview")
    assert dialog is not None and dialog.isVisible()
    qtbot.wait(200)  # it paints the pages on the printer it was given
    dialog.close()


def test_why_a_job_failed_reads_in_the_cashiers_language(demo_services) -> None:
    from desktop.printing.dispatch import PrintDispatcher
    from desktop.printing.escpos_backend import PrinterError
    from desktop.ui.i18n import install_language

    printer_id = demo_services.printers.save(OWNER, PrinterSettings("前台", host="127.0.0.1", port=closed_port(), timeout_ms=2000))
    demo_services.printers.set_route(OWNER, "voucher", printer_id)
    job_id = demo_services.print_queue.enqueue(OWNER, "voucher", voucher_document(demo_voucher()), "V-1")
    with pytest.raises(PrinterError):
        PrintDispatcher(demo_services).dispatch(job_id)
    model = PrintJobModel()
    model.set_rows([demo_services.print_queue.job(job_id)])
    install_language("zh_CN")
    assert "连接被拒绝" in model.index(0, model.ERROR).data()
    install_language("en")
    assert "the connection was refused" in model.index(0, model.ERROR).data()
