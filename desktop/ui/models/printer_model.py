"""Table model of the store's printers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.services.printers import PrinterSettings
from desktop.ui.models.table_model import RowTableModel

PRINTER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
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


class PrinterModel(RowTableModel[PrinterSettings]):
    NAME, CONNECTION, WHERE, PAPER, STATE = range(5)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Connection"), self.tr("Where"), self.tr("Paper"), self.tr("State"))

    def display(self, row: PrinterSettings, column: int) -> str | None:
        return self._display(row, column)

    def role_data(self, row: PrinterSettings, role: int, column: int) -> Any:
        if role == PRINTER_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:  # a long folder or name, whole
            return self._display(row, column)
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
