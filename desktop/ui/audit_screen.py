"""Audit log (manager): the latest records and a check of the whole hash chain."""

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

from desktop.core.audit import ChainCheck
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.models.audit_model import AuditModel
from desktop.ui.screen import ScreenBase
from desktop.ui.tasks import run_task
from desktop.ui.widgets import named


class AuditScreen(ScreenBase):
    shows = frozenset({Change.AUDIT})
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("audit")
        self.model = AuditModel()
        self.table = named(QTableView(self), "audit_table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in range(4):  # number, time, who, action whole; the detail takes the rest
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verify_button = named(QPushButton(self.tr("Verify the whole chain"), self), "verify")
        self.verify_button.clicked.connect(self.verify)
        self.result = named(QLabel(self, wordWrap=True), "result")
        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.ctx.services.audit.recent(self.ctx.actor))

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("Checking…"))
        run_task(self.ctx.services.audit.verify, self._show, self._failed)

    def _show(self, check: ChainCheck) -> None:
        self.verify_button.setEnabled(True)
        if check.ok:
            set_status(self.result, self.tr("Intact: {n} records").format(n=check.length), ok=True)
        else:
            set_status(self.result, self.tr("Broken at record {row}: {problem}").format(
                row=check.bad_row, problem=check.problem), ok=False)

    def _failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        set_status(self.result, describe(exc), ok=False)
