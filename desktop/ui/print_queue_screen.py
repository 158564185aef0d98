"""The print queue: every job with its status and why it failed; Retry, Reprint, Preview.

Marking a job for retry and queueing a reprint are writes: they run through `run_op` (Retry and
Reprint disabled meanwhile, what they changed announced once); the printing itself then runs
in the background, through `run_op` too (the job's new state is announced)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff import Actor, Permission
from desktop.documents.layouts import paper_for
from desktop.services.print_queue import PrintJobInfo
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import attempt, set_status, status_shower
from desktop.ui.models.print_job_model import JOB_ID_ROLE, PrintJobModel
from desktop.ui.operations import run_op
from desktop.ui.override_dialog import approved_actor
from desktop.ui.print_actions import dispatcher, preview_job
from desktop.ui.screen import ScreenBase
from desktop.ui.theme import set_role
from desktop.ui.widgets import named


class PrintQueueScreen(ScreenBase):
    shows = frozenset({Change.PRINT_JOBS})
    message: QLabel  # always there (ScreenBase allows none)
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("print_queue")
        self.model = PrintJobModel()
        self.table = named(QTableView(self), "job_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.retry_button = named(QPushButton(self.tr("Retry"), self), "retry")
        set_role(self.retry_button, "primary", "blue")
        self.reprint_button = named(QPushButton(self.tr("Reprint (marked COPY)"), self), "reprint")
        self.preview_button = named(QPushButton(self.tr("Preview"), self), "preview")
        self.refresh_button = named(QPushButton(self.tr("Refresh"), self), "refresh")
        self.message = named(QLabel(self, wordWrap=True), "message")
        self.retry_button.clicked.connect(self.retry)
        self.reprint_button.clicked.connect(self.reprint)
        self.preview_button.clicked.connect(self.preview)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        selected = self._selected_id(quiet=True)
        self.model.set_rows(self.ctx.services.print_queue.list_jobs())
        for row, job in enumerate(self.model.rows):
            if job.id == selected:
                self.table.selectRow(row)

    def _selected_id(self, quiet: bool = False) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            if not quiet:
                set_status(self.message, self.tr("Select a print job first"), ok=False)
            return None
        return int(rows[0].data(JOB_ID_ROLE))

    def retry(self) -> None:
        job_id = self._selected_id()
        if job_id is None:
            return
        queue, actor = self.ctx.services.print_queue, self.ctx.actor
        run_op(self.ctx, lambda: queue.retry(actor, job_id),
               lambda _r: self._dispatch(job_id), self._refused, busy=self._writers(),
               doing=f"marking print job {job_id} for retry")

    def reprint(self) -> None:
        job_id = self._selected_id()
        if job_id is None:
            return
        # retrying a failed job is anyone's; a copy of a voucher is a manager's to approve
        actor = approved_actor(self.ctx.services, self.ctx.actor, Permission.MANAGE_PRINTERS, self,
                               bus=self.ctx.bus)
        if actor is None:
            return
        self._queue_reprint(actor, job_id)

    def _queue_reprint(self, actor: Actor, job_id: int) -> None:
        jobs = self.ctx.services.print_jobs
        run_op(self.ctx, lambda: jobs.reprint(actor, job_id), self._dispatch,
               self._refused, busy=self._writers(), doing=f"queueing a reprint of print job {job_id}")

    def _writers(self) -> list[QWidget]:
        return [self.retry_button, self.reprint_button]

    def _refused(self, text: str, _exc: BaseException) -> None:
        set_status(self.message, text, ok=False)

    def _dispatch(self, job_id: int) -> None:
        set_status(self.message, self.tr("Printing job {id}…").format(id=job_id), ok=True)
        run_op(self.ctx, lambda: dispatcher(self.ctx).dispatch(job_id), self._printed, self._failed,
               doing=f"printing job {job_id}")

    def _printed(self, job: PrintJobInfo) -> None:
        set_status(self.message, self.tr("Job {id} printed on {name}").format(id=job.id, name=job.printer_name),
                   ok=True)

    def _failed(self, text: str, _error: BaseException) -> None:
        set_status(self.message, text, ok=False)

    def preview(self) -> None:
        job_id = self._selected_id()
        if job_id is None:
            return
        attempt(lambda: self._preview(job_id), status_shower(self.message), f"previewing print job {job_id}")

    def _preview(self, job_id: int) -> None:
        job = self.ctx.services.print_queue.job(job_id)
        paper_mm = self.ctx.services.printers.get(job.printer_id).paper_mm if job.printer_id else 80
        preview_job(job, paper_for(paper_mm), self)
