"""Reads of sales shared by checkout, refunds, the sales history and the receipts: a sale with
its lines, tenders and refunds; the history with its filters; what is left to refund."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.store.models import MenuItem
from desktop.store.sale_models import (
    ReceiptCounter,
    Sale,
    SaleLineRow,
    SaleRefund,
    SaleRefundLine,
    SaleRefundTender,
    SaleTenderRow,
)


@dataclass(frozen=True)
class SaleRecord:
    sale: Sale
    lines: list[SaleLineRow]
    tenders: list[SaleTenderRow]
    refunds: list[SaleRefund]

    @property
    def voided(self) -> bool:
        return any(r.kind == "void" for r in self.refunds)

    @property
    def refunded_fen(self) -> int:
        return sum(r.total_fen for r in self.refunds)

    @property
    def coins_returned(self) -> int:
        return sum(r.coins_returned for r in self.refunds)


@dataclass(frozen=True)
class HistoryFilter:
    since: str | None = None  # ISO time, inclusive
    until: str | None = None  # ISO time, exclusive
    member: str = ""  # member id, or part of the member's label
    tender: str = ""  # a tender kind
    coins_only: bool = False
    voided: bool | None = None  # True: only voided, False: only not voided
    receipt_no: str = ""
    limit: int = 200


def next_number(session: Session, series: str) -> int:
    """The next number of a series, in the caller's transaction (no gap if it rolls back)."""
    statement = sqlite_insert(ReceiptCounter).values(series=series, last_no=1)
    statement = statement.on_conflict_do_update(index_elements=[ReceiptCounter.series],
                                                set_={"last_no": ReceiptCounter.last_no + 1})
    return int(session.execute(statement.returning(ReceiptCounter.last_no)).scalar_one())


def sale_record(session: Session, sale_id: str) -> SaleRecord | None:
    sale = session.get(Sale, sale_id)
    if sale is None:
        return None
    lines = list(session.scalars(select(SaleLineRow).where(SaleLineRow.sale_id == sale_id)
                                 .order_by(SaleLineRow.line_no)))
    tenders = list(session.scalars(select(SaleTenderRow).where(SaleTenderRow.sale_id == sale_id)
                                   .order_by(SaleTenderRow.position)))
    refunds = list(session.scalars(select(SaleRefund).where(SaleRefund.sale_id == sale_id)
                                   .order_by(SaleRefund.at, SaleRefund.refund_no)))
    return SaleRecord(sale, lines, tenders, refunds)


def sale_by_receipt(session: Session, receipt_no: str) -> Sale | None:
    return session.scalar(select(Sale).where(Sale.receipt_no == receipt_no.strip().upper()))


def refunded_quantities(session: Session, sale_id: str) -> dict[int, int]:
    """line_no -> quantity refunded so far (voids included)."""
    rows = session.execute(
        select(SaleRefundLine.line_no, func.sum(SaleRefundLine.quantity))
        .join(SaleRefund, SaleRefund.id == SaleRefundLine.refund_id)
        .where(SaleRefund.sale_id == sale_id).group_by(SaleRefundLine.line_no))
    return {int(line_no): int(qty) for line_no, qty in rows}


def refunded_line_fen(session: Session, sale_id: str) -> dict[int, int]:
    """line_no -> fen refunded so far."""
    rows = session.execute(
        select(SaleRefundLine.line_no, func.sum(SaleRefundLine.amount_fen))
        .join(SaleRefund, SaleRefund.id == SaleRefundLine.refund_id)
        .where(SaleRefund.sale_id == sale_id).group_by(SaleRefundLine.line_no))
    return {int(line_no): int(fen) for line_no, fen in rows}


def refunded_tenders(session: Session, sale_id: str) -> dict[str, int]:
    """tender kind -> fen refunded so far."""
    totals: dict[str, int] = defaultdict(int)
    rows = session.execute(
        select(SaleRefundTender.kind, SaleRefundTender.amount_fen)
        .join(SaleRefund, SaleRefund.id == SaleRefundTender.refund_id).where(SaleRefund.sale_id == sale_id))
    for kind, amount in rows:
        totals[str(kind)] += int(amount)
    return dict(totals)


def history(session: Session, wanted: HistoryFilter) -> list[SaleRecord]:
    """Sales newest first, with their lines, tenders and refunds."""
    query = select(Sale)
    if wanted.since:
        query = query.where(Sale.sold_at >= wanted.since)
    if wanted.until:
        query = query.where(Sale.sold_at < wanted.until)
    if wanted.member:
        like = f"%{wanted.member}%"
        query = query.where((Sale.member_id == wanted.member) | Sale.member_label.like(like))
    if wanted.tender:
        query = query.where(exists().where(SaleTenderRow.sale_id == Sale.id, SaleTenderRow.kind == wanted.tender))
    if wanted.coins_only:
        query = query.where(Sale.coins > 0)
    is_void = exists().where(SaleRefund.sale_id == Sale.id, SaleRefund.kind == "void")
    if wanted.voided is True:
        query = query.where(is_void)
    elif wanted.voided is False:
        query = query.where(~is_void)
    if wanted.receipt_no:
        query = query.where(Sale.receipt_no == wanted.receipt_no.strip().upper())
    sales = list(session.scalars(query.order_by(Sale.sold_at.desc(), Sale.receipt_no.desc()).limit(wanted.limit)))
    return [_with_rows(session, sale) for sale in sales]


def _with_rows(session: Session, sale: Sale) -> SaleRecord:
    record = sale_record(session, sale.id)
    assert record is not None
    return record


def sellable_items(session: Session) -> list[MenuItem]:
    """The items on sale, by category and name (the order screen's buttons)."""
    return list(session.scalars(select(MenuItem).where(MenuItem.active.is_(True))
                                .order_by(MenuItem.category, MenuItem.name)))


def item_by_code(session: Session, code: str) -> MenuItem | None:
    """The active item with this barcode or SKU."""
    cleaned = code.strip()
    if not cleaned:
        return None
    return session.scalar(select(MenuItem).where(
        MenuItem.active.is_(True), (MenuItem.barcode == cleaned) | (MenuItem.sku == cleaned)))
