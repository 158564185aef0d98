"""Templates: reprint marks, money formatting, and refusal of inconsistent data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.errors import ValidationError
from desktop.documents import templates as t
from desktop.documents.document import plain_text


def test_a_reprint_is_marked_copy_at_top_and_bottom() -> None:
    original = plain_text(t.voucher_document(t.demo_voucher()), 48)
    copy = plain_text(t.voucher_document(replace(t.demo_voucher(), reprint=True)), 48).splitlines()
    assert "重印" not in original
    assert copy[0].strip() == copy[-1].strip() == t.REPRINT_MARK


def test_sale_receipt_totals_use_integer_fen() -> None:
    text = plain_text(t.sale_receipt_document(t.demo_sale_receipt()), 48)
    assert "￥204.00" in text and "-￥12.00" in text and "￥192.00" in text


def test_invite_shows_odds_commitment_and_disclosure() -> None:
    data = replace(t.demo_invite(), group_size=3, winners=1, leader_in_draw=True)
    text = plain_text(t.invite_document(data), 80)
    assert "1/3 (33.3%)" in text and data.commitment in text and "奖品" in text


@pytest.mark.parametrize(
    "build",
    [
        lambda: t.invite_document(replace(t.demo_invite(), winners=5, leader_in_draw=False)),
        lambda: t.invite_document(replace(t.demo_invite(), winners=0)),
        lambda: t.sale_receipt_document(replace(t.demo_sale_receipt(), coins_value_fen=999_999)),
        lambda: t.sale_receipt_document(replace(t.demo_sale_receipt(), items=())),
        lambda: t.sale_receipt_document(replace(t.demo_sale_receipt(), items=(t.SaleItem("x", -1, 100),))),
        lambda: t.draw_slip_document(replace(t.demo_draw_slip(), winners=())),
    ],
)
def test_inconsistent_data_is_refused(build: object) -> None:
    with pytest.raises(ValidationError):
        build()  # type: ignore[operator]
