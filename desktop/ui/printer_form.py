"""The form that edits one printer: name, connection and its parameters, paper, Chinese, QR."""

from __future__ import annotations

import shiboken6
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.services.printers import Connection, PrinterSettings
from desktop.ui.models.printer_model import connection_name
from desktop.ui.tasks import run_task
from desktop.ui.widgets import named

PAGES = (Connection.NETWORK, Connection.USB, Connection.SERIAL, Connection.WIN32RAW, Connection.PDF,
         Connection.SYSTEM)


class PrinterForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer_id = 0
        self.name = named(QLineEdit(self), "printer_name")
        self.connection = named(QComboBox(self), "connection")
        for kind in PAGES:
            self.connection.addItem(connection_name(kind), kind.value)
        self.pages = QStackedWidget(self)
        self._build_pages()
        self.connection.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.paper = named(QComboBox(self), "paper")
        self.paper.addItem(self.tr("80 mm"), 80)
        self.paper.addItem(self.tr("58 mm"), 58)
        self.chinese = named(QComboBox(self), "chinese_mode")
        self.chinese.addItem(self.tr("Printer's Chinese mode (GB18030)"), "gb18030")
        self.chinese.addItem(self.tr("Print Chinese as a picture (any printer)"), "image")
        self.qr = named(QComboBox(self), "qr_mode")
        self.qr.addItem(self.tr("Printer's own QR command"), "native")
        self.qr.addItem(self.tr("Print QR codes as a picture"), "image")
        self.profile = named(QLineEdit("default", self), "profile")
        self.enabled = named(QCheckBox(self.tr("In use"), self), "enabled")
        self.enabled.setChecked(True)
        form = QFormLayout(self)
        for label, widget in ((self.tr("Name"), self.name), (self.tr("Connection"), self.connection),
                              ("", self.pages), (self.tr("Paper"), self.paper),
                              (self.tr("Chinese text"), self.chinese), (self.tr("QR codes"), self.qr),
                              (self.tr("Printer model profile"), self.profile), ("", self.enabled)):
            form.addRow(label, widget)

    def _build_pages(self) -> None:
        self.host = named(QLineEdit(self, placeholderText="192.168.1.50"), "host")
        self.port = named(QSpinBox(self, minimum=1, maximum=65535, value=9100), "port")
        self.usb_vendor = named(QLineEdit(self, placeholderText="04b8"), "usb_vendor")
        self.usb_product = named(QLineEdit(self, placeholderText="0202"), "usb_product")
        self.serial_device = named(QLineEdit(self, placeholderText="COM3 / /dev/ttyUSB0"), "serial_device")
        self.baudrate = named(QComboBox(self), "baudrate")
        for rate in (9600, 19200, 38400, 57600, 115200):
            self.baudrate.addItem(str(rate), rate)
        self.windows_printer = named(QLineEdit(self), "windows_printer")
        self.pdf_folder = named(QLineEdit(self), "pdf_folder")
        browse = named(QPushButton(self.tr("Choose…"), self), "browse_pdf")
        browse.clicked.connect(self._choose_folder)
        self.system_printer = named(QComboBox(self, editable=True), "system_printer")
        self.system_printer.addItem("")
        # Asking CUPS or Windows for printers can take seconds: not on the UI thread.
        run_task(QPrinterInfo.availablePrinterNames, self._add_system_printers)
        self._page({self.tr("Host or IP"): self.host, self.tr("Port"): self.port})
        self._page({self.tr("Vendor id (hex)"): self.usb_vendor, self.tr("Product id (hex)"): self.usb_product})
        self._page({self.tr("Device"): self.serial_device, self.tr("Baud rate"): self.baudrate})
        self._page({self.tr("Windows printer name"): self.windows_printer})
        folder = QWidget(self)
        row = QHBoxLayout(folder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pdf_folder, 1)
        row.addWidget(browse)
        self._page({self.tr("Folder"): folder})
        self._page({self.tr("System printer (empty: default)"): self.system_printer})

    def _page(self, rows: dict[str, QWidget]) -> None:
        page = QWidget(self.pages)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in rows.items():
            form.addRow(label, widget)
        self.pages.addWidget(page)

    def _add_system_printers(self, names: list[str]) -> None:
        if shiboken6.isValid(self.system_printer):  # the form may be gone by now
            self.system_printer.addItems(names)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDF files"), self.pdf_folder.text())
        if folder:
            self.pdf_folder.setText(folder)

    def clear(self) -> None:
        self.load(PrinterSettings(""))

    def load(self, settings: PrinterSettings) -> None:
        self.printer_id = settings.id
        self.name.setText(settings.name)
        self.connection.setCurrentIndex(max(self.connection.findData(settings.connection), 0))
        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        self.usb_vendor.setText(f"{settings.usb_vendor_id:04x}" if settings.usb_vendor_id else "")
        self.usb_product.setText(f"{settings.usb_product_id:04x}" if settings.usb_product_id else "")
        self.serial_device.setText(settings.serial_device)
        self.baudrate.setCurrentIndex(max(self.baudrate.findData(settings.baudrate), 0))
        self.windows_printer.setText(settings.windows_printer if settings.connection == "win32raw" else "")
        self.system_printer.setCurrentText(settings.windows_printer if settings.connection == "system" else "")
        self.pdf_folder.setText(settings.pdf_folder)
        self.paper.setCurrentIndex(max(self.paper.findData(settings.paper_mm), 0))
        self.chinese.setCurrentIndex(max(self.chinese.findData(settings.chinese_mode), 0))
        self.qr.setCurrentIndex(max(self.qr.findData(settings.qr_mode), 0))
        self.profile.setText(settings.profile)
        self.enabled.setChecked(settings.enabled)

    def settings(self) -> PrinterSettings:
        """What the form says; a USB id that is not hex is a ValidationError."""
        kind = str(self.connection.currentData())
        printer_name = self.system_printer.currentText() if kind == "system" else self.windows_printer.text()
        return PrinterSettings(
            id=self.printer_id, name=self.name.text(), connection=kind, host=self.host.text().strip(),
            port=self.port.value(), usb_vendor_id=_hex(self.usb_vendor.text()),
            usb_product_id=_hex(self.usb_product.text()), serial_device=self.serial_device.text().strip(),
            baudrate=int(self.baudrate.currentData()), windows_printer=printer_name.strip(),
            pdf_folder=self.pdf_folder.text().strip(), paper_mm=int(self.paper.currentData()),
            chinese_mode=str(self.chinese.currentData()), qr_mode=str(self.qr.currentData()),
            profile=self.profile.text().strip() or "default", enabled=self.enabled.isChecked(),
        )


def _hex(text: str) -> int:
    text = text.strip().lower().removeprefix("0x")
    try:
        return int(text, 16) if text else 0
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{text}” is not a hexadecimal id such as 04b8"),
                              text=text) from None
