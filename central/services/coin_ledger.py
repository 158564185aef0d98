"""The coin ledger: double entry with two-phase (pending/post/void) transfers.

Every movement is a `coin_transfers` row from a debit to a credit account, so the journal
sums to zero; `coin_balances` carries the running balance of each account, updated in the same
transaction under a row lock. A member's available coins (posted minus reserved) can never go
below zero: checked here with a clear error and enforced again by a CHECK constraint.
Accounts: "member:<id>", "merchant:<id>" (coins accepted, settled later), "issuer:platform".
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.models import CoinBalance, CoinTransfer
from desktop.core.ledger import Kind, Transfer

ISSUER = "issuer:platform"


def member_account(member_id: str) -> str:
    return f"member:{member_id}"


def merchant_account(merchant_id: str) -> str:
    return f"merchant:{merchant_id}"


class InsufficientCoins(ApiError):
    def __init__(self, account: str, available: int, wanted: int) -> None:
        super().__init__(409, "insufficient_coins",
                         f"{account} has {available} coins available, {wanted} needed",
                         available=available)


def _locked_balance(session: Session, account: str) -> CoinBalance:
    row = session.execute(
        select(CoinBalance).where(CoinBalance.account == account).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        row = CoinBalance(account=account, posted=0, reserved=0, may_go_negative=may_go_negative(account))
        session.add(row)
    elif row.may_go_negative != may_go_negative(account):  # a merchant row made before the rule
        row.may_go_negative = may_go_negative(account)
    return row


def may_go_negative(account: str) -> bool:
    """The issuer, and merchants: a merchant's coin account is its running balance with the
    platform (credited by the coins its counters capture, debited by the consolation coins its
    deals grant); below zero, the merchant owes the platform. Members never go negative."""
    return account == ISSUER or account.startswith("merchant:")


def _spend_check(balance: CoinBalance, amount: int) -> None:
    available = balance.posted - balance.reserved
    if not balance.may_go_negative and available < amount:
        raise InsufficientCoins(balance.account, available, amount)


def _record(session: Session, transfer: Transfer, now: datetime) -> None:
    session.add(CoinTransfer(
        id=transfer.id, debit=transfer.debit, credit=transfer.credit, amount=transfer.amount,
        kind=transfer.kind.value, pending_id=transfer.pending_id, ref=transfer.ref, created_at=now,
    ))


def move(session: Session, debit: str, credit: str, amount: int, ref: str, now: datetime) -> str:
    """A plain (immediately posted) transfer; returns its id."""
    transfer = Transfer(uuid.uuid4().hex, debit, credit, amount, ref=ref)
    source = _locked_balance(session, debit)
    _spend_check(source, amount)
    source.posted -= amount
    _locked_balance(session, credit).posted += amount
    _record(session, transfer, now)
    session.flush()
    return transfer.id


def reserve(session: Session, debit: str, credit: str, amount: int, ref: str, now: datetime) -> str:
    """A pending transfer: the coins stay the member's but cannot be spent elsewhere."""
    transfer = Transfer(uuid.uuid4().hex, debit, credit, amount, kind=Kind.PENDING, ref=ref)
    source = _locked_balance(session, debit)
    _spend_check(source, amount)
    source.reserved += amount
    _record(session, transfer, now)
    session.flush()
    return transfer.id


def post(session: Session, pending_id: str, amount: int, ref: str, now: datetime) -> str:
    """Capture up to the reserved amount; the remainder is released in the same step."""
    pending = _open_pending(session, pending_id)
    if amount > pending.amount:
        raise ApiError(409, "beyond_authorization",
                       f"capture of {amount} exceeds the {pending.amount} reserved")
    transfer = Transfer(uuid.uuid4().hex, pending.debit, pending.credit, amount,
                        kind=Kind.POST_PENDING, pending_id=pending_id, ref=ref)
    source = _locked_balance(session, pending.debit)
    source.reserved -= pending.amount
    source.posted -= amount
    _locked_balance(session, pending.credit).posted += amount
    _record(session, transfer, now)
    session.flush()
    return transfer.id


def void(session: Session, pending_id: str, ref: str, now: datetime) -> str:
    pending = _open_pending(session, pending_id)
    transfer = Transfer(uuid.uuid4().hex, pending.debit, pending.credit, pending.amount,
                        kind=Kind.VOID_PENDING, pending_id=pending_id, ref=ref)
    _locked_balance(session, pending.debit).reserved -= pending.amount
    _record(session, transfer, now)
    session.flush()
    return transfer.id


def _open_pending(session: Session, pending_id: str) -> CoinTransfer:
    pending = session.get(CoinTransfer, pending_id)
    if pending is None or pending.kind != Kind.PENDING.value:
        raise ApiError(404, "not_found", f"no pending coin transfer {pending_id}")
    resolved = session.execute(
        select(CoinTransfer.id).where(CoinTransfer.pending_id == pending_id)
    ).first()
    if resolved is not None:
        raise ApiError(409, "already_resolved", "the reservation was already captured or released")
    return pending


def available(session: Session, account: str) -> int:
    row = session.get(CoinBalance, account)
    return 0 if row is None else row.posted - row.reserved
