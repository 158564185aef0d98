"""Table models of deals, groups and a group's seats."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.deals import DealState
from desktop.core.groups import GroupState
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import format_fen
from desktop.services.deals import DealInfo
from desktop.services.group_views import EntryInfo, GroupSummary
from desktop.ui.i18n import current_language
from desktop.ui.models.table_model import RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Row = TypeVar("Row")
WINNER_BRUSH = QBrush(QColor("#ffe082"))

STATE_NAMES: dict[str, str] = {  # deal states, then group states
    DealState.DRAFT: QT_TRANSLATE_NOOP("states", "Draft"),
    DealState.LAUNCHED: QT_TRANSLATE_NOOP("states", "Launched"),
    GroupState.OPEN: QT_TRANSLATE_NOOP("states", "Open"),
    GroupState.FULL: QT_TRANSLATE_NOOP("states", "Full"),
    GroupState.DRAWN: QT_TRANSLATE_NOOP("states", "Drawn"),
    GroupState.SETTLED: QT_TRANSLATE_NOOP("states", "Settled"),
    GroupState.EXPIRED: QT_TRANSLATE_NOOP("states", "Expired"),
    GroupState.REFUNDED: QT_TRANSLATE_NOOP("states", "Refunded"),
    GroupState.CANCELLED: QT_TRANSLATE_NOOP("states", "Cancelled"),
}
TENDER_NAMES = {
    "cash": QT_TRANSLATE_NOOP("tenders", "Cash"),
    "card": QT_TRANSLATE_NOOP("tenders", "Card"),
    "platform": QT_TRANSLATE_NOOP("tenders", "Online (platform)"),
}


def state_name(state: str) -> str:
    return QCoreApplication.translate("states", STATE_NAMES.get(state, state))


def _money(fen: int) -> str:
    return format_fen(fen, current_language())


class RowsModel(RowTableModel[Row]):
    """Columns declared as (header, cell function) pairs; rows with an `id` expose ID_ROLE."""

    columns: Sequence[tuple[str, Callable[[Any], str]]] = ()
    context = "models"

    def headers(self) -> tuple[str, ...]:
        return tuple(QCoreApplication.translate(self.context, title) for title, _cell in self.columns)

    def display(self, row: Row, column: int) -> str:
        return self.columns[column][1](row)

    def role_data(self, row: Row, role: int, column: int) -> Any:
        return getattr(row, "id", None) if role == ID_ROLE else self.extra(row, role)

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
        (QT_TRANSLATE_NOOP("models", "Hand back"), lambda e: ""),
    )

    def __init__(self) -> None:
        super().__init__()
        self.winners: set[str] = set()
        self.results: dict[str, str] = {}  # entry id → what to hand back (after a draw or refund)
        self.highlight = True

    def set_results(self, results: dict[str, str]) -> None:
        self.results = results
        if self.rows:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self.rows) - 1, 4))

    def set_winners(self, winners: set[str], highlight: bool = True) -> None:
        self.winners, self.highlight = winners, highlight
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def display(self, row: EntryInfo, column: int) -> str:
        if column == 4:
            return self.results.get(row.id, "")
        return super().display(row, column)

    def extra(self, row: EntryInfo, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight and row.id in self.winners:
            return WINNER_BRUSH
        return None
