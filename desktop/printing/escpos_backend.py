"""ESC/POS output through python-escpos: exact bytes for a Document, and sending them.

Chinese, per printer (`PrinterConfig.chinese_mode`):
- "gb18030": the printer's Chinese mode. FS & enters it, FS . leaves it; text is sent as
  GB18030 bytes with `_raw` (python-escpos's own encoder only knows single-byte code pages).
  "¥" (U+00A5) is not in GBK, so it is sent as "￥" (U+FFE5, GBK A3 A4), which GBK-only
  firmware prints.
- "image": every row with a non-ASCII character is rasterised (PIL, a CJK font found on this
  machine) and sent as a GS v 0 bit image; ASCII rows stay text. No FS & is ever sent.
QR: the printer's native GS ( k command when `qr_mode` is "native" and the escpos profile
supports QR, else a rasterised image. Every document ends with the printer's cut (GS V).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from escpos.constants import QR_ECLEVEL_M
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, Network, Serial, Usb, Win32Raw
from PIL import Image

from desktop.core.errors import UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.printer_options import ChineseMode, QrMode
from desktop.documents.document import CutRow, Document, FeedRow, QrRow, Row, TextRow, layout
from desktop.documents.layouts import PAPER_58, PAPER_80, PaperProfile
from desktop.printing.raster import (
    qr_image,
    qr_matrix,
    qr_module_dots,
    text_row_image,
    to_printer_raster,
)
from desktop.printing.usb_library import use_bundled_libusb

ENTER_CHINESE = b"\x1c\x26"  # FS &
LEAVE_CHINESE = b"\x1c\x2e"  # FS .
INITIALIZE = b"\x1b\x40"  # ESC @
RASTER_FRAGMENT_ROWS = 256  # small GS v 0 blocks: cheap printers have small input buffers


class ConnectionKind(StrEnum):
    USB = "usb"
    NETWORK = "network"
    SERIAL = "serial"
    WIN32RAW = "win32raw"


class PrinterError(UserError):
    """The printer could not be reached or refused the job; the message says which and why."""


@dataclass(frozen=True)
class PrinterConfig:
    """One thermal printer: how to reach it and what it can do. Flat, so it stores easily."""

    name: str
    connection: ConnectionKind = ConnectionKind.NETWORK
    host: str = ""
    port: int = 9100
    timeout_s: float = 10.0
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    windows_printer: str = ""
    paper_mm: int = 80
    chinese_mode: ChineseMode = ChineseMode.GB18030
    qr_mode: QrMode = QrMode.NATIVE
    profile: str = "default"  # a python-escpos capabilities profile name, e.g. "TM-T20II"

    def __post_init__(self) -> None:
        _check_config(self)
        # settings come back from storage as plain strings: hold the enum members
        object.__setattr__(self, "connection", ConnectionKind(self.connection))
        object.__setattr__(self, "chinese_mode", ChineseMode(self.chinese_mode))
        object.__setattr__(self, "qr_mode", QrMode(self.qr_mode))

    @property
    def paper(self) -> PaperProfile:
        return PAPER_58 if self.paper_mm == 58 else PAPER_80

    @property
    def address(self) -> str:
        """Where the printer is, in words for error messages."""
        return {
            ConnectionKind.USB: f"USB {self.usb_vendor_id:04x}:{self.usb_product_id:04x}",
            ConnectionKind.NETWORK: f"{self.host}:{self.port}",
            ConnectionKind.SERIAL: self.serial_device,
            ConnectionKind.WIN32RAW: self.windows_printer,
        }[self.connection]


def _check_config(config: PrinterConfig) -> None:
    problem = _config_problem(config)
    if problem:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Printer settings: {problem}"), problem=problem)
    _escpos_profile(config.profile)


def _config_problem(config: PrinterConfig) -> str:
    """The first thing wrong with the settings (marked for translation), or ""."""
    checks = [
        (config.paper_mm in (58, 80), QT_TRANSLATE_NOOP("errors", "paper must be 58 or 80 mm")),
        (config.chinese_mode in tuple(ChineseMode), QT_TRANSLATE_NOOP("errors", "Chinese mode must be gb18030 or image")),
        (config.qr_mode in tuple(QrMode), QT_TRANSLATE_NOOP("errors", "QR mode must be native or image")),
        (config.connection in tuple(ConnectionKind), QT_TRANSLATE_NOOP("errors", "unknown connection kind")),
        (config.timeout_s > 0, QT_TRANSLATE_NOOP("errors", "the timeout must be positive")),
        (config.connection != ConnectionKind.NETWORK or bool(config.host.strip()), QT_TRANSLATE_NOOP("errors", "the network printer needs a host")),
        (config.connection != ConnectionKind.NETWORK or 0 < config.port < 65536, QT_TRANSLATE_NOOP("errors", "the port must be 1 to 65535")),
        (config.connection != ConnectionKind.USB or config.usb_vendor_id > 0, QT_TRANSLATE_NOOP("errors", "the USB printer needs a vendor id")),
        (config.connection != ConnectionKind.SERIAL or bool(config.serial_device), QT_TRANSLATE_NOOP("errors", "the serial printer needs a device")),
        (config.connection != ConnectionKind.WIN32RAW or bool(config.windows_printer), QT_TRANSLATE_NOOP("errors", "choose a Windows printer")),
    ]
    return next((message for ok, message in checks if not ok), "")


def _escpos_profile(name: str) -> Any:
    try:
        return Dummy(profile=name).profile
    except Exception:  # python-escpos raises its own NotSupported/KeyError for unknown names
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown printer profile “{profile}”"), profile=name
        ) from None


# --- Rendering -------------------------------------------------------------------------------


def render_escpos_bytes(document: Document, config: PrinterConfig) -> bytes:
    """The exact bytes `send` writes to the printer for this document."""
    rows = layout(document, config.paper.columns)
    printer = Dummy(profile=config.profile)
    _write(printer, rows, config, open_drawer=document.open_drawer)
    return bytes(printer.output)


def _write(printer: Escpos, rows: list[Row], config: PrinterConfig, *, open_drawer: bool = False) -> None:
    """Initialise, kick the cash drawer open when cash moved (ESC p, pin 2), print the rows,
    leave Chinese mode, and cut last (always, once)."""
    chinese = config.chinese_mode is ChineseMode.GB18030
    printer._raw(INITIALIZE)
    if open_drawer:
        printer.cashdraw(2)
    if chinese:
        printer._raw(ENTER_CHINESE)
    while rows and isinstance(rows[-1], CutRow):
        rows = rows[:-1]
    for row in rows:
        _write_row(printer, row, config)
    if chinese:
        printer._raw(LEAVE_CHINESE)
    printer.cut()


def _write_row(printer: Escpos, row: Row, config: PrinterConfig) -> None:
    if isinstance(row, TextRow):
        _write_text(printer, row, config)
    elif isinstance(row, QrRow):
        _write_qr(printer, row, config)
    elif isinstance(row, FeedRow):
        printer._raw(b"\n" * row.lines)
    else:
        printer.cut()


def _write_text(printer: Escpos, row: TextRow, config: PrinterConfig) -> None:
    if config.chinese_mode is ChineseMode.IMAGE and not row.text.isascii():
        printer.set(align="left")
        _write_raster(printer, text_row_image(row, config.paper))
        return
    # GS ! (custom size) scales Chinese characters too; ESC ! would scale only ASCII
    factors = row.size
    printer.set(
        align=row.align.value,
        bold=row.bold,
        custom_size=True,
        width=factors.width_factor,
        height=factors.height_factor,
    )
    printer._raw(encode_gb18030(row.text) + b"\n")


def encode_gb18030(text: str) -> bytes:
    """Text as the printer's Chinese mode wants it; ¥ becomes ￥ (GBK A3 A4)."""
    return text.replace("\u00a5", "\uffe5").encode("gb18030")


