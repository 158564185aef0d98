"""The options of a thermal printer, shared by the stored settings (desktop.services.printers)
and the ESC/POS backend (desktop.printing.escpos_backend)."""

from __future__ import annotations

from enum import StrEnum


class ChineseMode(StrEnum):
    GB18030 = "gb18030"  # the printer's own Chinese mode, text sent as GB18030 bytes
    IMAGE = "image"  # Chinese rows rasterised on this computer


class QrMode(StrEnum):
    NATIVE = "native"  # the printer's GS ( k QR command
    IMAGE = "image"  # a rasterised QR picture
