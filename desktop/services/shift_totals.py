"""The totals of a shift as the X and Z reports show them, read from the ledger and the
redemptions inside the caller's transaction (no rule of its own: desktop.core.drawer).

`shift_totals` returns a plain JSON-able dict: the Z report stores exactly this as its
immutable snapshot, and the report template, the screens and `pinshang report` read it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.drawer import (
    DRAWER_LINES,
    drawer_delta,
    drawer_line,
    expected_cash,
    tender_of_account,
)
from desktop.core.ledger import Accounts, Kind
from desktop.services.deal_ledger import to_transfer
from desktop.store.deal_models import Redemption
from desktop.store.models import LedgerTransfer
from desktop.store.sale_models import Sale, SaleRefund, SaleTenderRow
from desktop.store.shift_models import CashMovement, RedemptionReversal, Shift
from desktop.store.shift_queries import drawer_rows, shift_rows


def shift_totals(session: Session, shift: Shift, now_iso: str) -> dict[str, Any]:
    drawer = [to_transfer(row) for row in drawer_rows(session, shift.id)]
    lines: dict[str, list[int]] = {key: [0, 0] for key in DRAWER_LINES}
    for t in drawer:
        line = lines[drawer_line(t)]
        line[0] += 1
        line[1] += drawer_delta(t)
    until = shift.closed_at or now_iso
    return {
        "shift_id": shift.id, "terminal": shift.terminal,
        "opened_at": shift.opened_at, "opened_by": shift.opened_by, "cashier": shift.cashier,
        "closed_at": shift.closed_at, "closed_by": shift.closed_by, "generated_at": now_iso,
        "float_fen": shift.float_fen, "float_counts": json.loads(shift.float_counts),
        "drawer": [{"line": key, "count": n, "fen": fen} for key, (n, fen) in lines.items() if n],
        "expected_fen": expected_cash(shift.float_fen, (drawer_delta(t) for t in drawer)),
        "tenders": _tenders(session, shift.id),
        "sales": _sales(session, shift.id),
        "sales_by_tender": _sales_by_tender(session, shift.id),
        "coins": _coins(session, shift.id),
        "refunds": _refunds(session, shift.id, "refund"), "voids": _refunds(session, shift.id, "void"),
        "cash_moves": _cash_moves(session, shift.id),
        "vouchers_redeemed": _redeemed(session, shift, until),
        "redemptions_reversed": _reversed(session, shift, until),
        "deposits_taken_fen": lines["deposit"][1], "deposits_returned_fen": -lines["deposit_refund"][1],
        "deposits_held_fen": deposits_held_fen(session),
        "consolation_paid_fen": -lines["consolation"][1],
    }


def _tenders(session: Session, shift_id: int) -> dict[str, int]:
    """Net money taken per tender in the shift: sales, deposits, refunds and payouts (cash in
    and out are not a tender: they are the drawer's own lines)."""
    by: dict[str, int] = defaultdict(int)
    for row in shift_rows(session, shift_id):
        t = to_transfer(row)
        if t.kind not in (Kind.PLAIN, Kind.POST_PENDING) or t.ref.startswith(("cash_in:", "cash_out:")):
            continue
        debit, credit = tender_of_account(t.debit), tender_of_account(t.credit)
        if debit is not None:
            by[debit] += t.amount
        if credit is not None:
            by[credit] -= t.amount
    return dict(sorted(by.items()))


def _sales(session: Session, shift_id: int) -> dict[str, int]:
    """The shift's completed sales (what the tenders paid, after coins): count, total, average
    (half-up to the fen)."""
    count, fen = session.execute(select(func.count(), func.coalesce(func.sum(Sale.total_fen), 0))
                                 .where(Sale.shift_id == str(shift_id))).one()
    count, fen = int(count), int(fen)
    return {"count": count, "fen": fen, "average_fen": (fen + count // 2) // count if count else 0}


def _sales_by_tender(session: Session, shift_id: int) -> dict[str, int]:
    """What paid the shift's sales, per tender, cash less the change given: the figures add up
    to the sales total exactly (deposits, payouts and cash in / out are the drawer's lines)."""
    by: dict[str, int] = defaultdict(int)
    rows = session.execute(select(SaleTenderRow.kind, func.sum(SaleTenderRow.amount_fen))
                           .join(Sale, Sale.id == SaleTenderRow.sale_id)
                           .where(Sale.shift_id == str(shift_id)).group_by(SaleTenderRow.kind))
    for kind, fen in rows:
        by[str(kind)] += int(fen)
    change = session.scalar(select(func.coalesce(func.sum(Sale.change_fen), 0))
                            .where(Sale.shift_id == str(shift_id))) or 0
    if change:
        by["cash"] -= int(change)
    return dict(sorted(by.items()))


def _coins(session: Session, shift_id: int) -> dict[str, int]:
    """Coin discounts given in the shift: sales that took coins, the coins, their value."""
    n, coins, fen = session.execute(select(
        func.count(), func.coalesce(func.sum(Sale.coins), 0), func.coalesce(func.sum(Sale.coin_fen), 0))
        .where(Sale.shift_id == str(shift_id), Sale.coins > 0)).one()
    return {"count": int(n), "coins": int(coins), "fen": int(fen)}


def _refunds(session: Session, shift_id: int, kind: str) -> list[dict[str, Any]]:
    """The shift's refunds or voids, with who made and who approved them."""
    rows = session.execute(select(SaleRefund, Sale.receipt_no).join(Sale, Sale.id == SaleRefund.sale_id)
                           .where(SaleRefund.shift_id == str(shift_id), SaleRefund.kind == kind)
                           .order_by(SaleRefund.at))
    return [{"refund_no": r.refund_no, "receipt_no": receipt, "fen": r.total_fen, "coins": r.coins_returned,
             "cashier": r.cashier, "approver": r.approved_by, "reason": r.reason, "at": r.at}
            for r, receipt in rows]


def _cash_moves(session: Session, shift_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(select(CashMovement).where(CashMovement.shift_id == shift_id)
                           .order_by(CashMovement.id))
    return [{"direction": m.direction, "fen": m.amount_fen, "reason": m.reason, "staff": m.staff,
             "approver": m.approver, "at": m.at} for m in rows]


def _redeemed(session: Session, shift: Shift, until: str) -> int:
    return session.scalar(select(func.count()).select_from(Redemption).where(
        Redemption.terminal == shift.terminal, Redemption.redeemed_at >= shift.opened_at,
        Redemption.redeemed_at <= until)) or 0


def _reversed(session: Session, shift: Shift, until: str) -> int:
    return session.scalar(select(func.count()).select_from(RedemptionReversal).where(
        RedemptionReversal.reversed_at >= shift.opened_at, RedemptionReversal.reversed_at <= until)) or 0


def deposits_held_fen(session: Session) -> int:
    """Deposits held now, store-wide: the pending holds not yet posted or voided."""
    resolved = select(LedgerTransfer.pending_id).where(LedgerTransfer.pending_id.is_not(None))
    return session.scalar(select(func.coalesce(func.sum(LedgerTransfer.amount), 0)).where(
        LedgerTransfer.kind == Kind.PENDING.value, LedgerTransfer.credit == Accounts.DEPOSITS_HELD,
        LedgerTransfer.id.not_in(resolved))) or 0
