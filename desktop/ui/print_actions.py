"""Printing from any screen: queue the document, print it off the UI thread, say how it went.

The print use cases (desktop.services.print_jobs, called by desktop.ui.group_printing) queue
the documents and return job ids; `dispatch_job(ctx, job_id, parent)` prints one in the
background (`send_to_printer` queues and prints any ready-made document). Success shows a
status-bar message; failure shows a small toast with the reason and a Retry button, and the
job stays in the queue (Printers → Print queue) either way, so nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.documents.document import Document
from desktop.documents.kinds import DocumentKind
from desktop.documents.layouts import PaperProfile
from desktop.documents.serialize import document_from_json
from desktop.printing.dispatch import PrintDispatcher
from desktop.printing.qt_backend import make_preview_dialog, print_document
from desktop.services.print_queue import PrintJobInfo
from desktop.services.printers import Connection
from desktop.ui.context import UiContext
from desktop.ui.messages import attempt
from desktop.ui.operations import run_op
from desktop.ui.tasks import serial_pool
from desktop.ui.widgets import named

log = logging.getLogger(__name__)
STATUS_MS = 8000
Printed = Callable[[PrintJobInfo | None], None] | None  # told when a job printed (or did not: None)
KIND_NAMES: dict[str, str] = {
    DocumentKind.INVITE: QT_TRANSLATE_NOOP("print", "Invite"),
    DocumentKind.VOUCHER: QT_TRANSLATE_NOOP("print", "Voucher"),
    DocumentKind.DRAW_SLIP: QT_TRANSLATE_NOOP("print", "Draw slip"),
    DocumentKind.REDEMPTION_RECEIPT: QT_TRANSLATE_NOOP("print", "Redemption receipt"),
    DocumentKind.SALE_RECEIPT: QT_TRANSLATE_NOOP("print", "Sale receipt"),
    DocumentKind.DEPOSIT_SLIP: QT_TRANSLATE_NOOP("print", "Deposit slip"),
    DocumentKind.REFUND_SLIP: QT_TRANSLATE_NOOP("print", "Refund slip"),
    DocumentKind.TEST_PAGE: QT_TRANSLATE_NOOP("print", "Test page"),
}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("print", KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def qt_system_print(document: Document, paper: PaperProfile, printer_name: str) -> None:
    """Print on a system printer through Qt (the default one when the name is empty)."""
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise UserError(QT_TRANSLATE_NOOP("errors", "The printer “{name}” is not available"),
                        name=printer_name or "default")
    print_document(document, paper, QPrinter(info, QPrinter.PrinterMode.HighResolution))


def dispatcher(ctx: UiContext) -> PrintDispatcher:
    return PrintDispatcher(ctx.services, system_print=qt_system_print)


def send_to_printer(ctx: UiContext, kind: str, document: Document, ref: str, parent: QWidget | None = None,
                    done: Printed = None) -> None:
    """Queue the document for the printer set up for `kind` and print it, both off the UI
    thread on the printing pool: documents sent one after the other print in that order."""
    actor = ctx.actor
    _queue_then_print(ctx, lambda: ctx.services.print_queue.enqueue(actor, kind, document, ref),
                      "queueing a printout", parent, done)


def _queue_then_print(ctx: UiContext, queue: Callable[[], int], doing: str, parent: QWidget | None,
                      done: Printed = None) -> None:
    queued: list[int] = []

    def work() -> PrintJobInfo:
        queued.append(queue())
        return dispatcher(ctx).dispatch(queued[0])

    def failed(text: str, _error: BaseException) -> None:
        _show_failure(ctx, queued[0] if queued else None, text, parent)
        if done is not None:
            done(None)

    run_op(ctx, work, lambda job: _printed(job, parent, done, ctx), failed, doing=doing,
           pool=_printing_pool())


def show_print_failure(ctx: UiContext, reason: str, parent: QWidget | None = None) -> None:
    """A document could not even be queued: the notice, with no Retry (there is no job)."""
    _show_failure(ctx, None, reason, parent)


def dispatch_job(ctx: UiContext, job_id: int, parent: QWidget | None = None, done: Printed = None) -> None:
    """Print a queued job off the UI thread; report in the status bar or a Retry toast, then
    tell `done` (the job as printed, or None when it was not). What the print changed (the
    job's state) is announced on the change bus like any use case's changes."""

    def failed(text: str, _error: BaseException) -> None:
        _show_failure(ctx, job_id, text, parent)
        if done is not None:
            done(None)

    run_op(ctx, lambda: dispatcher(ctx).dispatch(job_id), lambda job: _printed(job, parent, done, ctx),
           failed, doing=f"printing job {job_id}", pool=_printing_pool())


def _printed(job: PrintJobInfo, parent: QWidget | None, done: Printed, ctx: UiContext) -> None:
    _status_message(parent, printed_text(ctx, job))
    if done is not None:
        done(job)


_pools: list[QThreadPool] = []


def _printing_pool() -> QThreadPool:
    """One job at a time, in queue order: a thermal printer takes one connection, and
    vouchers then draw slip must come out in that order."""
    if not _pools:
        _pools.append(serial_pool())
    return _pools[0]


def retry_job(ctx: UiContext, job_id: int, parent: QWidget | None = None) -> None:
    """Queue a failed job again (off the UI thread) and print it."""
    actor = ctx.actor

    def retry() -> int:
        ctx.services.print_queue.retry(actor, job_id)
        return job_id

    _queue_then_print(ctx, retry, f"retrying job {job_id}", parent)


def preview_job(job: PrintJobInfo, paper: PaperProfile, parent: QWidget | None = None) -> None:
    """Open Qt's print preview of a job (non-blocking); the user may print it from there."""
    preview_document(document_from_json(job.document_json), paper, parent)


def preview_document(document: Document, paper: PaperProfile, parent: QWidget | None = None) -> None:
    dialog = make_preview_dialog(document, paper, parent)
    dialog.setObjectName("print_preview")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def printed_text(ctx: UiContext, job: PrintJobInfo) -> str:
    """Where the printout went: the printer, or for a PDF "printer" the folder of the file."""
    folder, printer_id = "", job.printer_id
    if printer_id is not None:  # a printer removed since: no folder to name (a bug is logged)
        settings = attempt(lambda: ctx.services.printers.get(printer_id), lambda _text: None,
                           f"reading printer {printer_id}")
        if settings is not None and settings.connection == Connection.PDF:
            folder = str(Path(settings.pdf_folder).resolve())
    if folder:
        return QCoreApplication.translate("print", "Saved {kind} as a PDF file in {folder}").format(
            kind=kind_name(job.kind), folder=folder)
    return QCoreApplication.translate("print", "Printed {kind} on {printer}").format(
        kind=kind_name(job.kind), printer=job.printer_name or "")


def _live_window(parent: QWidget | None) -> QWidget | None:
    """The window to report in; the screen that started a print may be gone (log out)."""
    if parent is not None and shiboken6.isValid(parent):
        return parent.window()
    return QApplication.activeWindow()


def _status_message(parent: QWidget | None, text: str) -> None:
    window = _live_window(parent)
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)
    else:
        log.info("%s", text)


