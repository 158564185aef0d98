"""The rows of a completed sale, written inside the checkout's one transaction: the sale, its
lines and tenders, the coins (an offline authorization recorded once, with its coins.captured
op; an online capture tied to the sale), the ledger transfers, the sale.completed op and the
audit record (docs/checkout.md)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from desktop.core.checkout import CASH, BillTotals, Tender, TenderOutcome
from desktop.core.commission import SaleAmounts
from desktop.core.ledger import Accounts, Kind, Transfer, Unit
from desktop.core.ops import OpKind
from desktop.services.base import Transaction
from desktop.services.checkout_order import Order
from desktop.store.raw_write import sqlite_of
from desktop.store.sale_models import CoinCapture
from desktop.store.sale_sql import (
    insert_accepted_token,
    insert_sale,
    insert_transfers,
    next_number_raw,
)

SALE_SERIES = "sale"


@dataclass(frozen=True)
class CompletedSale:
    sale_id: str
    receipt_no: str
    total_fen: int
    change_fen: int
    coins: int
    coin_fen: int


def tender_account(kind: str) -> str:
    """Where a non-cash tender's money is owed from (the card acquirer, WeChat Pay, ...)."""
    return Accounts.DRAWER if kind == CASH else f"asset:tender:{kind}"


def receipt_number(series: str, number: int) -> str:
    return f"{'S' if series == SALE_SERIES else 'R'}{number:06d}"


def add_transfer(session: Session, debit: str, credit: str, amount: int, ref: str, at: str) -> None:
    add_transfers(session, [(debit, credit, amount, ref)], at)


def add_transfers(session: Session, moves: Sequence[tuple[str, str, int, str]], at: str) -> None:
    """Plain fen transfers (debit, credit, amount, ref); amounts of 0 are left out."""
    rows = []
    for debit, credit, amount, ref in moves:
        if amount <= 0:
            continue
        transfer = Transfer(uuid.uuid4().hex, debit, credit, amount, Kind.PLAIN, Unit.FEN, ref=ref)
        rows.append(dict(id=transfer.id, debit=transfer.debit, credit=transfer.credit, amount=transfer.amount,
                         kind=transfer.kind.value, unit=transfer.unit.value, pending_id=None, ref=ref,
                         created_at=at))
    if rows:
        insert_transfers(sqlite_of(session), rows)


