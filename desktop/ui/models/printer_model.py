"""Table model of the store's printers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.services.printers import PrinterSettings

PRINTER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
CONNECTION_NAMES = {
    "network": QT_TRANSLATE_NOOP("printers", "Network"),
    "usb": QT_TRANSLATE_NOOP("printers", "USB"),
    "serial": QT_TRANSLATE_NOOP("printers", "Serial port"),
    "win32raw": QT_TRANSLATE_NOOP("printers", "Windows printer (raw)"),
    "pdf": QT_TRANSLATE_NOOP("printers", "PDF files in a folder"),
    "system": QT_TRANSLATE_NOOP("printers", "System printer (Qt)"),
}


def connection_name(kind: str) -> str:
    return QCoreApplication.translate("printers", CONNECTION_NAMES.get(kind, kind))


def where(settings: PrinterSettings) -> str:
    """Where the printer is, in a few characters, for the table."""
    return {
        "network": f"{settings.host}:{settings.port}",
        "usb": f"{settings.usb_vendor_id:04x}:{settings.usb_product_id:04x}",
        "serial": settings.serial_device,
        "win32raw": settings.windows_printer,
        "pdf": settings.pdf_folder,
        "system": settings.windows_printer,
    }.get(settings.connection, "")


class PrinterModel(QAbstractTableModel):
    NAME, CONNECTION, WHERE, PAPER, STATE = range(5)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PrinterSettings] = []

    def set_rows(self, rows: list[PrinterSettings]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Name"), self.tr("Connection"), self.tr("Where"), self.tr("Paper"), self.tr("State"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        printer = self.rows[index.row()]
        if role == PRINTER_ID_ROLE:
            return printer.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(printer, index.column())
        return None

    def _display(self, printer: PrinterSettings, column: int) -> str | None:
        values = {
            self.NAME: printer.name,
            self.CONNECTION: connection_name(printer.connection),
            self.WHERE: where(printer),
            self.PAPER: f"{printer.paper_mm} mm",
            self.STATE: self.tr("On") if printer.enabled else self.tr("Off"),
        }
        return values.get(column)
