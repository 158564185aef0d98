"""Table model of a reconciliation on amounts (desktop.sync.settlement_report): one row per line,
problems first. Filled whole from a report built off the UI thread; `data` formats on demand,
so 100,000 lines cost a list, not 100,000 widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop.core import statement as st
from desktop.core.money import format_fen
from desktop.sync import settlement_report as sr
from desktop.ui.models.table_model import RowTableModel

OP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


def status_name(status: str) -> str:
    names = {sr.MATCHED: QCoreApplication.translate("settlement", "Matched"),
             sr.DIFFERS: QCoreApplication.translate("settlement", "Differs"),
             sr.MISSING_ON_PLATFORM: QCoreApplication.translate("settlement", "Missing on the platform"),
             sr.MISSING_HERE: QCoreApplication.translate("settlement", "Missing here"),
             sr.OTHER_TERMINAL: QCoreApplication.translate("settlement", "Other terminal"),
             sr.MERCHANT: QCoreApplication.translate("settlement", "Merchant's own")}
    return names[status]


def terminal_name(row: sr.Row, names: dict[str, str]) -> str:
    """Whose line: this counter's own, another terminal's by its name, none for the merchant's."""
    if row.status == sr.MERCHANT:
        return ""
    if row.status == sr.OTHER_TERMINAL:
        return names.get(row.terminal_id, row.terminal_id)
    return QCoreApplication.translate("settlement", "This counter")


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("settlement", st.KIND_LABELS[kind])


def source_name(source: str) -> str:
    return QCoreApplication.translate("settlement", st.SOURCE_LABELS.get(source, st.SOURCE_LABELS[st.SOURCE_SALE]))


def money(fen: int | None, version: int | None = None) -> str:
    if fen is None:
        return ""
    text = format_fen(fen, "en", symbol=False)
    return f"{text} (v{version})" if version is not None else text


def explain(row: sr.Row) -> str:
    """Why a row is what it is, in words (both values and versions for a difference)."""
    parts = []
    if row.status == sr.DIFFERS:
        parts.append(QCoreApplication.translate(
            "settlement", "here {here} under schedule v{hv}, the platform {there} under v{tv}").format(
            here=money(row.here_fen), hv=row.here_version if row.here_version is not None else "?",
            there=money(row.platform_fen), tv=row.platform_version if row.platform_version is not None else "?"))
        if row.here_version is not None and row.platform_version is not None and row.here_version < row.platform_version:
            parts.append(QCoreApplication.translate(
                "settlement", "this counter did not have schedule v{tv} yet when it recorded the line").format(
                tv=row.platform_version))
    if row.status == sr.MISSING_ON_PLATFORM:
        parts.append(QCoreApplication.translate(
            "settlement", "not on this statement yet (rejected, not sent, or booked in a later period)"))
    if row.status == sr.MISSING_HERE:
        parts.append(QCoreApplication.translate("settlement", "the platform found an amount this counter did not record"))
    if row.counterparty:
        who = (QCoreApplication.translate("settlement", "the platform") if row.counterparty == "platform"
               else row.counterparty)
        parts.append(QCoreApplication.translate("settlement", "with {who}").format(who=who))
    if row.adjusts:
        parts.append(QCoreApplication.translate("settlement", "adjustment: {text}").format(text=row.adjusts))
    if row.note and row.status != sr.MISSING_ON_PLATFORM:
        parts.append(row.note)
    return "; ".join(parts)


_COLOURS = {sr.DIFFERS: QColor("#b3261e"), sr.MISSING_ON_PLATFORM: QColor("#b3261e"),
            sr.MISSING_HERE: QColor("#b3261e"), sr.MATCHED: QColor("#1b5e20")}


class SettlementModel(RowTableModel[sr.Row]):
    def __init__(self) -> None:
        super().__init__()
        self.terminal_names: dict[str, str] = {}

    def show(self, report: sr.Report) -> None:
        self.terminal_names = dict(report.terminal_names)
        self.set_rows(report.rows)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Status"), self.tr("From"), self.tr("Line"), self.tr("Terminal"), self.tr("When"),
                self.tr("Here"), self.tr("Platform"), self.tr("Explanation"))

    def display(self, row: sr.Row, column: int) -> str:
        if column == 0:
            return status_name(row.status)
        if column == 1:
            return f"{source_name(row.source)} {row.ref[:10]}".strip()
        if column == 2:
            return kind_name(row.kind)
        if column == 3:
            return terminal_name(row, self.terminal_names)
        if column == 4:
            return row.at.astimezone().strftime("%m-%d %H:%M")
        if column == 5:
            return money(row.here_fen, row.here_version)
        if column == 6:
            return money(row.platform_fen, row.platform_version)
        return explain(row)

    def role_data(self, row: sr.Row, role: int, column: int) -> Any:
        if role == OP_ID_ROLE:
            return row.op_id
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return _COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == 7:
            return explain(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
