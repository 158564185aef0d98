"""The order screen's item picker: category tabs with big item buttons (name and price), a
search-as-you-type field with its results, and scanning (a barcode typed by the scanner plus
Enter). Whatever way an item is picked, `item_chosen(item_id)` is emitted; the order screen
adds the line.

The field keeps the input method off (as desktop.ui.widgets.scan_field: a Chinese input
method would swallow a scanner's digits); Chinese names are found by their pinyin initials or
full pinyin (zpnc, naicha → 招牌奶茶), English names and codes as typed.

Enter in the field: an exact barcode or SKU is picked; a text that is all digits (a barcode)
and matches none is refused with a clear message (never a near match); otherwise the
highlighted search result is picked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserError
from desktop.core.money import format_fen
from desktop.services.catalogue import CatalogueService, ItemRow
from desktop.ui.i18n import current_language, error_text
from desktop.ui.messages import set_status
from desktop.ui.models.catalogue_model import category_label
from desktop.ui.theme import set_role
from desktop.ui.widgets import named

BUTTON_SIZE = (136, 76)  # large touch targets: the narrowest a button gets (a 7-character name)
MAX_BUTTONS = 120  # per category; the search finds the rest
MAX_RESULTS = 30
ITEM_ID = Qt.ItemDataRole.UserRole + 1


class _SearchField(QLineEdit):
    """Down moves into the results, so a keyboard picks without the mouse."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class _Results(QListWidget):
    """Enter picks the highlighted result (a click picks it too; no double pick on platforms
    where a single click also "activates")."""

    entered = Signal(QListWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.entered.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class ItemPicker(QWidget):
    item_chosen = Signal(int)

    def __init__(self, catalogue: CatalogueService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item_picker")
        self.catalogue = catalogue
        self.categories: list[str] = []
        self._placed = 1  # the columns the buttons are laid out in
        self.field = named(_SearchField(self), "picker_search", clearButtonEnabled=True)
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setPlaceholderText(self.tr("Scan, or type: pinyin initials, name, barcode"))
        set_role(self.field, "scan")
        self.field.textChanged.connect(self._typed)
        self.field.returnPressed.connect(self._entered)
        self.field.down.connect(self._into_results)
        self.tabs = named(QTabBar(self), "picker_tabs", expanding=False)
        set_role(self.tabs, "categories")
        self.tabs.currentChanged.connect(self._show_category)
        self.grid_host = named(QWidget(self), "picker_grid")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self, widgetResizable=True)
        scroll.setWidget(self.grid_host)
        # As many columns as the width holds (columns()): the buttons never run off to the right.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.viewport().installEventFilter(self)
        self.grid_scroll = scroll
        self.results = named(_Results(self), "picker_results")
        set_role(self.results, "results")
        self.results.entered.connect(self._result_chosen)
        self.results.itemClicked.connect(self._result_chosen)
        self.browse = QWidget(self)
        browse = QVBoxLayout(self.browse)
        browse.setContentsMargins(0, 0, 0, 0)
        browse.addWidget(self.tabs)
        browse.addWidget(scroll, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.browse)
        self.pages.addWidget(self.results)
        self.message = named(QLabel(self), "picker_message", wordWrap=True)
        set_role(self.message, "message")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self.refresh()

    # ---- what is shown ----

    def refresh(self) -> None:
        """Read the categories and the shown category's items again (the menu changed)."""
        shown = self.current_category()
        self.categories = [c.name for c in self.catalogue.categories(enabled_only=True)]
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for name in self.categories:
            self.tabs.addTab(category_label(name))
        self.tabs.setCurrentIndex(self.categories.index(shown) if shown in self.categories else 0)
        self.tabs.blockSignals(False)
        self._show_category(self.tabs.currentIndex())
        if self.field.text().strip():
            self._typed(self.field.text())

    def current_category(self) -> str | None:
        index = self.tabs.currentIndex()
        return self.categories[index] if 0 <= index < len(self.categories) else None

    def _show_category(self, index: int) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()  # gone now, not when the event loop deletes it (a stray frame)
                widget.deleteLater()
        if not 0 <= index < len(self.categories):
            return
        items = self.catalogue.items_of_category(self.categories[index], limit=MAX_BUTTONS)
        self._placed = self.columns()
        for n, item in enumerate(items):
            self.grid.addWidget(self._button(item), n // self._placed, n % self._placed)

    def columns(self) -> int:
        """How many buttons of at least BUTTON_SIZE fit side by side in the visible width."""
        margins = self.grid.contentsMargins()
        spacing = max(self.grid.horizontalSpacing(), 0)
        room = self.grid_scroll.viewport().width() - margins.left() - margins.right()
        return max(1, (room + spacing) // (BUTTON_SIZE[0] + spacing))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The width changed: lay the buttons out again when another number of columns fits."""
        if (event.type() == QEvent.Type.Resize and watched is self.grid_scroll.viewport()
                and self.columns() != self._placed):
            self._reflow()
        return super().eventFilter(watched, event)

    def _reflow(self) -> None:
        buttons = self.buttons()
        for button in buttons:
            self.grid.removeWidget(button)
        self._placed = self.columns()
        for n, button in enumerate(buttons):
            self.grid.addWidget(button, n // self._placed, n % self._placed)

    def _button(self, item: ItemRow) -> QPushButton:
        button = QPushButton(f"{item.name}\n{format_fen(item.price_fen, current_language())}", self.grid_host)
        button.setObjectName(f"item_{item.id}")
        button.setToolTip(item.name_en)
        button.setMinimumSize(*BUTTON_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        set_role(button, "item")
        button.clicked.connect(lambda _checked=False, item_id=item.id: self._choose(item_id))
        return button

    def buttons(self) -> list[QPushButton]:
        """The item buttons of the shown category, in order (for tests and the screenshots)."""
        found = (self.grid.itemAt(i) for i in range(self.grid.count()))
        return [b for b in (f.widget() for f in found if f is not None) if isinstance(b, QPushButton)]

    # ---- typing, scanning, choosing ----

    def _typed(self, text: str) -> None:
        self.message.clear()
        if not text.strip():
            self.pages.setCurrentWidget(self.browse)
            return
        self.results.clear()
        language = current_language()
        for item in self.catalogue.search(text, limit=MAX_RESULTS):
            row = QListWidgetItem(f"{item.name}  {item.name_en}  {format_fen(item.price_fen, language)}")
            row.setData(ITEM_ID, item.id)
            self.results.addItem(row)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            set_status(self.message, self.tr("Nothing on the menu matches “{text}”").format(text=text.strip()),
                       ok=False)
        self.pages.setCurrentWidget(self.results)

    def _entered(self) -> None:
        text = self.field.text().strip()
        if not text:
            return
        found = self.catalogue.find_code(text)
        if found is not None or text.isdigit():
            try:
                item = self.catalogue.scan(text)
            except UserError as exc:
                self.field.clear()
                set_status(self.message, error_text(exc), ok=False)
                return
            self._choose(item.id)
            return
        current = self.results.currentItem()
        if current is not None:
            self._choose(int(current.data(ITEM_ID)))

    def _into_results(self) -> None:
        if self.pages.currentWidget() is self.results and self.results.count():
            self.results.setFocus()

    def _result_chosen(self, row: QListWidgetItem) -> None:
        self._choose(int(row.data(ITEM_ID)))

    def _choose(self, item_id: int) -> None:
        self.field.clear()
        self.message.clear()
        self.item_chosen.emit(item_id)
        self.field.setFocus()