def _show_failure(ctx: UiContext, job_id: int | None, reason: str, parent: QWidget | None) -> None:
    toast = PrintToast(ctx, job_id, reason, _live_window(parent))
    toast.show_in_corner()


class PrintToast(QFrame):
    """A small non-blocking notice in the window's corner: what failed, and Retry."""

    def __init__(self, ctx: UiContext, job_id: int | None, reason: str, host: QWidget | None) -> None:
        super().__init__(host)
        self.setObjectName("print_toast")
        if host is None:
            self.setWindowFlags(Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx, self.job_id = ctx, job_id
        self.message = named(QLabel(QCoreApplication.translate("print", "Not printed: {reason}").format(reason=reason), self), "print_toast_text")
        self.message.setWordWrap(True)
        self.retry = named(QPushButton(QCoreApplication.translate("print", "Retry"), self), "print_retry")
        self.retry.setVisible(job_id is not None)
        self.retry.clicked.connect(self._retry)
        self.dismiss = named(QPushButton(QCoreApplication.translate("print", "Close"), self), "print_dismiss")
        self.dismiss.clicked.connect(self.close)
        row = QHBoxLayout(self)
        row.addWidget(self.message, 1)
        row.addWidget(self.retry)
        row.addWidget(self.dismiss)
        self.setFixedWidth(min(520, host.width() - 32) if host is not None else 520)

    def show_in_corner(self) -> None:
        self.adjustSize()
        host = self.parentWidget()
        if host is not None:
            self.move(host.width() - self.width() - 16, host.height() - self.height() - 40)
        self.show()
        self.raise_()
        QTimer.singleShot(60_000, self, self.close)  # the queue screen keeps the job; the notice may go

    def _retry(self) -> None:
        if self.job_id is not None:
            retry_job(self.ctx, self.job_id, self.parentWidget())
        self.close()
