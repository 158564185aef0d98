"""What a sale's receipt and a refund's receipt show, from the store (the template's
SaleReceiptData): the lines, the discounts, the coins line, the tenders and the change, the
member masked, the store's lines and the platform's line. Times are printed in local time."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.core.checkout import CASH
from desktop.core.clock import from_iso
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.documents.templates import SaleItem, SaleReceiptData
from desktop.services.base import ServiceBase
from desktop.services.settings import STORE_NAME
from desktop.store.models import Setting
from desktop.store.sale_models import SaleRefund, SaleRefundLine, SaleRefundTender
from desktop.store.sale_queries import SaleRecord, sale_record

RECEIPT_LINES = "receipt.store_lines"  # the store's own lines, one per line of the setting
TENDER_LABELS = {"cash": "现金 Cash", "card": "银行卡 Card", "wechat": "微信支付 WeChat Pay",
                 "alipay": "支付宝 Alipay"}
PLATFORM_LINE = "购物币由品尚平台结算 Coins settled by the Pinshang platform"


def tender_label(kind: str) -> str:
    return TENDER_LABELS.get(kind, kind)


def _setting(s: Session, key: str) -> str:
    row = s.get(Setting, key)
    return row.value if row else ""


def _store_lines(s: Session) -> tuple[str, ...]:
    return tuple(line for line in _setting(s, RECEIPT_LINES).splitlines() if line.strip())


class SaleReceiptService(ServiceBase):
    def sale_receipt(self, sale_id: str, *, reprint: bool = False) -> SaleReceiptData:
        with self.db.read() as s:
            record = sale_record(s, sale_id)
            if record is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "No such sale"))
            return _sale_data(s, record, reprint)

    def refund_receipt(self, refund_id: str, *, reprint: bool = False) -> SaleReceiptData:
        with self.db.read() as s:
            refund = s.get(SaleRefund, refund_id)
            record = sale_record(s, refund.sale_id) if refund else None
            if refund is None or record is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "No such refund"))
            return _refund_data(s, record, refund, reprint)


def _sale_data(s: Session, record: SaleRecord, reprint: bool) -> SaleReceiptData:
    sale = record.sale
    items = tuple(SaleItem(line.name, line.quantity, line.unit_price_fen, line.discount_fen) for line in record.lines)
    return SaleReceiptData(
        store_name=_setting(s, STORE_NAME), sale_no=sale.receipt_no,
        sold_at=from_iso(sale.sold_at).astimezone().replace(tzinfo=None), cashier=sale.cashier,
        items=items, coins_used=sale.coins, coins_value_fen=sale.coin_fen, reprint=reprint,
        bill_discount_fen=sale.bill_discount_fen, rounding_fen=sale.rounding_fen,
        tenders=tuple((tender_label(t.kind) + (f" {t.reference}" if t.reference else ""), t.amount_fen)
                      for t in record.tenders),
        change_fen=sale.change_fen, member=sale.member_label, store_lines=_store_lines(s),
        platform_lines=(PLATFORM_LINE,) if sale.coins else (),
        open_drawer=any(t.kind == CASH for t in record.tenders))


def _refund_data(s: Session, record: SaleRecord, refund: SaleRefund, reprint: bool) -> SaleReceiptData:
    from sqlalchemy import select

    lines = {line.line_no: line for line in record.lines}
    rows = s.scalars(select(SaleRefundLine).where(SaleRefundLine.refund_id == refund.id)
                     .order_by(SaleRefundLine.line_no))
    items = []
    for row in rows:
        line = lines[row.line_no]
        gross = row.quantity * line.unit_price_fen
        items.append(SaleItem(line.name, row.quantity, line.unit_price_fen, max(0, gross - row.amount_fen)))
    tenders = list(s.scalars(select(SaleRefundTender).where(SaleRefundTender.refund_id == refund.id)
                             .order_by(SaleRefundTender.position)))
    subtotal = sum(item.line_fen for item in items)
    rest = subtotal - refund.coin_fen_returned - refund.total_fen  # the bill discount's share
    title = "作废单 Void" if refund.kind == "void" else "退款单 Refund"
    return SaleReceiptData(
        store_name=_setting(s, STORE_NAME), sale_no=f"{refund.refund_no} ← {record.sale.receipt_no}",
        sold_at=from_iso(refund.at).astimezone().replace(tzinfo=None), cashier=refund.cashier,
        items=tuple(items), coins_used=refund.coins_returned, coins_value_fen=refund.coin_fen_returned,
        reprint=reprint, bill_discount_fen=max(rest, 0), rounding_fen=min(-rest, 0) if rest < 0 else 0,
        tenders=tuple(("退 " + tender_label(t.kind), t.amount_fen) for t in tenders),
        member=record.sale.member_label, store_lines=(f"原因 Reason: {refund.reason}",),
        platform_lines=("购物币已退回会员 Coins returned to the member",) if refund.coins_returned else (),
        title=title, open_drawer=any(t.kind == CASH for t in tenders))
