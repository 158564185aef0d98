"""Printers, which printer each document kind goes to, and the print queue (migration 0004)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class Printer(Base):
    """Mirrors desktop.printing.escpos_backend.PrinterConfig, plus the two Qt outputs:
    connection "pdf" (a PDF file per job in `pdf_folder`) and "system" (the Qt system printer
    named in `windows_printer`, or the default one when empty)."""

    __tablename__ = "printers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    connection: Mapped[str] = mapped_column(String(16))
    host: Mapped[str] = mapped_column(String(255), default="")
    port: Mapped[int] = mapped_column(Integer, default=9100)
    timeout_ms: Mapped[int] = mapped_column(Integer, default=10_000)
    usb_vendor_id: Mapped[int] = mapped_column(Integer, default=0)
    usb_product_id: Mapped[int] = mapped_column(Integer, default=0)
    serial_device: Mapped[str] = mapped_column(String(255), default="")
    baudrate: Mapped[int] = mapped_column(Integer, default=9600)
    windows_printer: Mapped[str] = mapped_column(String(255), default="")
    pdf_folder: Mapped[str] = mapped_column(Text, default="")
    paper_mm: Mapped[int] = mapped_column(Integer, default=80)
    chinese_mode: Mapped[str] = mapped_column(String(16), default="gb18030")
    qr_mode: Mapped[str] = mapped_column(String(16), default="native")
    profile: Mapped[str] = mapped_column(String(64), default="default")
    enabled: Mapped[bool] = mapped_column(default=True)


class PrinterRoute(Base):
    """Which printer prints a document kind (invite, voucher, ...); no row: not set up yet."""

    __tablename__ = "printer_routes"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    printer_id: Mapped[int] = mapped_column(ForeignKey("printers.id", ondelete="CASCADE"))


class PrintJob(Base):
    __tablename__ = "print_jobs"
    __table_args__ = (Index("ix_print_jobs_status", "status", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    ref: Mapped[str] = mapped_column(String(128))
    document: Mapped[str] = mapped_column(Text)
    printer_id: Mapped[int | None] = mapped_column(ForeignKey("printers.id", ondelete="SET NULL"), default=None)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[str] = mapped_column(String(40))
    printed_at: Mapped[str | None] = mapped_column(String(40), default=None)
    reprint_of: Mapped[int | None] = mapped_column(ForeignKey("print_jobs.id"), default=None)