def _write_qr(printer: Escpos, row: QrRow, config: PrinterConfig) -> None:
    printer.set(align="center", bold=False, custom_size=True, width=1, height=1)
    if config.qr_mode is QrMode.NATIVE and printer.profile.supports("qrCode"):
        modules = len(qr_matrix(row.payload))
        module = min(qr_module_dots(modules, row.size, config.paper.dot_width), 16)
        printer.qr(row.payload, ec=QR_ECLEVEL_M, size=module, native=True)
    else:
        _write_raster(printer, qr_image(row.payload, row.size, config.paper))
    printer.set(align="left")


def _write_raster(printer: Escpos, image: Image.Image) -> None:
    """GS v 0 raster blocks, top to bottom."""
    for top in range(0, image.height, RASTER_FRAGMENT_ROWS):
        fragment = image.crop((0, top, image.width, min(top + RASTER_FRAGMENT_ROWS, image.height)))
        width_bytes, height, data = to_printer_raster(fragment)
        header = b"\x1d\x76\x30\x00" + _low_high(width_bytes) + _low_high(height)
        printer._raw(header + data)


def _low_high(number: int) -> bytes:
    return bytes((number & 0xFF, number >> 8))


# --- Sending ---------------------------------------------------------------------------------


def send(document: Document, config: PrinterConfig) -> None:
    """Print the document on the configured printer; any failure is a PrinterError."""
    payload = render_escpos_bytes(document, config)
    printer = _connect(config)
    try:
        printer._raw(payload)
    except (OSError, EscposError, ValueError) as error:
        raise _printer_error(config, error) from error
    finally:
        _close_quietly(printer)


