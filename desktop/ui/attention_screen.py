"""Needs attention (manager): ops the platform rejected and redemption conflicts, each with the
reason and what to do; "Mark resolved" (audited)."""

from __future__ import annotations

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

from desktop.core.errors import UserError
from desktop.ui.context import UiContext
from desktop.ui.messages import describe, set_status
from desktop.ui.models.attention_model import ITEM_ID_ROLE, AttentionModel


class AttentionScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attention")
        self.ctx = ctx
        self.model = AttentionModel()
        self.table = QTableView(self, objectName="attention_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setStyleSheet("font-size: 13pt;")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self, objectName="summary")
        self.summary.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.resolve_button = QPushButton(self.tr("Mark resolved"), self, objectName="resolve")
        self.resolve_button.setStyleSheet("font-size: 15pt; padding: 10px 20px;")
        self.resolve_button.clicked.connect(self.resolve)
        self.message = QLabel(self, objectName="message", wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.ctx.services.attention.items(self.ctx.actor))
        self.table.resizeRowsToContents()
        count = self.model.rowCount()
        self.summary.setText(self.tr("{n} items need attention").format(n=count) if count
                             else self.tr("Nothing needs attention"))
        self.summary.setStyleSheet(f"font-size: 18pt; font-weight: bold; color: {'#b00020' if count else '#1b5e20'};")
        self.resolve_button.setEnabled(count > 0)

    def resolve(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            set_status(self.message, self.tr("Choose an item first"), ok=False)
            return
        item_id = int(self.model.index(rows[0].row(), 0).data(ITEM_ID_ROLE))
        try:
            self.ctx.services.attention.resolve(self.ctx.actor, item_id)
        except UserError as exc:
            set_status(self.message, describe(exc), ok=False)
            return
        set_status(self.message, self.tr("Marked resolved"), ok=True)
        self.refresh()
