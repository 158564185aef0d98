"""The manager's list of catalogue items: a table model over pages of lean rows.

It never holds 50,000 objects: it knows how many items the filter selects (one count) and
reads the rows a view asks for in pages of PAGE rows (CatalogueService.page), keeping the
last CACHED_PAGES pages. A new filter or a change of the menu resets it.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.money import format_fen
from desktop.services.catalogue import CatalogueService, ItemFilter, ItemRow
from desktop.ui.i18n import current_language

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 200
CACHED_PAGES = 16
Index = QModelIndex | QPersistentModelIndex


def category_label(name: str) -> str:
    return name or QCoreApplication.translate("catalogue", "(no category)")


class CatalogueModel(QAbstractTableModel):
    NAME, NAME_EN, CATEGORY, PRICE, BARCODE, SKU, STATE = range(7)

    def __init__(self, catalogue: CatalogueService) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.filter = ItemFilter(enabled_only=False)
        self.total = 0
        self.pages: OrderedDict[int, list[ItemRow]] = OrderedDict()
        self.language = current_language()

    def set_filter(self, item_filter: ItemFilter) -> None:
        self.filter = item_filter
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.pages.clear()
        self.language = current_language()
        self.total = self.catalogue.count(self.filter)
        self.endResetModel()

    def item(self, row: int) -> ItemRow | None:
        if not 0 <= row < self.total:
            return None
        number = row // PAGE
        page = self.pages.get(number)
        if page is None:
            page = self.catalogue.page(self.filter, number * PAGE, PAGE)
            self.pages[number] = page
            while len(self.pages) > CACHED_PAGES:
                self.pages.popitem(last=False)
        else:
            self.pages.move_to_end(number)
        offset = row - number * PAGE
        return page[offset] if offset < len(page) else None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("English name"), self.tr("Category"), self.tr("Price"),
                self.tr("Barcode"), self.tr("SKU"), self.tr("On sale"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = self.headers()
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.item(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == ITEM_ID_ROLE:
            return row.id
        if role == ACTIVE_ROLE:
            return row.active
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.PRICE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ItemRow, column: int) -> str:
        if column == self.PRICE:
            return format_fen(row.price_fen, self.language)
        if column == self.STATE:
            return self.tr("Yes") if row.active else self.tr("No (disabled)")
        values = {self.NAME: row.name, self.NAME_EN: row.name_en, self.CATEGORY: category_label(row.category),
                  self.BARCODE: row.barcode or "", self.SKU: row.sku or ""}
        return values.get(column, "")
