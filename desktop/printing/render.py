"""Rendering a template's demo to a file: what `pinshang render TEMPLATE --demo --out FILE` runs.

The suffix picks the backend: .png (Qt picture at the paper's dot width), .pdf (one Qt page
the paper's width), .bin (the exact ESC/POS bytes for the default thermal profile: 80 or 58 mm,
GB18030 Chinese mode, native QR). Paper 105 means the A6 table tent (PNG/PDF only).
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.documents.demos import DEMO_DOCUMENTS, TEMPLATE_NAMES
from desktop.documents.document import Document
from desktop.documents.layouts import paper_for
from desktop.printing.escpos_backend import PrinterConfig, render_escpos_bytes

__all__ = ["DEMO_DOCUMENTS", "TEMPLATE_NAMES", "render_document", "render_template"]
SUFFIXES = (".png", ".pdf", ".bin")


def render_template(template_name: str, out: Path, *, paper_mm: int = 80) -> None:
    """Write the demo of `template_name` to `out`; checks everything before writing anything."""
    build = DEMO_DOCUMENTS.get(template_name)
    if build is None:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Unknown template “{name}”; choose one of {names}"),
            name=template_name,
            names=", ".join(TEMPLATE_NAMES),
        )
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Cannot write “{suffix}” files; use .png, .pdf or .bin"),
            suffix=out.suffix or out.name,
        )
    render_document(build(), out, paper_mm=paper_mm)


def render_document(document: Document, out: Path, *, paper_mm: int = 80) -> None:
    """Write any document to a .png, .pdf or .bin file."""
    paper = paper_for(paper_mm)
    suffix = out.suffix.lower()
    if suffix == ".bin":
        if not paper.is_thermal:
            raise UserError(QT_TRANSLATE_NOOP("errors", "ESC/POS output is for 58 or 80 mm thermal paper"))
        config = PrinterConfig("default", host="localhost", paper_mm=paper_mm)
        _write_bytes(out, render_escpos_bytes(document, config))
        return
    from desktop.printing import qt_backend  # Qt only when a picture is asked for

    qt_backend.ensure_gui_application()
    if suffix == ".png":
        qt_backend.save_png(document, paper, out)
    elif suffix == ".pdf":
        qt_backend.save_pdf(document, paper, out)
    else:
        raise UserError(QT_TRANSLATE_NOOP("errors", "Cannot write “{suffix}” files; use .png, .pdf or .bin"), suffix=suffix)


def _write_bytes(out: Path, payload: bytes) -> None:
    try:
        out.write_bytes(payload)
    except OSError as error:
        raise UserError(
            QT_TRANSLATE_NOOP("errors", "Could not write {path}: {reason}"), path=str(out), reason=error.strerror or str(error)
        ) from error
