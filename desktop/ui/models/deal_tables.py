"""Table models of deals, groups and a group's seats."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import format_fen
from desktop.services.deals import DealInfo
from desktop.services.group_views import EntryInfo, GroupSummary
from desktop.ui.i18n import current_language

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
WINNER_BRUSH = QBrush(QColor("#ffe082"))

STATE_NAMES = {
    "draft": QT_TRANSLATE_NOOP("states", "Draft"),
    "launched": QT_TRANSLATE_NOOP("states", "Launched"),
    "open": QT_TRANSLATE_NOOP("states", "Open"),
    "full": QT_TRANSLATE_NOOP("states", "Full"),
    "drawn": QT_TRANSLATE_NOOP("states", "Drawn"),
    "settled": QT_TRANSLATE_NOOP("states", "Settled"),
    "expired": QT_TRANSLATE_NOOP("states", "Expired"),
    "refunded": QT_TRANSLATE_NOOP("states", "Refunded"),
    "cancelled": QT_TRANSLATE_NOOP("states", "Cancelled"),
}
TENDER_NAMES = {
    "cash": QT_TRANSLATE_NOOP("tenders", "Cash"),
    "card": QT_TRANSLATE_NOOP("tenders", "Card"),
    "platform": QT_TRANSLATE_NOOP("tenders", "Online (platform)"),
}
RESULTS = (QT_TRANSLATE_NOOP("models", "Winner"), QT_TRANSLATE_NOOP("models", "Refunded"))


def state_name(state: str) -> str:
    return QCoreApplication.translate("states", STATE_NAMES.get(state, state))


def _money(fen: int) -> str:
    return format_fen(fen, current_language())


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of rows: one (header, cell function) per column."""

    columns: Sequence[tuple[str, Callable[[Any], str]]] = ()
    context = "models"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.columns):
            return None
        return QCoreApplication.translate(self.context, self.columns[section][0])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == Qt.ItemDataRole.DisplayRole and 0 <= index.column() < len(self.columns):
            return self.columns[index.column()][1](row)
        return self.extra(row, role)

    def extra(self, row: Row, role: int) -> Any:
        return None


class DealsModel(RowsModel[DealInfo]):
    columns = (
        (QT_TRANSLATE_NOOP("models", "Product"), lambda d: d.terms.product_name),
        (QT_TRANSLATE_NOOP("models", "Price"), lambda d: _money(d.terms.group_price_fen)),
        (QT_TRANSLATE_NOOP("models", "N / K"), lambda d: f"{d.terms.group_size} / {d.terms.winners}"),
        (QT_TRANSLATE_NOOP("models", "State"), lambda d: state_name(d.state)),
        (QT_TRANSLATE_NOOP("models", "Open groups"), lambda d: str(d.active_groups)),
    )


class GroupsModel(RowsModel[GroupSummary]):
    columns = (
        (QT_TRANSLATE_NOOP("models", "Product"), lambda g: g.product),
        (QT_TRANSLATE_NOOP("models", "State"), lambda g: state_name(g.state.value)),
        (QT_TRANSLATE_NOOP("models", "Seats"), lambda g: f"{g.taken} / {g.size}"),
        (QT_TRANSLATE_NOOP("models", "Deadline"), lambda g: g.deadline.astimezone().strftime("%m-%d %H:%M")),
    )


class EntriesModel(RowsModel[EntryInfo]):
    columns = (
        (QT_TRANSLATE_NOOP("models", "#"), lambda e: str(e.position)),
        (QT_TRANSLATE_NOOP("models", "Customer"), lambda e: e.label + ("  ★" if e.is_leader else "")),
        (QT_TRANSLATE_NOOP("models", "Deposit"), lambda e: _money(e.deposit_fen)),
        (QT_TRANSLATE_NOOP("models", "Tender"), lambda e: QCoreApplication.translate("tenders", TENDER_NAMES.get(e.tender, e.tender))),
        (QT_TRANSLATE_NOOP("models", "Result"), lambda e: ""),
    )

    def __init__(self) -> None:
        super().__init__()
        self.winners: set[str] = set()
        self.highlight = True

    def set_winners(self, winners: set[str], highlight: bool = True) -> None:
        self.winners, self.highlight = winners, highlight
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == 4
                and 0 <= index.row() < len(self.rows) and self.winners):
            won = self.rows[index.row()].id in self.winners
            return QCoreApplication.translate("models", RESULTS[0] if won else RESULTS[1])
        return super().data(index, role)

    def extra(self, row: EntryInfo, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight and row.id in self.winners:
            return WINNER_BRUSH
        return None
