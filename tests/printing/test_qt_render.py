"""Qt output: QR codes decode to their payload, Chinese is drawn, PDFs are one page wide as the paper."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QFontMetrics, QImage

from desktop.documents.document import Document, QrBlock, TextLine, char_width, layout
from desktop.documents.layouts import PAPER_58, PAPER_80, PAPER_A6, PaperProfile
from desktop.printing import qt_backend

pytestmark = pytest.mark.usefixtures("qapp")
CHINESE = "拼团中签"


def to_pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("L")


def qr_payloads(document: Document) -> list[str]:
    return [block.payload for block in document.blocks if isinstance(block, QrBlock)]


@pytest.mark.parametrize("paper", [PAPER_58, PAPER_80], ids=["58mm", "80mm"])
def test_every_template_png_has_a_qr_that_decodes_to_its_payload(
    paper: PaperProfile, demo_documents: dict[str, Document]
) -> None:
    for name, document in demo_documents.items():
        picture = to_pil(qt_backend.render_image(document, paper))
        assert picture.width == paper.dot_width, name
        decoded = [code.text for code in zxingcpp.read_barcodes(picture)]
        assert decoded == qr_payloads(document), name


def test_the_chosen_font_covers_every_character_of_every_template(demo_documents: dict[str, Document]) -> None:
    metrics = QFontMetrics(qt_backend.text_font(PAPER_80))
    for document in demo_documents.values():
        texts = "".join(block.text for block in document.blocks if isinstance(block, TextLine))
        missing = {char for char in texts if not char.isspace() and not metrics.inFontUcs4(ord(char))}
        assert not missing


def glyph_cells(text: str, paper: PaperProfile) -> list[Image.Image]:
    """The picture of each wide character of a one-line document, cell by cell."""
    picture = to_pil(qt_backend.render_image(Document("t", (TextLine(text),)), paper))
    span = 2 * paper.cell_width
    return [picture.crop((i * span, 0, (i + 1) * span, paper.line_height)) for i in range(len(text))]


def dark_pixels(cell: Image.Image) -> int:
    return sum(1 for value in cell.tobytes() if value < 128)


@pytest.mark.parametrize("paper", [PAPER_58, PAPER_80], ids=["58mm", "80mm"])
def test_chinese_glyphs_are_drawn_not_boxes_or_blanks(paper: PaperProfile) -> None:
    assert all(char_width(char) == 2 for char in CHINESE)
    cells = glyph_cells(CHINESE, paper)
    area = cells[0].width * cells[0].height
    assert all(area // 20 < dark_pixels(cell) < area // 2 for cell in cells)
    # tofu boxes are all alike; real glyphs of four different characters are not
    pictures = [cell.tobytes() for cell in cells]
    assert len(set(pictures)) == len(pictures)
    blank = glyph_cells("  ", paper)[0]
    assert dark_pixels(blank) == 0


def test_pdf_is_one_page_as_wide_as_the_paper(tmp_path: Path, demo_documents: dict[str, Document]) -> None:
    for paper in (PAPER_58, PAPER_80):
        out = tmp_path / f"invite_{paper.name}.pdf"
        qt_backend.save_pdf(demo_documents["invite"], paper, out)
        content = out.read_bytes()
        assert len(re.findall(rb"/Type\s*/Page\b", content)) == 1
        boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", content)
        assert len(boxes) == 1
        width_pt, height_pt = (float(value) for value in boxes[0])
        assert width_pt == pytest.approx(paper.width_mm * 72 / 25.4, abs=1.0)
        content_dots = qt_backend.content_height(layout(demo_documents["invite"], paper.columns), paper)
        assert height_pt == pytest.approx(content_dots / paper.dpi * 72, abs=1.0)  # not a letter page


def test_a6_pdf_is_an_a6_page(tmp_path: Path, demo_documents: dict[str, Document]) -> None:
    out = tmp_path / "poster.pdf"
    qt_backend.save_pdf(demo_documents["invite"], PAPER_A6, out)
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", out.read_bytes())
    assert box is not None
    assert float(box.group(1)) == pytest.approx(105 * 72 / 25.4, abs=1.0)
    assert float(box.group(2)) == pytest.approx(148 * 72 / 25.4, abs=1.0)


def test_a6_poster_qr_decodes(demo_documents: dict[str, Document]) -> None:
    picture = to_pil(qt_backend.render_image(demo_documents["voucher"], PAPER_A6))
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == qr_payloads(demo_documents["voucher"])


def test_a_printed_invite_carries_the_groups_join_token_in_a_qr_that_decodes(tmp_path: Path) -> None:
    from urllib.parse import parse_qs, urlparse

    from desktop.documents.templates import invite_document
    from desktop.services.print_data import JOIN_URL_BASE
    from desktop.store.deal_models import Group
    from tests.support.deal_flow import actor, cashier, launched_deal
    from tests.support.stores import open_services

    services = open_services(tmp_path)
    services.demo.seed()
    group_id = services.groups.open_group(cashier(services), launched_deal(services), "13800000001")
    services.settings.set(actor(services, "王店长"), JOIN_URL_BASE, "https://join.pinshang.example/")
    document = invite_document(services.print_data.invite(group_id))
    picture = to_pil(qt_backend.render_image(document, PAPER_80))
    [decoded] = [code.text for code in zxingcpp.read_barcodes(picture)]
    with services.db.read() as s:
        token = s.get(Group, group_id).join_token
    url = urlparse(decoded)
    assert (url.netloc, url.path, parse_qs(url.query)["t"]) == ("join.pinshang.example", f"/j/{group_id}", [token])
    services.close()
