"""The menu (catalogue) manager's screen: find items (search as you type, a category), add and
edit them, take them off sale and back, import and export the whole menu as CSV.

The list is a paged model (desktop.ui.models.catalogue_model): 50,000 items scroll without
50,000 objects. An import is checked whole before anything is written; when a file is refused
every row's reason is listed under the table, in the person's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.catalogue import CatalogueImportError, ImportResult, ItemFilter, ItemRow
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.i18n import error_text
from desktop.ui.menu_item_dialog import MenuItemDialog
from desktop.ui.messages import describe, set_status
from desktop.ui.models.catalogue_model import ITEM_ID_ROLE, CatalogueModel, category_label
from desktop.ui.operations import run_op
from desktop.ui.screen import ScreenBase
from desktop.ui.tasks import run_task
from desktop.ui.theme import set_role

ALL = "\x00all"  # the category choice "all categories" (no category is ever this)


class ImportProgress(QObject):
    """Carries the import's progress from the worker thread to the screen (queued)."""

    moved = Signal(int, int)


class MenuScreen(ScreenBase):
    shows = frozenset({Change.MENU})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("menu")
        self.catalogue = ctx.services.catalogue
        self.model = CatalogueModel(self.catalogue)
        self.search = QLineEdit(self, objectName="menu_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search: name, English, pinyin initials (zpnc), barcode, SKU"))
        self.search.textChanged.connect(self._filter_changed)
        self.category = QComboBox(self, objectName="menu_category")
        self.category.currentIndexChanged.connect(self._filter_changed)
        self.count = QLabel(self, objectName="menu_count")
        self.table = QTableView(self, objectName="menu_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing
        header = self.table.horizontalHeader()
        for column, width in ((CatalogueModel.CATEGORY, 90), (CatalogueModel.PRICE, 100),
                              (CatalogueModel.BARCODE, 140), (CatalogueModel.SKU, 90), (CatalogueModel.STATE, 90)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)  # never measures 50,000 rows
            self.table.setColumnWidth(column, width)
        for column in (CatalogueModel.NAME, CatalogueModel.NAME_EN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.add = self._button(self.tr("Add item…"), "menu_add", self.add_item)
        self.edit = self._button(self.tr("Edit…"), "menu_edit", self.edit_item)
        self.toggle = self._button(self.tr("Take off sale / put on sale"), "menu_toggle", self.toggle_item)
        self.import_button = self._button(self.tr("Import CSV…"), "menu_import", self.choose_import)
        self.export_button = self._button(self.tr("Export CSV…"), "menu_export", self.choose_export)
        self.progress = QProgressBar(self, objectName="menu_progress")
        self.progress.setVisible(False)
        self.problems = QListWidget(self, objectName="menu_problems")
        self.problems.setVisible(False)
        self.status_line = QLabel(self, objectName="message", wordWrap=True)
        set_role(self.status_line, "message")
        self.message = self.status_line  # ScreenBase clears it when the screen is shown again
        self._layout()
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self, objectName=name)
        set_role(button, "action")
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.category, 1)
        top.addWidget(self.count)
        actions = QHBoxLayout()
        for button in (self.add, self.edit, self.toggle):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.problems)
        layout.addWidget(self.status_line)

    # ---- reading ----

    def refresh(self) -> None:
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), ALL)
        for category in self.catalogue.categories(enabled_only=False):
            self.category.addItem(f"{category_label(category.name)} ({category.count})", category.name)
        found = self.category.findData(chosen) if chosen is not None else 0
        self.category.setCurrentIndex(max(found, 0))
        self.category.blockSignals(False)
        self._filter_changed()

    def current_filter(self) -> ItemFilter:
        chosen = self.category.currentData()
        return ItemFilter(self.search.text(), None if chosen in (None, ALL) else str(chosen), enabled_only=False)

    def _filter_changed(self) -> None:
        self.model.set_filter(self.current_filter())
        self.count.setText(self.tr("{count} items").format(count=self.model.total))

    def selected(self) -> ItemRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            set_status(self.status_line, self.tr("Select an item first"), ok=False)
            return None
        return self.catalogue.item(int(rows[0].data(ITEM_ID_ROLE)))

    def _categories(self) -> list[str]:
        return [c.name for c in self.catalogue.categories(enabled_only=False)]

    # ---- changes ----

    def add_item(self) -> None:
        self._open_dialog(MenuItemDialog(self.ctx, self._categories(), None, self))

    def edit_item(self) -> None:
        item = self.selected()
        if item is not None:
            self._open_dialog(MenuItemDialog(self.ctx, self._categories(), item, self))

    def _open_dialog(self, dialog: MenuItemDialog) -> None:
        self.dialog = dialog

        def finished(_code: int) -> None:
            if dialog.saved is not None:
                set_status(self.status_line, self.tr("Saved {name}").format(name=dialog.saved.name), ok=True)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def toggle_item(self) -> None:
        item = self.selected()
        if item is None:
            return
        catalogue, actor = self.catalogue, self.ctx.actor
        text = (self.tr("{name} is on sale again") if not item.active
                else self.tr("{name} is off sale")).format(name=item.name)
        run_op(self.ctx, lambda: catalogue.set_enabled(actor, item.id, not item.active), {Change.MENU},
               lambda _r: set_status(self.status_line, text, ok=True),
               lambda failure, _exc: set_status(self.status_line, failure, ok=False),
               busy=[self.toggle], doing="taking a menu item off sale or back")

    # ---- CSV ----

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the menu from a CSV file"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self.problems.clear()
        self.problems.setVisible(False)
        self.progress.setRange(0, 0)  # busy until the rows are checked
        self.progress.setVisible(True)
        set_status(self.status_line, self.tr("Checking {file}…").format(file=path.name), ok=True)
        progress = ImportProgress(self)
        progress.moved.connect(self._import_moved, Qt.ConnectionType.QueuedConnection)
        catalogue, actor = self.catalogue, self.ctx.actor
        run_op(self.ctx, lambda: catalogue.import_csv_file(actor, path, progress=progress.moved.emit),
               {Change.MENU}, self._imported, self._import_failed,
               busy=[self.import_button, self.export_button], doing="importing the menu")

    def _import_moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _imported(self, result: ImportResult) -> None:
        self.progress.setVisible(False)
        set_status(self.status_line, self.tr("Imported {rows} rows: {added} added, {updated} changed, "
                                         "{unchanged} unchanged").format(
            rows=result.rows, added=result.added, updated=result.updated, unchanged=result.unchanged), ok=True)

    def _import_failed(self, text: str, exc: BaseException) -> None:
        self.progress.setVisible(False)
        set_status(self.status_line, text, ok=False)
        if isinstance(exc, CatalogueImportError):
            for problem in exc.problems:
                where = (self.tr("Row {row}").format(row=problem.row) if problem.row
                         else self.tr("The file"))
                self.problems.addItem(f"{where}: {error_text(problem.error)}")
            self.problems.setVisible(True)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the menu to a CSV file"), "menu.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        self.export_button.setEnabled(False)
        catalogue = self.catalogue

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            set_status(self.status_line, self.tr("Exported {count} items to {path}").format(count=count, path=str(path)),
                       ok=True)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            set_status(self.status_line, describe(exc, "exporting the menu"), ok=False)

        run_task(lambda: catalogue.export_csv_file(path), done, failed)
