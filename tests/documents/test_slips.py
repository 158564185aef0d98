"""The deposit slip and the refund/consolation slip: what they say, at 58 and 80 mm, as the
Qt backend draws them (no QR on either: zxing-cpp finds none), and the 重印/COPY mark."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice

from desktop.core.errors import ValidationError
from desktop.documents import slips
from desktop.documents.document import Document, QrBlock, plain_text
from desktop.documents.layouts import PAPER_58, PAPER_80, PaperProfile
from desktop.documents.templates import REPRINT_MARK
from desktop.printing import qt_backend

SLIPS = {
    "deposit": lambda **kw: slips.deposit_slip_document(replace(slips.demo_deposit_slip(), **kw)),
    "refund": lambda **kw: slips.refund_slip_document(replace(slips.demo_refund_slip(), **kw)),
}


def _picture(document: Document, paper: PaperProfile) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    qt_backend.render_image(document, paper).save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("L")


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("paper", [PAPER_58, PAPER_80], ids=["58mm", "80mm"])
@pytest.mark.parametrize("name", sorted(SLIPS))
def test_each_slip_renders_at_both_widths_and_its_qr_codes_decode(name: str, paper: PaperProfile) -> None:
    document = SLIPS[name]()
    picture = _picture(document, paper)
    assert picture.width == paper.dot_width and picture.height > 20 * paper.line_height
    payloads = [b.payload for b in document.blocks if isinstance(b, QrBlock)]
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == payloads
    assert all(len(line) <= paper.columns * 2 for line in plain_text(document, paper.columns).splitlines())


@pytest.mark.parametrize("columns", [32, 48])
def test_the_deposit_slip_gives_the_entry_id_seat_deposit_commitment_and_how_to_check(columns: int) -> None:
    data = slips.demo_deposit_slip()
    text = plain_text(slips.deposit_slip_document(data), columns)
    for wanted in (data.entry_id, "E4 / 5", "138****5678", "￥98.00", "银行卡 Card", data.group_id,
                   "pinshang-draw-v1", "verify-draw", "押金 Deposit"):
        assert wanted in text, wanted
    assert data.commitment in text.replace("\n", "")
    assert "13812345678" not in text


@pytest.mark.parametrize("columns", [32, 48])
def test_a_losers_slip_says_deposit_consolation_and_coins_and_the_cash_to_hand_now(columns: int) -> None:
    text = plain_text(SLIPS["refund"](), columns)
    assert "退押金 Deposit back" in text and "￥98.00" in text and "现金当场退还 Cash back now" in text
    assert "￥5.00" in text and "购物币 Coins" in text and " 50" in text
    assert "￥103.00" in text  # 98 back in cash + 5 consolation


def test_a_card_refund_is_a_refund_to_do_and_not_cash_now() -> None:
    text = plain_text(SLIPS["refund"](tender="card"), 32)
    assert "刷卡退款(待办) Card refund to do" in text
    cash_now = next(line for line in text.splitlines() if "Cash now" in line)
    assert cash_now.endswith("￥5.00")
    assert "待刷卡退 Card to do" in text


def test_a_cancelled_groups_slip_says_so_and_has_no_consolation() -> None:
    text = plain_text(SLIPS["refund"](reason=slips.SlipReason.CANCELLED, consolation_fen=0, coins=0), 48)
    assert "拼团已取消 Group cancelled" in text and "安慰金" not in text and "购物币" not in text


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_a_reprint_is_marked_copy_at_the_top_and_the_bottom(name: str) -> None:
    assert REPRINT_MARK not in plain_text(SLIPS[name](), 48)
    lines = plain_text(SLIPS[name](reprint=True), 48).splitlines()
    assert lines[0].strip() == lines[-1].strip() == REPRINT_MARK


@pytest.mark.parametrize("build", [
    lambda: SLIPS["deposit"](position=6),
    lambda: SLIPS["deposit"](deposit_fen=-1),
    lambda: SLIPS["refund"](coins=-5),
    lambda: SLIPS["refund"](refund_fen=-100),
])
def test_inconsistent_slips_are_refused(build: object) -> None:
    with pytest.raises(ValidationError):
        build()  # type: ignore[operator]
