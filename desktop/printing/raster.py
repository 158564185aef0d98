"""Raster pictures of rows (PIL), for thermal printers that print Chinese or QR as images.

Text is drawn on the printer's own grid: each character centred in its cell (one cell per
column, two for a wide character), glyphs too wide for their cells squeezed to fit, double
width/height by scaling the cell, bold by striking twice one dot apart, as printers do. So
the image of a row is exactly as wide as the text the printer would have printed.
QR matrices come from `qrcode` at error correction M with a 4-module quiet zone.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont, ImageOps

from desktop.documents.document import Align, QrSize, TextRow, char_width, text_width
from desktop.documents.layouts import PaperProfile
from desktop.printing.fonts import find_cjk_font_file

WHITE, BLACK = 255, 0
QUIET_ZONE_MODULES = 4


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), quiet zone included."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE_MODULES)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_module_dots(modules: int, size: QrSize, dot_width: int) -> int:
    """Whole dots per module so the code takes about `size` of the width (at least 2 dots)."""
    return max(2, dot_width * size.width_percent // 100 // modules)


def qr_image(payload: str, size: QrSize, paper: PaperProfile) -> Image.Image:
    """The QR code centred on a paper-wide strip, one crisp square per module."""
    matrix = qr_matrix(payload)
    module = min(qr_module_dots(len(matrix), size, paper.dot_width), paper.dot_width // len(matrix))
    side = module * len(matrix)
    code = Image.new("L", (len(matrix), len(matrix)), WHITE)
    code.putdata([BLACK if dark else WHITE for row in matrix for dark in row])
    strip = Image.new("L", (paper.dot_width, side), WHITE)
    strip.paste(code.resize((side, side), Image.Resampling.NEAREST), ((paper.dot_width - side) // 2, 0))
    return strip


def text_row_image(row: TextRow, paper: PaperProfile, font_file: Path | None = None) -> Image.Image:
    """A paper-wide black-on-white ("L") picture of one text row."""
    font = _font(str(font_file or find_cjk_font_file()), paper.cell_width * 2 - 2)
    wide, tall = row.size.width_factor, row.size.height_factor
    image = Image.new("L", (paper.dot_width, paper.line_height * tall), WHITE)
    x = _start_x(row, paper)
    for char in row.text:
        columns = char_width(char)
        if columns and not char.isspace():
            glyph = _glyph(char, font, columns * paper.cell_width, paper.cell_width * 2, row.bold)
            glyph = glyph.resize((glyph.width * wide, glyph.height * tall), Image.Resampling.NEAREST)
            top = (image.height - glyph.height) // 2
            image.paste(glyph, (x, top), ImageOps.invert(glyph))
        x += columns * paper.cell_width * wide
    return image


def _start_x(row: TextRow, paper: PaperProfile) -> int:
    used = text_width(row.text) * paper.cell_width * row.size.width_factor
    if row.align is Align.CENTER:
        return max(0, (paper.dot_width - used) // 2)
    if row.align is Align.RIGHT:
        return max(0, paper.dot_width - used)
    return 0


@cache
def _font(path: str, pixel_size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, pixel_size, index=0)


@cache
def _glyph(char: str, font: ImageFont.FreeTypeFont, cell_w: int, cell_h: int, bold: bool) -> Image.Image:
    """One character, black on white, centred on a common baseline in a cell_w × cell_h box;
    squeezed horizontally if its ink is wider than the cell (so it never spills over)."""
    left, _, right, _ = font.getbbox(char, anchor="ls")
    ink_w = int(right - left) + (1 if bold else 0)
    canvas = Image.new("L", (max(ink_w, cell_w), cell_h), WHITE)
    draw = ImageDraw.Draw(canvas)
    x = (canvas.width - ink_w) // 2 - int(left)
    for strike in (0, 1) if bold else (0,):
        draw.text((x + strike, cell_h * 5 // 6), char, font=font, fill=BLACK, anchor="ls")
    if canvas.width > cell_w:
        canvas = canvas.resize((cell_w, cell_h), Image.Resampling.LANCZOS)
    return canvas.point(_threshold)


def _threshold(value: int) -> int:
    return BLACK if value < 128 else WHITE


def to_printer_raster(image: Image.Image) -> tuple[int, int, bytes]:
    """(bytes per row, rows, data) with 1 = burn a dot, as GS v 0 expects."""
    mono = ImageOps.invert(image.convert("L")).point(lambda value: 255 if value >= 128 else 0).convert("1")
    return (mono.width + 7) // 8, mono.height, mono.tobytes()
