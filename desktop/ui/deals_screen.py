"""Deals (manager): the list, the editor with its live preview, launch, amend, open a group."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.clock import utc_now
from desktop.core.compliance import check_launchable
from desktop.core.deals import DealTerms, validate_terms
from desktop.services.deals import DealInfo
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.deal_editor import DealEditor
from desktop.ui.group_screen import GroupScreen
from desktop.ui.i18n import current_language
from desktop.ui.messages import attempt, set_status, status_shower
from desktop.ui.models.deal_tables import ID_ROLE, DealsModel
from desktop.ui.operations import run_op
from desktop.ui.screen import ScreenBase
from desktop.ui.theme import action_button, set_role
from desktop.ui.widgets import named
from desktop.ui.widgets.scan_field import ScanField


class DealsScreen(ScreenBase):
    shows = frozenset({Change.DEALS, Change.GROUPS})
    message: QLabel  # always there (ScreenBase allows none)
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("deals")
        self.deal_id: str | None = None
        self.model = DealsModel()
        self.table = named(QTableView(self), "deals_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(90)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.editor = DealEditor(ctx.services.deals.menu_choices(), self)
        self.new_button = self._button("new_deal", self.tr("New deal"), self.new_deal)
        self.save_button = self._button("save", self.tr("Save"), self.save)
        self.launch_button = self._button("launch", self.tr("Launch"), self.launch)
        set_role(self.launch_button, "primary")
        self.leader = ScanField(self, keep_text=True)
        self.leader.setObjectName("leader")
        self.leader.submitted.connect(lambda _text: self.open_group())
        self.leader.setPlaceholderText(self.tr("Leader: scan member code or type phone"))
        self.tender = named(QComboBox(self), "tender")
        self.tender.addItem(self.tr("Cash"), "cash")
        self.tender.addItem(self.tr("Card"), "card")
        self.open_button = self._button("open_group", self.tr("Open a group"), self.open_group)
        self.disclosure = named(QPlainTextEdit(self, readOnly=True), "disclosure")
        self.disclosure.setMaximumHeight(90)
        self.message = named(QLabel(self, wordWrap=True), "message")
        set_role(self.message, "message")
        self._layout()
        self.refresh()
        self.new_deal()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        return action_button(self, name, text, slot)

    def _layout(self) -> None:
        actions = QHBoxLayout()
        for widget in (self.new_button, self.save_button, self.launch_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        group_row = QHBoxLayout()
        group_row.addWidget(self.leader, 2)
        group_row.addWidget(self.tender)
        group_row.addWidget(self.open_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.editor, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.disclosure)
        right_layout.addLayout(group_row)
        right_layout.addWidget(self.message)
        right_layout.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Vertical, self)  # the list above the editor: fits 1024×768
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([150, 550])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def refresh(self) -> None:
        self.model.set_rows(self.ctx.services.deals.list_deals())

    def selected(self) -> DealInfo | None:
        return next((d for d in self.model.rows if d.id == self.deal_id), None)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        deal_id = self.model.data(current, ID_ROLE)
        deal = next((d for d in self.model.rows if d.id == deal_id), None)
        if deal is not None:
            self.show_deal(deal)

    def show_deal(self, deal: DealInfo) -> None:
        self.deal_id = deal.id
        self.editor.load(deal)
        text = deal.disclosure_zh if current_language().startswith("zh") else deal.disclosure_en
        self.disclosure.setPlainText(text or self.tr("Not launched yet: the rules are published at launch."))
        self.save_button.setText(self.tr("Amend") if deal.launched else self.tr("Save"))
        self.launch_button.setEnabled(not deal.launched)
        self.open_button.setEnabled(deal.launched)

    def new_deal(self) -> None:
        self.deal_id = None
        self.table.clearSelection()
        self.disclosure.setPlainText("")
        self.save_button.setText(self.tr("Save"))
        self.launch_button.setEnabled(True)
        self.open_button.setEnabled(False)

    def _writer(self) -> Callable[[], str] | None:
        """The save (draft) or amendment (launched) of what the editor holds, to run off the UI
        thread; None, with the reason shown, when the editor holds no valid terms."""
        deal, actor, deals = self.selected(), self.ctx.actor, self.ctx.services.deals
        terms = attempt(self.editor.terms, status_shower(self.message), "reading the deal editor")
        if terms is None:
            return None
        if deal is not None and deal.launched:
            return lambda: deals.amend(actor, deal.id, terms).id
        contact, place, item, deal_id = (self.editor.contact.text(), self.editor.place.text(),
                                         self.editor.menu_item_id(), self.deal_id)
        return lambda: deals.save_draft(actor, terms, contact, place, item, deal_id)

    def save(self) -> None:
        write = self._writer()
        if write is not None:
            run_op(self.ctx, write, self._saved,
                   lambda text, _exc: set_status(self.message, text, ok=False),
                   busy=[self.save_button, self.launch_button], doing="saving a deal")

    def _saved(self, deal_id: str) -> None:
        self._reload(deal_id)
        set_status(self.message, self.tr("Saved"), ok=True)

    def launch(self) -> None:
        """Launching freezes the rules for good: checked first, then confirmed, then saved and
        launched in one task."""
        terms = attempt(self._launchable_terms, status_shower(self.message), "checking a deal before launch")
        if terms is None:
            return
        if not self.confirm_launch(terms.product_name):
            set_status(self.message, self.tr("Not launched: the deal can still be changed"), ok=True)
            return
        write = self._writer()
        if write is None:
            return
        actor, deals = self.ctx.actor, self.ctx.services.deals

        def save_and_launch() -> str:
            deal_id = write()
            deals.launch(actor, deal_id)
            return deal_id

        run_op(self.ctx, save_and_launch, self._launched,
               lambda text, _exc: self._launch_failed(text),
               busy=[self.save_button, self.launch_button], doing="launching a deal")

    def _launchable_terms(self) -> DealTerms:
        terms = self.editor.terms()
        validate_terms(terms, utc_now())
        check_launchable(terms)
        return terms

    def _launch_failed(self, text: str) -> None:
        self.refresh()  # the draft may have been saved before the launch was refused
        set_status(self.message, text, ok=False)

    def confirm_launch(self, product: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Launch this deal?"),
                          self.tr("Launch “{product}”? Its rules are published and can then only change "
                                  "in the customers' favour.").format(product=product),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("launch_confirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Launch"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _launched(self, deal_id: str) -> None:
        self._reload(deal_id)
        set_status(self.message, self.tr("Launched: the rules are published and frozen"), ok=True)

    def open_group(self) -> None:
        deal = self.selected()
        if deal is None:
            return
        actor, leader, tender = self.ctx.actor, self.leader.text(), str(self.tender.currentData())
        if not leader.strip():
            set_status(self.message, self.tr("Scan the leader's member code or type the phone first"), ok=False)
            return
        run_op(self.ctx, lambda: self.ctx.services.groups.open_group(actor, deal.id, leader, tender),
               lambda group_id: self._opened(deal.id, group_id),
               lambda text, _exc: set_status(self.message, text, ok=False),
               busy=[self.open_button], doing=f"opening a group of deal {deal.id}")

    def _opened(self, deal_id: str, group_id: str) -> None:
        self.leader.clear()
        self._reload(deal_id)
        set_status(self.message, self.tr("Group opened"), ok=True)
        page = self.navigate("group")
        if isinstance(page, GroupScreen):
            page.show_group(group_id)

    def _reload(self, deal_id: str) -> None:
        self.refresh()
        for row, deal in enumerate(self.model.rows):
            if deal.id == deal_id:
                self.table.selectRow(row)
                self.show_deal(deal)
