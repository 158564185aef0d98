"""Printers (manager only, audited) and which printer each kind of document goes to.

A printer row holds what desktop.printing.escpos_backend.PrinterConfig needs (the dispatcher
maps one to the other: desktop.printing.dispatch.printer_config) plus two Qt outputs: "pdf"
writes one PDF per job into a folder, "system" prints on a system printer through Qt. The
option values (Chinese mode, QR mode) are desktop.core.printer_options.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.printer_options import ChineseMode, QrMode
from desktop.core.staff import Actor, Permission
from desktop.documents.kinds import DOCUMENT_KINDS
from desktop.services.base import ServiceBase, require
from desktop.store.print_models import Printer, PrinterRoute


class Connection(StrEnum):
    NETWORK = "network"
    USB = "usb"
    SERIAL = "serial"
    WIN32RAW = "win32raw"
    PDF = "pdf"
    SYSTEM = "system"


ESCPOS_CONNECTIONS = frozenset({Connection.NETWORK, Connection.USB, Connection.SERIAL, Connection.WIN32RAW})


@dataclass(frozen=True)
class PrinterSettings:
    """One printer as the settings screen edits it; `id` is 0 until it is saved."""

    name: str
    connection: str = Connection.NETWORK
    host: str = ""
    port: int = 9100
    timeout_ms: int = 10_000
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    windows_printer: str = ""  # Windows raw printer, or the Qt system printer ("" = default)
    pdf_folder: str = ""
    paper_mm: int = 80
    chinese_mode: str = ChineseMode.GB18030.value
    qr_mode: str = QrMode.NATIVE.value
    profile: str = "default"
    enabled: bool = True
    id: int = 0

    @property
    def is_escpos(self) -> bool:
        return self.connection in ESCPOS_CONNECTIONS


def settings_problem(settings: PrinterSettings) -> str:
    """The first thing wrong with these settings, in English, or ""."""
    kind = settings.connection
    checks = [
        (0 < len(settings.name.strip()) <= 64, "the printer needs a name of 1 to 64 characters"),
        (kind in tuple(Connection), "unknown connection kind"),
        (settings.paper_mm in (58, 80), "paper must be 58 or 80 mm"),
        (settings.chinese_mode in tuple(ChineseMode), "Chinese mode must be gb18030 or image"),
        (settings.qr_mode in tuple(QrMode), "QR mode must be native or image"),
        (settings.timeout_ms > 0, "the timeout must be positive"),
        (kind != Connection.NETWORK or bool(settings.host.strip()), "the network printer needs a host"),
        (kind != Connection.NETWORK or 0 < settings.port < 65536, "the port must be 1 to 65535"),
        (kind != Connection.USB or 0 < settings.usb_vendor_id < 65536, "the USB printer needs a vendor id"),
        (kind != Connection.USB or 0 <= settings.usb_product_id < 65536, "the USB product id must be 0 to ffff"),
        (kind != Connection.SERIAL or bool(settings.serial_device.strip()), "the serial printer needs a device"),
        (kind != Connection.SERIAL or settings.baudrate > 0, "the baud rate must be positive"),
        (kind != Connection.WIN32RAW or bool(settings.windows_printer.strip()), "choose a Windows printer"),
        (kind != Connection.PDF or bool(settings.pdf_folder.strip()), "choose a folder for the PDF files"),
    ]
    return next((message for ok, message in checks if not ok), "")


def check_settings(settings: PrinterSettings) -> None:
    problem = settings_problem(settings)
    if problem:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Printer settings: {problem}"), problem=problem)


class PrinterService(ServiceBase):
    def list_printers(self) -> list[PrinterSettings]:
        with self.db.read() as s:
            return [_settings(row) for row in s.scalars(select(Printer).order_by(Printer.name))]

    def get(self, printer_id: int) -> PrinterSettings:
        with self.db.read() as s:
            row = s.get(Printer, printer_id)
            if row is None:
                raise _no_such_printer(printer_id)
            return _settings(row)

    def save(self, actor: Actor, settings: PrinterSettings) -> int:
        """Add (id 0) or update a printer; returns its id. Bad settings write nothing."""
        require(actor, Permission.MANAGE_PRINTERS)
        check_settings(settings)
        fields = {**asdict(settings), "name": settings.name.strip()}
        fields.pop("id")
        with self.transaction(actor) as tx:
            clash = tx.session.scalar(select(Printer.id).where(Printer.name == fields["name"], Printer.id != settings.id))
            if clash is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is already a printer named “{name}”"),
                                      name=fields["name"])
            row = self._row_for(tx.session, settings.id)
            for key, value in fields.items():
                setattr(row, key, str(value) if isinstance(value, StrEnum) else value)
            tx.session.flush()
            tx.audit("printer.saved", printer_id=row.id, **{k: v for k, v in fields.items() if k != "pdf_folder"})
            return row.id

    def _row_for(self, session: Session, printer_id: int) -> Printer:
        if printer_id == 0:
            row = Printer()
            session.add(row)
            return row
        existing = session.get(Printer, printer_id)
        if existing is None:
            raise _no_such_printer(printer_id)
        return existing

    def remove(self, actor: Actor, printer_id: int) -> None:
        """Delete the printer; its routes go with it, its old jobs keep their history."""
        require(actor, Permission.MANAGE_PRINTERS)
        with self.transaction(actor) as tx:
            row = tx.session.get(Printer, printer_id)
            if row is None:
                raise _no_such_printer(printer_id)
            tx.session.execute(delete(PrinterRoute).where(PrinterRoute.printer_id == printer_id))
            tx.session.delete(row)
            tx.audit("printer.removed", printer_id=printer_id, name=row.name)

    def routes(self) -> dict[str, int]:
        """Document kind → printer id, for the kinds that have a printer."""
        with self.db.read() as s:
            return {route.kind: route.printer_id for route in s.scalars(select(PrinterRoute))}

    def set_route(self, actor: Actor, kind: str, printer_id: int | None) -> None:
        """Send `kind` documents to this printer (None: to no printer)."""
        require(actor, Permission.MANAGE_PRINTERS)
        check_kind(kind)
        with self.transaction(actor) as tx:
            if printer_id is not None and tx.session.get(Printer, printer_id) is None:
                raise _no_such_printer(printer_id)
            tx.session.execute(delete(PrinterRoute).where(PrinterRoute.kind == kind))
            if printer_id is not None:
                tx.session.add(PrinterRoute(kind=kind, printer_id=printer_id))
            tx.audit("printer.route_set", kind=kind, printer_id=printer_id)


def check_kind(kind: str) -> None:
    if kind not in DOCUMENT_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind of document “{kind}”"), kind=kind)


def _no_such_printer(printer_id: int) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("errors", "There is no printer number {id}"), id=printer_id)


def _settings(row: Printer) -> PrinterSettings:
    return PrinterSettings(
        id=row.id, name=row.name, connection=row.connection, host=row.host, port=row.port,
        timeout_ms=row.timeout_ms, usb_vendor_id=row.usb_vendor_id, usb_product_id=row.usb_product_id,
        serial_device=row.serial_device, baudrate=row.baudrate, windows_printer=row.windows_printer,
        pdf_folder=row.pdf_folder, paper_mm=row.paper_mm, chinese_mode=row.chinese_mode,
        qr_mode=row.qr_mode, profile=row.profile, enabled=row.enabled,
    )