def write_sale(tx: Transaction, order: Order, tenders: Sequence[Tender], totals: BillTotals,
               outcome: TenderOutcome, schedule_version: int | None, amounts: SaleAmounts | None, *,
               capture_key: str | None, approved_by: str) -> CompletedSale:
    s, at = tx.session, tx.now_iso
    conn = sqlite_of(s)
    sale_id = uuid.uuid4().hex
    receipt_no = receipt_number(SALE_SERIES, next_number_raw(conn, SALE_SERIES))
    member = order.member
    token_id = member.token_id if member and member.token_text and totals.coins else None
    shares = amounts or SaleAmounts()
    insert_sale(conn, dict(
        id=sale_id, receipt_no=receipt_no, sold_at=at, cashier=tx.actor.label, staff_id=tx.actor.staff_id,
        shift_id="", member_id=member.member_id if member else None, member_label=member.label if member else "",
        gross_fen=totals.gross_fen, line_discount_fen=totals.line_discount_fen,
        bill_discount_fen=totals.bill_discount_fen, base_fen=totals.base_fen, coins=totals.coins,
        coin_fen=totals.coin_fen, coin_capture_key=capture_key, coin_token_id=token_id,
        rounding_fen=totals.rounding_fen, total_fen=totals.payable_fen, change_fen=outcome.change_fen,
        schedule_version=schedule_version, coin_reimbursement_fen=shares.coin_reimbursement_fen,
        turnover_commission_fen=shares.turnover_commission_fen, alliance_share_fen=shares.alliance_share_fen,
        home_merchant_id=shares.home_merchant_id, approved_by=approved_by),
        [dict(sale_id=sale_id, line_no=n, item_id=line.item_id, price_version=line.price_version, name=line.name,
              quantity=line.quantity, unit_price_fen=line.unit_price_fen, discount_fen=line.discount_fen,
              amount_fen=line.amount_fen, voucher_id=line.voucher_id) for n, line in enumerate(order.lines, start=1)],
        [dict(sale_id=sale_id, position=n, kind=t.kind, amount_fen=t.amount_fen, reference=t.reference[:200])
         for n, t in enumerate(tenders, start=1)])
    _coins(tx, order, totals, sale_id, capture_key, token_id)
    _ledger(s, tenders, totals, outcome, sale_id, at)
    payload = {
        "sale_id": sale_id, "total_fen": totals.payable_fen, "coins": totals.coins, "coin_fen": totals.coin_fen,
        "schedule_version": schedule_version, "receipt_no": receipt_no,
        "member_id": member.member_id if member else None, "base_fen": totals.base_fen,
        "bill_discount_fen": totals.bill_discount_fen, "rounding_fen": totals.rounding_fen,
        "lines": [{"line_no": n, "item_id": str(line.item_id) if line.item_id is not None else "",
                   "price_version": line.price_version, "name": line.name[:200], "quantity": line.quantity,
                   "unit_price_fen": line.unit_price_fen, "discount_fen": line.discount_fen,
                   "amount_fen": line.amount_fen, "voucher_id": line.voucher_id}
                  for n, line in enumerate(order.lines, start=1)],
        "tenders": [{"kind": t.kind, "amount_fen": t.amount_fen, "reference": t.reference[:200]} for t in tenders],
        "change_fen": outcome.change_fen, "coin_capture_key": capture_key, "coin_token_id": token_id,
        "amounts": asdict(amounts) if amounts else None, "shift_id": "", "cashier": tx.actor.label[:200], "at": at,
    }
    tx.emit(OpKind.SALE_COMPLETED, payload)
    tx.audit("sale.completed", sale_id=sale_id, receipt_no=receipt_no, total_fen=totals.payable_fen,
             coins=totals.coins, member_id=member.member_id if member else "", approved_by=approved_by)
    return CompletedSale(sale_id, receipt_no, totals.payable_fen, outcome.change_fen, totals.coins, totals.coin_fen)


def _coins(tx: Transaction, order: Order, totals: BillTotals, sale_id: str, capture_key: str | None,
           token_id: str | None) -> None:
    member = order.member
    if not totals.coins or member is None:
        return
    s = tx.session
    if token_id is not None:  # UNIQUE token_id: a second use fails the whole sale (CheckoutService.complete)
        insert_accepted_token(sqlite_of(s), token_id, member.member_id, totals.coins, sale_id, tx.now_iso)
        tx.emit(OpKind.COINS_CAPTURED, {"at": tx.now_iso, "token_id": token_id, "member_id": member.member_id,
                                        "coins": totals.coins, "sale_id": sale_id, "token": member.token_text})
    elif capture_key is not None:
        row = s.get(CoinCapture, capture_key)
        assert row is not None  # checked by the service
        row.sale_id = sale_id


def _ledger(s: Session, tenders: Sequence[Tender], totals: BillTotals, outcome: TenderOutcome,
            sale_id: str, at: str) -> None:
    """Cash in (drawer <- sales) and change out (a transfer of its own), each other tender owed
    by its provider, the coins owed by the platform."""
    ref = f"sale:{sale_id}"
    cash = sum(t.amount_fen for t in tenders if t.kind == CASH)
    moves = [(Accounts.DRAWER, Accounts.SALES, cash, ref),
             (Accounts.SALES, Accounts.DRAWER, outcome.change_fen, f"{ref}:change")]
    moves += [(tender_account(t.kind), Accounts.SALES, t.amount_fen, ref) for t in tenders if t.kind != CASH]
    moves.append((Accounts.COINS_RECEIVABLE, Accounts.SALES, totals.coin_fen, ref))
    add_transfers(s, moves, at)
