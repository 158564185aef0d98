"""The print queue end to end on a real store and a fake TCP printer on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.staff import Actor, Role
from desktop.documents.templates import demo_voucher, voucher_document
from desktop.printing.dispatch import PrintDispatcher, printer_config
from desktop.printing.escpos_backend import (
    ENTER_CHINESE,
    PrinterError,
    encode_gb18030,
    render_escpos_bytes,
)
from desktop.services.base import ServiceBase
from desktop.services.print_jobs import make_test_page
from desktop.services.print_queue import JobStatus
from desktop.services.printers import PrinterSettings
from desktop.store.models import LedgerTransfer
from tests.support.fake_printer import FakeTcpPrinter, closed_port

OWNER = Actor(1, "王店长", Role.OWNER)
CASHIER = Actor(3, "小张", Role.CASHIER)
CUT = b"\x1dV"


@pytest.fixture
def fake_printer() -> Iterator[FakeTcpPrinter]:
    printer = FakeTcpPrinter()
    yield printer
    printer.stop()


def add_network_printer(services, port: int, **changes) -> int:
    settings = PrinterSettings("前台", host="127.0.0.1", port=port, timeout_ms=2000, **changes)
    printer_id = services.printers.save(OWNER, settings)
    services.printers.set_route(OWNER, "voucher", printer_id)
    return printer_id


def commit_a_transfer(services, clock) -> None:
    """A real committed business change (a deposit held), done before anything is printed."""
    with ServiceBase(services.db, clock).transaction(OWNER) as tx:
        tx.session.add(LedgerTransfer(id="t-deposit-1", debit="customer:U1", credit="held:g1", amount=5000,
                                      kind="plain", unit="fen", ref="group:g1", created_at=tx.now_iso))
        tx.audit("deposit.held", transfer_id="t-deposit-1")


def test_a_queued_voucher_reaches_the_printer_and_the_job_is_done(services, fake_printer) -> None:
    add_network_printer(services, fake_printer.port)
    job_id = services.print_queue.enqueue(CASHIER, "voucher", voucher_document(demo_voucher()), "V-1")
    job = PrintDispatcher(services).dispatch(job_id)
    assert fake_printer.wait_for_jobs(1)
    assert fake_printer.received.startswith(b"\x1b@" + ENTER_CHINESE)
    config = printer_config(services.printers.get(job.printer_id))
    assert fake_printer.received == render_escpos_bytes(voucher_document(demo_voucher()), config)
    assert CUT in fake_printer.received[-4:]
    assert (job.status, job.attempts, job.printer_name, job.printed_at) == (JobStatus.DONE, 1, "前台", job.printed_at)
    assert job.printed_at is not None


def test_print_failure_keeps_the_job_retryable_and_the_business_change_committed(services, clock) -> None:
    port = closed_port()
    add_network_printer(services, port)
    commit_a_transfer(services, clock)
    job_id = services.print_queue.enqueue(CASHIER, "voucher", voucher_document(demo_voucher()), "V-1")

    with pytest.raises(PrinterError, match="refused"):
        PrintDispatcher(services).dispatch(job_id)
    failed = services.print_queue.job(job_id)
    assert failed.status is JobStatus.FAILED
    assert "前台" in failed.last_error and f"127.0.0.1:{port}" in failed.last_error and "refused" in failed.last_error
    with services.db.read() as s:
        assert s.scalar(select(LedgerTransfer.amount).where(LedgerTransfer.id == "t-deposit-1")) == 5000

    printer = FakeTcpPrinter(port)  # the printer is switched on
    try:
        services.print_queue.retry(CASHIER, job_id)
        assert PrintDispatcher(services).dispatch(job_id).status is JobStatus.DONE
        assert printer.wait_for_jobs(1) and CUT in printer.received
    finally:
        printer.stop()
    done = services.print_queue.job(job_id)
    assert (done.status, done.attempts, done.last_error) == (JobStatus.DONE, 2, None)
    actions = [row.action for row in services.audit.recent(OWNER, 50)]
    assert {"deposit.held", "print.queued", "print.retry"} <= set(actions)
    assert services.audit.verify().ok


def test_a_reprint_is_a_new_job_marked_copy(services, fake_printer) -> None:
    add_network_printer(services, fake_printer.port)
    job_id = services.print_queue.enqueue(CASHIER, "voucher", voucher_document(demo_voucher()), "V-1")
    dispatcher = PrintDispatcher(services)
    dispatcher.dispatch(job_id)
    assert fake_printer.wait_for_jobs(1)
    assert b"COPY" not in fake_printer.received

    copy_id = services.print_jobs.reprint(CASHIER, job_id)
    dispatcher.dispatch(copy_id)
    assert fake_printer.wait_for_jobs(2)
    second = fake_printer.jobs[1]
    assert second.count(encode_gb18030("** 重印 COPY **")) == 2  # top and bottom
    assert services.print_queue.job(copy_id).reprint_of == job_id


def test_a_job_is_printed_once_even_if_two_dispatchers_race(services, fake_printer) -> None:
    add_network_printer(services, fake_printer.port)
    job_id = services.print_queue.enqueue(CASHIER, "voucher", voucher_document(demo_voucher()), "V-1")
    services.print_queue.mark_printing(job_id)
    with pytest.raises(Exception, match="printing, not queued"):
        PrintDispatcher(services).dispatch(job_id)


def test_no_printer_for_the_kind_fails_clearly_and_stays_queued_for_retry(services) -> None:
    job_id = services.print_queue.enqueue(CASHIER, "invite", make_test_page(PrinterSettings("x"), "店"), "G-1")
    printed, failed = PrintDispatcher(services).dispatch_pending()
    assert (printed, failed) == (0, 1)
    job = services.print_queue.job(job_id)
    assert job.status is JobStatus.FAILED and "No printer is set up" in job.last_error


@pytest.mark.usefixtures("qapp")  # a QApplication, not the bare QGuiApplication the backend would make
def test_a_pdf_printer_writes_one_pdf_per_job(services, tmp_path: Path) -> None:
    printer_id = services.printers.save(OWNER, PrinterSettings("PDF", connection="pdf", pdf_folder=str(tmp_path / "pdf")))
    services.printers.set_route(OWNER, "test_page", printer_id)
    job_id = services.print_queue.enqueue(OWNER, "test_page", make_test_page(PrinterSettings("PDF"), "店"), "")
    assert PrintDispatcher(services).dispatch(job_id).status is JobStatus.DONE
    [pdf] = (tmp_path / "pdf").iterdir()
    assert pdf.read_bytes().startswith(b"%PDF")


def test_cashiers_may_print_but_not_set_up_printers(services) -> None:
    with pytest.raises(PermissionDenied):
        services.printers.save(CASHIER, PrinterSettings("前台", host="127.0.0.1"))
    with pytest.raises(ValidationError, match="needs a host"):
        services.printers.save(OWNER, PrinterSettings("前台", host=" "))
    with pytest.raises(ValidationError, match="Unknown kind"):
        services.print_queue.enqueue(CASHIER, "poster", make_test_page(PrinterSettings("x"), "店"), "")
    assert services.printers.list_printers() == [] and services.print_queue.list_jobs() == []


def test_a_job_cut_off_by_a_crash_is_failed_at_the_next_start_and_can_be_retried(tmp_path: Path, clock) -> None:
    from desktop.app import open_for_counter

    services = open_for_counter(tmp_path)
    add_network_printer(services, closed_port())
    job_id = services.print_queue.enqueue(CASHIER, "voucher", voucher_document(demo_voucher()), "V-9")
    services.print_queue.mark_printing(job_id)  # ... and the power goes out mid-print
    services.close()

    restarted = open_for_counter(tmp_path)
    job = restarted.print_queue.job(job_id)
    assert job.status is JobStatus.FAILED and "Interrupted" in (job.last_error or "")
    restarted.print_queue.retry(CASHIER, job_id)
    assert restarted.print_queue.job(job_id).status is JobStatus.QUEUED
    assert (tmp_path / "logs" / "pinshang.log").read_text(encoding="utf-8").count("cut off by the last shutdown") == 1
    restarted.close()
