"""The demo of every template, by the name `pinshang render TEMPLATE --demo` takes."""

from __future__ import annotations

from collections.abc import Callable

from desktop.documents import slips
from desktop.documents import templates as t
from desktop.documents.document import Document

DEMO_DOCUMENTS: dict[str, Callable[[], Document]] = {
    "invite": lambda: t.invite_document(t.demo_invite()),
    "voucher": lambda: t.voucher_document(t.demo_voucher()),
    "draw-slip": lambda: t.draw_slip_document(t.demo_draw_slip()),
    "redemption-receipt": lambda: t.redemption_receipt_document(t.demo_redemption()),
    "sale-receipt": lambda: t.sale_receipt_document(t.demo_sale_receipt()),
    "deposit-slip": lambda: slips.deposit_slip_document(slips.demo_deposit_slip()),
    "refund-slip": lambda: slips.refund_slip_document(slips.demo_refund_slip()),
}
TEMPLATE_NAMES = tuple(DEMO_DOCUMENTS)