def _connect(config: PrinterConfig) -> Escpos:
    try:
        printer = _open_device(config)
        if isinstance(printer, Network):
            printer.device = _open_socket(config)
        else:
            printer.open()
    except (OSError, EscposError, RuntimeError, ValueError, ImportError) as error:
        raise _printer_error(config, error) from error
    if printer.device is None:
        raise _printer_error(config, OSError("the device did not open"))
    return printer


def _open_socket(config: PrinterConfig) -> socket.socket:
    """The network printer's TCP connection, as python-escpos's Network.open makes it, but
    closed again when the connection fails (Network.open leaves that socket open)."""
    connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        connection.settimeout(config.timeout_s)
        connection.connect((config.host, config.port))
    except BaseException:
        connection.close()
        raise
    return connection


def _open_device(config: PrinterConfig) -> Escpos:
    """The python-escpos printer object for the connection (not yet opened)."""
    profile = config.profile
    if config.connection is ConnectionKind.NETWORK:
        return Network(config.host, config.port, timeout=config.timeout_s, profile=profile)
    if config.connection is ConnectionKind.USB:
        use_bundled_libusb()
        return Usb(config.usb_vendor_id, config.usb_product_id, timeout=int(config.timeout_s * 1000), profile=profile)
    if config.connection is ConnectionKind.SERIAL:
        return Serial(config.serial_device, baudrate=config.baudrate, timeout=config.timeout_s, profile=profile)
    return Win32Raw(config.windows_printer, profile=profile)


def _printer_error(config: PrinterConfig, error: BaseException) -> PrinterError:
    return PrinterError(
        QT_TRANSLATE_NOOP("errors", "Printer “{name}” at {address} did not print: {reason}"),
        name=config.name,
        address=config.address,
        reason=_reason(error),
    )


def _reason(error: BaseException) -> str:
    """A short cause (marked for translation): refused, timed out, not found, or the library's own words."""
    text = str(error).lower()
    causes = (
        ("refused", QT_TRANSLATE_NOOP("errors", "the connection was refused (is the printer on and is the port right?)")),
        ("timed out", QT_TRANSLATE_NOOP("errors", "no answer in time (check the network and the printer's address)")),
        ("no route", QT_TRANSLATE_NOOP("errors", "the printer's address cannot be reached")),
        ("name or service", QT_TRANSLATE_NOOP("errors", "the host name is unknown")),
        ("not found", QT_TRANSLATE_NOOP("errors", "no such device (is it plugged in and switched on?)")),
        ("no such", QT_TRANSLATE_NOOP("errors", "no such device (is it plugged in and switched on?)")),
        ("paper", QT_TRANSLATE_NOOP("errors", "the printer is out of paper")),
        ("usb library", QT_TRANSLATE_NOOP("errors", "USB printing needs the pyusb package and libusb")),
        ("pyserial", QT_TRANSLATE_NOOP("errors", "serial printing needs the pyserial package")),
        ("win32print library", QT_TRANSLATE_NOOP("errors", "Windows raw printing needs pywin32 (Windows only)")),
        ("broken pipe", QT_TRANSLATE_NOOP("errors", "the printer closed the connection")),
        ("reset", QT_TRANSLATE_NOOP("errors", "the printer closed the connection")),
    )
    return next((cause for mark, cause in causes if mark in text), str(error) or type(error).__name__)


def _close_quietly(printer: Escpos) -> None:
    try:
        printer.close()
    except (OSError, EscposError):
        pass  # the job already went through or already failed; closing adds nothing
