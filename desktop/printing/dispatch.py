"""Printing queued jobs: claim, print with no database transaction open, record the outcome.

Thermal printers get ESC/POS bytes (escpos_backend.send); "pdf" printers get a PDF file per
job in their folder and "system" printers a Qt print job (both through qt_backend, imported
only when used, so this module stays free of Qt). Every failure becomes a PrinterError with a
plain reason, is stored on the job (status "failed", retryable) and raised to the caller.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.printer_options import ChineseMode, QrMode
from desktop.documents.document import Document
from desktop.documents.layouts import PaperProfile, paper_for
from desktop.documents.serialize import document_from_json
from desktop.paths import PRIVATE_DIR, PRIVATE_FILE, tighten
from desktop.printing.escpos_backend import ConnectionKind, PrinterConfig, PrinterError, send
from desktop.services.print_queue import PrintJobInfo
from desktop.services.printers import Connection, PrinterSettings

if TYPE_CHECKING:
    from desktop.services.registry import Services

log = logging.getLogger(__name__)
SystemPrint = Callable[[Document, PaperProfile, str], None]  # document, paper, printer name ("" = default)


def printer_config(settings: PrinterSettings) -> PrinterConfig:
    """The ESC/POS backend's view of a stored thermal printer (validates it too)."""
    return PrinterConfig(
        name=settings.name, connection=ConnectionKind(settings.connection), host=settings.host, port=settings.port,
        timeout_s=settings.timeout_ms / 1000, usb_vendor_id=settings.usb_vendor_id,
        usb_product_id=settings.usb_product_id, serial_device=settings.serial_device, baudrate=settings.baudrate,
        windows_printer=settings.windows_printer, paper_mm=settings.paper_mm,
        chinese_mode=ChineseMode(settings.chinese_mode), qr_mode=QrMode(settings.qr_mode), profile=settings.profile,
    )


class PrintDispatcher:
    """Prints jobs of one store. `system_print` is the UI's Qt system-printer hook, if any."""

    def __init__(self, services: Services, system_print: SystemPrint | None = None) -> None:
        self.services = services
        self.system_print = system_print

    def dispatch(self, job_id: int) -> PrintJobInfo:
        """Print one queued job; on failure the job is marked failed and the error raised."""
        queue = self.services.print_queue
        job = queue.mark_printing(job_id)
        try:
            self._print(job)
        except UserError as error:
            queue.mark_failed(job_id, error.to_json())
            raise
        except Exception as error:  # a bug in a backend: keep the job retryable, log it, tell the user
            log.exception("printing job %s failed", job_id)
            queue.mark_failed(job_id, UserError(
                QT_TRANSLATE_NOOP("errors", "Internal error ({kind}); it was logged"), kind=type(error).__name__).to_json())
            raise
        queue.mark_done(job_id)
        return queue.job(job_id)

    def dispatch_pending(self) -> tuple[int, int]:
        """Print every queued job once; returns (printed, failed)."""
        printed = failed = 0
        for job in self.services.print_queue.next_jobs():
            try:
                self.dispatch(job.id)
                printed += 1
            except Exception:  # noqa: BLE001 - already stored on the job; go on with the rest
                failed += 1
        return printed, failed

    def _print(self, job: PrintJobInfo) -> None:
        if job.printer_id is None:
            raise PrinterError(QT_TRANSLATE_NOOP("errors", "No printer is set up for “{kind}”; choose one in Printers"),
                               kind=job.kind)
        settings = self.services.printers.get(job.printer_id)
        if not settings.enabled:
            raise PrinterError(QT_TRANSLATE_NOOP("errors", "Printer “{name}” is switched off in Printers"),
                               name=settings.name)
        print_on(settings, document_from_json(job.document_json), f"{job.id:06d}-{job.kind}", self.system_print)


def print_on(settings: PrinterSettings, document: Document, file_stem: str, system_print: SystemPrint | None) -> None:
    """Send one document to one printer, whatever kind of printer it is."""
    if settings.is_escpos:
        send(document, printer_config(settings))
    elif settings.connection == Connection.PDF:
        _save_pdf(document, paper_for(settings.paper_mm), Path(settings.pdf_folder), file_stem)
    elif system_print is not None:
        system_print(document, paper_for(settings.paper_mm), settings.windows_printer)
    else:
        raise PrinterError(QT_TRANSLATE_NOOP("errors", "System printers can only be used from the app window"))


def _save_pdf(document: Document, paper: PaperProfile, folder: Path, file_stem: str) -> None:
    from desktop.printing import qt_backend  # Qt only for this kind of printer

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)  # receipts name members: each PDF 0600
    except OSError as error:
        raise PrinterError(QT_TRANSLATE_NOOP("errors", "Cannot use the folder {path}: {reason}"),
                           path=str(folder), reason=error.strerror or str(error)) from error
    qt_backend.ensure_gui_application()
    target = folder / f"{_safe(file_stem)}.pdf"
    qt_backend.save_pdf(document, paper, target)
    tighten(target, PRIVATE_FILE)


def _safe(stem: str) -> str:
    return re.sub(r"[^0-9A-Za-z_.-]", "_", stem)
