"""A deal's groups: every group with its state and seats; open one to run it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
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
from desktop.ui.group_screen import GroupScreen
from desktop.ui.models.deal_tables import ID_ROLE, GroupsModel
from desktop.ui.screen import ScreenBase
from desktop.ui.theme import set_role
from desktop.ui.widgets import named


class GroupsScreen(ScreenBase):
    shows = frozenset({Change.GROUPS, Change.DEALS})
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("groups")
        self.deal = named(QComboBox(self), "deal_filter")
        self.deal.currentIndexChanged.connect(lambda _i: self._load())
        self.model = GroupsModel()
        self.table = named(QTableView(self), "groups_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.open_selected)
        self.open_button = named(QPushButton(self.tr("Run this group"), self), "open")
        set_role(self.open_button, "primary", "blue")
        self.open_button.clicked.connect(lambda: self.open_selected(self.table.currentIndex()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Deal"), self))
        top.addWidget(self.deal, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_button)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.deal.currentData()
        self.deal.blockSignals(True)
        self.deal.clear()
        self.deal.addItem(self.tr("All deals"), None)
        for info in self.ctx.services.deals.list_deals():
            self.deal.addItem(info.terms.product_name, info.id)
        self.deal.setCurrentIndex(max(0, self.deal.findData(chosen)))
        self.deal.blockSignals(False)
        self._load()

    def _load(self) -> None:
        self.model.set_rows(self.ctx.services.group_views.list_groups(self.deal.currentData()))

    def open_selected(self, index: QModelIndex) -> None:
        group_id = self.model.data(index, ID_ROLE) if index.isValid() else None
        page = self.navigate("group") if group_id else None
        if isinstance(page, GroupScreen) and group_id:
            page.show_group(str(group_id))
