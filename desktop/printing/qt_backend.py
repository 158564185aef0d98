"""Qt backend: a Document as a PNG/QImage, a PDF, or a job on a system printer.

Coordinates are printer dots of the paper profile (203 dpi for thermal rolls, 300 dpi for
A6), and text sits on the thermal printer's cell grid (see desktop.printing.raster), so the
picture is what the thermal printer prints. Text uses a CJK font found through
QFontDatabase (or loaded from a font file on this machine); QR modules are filled as whole
dot squares with antialiasing off, so they stay crisp when scaled for a printer.
The only module of the printing layer that imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRect, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.documents.document import (
    Align,
    CutRow,
    Document,
    FeedRow,
    QrRow,
    Row,
    TextRow,
    char_width,
    layout,
    text_width,
)
from desktop.documents.layouts import MM_PER_INCH_X10, PaperProfile
from desktop.printing.fonts import find_cjk_font_file
from desktop.printing.raster import qr_matrix, qr_module_dots

CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Zen Hei",
    "SimHei",
)


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen-safe) if none."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication), "a QCoreApplication cannot paint fonts"
    return app


@cache
def cjk_font_family() -> str:
    """A font family with Simplified Chinese glyphs, loading one from disk if needed."""
    ensure_gui_application()
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    font_id = QFontDatabase.addApplicationFont(str(find_cjk_font_file()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise UserError(QT_TRANSLATE_NOOP("errors", "No Chinese font could be loaded for printing"))
    return str(families[0])


def text_font(paper: PaperProfile, bold: bool = False) -> QFont:
    """The receipt font: a CJK face sized so a wide glyph fills two cells."""
    font = QFont(cjk_font_family())
    font.setPixelSize(paper.cell_width * 2 - 2)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


# --- Measuring -------------------------------------------------------------------------------


def _qr_module(row: QrRow, paper: PaperProfile) -> tuple[list[list[bool]], int]:
    matrix = qr_matrix(row.payload)
    dots = min(qr_module_dots(len(matrix), row.size, paper.dot_width), paper.dot_width // len(matrix))
    return matrix, dots


def row_height(row: Row, paper: PaperProfile) -> int:
    if isinstance(row, TextRow):
        return paper.line_height * row.size.height_factor
    if isinstance(row, QrRow):
        matrix, dots = _qr_module(row, paper)
        return len(matrix) * dots
    if isinstance(row, FeedRow):
        return paper.line_height * row.lines
    return paper.line_height if isinstance(row, CutRow) else 0


def content_height(rows: Sequence[Row], paper: PaperProfile) -> int:
    return sum(row_height(row, paper) for row in rows)


# --- Painting --------------------------------------------------------------------------------


def paint_rows(painter: QPainter, rows: Sequence[Row], paper: PaperProfile) -> None:
    """Paint rows top-down from (0, 0), in dots, within paper.dot_width."""
    top = 0
    for row in rows:
        if isinstance(row, TextRow):
            _paint_text(painter, row, paper, top)
        elif isinstance(row, QrRow):
            _paint_qr(painter, row, paper, top)
        top += row_height(row, paper)


def _paint_text(painter: QPainter, row: TextRow, paper: PaperProfile, top: int) -> None:
    font = text_font(paper, row.bold)
    metrics = QFontMetrics(font)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    wide, tall = row.size.width_factor, row.size.height_factor
    cell_h = paper.cell_width * 2
    baseline = top + (paper.line_height - cell_h) // 2 * tall + cell_h * 5 // 6 * tall
    x = _start_x(row, paper)
    for char in row.text:
        span = char_width(char) * paper.cell_width
        if span and not char.isspace():
            _paint_char(painter, char, metrics, QPointF(x, baseline), span, (wide, tall))
        x += span * wide


def _paint_char(
    painter: QPainter, char: str, metrics: QFontMetrics, at: QPointF, span: int, scale: tuple[int, int]
) -> None:
    """One glyph centred in its cells, squeezed if wider, scaled for double width/height."""
    advance = max(metrics.horizontalAdvance(char), 1)
    squeeze = min(1.0, span / advance)
    painter.save()
    painter.translate(at)
    painter.scale(scale[0] * squeeze, scale[1])
    painter.drawText(QPointF(max(0.0, (span / squeeze - advance) / 2), 0.0), char)
    painter.restore()


def _start_x(row: TextRow, paper: PaperProfile) -> int:
    used = text_width(row.text) * paper.cell_width * row.size.width_factor
    offsets = {Align.LEFT: 0, Align.CENTER: (paper.dot_width - used) // 2, Align.RIGHT: paper.dot_width - used}
    return max(0, offsets[row.align])


def _paint_qr(painter: QPainter, row: QrRow, paper: PaperProfile, top: int) -> None:
    matrix, dots = _qr_module(row, paper)
    left = (paper.dot_width - dots * len(matrix)) // 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    black = QColor("black")
    for y, line in enumerate(matrix):
        for x, dark in enumerate(line):
            if dark:
                painter.fillRect(QRect(left + x * dots, top + y * dots, dots, dots), black)
    painter.restore()


def _paint_page(painter: QPainter, rows: Sequence[Row], paper: PaperProfile, page_dots: tuple[int, int]) -> None:
    """Centre the printable width on the page; on a fixed page (A6), fit and centre vertically."""
    height = content_height(rows, paper)
    scale = min(1.0, page_dots[1] / height) if paper.page_height_mm else 1.0
    painter.translate((page_dots[0] - paper.dot_width * scale) / 2, 0)
    if paper.page_height_mm:
        painter.translate(0, (page_dots[1] - height * scale) / 2)
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    paint_rows(painter, rows, paper)


def _page_dots(rows: Sequence[Row], paper: PaperProfile) -> tuple[int, int]:
    width = paper.width_mm * paper.dpi * 10 // MM_PER_INCH_X10
    return width, paper.page_height_dots or content_height(rows, paper)


# --- Outputs ---------------------------------------------------------------------------------


def render_image(document: Document, paper: PaperProfile) -> QImage:
    """The document at the paper's dot width (plus margins for A6), black on white."""
    ensure_gui_application()
    rows = layout(document, paper.columns)
    height = paper.page_height_dots or content_height(rows, paper)
    image = QImage(paper.page_width_dots, max(height, 1), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(paper.dpi * 10_000 // MM_PER_INCH_X10)
    image.setDotsPerMeterY(paper.dpi * 10_000 // MM_PER_INCH_X10)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        _paint_page(painter, rows, paper, (paper.page_width_dots, height))
    finally:
        painter.end()
    return image


def save_png(document: Document, paper: PaperProfile, path: Path) -> None:
    if not render_image(document, paper).save(str(path), "PNG"):  # type: ignore[call-overload]
        raise UserError(QT_TRANSLATE_NOOP("errors", "Could not write the picture to {path}"), path=str(path))


def page_size(rows: Sequence[Row], paper: PaperProfile) -> QPageSize:
    """Paper width × content height (rolls) or the fixed page (A6), in millimetres."""
    _, height_dots = _page_dots(rows, paper)
    height_mm = paper.page_height_mm or height_dots * MM_PER_INCH_X10 / 10 / paper.dpi
    return QPageSize(QSizeF(paper.width_mm, height_mm), QPageSize.Unit.Millimeter, paper.name, QPageSize.SizeMatchPolicy.ExactMatch)


def save_pdf(document: Document, paper: PaperProfile, path: Path) -> None:
    """One page, exactly the paper's width and the content's height, no margins."""
    ensure_gui_application()
    rows = layout(document, paper.columns)
    writer = QPdfWriter(str(path))
    writer.setResolution(paper.dpi)
    writer.setPageLayout(QPageLayout(page_size(rows, paper), QPageLayout.Orientation.Portrait, QMarginsF()))
    writer.setTitle(document.title)
    writer.setCreator("Pinshang Counter")
    painter = QPainter()
    if not painter.begin(writer):
        raise UserError(QT_TRANSLATE_NOOP("errors", "Could not write the PDF to {path}"), path=str(path))
    try:
        _paint_page(painter, rows, paper, _page_dots(rows, paper))
    finally:
        painter.end()


def print_document(document: Document, paper: PaperProfile, printer: QPrinter) -> None:
    """Paint the document on a system printer (or a preview's printer), full page."""
    rows = layout(document, paper.columns)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(page_size(rows, paper), QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(QT_TRANSLATE_NOOP("errors", "The printer “{name}” is not available"), name=printer.printerName())
    try:
        factor = printer.resolution() / paper.dpi
        painter.scale(factor, factor)
        _paint_page(painter, rows, paper, _page_dots(rows, paper))
    finally:
        painter.end()


def make_preview_dialog(document: Document, paper: PaperProfile, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of the document; `exec()` it to let the user look and print."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    # The dialog does not own the printer: without this reference Python frees it on return
    # and the dialog paints on freed memory (a crash the moment it opens).
    dialog._printer = printer  # type: ignore[attr-defined]
    dialog.paintRequested.connect(lambda target: print_document(document, paper, target))
    return dialog
