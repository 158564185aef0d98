"""The kinds of printed document: each kind is routed to one printer (Printers screen)."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    INVITE = "invite"
    VOUCHER = "voucher"
    DRAW_SLIP = "draw_slip"
    REDEMPTION_RECEIPT = "redemption_receipt"
    SALE_RECEIPT = "sale_receipt"
    DEPOSIT_SLIP = "deposit_slip"
    REFUND_SLIP = "refund_slip"
    TEST_PAGE = "test_page"
    SHIFT_REPORT = "shift_report"  # X and Z reports


DOCUMENT_KINDS: tuple[str, ...] = tuple(kind.value for kind in DocumentKind)
