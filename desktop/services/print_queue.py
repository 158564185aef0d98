"""The print queue: documents waiting for, going to, or done on a printer.

Printing never runs inside a business transaction. A use case commits its rows, then
enqueues the document (or enqueues it in its own transaction); the dispatcher
(desktop.printing.dispatch) claims a job, prints with no transaction open, and records the
outcome. A failed print leaves the job "failed" with the reason, ready to retry; the sale,
draw or redemption it belongs to stays committed.

Documents are stored as JSON (`desktop.documents.serialize`: `document_to_json` when queued,
`document_from_json` when printed or previewed): the document model lives below services, so
this layer takes a `desktop.documents.document.Document` itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import CursorResult, Result, select, update
from sqlalchemy.orm import Session

from desktop.core.clock import to_iso
from desktop.core.errors import InvalidTransition, UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.staff import Actor
from desktop.documents.copies import mark_copy
from desktop.documents.document import Document
from desktop.documents.kinds import DOCUMENT_KINDS
from desktop.documents.serialize import document_from_json, document_to_json
from desktop.services.base import ServiceBase
from desktop.services.printers import check_kind
from desktop.store.print_models import Printer, PrinterRoute, PrintJob

__all__ = ["DOCUMENT_KINDS", "JobStatus", "PrintJobInfo", "PrintQueueService"]
MAX_REF = 128


INTERRUPTED = UserError(QT_TRANSLATE_NOOP(
    "errors", "Interrupted (the app closed while printing): check the paper, then Retry or Reprint")).to_json()


class JobStatus(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class PrintJobInfo:
    id: int
    kind: str
    ref: str
    document_json: str
    printer_id: int | None
    printer_name: str | None
    status: JobStatus
    attempts: int
    last_error: str | None
    created_at: str
    printed_at: str | None
    reprint_of: int | None


class PrintQueueService(ServiceBase):
    def enqueue(self, actor: Actor, kind: str, document: Document, ref: str,
                printer_id: int | None = None) -> int:
        """Queue `document` for the printer set up for `kind` (or `printer_id`); returns the job id.

        Any staff member may print. With no printer set up for the kind the job is still
        queued (and fails with a clear reason when dispatched), so nothing is lost.
        """
        check_kind(kind)
        ref = _check_ref(ref)
        text = document_to_json(document)
        with self.transaction(actor) as tx:
            if printer_id is not None and tx.session.get(Printer, printer_id) is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no printer number {id}"), id=printer_id)
            chosen = printer_id if printer_id is not None else _routed_printer(tx.session, kind)
            job = PrintJob(kind=kind, ref=ref, document=text, printer_id=chosen,
                           status=JobStatus.QUEUED.value, attempts=0, created_at=tx.now_iso)
            tx.session.add(job)
            tx.session.flush()
            tx.audit("print.queued", job_id=job.id, kind=kind, ref=ref)
            return job.id

    def job(self, job_id: int) -> PrintJobInfo:
        with self.db.read() as s:
            return _info(s, _get_job(s, job_id))

    def list_jobs(self, limit: int = 200) -> list[PrintJobInfo]:
        """The most recent jobs first."""
        with self.db.read() as s:
            rows = s.scalars(select(PrintJob).order_by(PrintJob.id.desc()).limit(limit))
            return [_info(s, row) for row in rows]

    def next_jobs(self, limit: int = 20) -> list[PrintJobInfo]:
        """Queued jobs, oldest first."""
        query = select(PrintJob).where(PrintJob.status == JobStatus.QUEUED.value).order_by(PrintJob.id).limit(limit)
        with self.db.read() as s:
            return [_info(s, row) for row in s.scalars(query)]

    def mark_printing(self, job_id: int) -> PrintJobInfo:
        """Claim a queued job for printing (only one dispatcher wins); counts the attempt."""
        with self.db.write() as s:
            claimed = _rowcount(s.execute(
                update(PrintJob)
                .where(PrintJob.id == job_id, PrintJob.status == JobStatus.QUEUED.value)
                .values(status=JobStatus.PRINTING.value, attempts=PrintJob.attempts + 1)
            ))
            job = _get_job(s, job_id)
            if not claimed:
                raise _not_in_state(job, JobStatus.QUEUED)
            return _info(s, job)

    def mark_done(self, job_id: int) -> None:
        with self.db.write() as s:
            job = _printing_job(s, job_id)
            job.status, job.last_error, job.printed_at = JobStatus.DONE.value, None, to_iso(self.clock())

    def mark_failed(self, job_id: int, reason: str) -> None:
        with self.db.write() as s:
            job = _printing_job(s, job_id)
            job.status, job.last_error = JobStatus.FAILED.value, reason or "unknown error"

    def recover_interrupted(self) -> int:
        """At start-up: a job left "printing" was cut off by a crash or power loss. Whether the
        printer got it is unknown, so it becomes failed (Retry or Reprint is the staff's call)."""
        with self.db.write() as s:
            return _rowcount(s.execute(
                update(PrintJob).where(PrintJob.status == JobStatus.PRINTING.value)
                .values(status=JobStatus.FAILED.value, last_error=INTERRUPTED)
            ))

    def retry(self, actor: Actor, job_id: int) -> None:
        """Queue a failed job again, on its printer (or the one its kind goes to now). A job still
        "printing" is being printed right now (interrupted ones became failed at start-up)."""
        with self.transaction(actor) as tx:
            job = _get_job(tx.session, job_id)
            if job.status != JobStatus.FAILED.value:
                raise _not_in_state(job, JobStatus.FAILED)
            job.status = JobStatus.QUEUED.value
            if job.printer_id is None:  # it failed for want of a printer: use the one set up since
                job.printer_id = _routed_printer(tx.session, job.kind)
            tx.audit("print.retry", job_id=job.id, kind=job.kind, ref=job.ref)

    def reprint(self, actor: Actor, job_id: int) -> int:
        """Queue a copy of a job, marked “重印 COPY”, as a new job linked to the old one;
        returns the new job's id."""
        with self.transaction(actor) as tx:
            original = _get_job(tx.session, job_id)
            copy = mark_copy(document_from_json(original.document))
            job = PrintJob(kind=original.kind, ref=original.ref, document=document_to_json(copy), reprint_of=original.id,
                           printer_id=_routed_printer(tx.session, original.kind),
                           status=JobStatus.QUEUED.value, attempts=0, created_at=tx.now_iso)
            tx.session.add(job)
            tx.session.flush()
            tx.audit("print.reprint", job_id=job.id, reprint_of=original.id, kind=job.kind, ref=job.ref)
            return job.id


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE matched (an UPDATE's result is a CursorResult)."""
    if not isinstance(result, CursorResult):
        raise TypeError("an UPDATE without a cursor result")
    return int(result.rowcount)


def _check_ref(ref: str) -> str:
    ref = ref.strip()
    if len(ref) > MAX_REF:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A print reference is at most {limit} characters"),
                              limit=MAX_REF)
    return ref


def _routed_printer(session: Session, kind: str) -> int | None:
    route = session.get(PrinterRoute, kind)
    return route.printer_id if route else None


def _get_job(session: Session, job_id: int) -> PrintJob:
    job = session.get(PrintJob, job_id)
    if job is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no print job number {id}"), id=job_id)
    return job


def _printing_job(session: Session, job_id: int) -> PrintJob:
    job = _get_job(session, job_id)
    if job.status != JobStatus.PRINTING.value:
        raise _not_in_state(job, JobStatus.PRINTING)
    return job


def _not_in_state(job: PrintJob, wanted: JobStatus) -> InvalidTransition:
    return InvalidTransition(
        QT_TRANSLATE_NOOP("errors", "Print job {id} is {status}, not {wanted}"),
        id=job.id, status=job.status, wanted=wanted.value,
    )


def _info(session: Session, job: PrintJob) -> PrintJobInfo:
    printer = session.get(Printer, job.printer_id) if job.printer_id is not None else None
    return PrintJobInfo(
        id=job.id, kind=job.kind, ref=job.ref, document_json=job.document, printer_id=job.printer_id,
        printer_name=printer.name if printer else None, status=JobStatus(job.status), attempts=job.attempts,
        last_error=job.last_error, created_at=job.created_at, printed_at=job.printed_at, reprint_of=job.reprint_of,
    )
