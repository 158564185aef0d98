"""Needs attention (manager): ops the platform rejected and redemption conflicts, each with the
reason and what to do; "Mark resolved" (audited)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import set_status
from desktop.ui.models.attention_model import ITEM_ID_ROLE, AttentionModel
from desktop.ui.operations import run_op
from desktop.ui.screen import ScreenBase
from desktop.ui.theme import set_role, set_tone
from desktop.ui.widgets import named


class AttentionScreen(ScreenBase):
    shows = frozenset({Change.SYNC})
    message: QLabel  # always there (ScreenBase allows none)
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("attention")
        self.model = AttentionModel()
        self.table = named(QTableView(self), "attention_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line per item; the full text shows below
        self.table.verticalHeader().setDefaultSectionSize(36)
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 200)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.summary = named(QLabel(self), "summary")
        set_role(self.summary, "headline")
        self.resolve_button = named(QPushButton(self.tr("Mark resolved"), self), "resolve")
        set_role(self.resolve_button, "primary", "blue")
        self.resolve_button.clicked.connect(self.resolve)
        self.message = named(QLabel(self, wordWrap=True), "message")
        self.details = named(QLabel(self, wordWrap=True), "details")
        set_role(self.details, "note")
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.ctx.services.attention.items(self.ctx.actor))
        self.details.clear()
        count = self.model.rowCount()
        self.summary.setText(self.tr("Needs attention: {n}").format(n=count) if count
                             else self.tr("Nothing needs attention"))
        set_tone(self.summary, "error" if count else "ok")
        self.resolve_button.setEnabled(count > 0)

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.clear()
            return
        reason = self.model.index(current.row(), 3).data()
        action = self.model.index(current.row(), 4).data()
        self.details.setText(self.tr("Why: {reason}\nWhat to do: {action}").format(reason=reason, action=action))

    def _resolved(self) -> None:
        self.refresh()
        set_status(self.message, self.tr("Marked resolved"), ok=True)

    def resolve(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            set_status(self.message, self.tr("Choose an item first"), ok=False)
            return
        item_id = int(self.model.index(rows[0].row(), 0).data(ITEM_ID_ROLE))
        actor = self.ctx.actor
        run_op(self.ctx, lambda: self.ctx.services.attention.resolve(actor, item_id),
               lambda _r: self._resolved(),
               lambda text, _exc: set_status(self.message, text, ok=False),
               busy=[self.resolve_button], doing=f"resolving attention item {item_id}")
