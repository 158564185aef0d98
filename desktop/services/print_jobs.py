"""Print use cases: build the documents of a group, a redemption or a printer check from the
store (desktop.services.print_data, desktop.documents.templates) and queue them; each returns
the ids of the jobs queued, in printing order. Printing them is the dispatcher's
(desktop.printing.dispatch), off the UI thread."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.core.staff import Actor
from desktop.documents.document import Document
from desktop.documents.kinds import DocumentKind
from desktop.documents.printer_check import PrinterCheckData, printer_check_document
from desktop.documents.shift_report import cash_move_document, shift_report_document
from desktop.documents.slips import deposit_slip_document, refund_slip_document
from desktop.documents.templates import (
    draw_slip_document,
    invite_document,
    redemption_receipt_document,
    sale_receipt_document,
    voucher_document,
)
from desktop.services.print_data import PrintDataService
from desktop.services.print_queue import PrintQueueService
from desktop.services.printers import Connection, PrinterService, PrinterSettings
from desktop.services.sale_receipts import SaleReceiptService
from desktop.services.settings import STORE_NAME, SettingsService
from desktop.services.slip_data import SlipDataService


def make_test_page(settings: PrinterSettings, store_name: str) -> Document:
    """The test page of one printer, as the Printers screen previews and prints it."""
    where = f"{settings.host}:{settings.port}" if settings.connection == Connection.NETWORK \
        else settings.connection
    return printer_check_document(PrinterCheckData(
        store_name=store_name, printer_name=settings.name, connection=where,
        paper_mm=settings.paper_mm, chinese_mode=settings.chinese_mode, qr_mode=settings.qr_mode))


class PrintJobService:
    """No transaction of its own: the data is read, then every job is queued (one short write
    each), so a failure to queue leaves nothing half-printed behind a committed sale."""

    def __init__(self, data: PrintDataService, queue: PrintQueueService, printers: PrinterService,
                 settings: SettingsService, slips: SlipDataService,
                 sales: SaleReceiptService | None = None) -> None:
        self.data, self.queue, self.printers, self.settings = data, queue, printers, settings
        self.slips = slips
        self.sales = sales or SaleReceiptService(data.db, data.clock)

    def print_shift_report(self, actor: Actor, totals: dict[str, Any], *, reprint: bool = False) -> list[int]:
        """An X report (the totals now) or a Z report (its stored snapshot) on the receipt
        printer; a Z report opens the drawer. A failed print leaves the Z report as it was:
        print it again from the drawer screen."""
        document = shift_report_document(totals, self.settings.get(STORE_NAME, ""), reprint=reprint)
        ref = f"Z{totals['number']}" if totals.get("kind") == "Z" else f"X{totals['shift_id']}"
        return [self.queue.enqueue(actor, DocumentKind.SHIFT_REPORT, document, ref)]

    def print_cash_move(self, actor: Actor, move: dict[str, Any]) -> list[int]:
        """The slip of a cash in / out on the receipt printer (routed with the shift reports):
        printing it kicks the drawer open for the cash to go in or out."""
        document = cash_move_document(move, self.settings.get(STORE_NAME, ""))
        return [self.queue.enqueue(actor, DocumentKind.SHIFT_REPORT, document, f"cash_{move['direction']}")]

    def print_invite(self, actor: Actor, group_id: str) -> list[int]:
        document = invite_document(self.data.invite(group_id))
        return [self.queue.enqueue(actor, DocumentKind.INVITE, document, group_id)]

    def print_results(self, actor: Actor, group_id: str, *, reprint: bool = False) -> list[int]:
        """Every winner's voucher, then the draw slip; `reprint` marks them “重印 COPY”."""
        vouchers = [voucher_document(replace(data, reprint=reprint))
                    for data in self.data.vouchers(group_id)]
        slip = draw_slip_document(replace(self.data.draw_slip(group_id), reprint=reprint))
        jobs = [self.queue.enqueue(actor, DocumentKind.VOUCHER, document, group_id)
                for document in vouchers]
        return [*jobs, self.queue.enqueue(actor, DocumentKind.DRAW_SLIP, slip, group_id)]

    def results_printed(self, group_id: str) -> bool:
        """Were this group's vouchers and draw slip queued before? Then printing them is a copy."""
        return any(job.kind == DocumentKind.DRAW_SLIP and job.ref == group_id
                   for job in self.queue.list_jobs())

    def print_deposit_slip(self, actor: Actor, entry_id: str, *, reprint: bool = False) -> list[int]:
        """The slip of one enrolment (entry id, seat, deposit, commitment, how to check the draw)."""
        document = deposit_slip_document(replace(self.slips.deposit_slip(entry_id), reprint=reprint))
        return [self.queue.enqueue(actor, DocumentKind.DEPOSIT_SLIP, document, entry_id)]

    def print_refund_slips(self, actor: Actor, group_id: str, *, reprint: bool = False) -> list[int]:
        """One refund/consolation slip per loser of a drawn group, or per person of a cancelled
        or expired one: what to hand back, by tender; `reprint` marks them “重印 COPY”."""
        documents = [refund_slip_document(replace(data, reprint=reprint))
                     for data in self.slips.refund_slips(group_id)]
        return [self.queue.enqueue(actor, DocumentKind.REFUND_SLIP, document, group_id)
                for document in documents]

    def refund_slips_printed(self, group_id: str) -> bool:
        """Were this group's refund slips queued before? Then printing them is a copy."""
        return any(job.kind == DocumentKind.REFUND_SLIP and job.ref == group_id
                   for job in self.queue.list_jobs())

    def print_redemption(self, actor: Actor, voucher_id: str, *, reprint: bool = False) -> list[int]:
        data = replace(self.data.redemption(voucher_id), reprint=reprint)
        document = redemption_receipt_document(data)
        return [self.queue.enqueue(actor, DocumentKind.REDEMPTION_RECEIPT, document, voucher_id)]

    def print_sale_receipt(self, actor: Actor, sale_id: str, *, reprint: bool = False) -> list[int]:
        """The receipt of a completed sale; `reprint` marks it “重印 COPY”."""
        document = sale_receipt_document(self.sales.sale_receipt(sale_id, reprint=reprint))
        return [self.queue.enqueue(actor, DocumentKind.SALE_RECEIPT, document, sale_id)]

    def print_refund_receipt(self, actor: Actor, refund_id: str, *, reprint: bool = False) -> list[int]:
        """The receipt of a refund or void (to the sale receipt's printer)."""
        document = sale_receipt_document(self.sales.refund_receipt(refund_id, reprint=reprint))
        return [self.queue.enqueue(actor, DocumentKind.SALE_RECEIPT, document, refund_id)]

    def test_page(self, printer_id: int) -> tuple[PrinterSettings, Document]:
        printer = self.printers.get(printer_id)
        return printer, make_test_page(printer, self.settings.get(STORE_NAME))

    def print_test_page(self, actor: Actor, printer_id: int) -> int:
        """Queue a test page on that printer (whatever its routes say)."""
        printer, document = self.test_page(printer_id)
        return self.queue.enqueue(actor, DocumentKind.TEST_PAGE, document, printer.name,
                                  printer_id=printer.id)

    def reprint(self, actor: Actor, job_id: int) -> int:
        """Queue a copy of a job, marked “重印 COPY”; returns the new job's id."""
        return self.queue.reprint(actor, job_id)
