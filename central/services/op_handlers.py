"""What each pushed op kind does on the platform (payloads in docs/sync-protocol.md).

A handler validates its payload, writes its effects and returns an `Outcome`; it raises
`OpRejected` (or ApiError) for an op that can never succeed, and the push service rolls the op's
savepoint back. Money-carrying kinds write one reconciliation line (`platform_lines`).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from central import db
from central.db import defer_insert
from central.errors import OpRejected
from central.models import (
    JoinRequest,
    Member,
    Merchant,
    PlatformLine,
    SettlementSale,
    StoreSale,
    Terminal,
)
from central.phone.payments import mark_refund
from central.platform import Platform, TerminalContext
from central.services import coins as coin_service
from central.services import deals, draws, groups, keys, sales, settlement, shifts, vouchers
from central.services.changes import next_change_seq
from central.services.pairing import parse_public_key
from central.services.schedules import in_force
from desktop.core import op_contracts as contracts
from desktop.core.ops import OpKind
from desktop.core.vouchers import key_id


@dataclass(frozen=True)
class OpContext:
    session: Session
    platform: Platform
    terminal: TerminalContext
    op_id: str
    now: datetime
    payload: Any = None  # the op's payload as pushed (the settlement lines recompute from it)
    kind: str = ""


@dataclass(frozen=True)
class Outcome:
    conflict: bool = False
    reason: str = ""


def parse(model: type[contracts.Payload], payload: Any) -> Any:
    """The op's typed payload (desktop.core.op_contracts); OpRejected with the reason."""
    try:
        return contracts.validate_model(model, payload)
    except contracts.ContractError as exc:
        raise OpRejected(exc.reason) from exc


def event_time(ctx: OpContext, data: contracts.Payload) -> datetime:
    return contracts.event_time(data) or ctx.now


def add_line(ctx: OpContext, kind: str, at: datetime, *, fen: int = 0, coins: int = 0,
             version: int | None = None, data: contracts.Payload | None = None) -> None:
    """The op's reconciliation line, written with the batch's others in one insert when the
    push ends (central.db.defer_insert; dropped if the op's savepoint rolls back), and for sales,
    refunds, voids, settled groups and coin captures its settlement lines: recomputed from the
    platform's own data and schedule history, beside what the terminal recorded
    (central/services/settlement.py; `data`: the payload as the handler parsed it already)."""
    defer_insert(ctx.session, PlatformLine, {
        "op_id": ctx.op_id, "store_id": ctx.terminal.store_id, "terminal_id": ctx.terminal.terminal_id,
        "kind": kind, "amount_fen": fen, "coins": coins, "schedule_version": version, "occurred_at": at})
    if kind in SETTLED_KINDS and ctx.payload is not None:
        settlement.record_op(ctx.session, settlement.Origin(ctx.terminal, ctx.op_id, at, ctx.now), kind,
                             ctx.payload if data is None else data)


SETTLED_KINDS = frozenset({OpKind.SALE_COMPLETED, OpKind.SALE_REFUNDED, OpKind.SALE_VOIDED,
                           OpKind.GROUP_SETTLED, OpKind.COINS_CAPTURED})


def signing_key_added(ctx: OpContext, payload: Any) -> Outcome:
    """A terminal's new voucher key (after a rotation) goes to the store's other terminals by
    pull, so they verify its new vouchers offline; the older keys retire at the op's `at`."""
    data = parse(contracts.SigningKeyAdded, payload)
    parse_public_key(data.public_key)  # weak or malformed: ApiError, the op is rejected
    raw = base64.b64decode(data.public_key)
    if key_id(raw) != data.key_id:
        raise OpRejected("key_id does not match the public key")
    keys.check_not_revoked(ctx.session, data.public_key)
    keys.check_key_id_free(ctx.session, ctx.terminal.store_id, data.public_key)
    terminal = ctx.session.get(Terminal, ctx.terminal.terminal_id)
    assert terminal is not None  # authenticated just now
    keys.register(ctx.session, terminal, data.public_key, ctx.now, contracts.event_time(data))
    return Outcome()


def record_only(ctx: OpContext, payload: Any, model: type[contracts.Payload]) -> Outcome:
    parse(model, payload)
    return Outcome()


def deal_published(ctx: OpContext, payload: Any, *, amendment: bool) -> Outcome:
    data = parse(contracts.DealPublished, payload)
    deals.publish(ctx.session, ctx.terminal, data, ctx.op_id, event_time(ctx, data), amendment=amendment)
    return Outcome()


def group_opened(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(contracts.GroupOpened, payload)
    return Outcome(reason=groups.open_group(ctx.session, ctx.terminal, data, event_time(ctx, data)))


def group_joined(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(contracts.GroupJoined, payload)
    at = event_time(ctx, data)
    note = groups.join(ctx.session, ctx.terminal, data, ctx.op_id, at)
    add_line(ctx, OpKind.GROUP_JOINED, at, fen=data.deposit_fen)
    return Outcome(reason=note)


def group_drawn(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(contracts.GroupDrawn, payload)
    draws.record_draw(ctx.session, ctx.terminal, data.group_id, data.proof, ctx.platform.signing_key, ctx.now)
    return Outcome()


def group_settled(ctx: OpContext, payload: Any) -> Outcome:
    """Coins are credited here (and by admin grants) only: to the drawn group's losers."""
    data = parse(contracts.GroupSettled, payload)
    result = draws.settle(ctx.session, ctx.terminal, data, ctx.op_id, ctx.now)
    add_line(ctx, OpKind.GROUP_SETTLED, event_time(ctx, data), fen=result.cash_fen, coins=result.coins)
    notes = [result.cash_note] if result.cash_note else []
    if result.refused:
        notes.append(f"{len(result.refused)} coin grant(s) refused, the others applied: "
                     + "; ".join(result.refused))
    return Outcome(reason=" | ".join(notes))


def group_refunded(ctx: OpContext, payload: Any, state: str) -> Outcome:
    data = parse(contracts.GroupRefunded, payload)
    held, note = groups.refund(ctx.session, ctx.terminal, data, state)
    add_line(ctx, f"group.{state}", event_time(ctx, data), fen=held)
    return Outcome(reason=note)


def join_request_answered(ctx: OpContext, payload: Any, status: str) -> Outcome:
    data = parse(contracts.JoinRequestAccepted if status == "accepted" else contracts.JoinRequestRefused, payload)
    request = ctx.session.get(JoinRequest, data.request_id)
    if request is None or request.store_id != ctx.terminal.store_id or request.group_id != data.group_id:
        raise OpRejected(f"unknown join request {data.request_id} for group {data.group_id}")
    if request.status != "pending":
        raise OpRejected(f"join request {data.request_id} is already {request.status}")
    group = groups.store_group(ctx.session, ctx.terminal, data.group_id)
    if not groups.owns(ctx.session, group, ctx.terminal.terminal_id):
        raise OpRejected(f"group {group.id} was opened by another terminal: only it answers requests")
    if status == "accepted":
        entry_id = getattr(data, "entry_id", None)
        if request.entry_id is None or (entry_id is not None and entry_id != request.entry_id):
            raise OpRejected(f"join request {data.request_id} has no pushed entry: push its group.joined first")
    request.status, request.change_seq = status, next_change_seq(ctx.session)
    if status == "refused":  # a deposit paid from the phone goes back (central/phone/payments.py)
        mark_refund(ctx.session, request.id, getattr(data, "reason", "") or "refused by the store")
    return Outcome()


def voucher_issued(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(contracts.VoucherIssued, payload)
    vouchers.record_issue(ctx.session, ctx.terminal, ctx.op_id, data.voucher_id, ctx.now,
                          data.group_id, data.entry_id)
    return Outcome()


def voucher_redeemed(ctx: OpContext, payload: Any) -> Outcome:
    """Checked against this store's own keys and issues only (central/services/vouchers.py):
    another store's voucher is refused with a reason that says nothing about that store."""
    data = parse(contracts.VoucherRedeemed, payload)
    vouchers.check_redeemable(ctx.session, ctx.terminal, data.voucher_id, data.voucher)
    conflict = vouchers.redeem(ctx.session, ctx.terminal, ctx.op_id, data.voucher_id,
                               data.redeemed_at, ctx.now)
    if conflict:
        return Outcome(conflict=True, reason="voucher already redeemed: recorded as a conflict")
    return Outcome()


def shift_closed(ctx: OpContext, payload: Any) -> Outcome:
    """A Z report (central/services/shifts.py): a reused number or wrong arithmetic is refused,
    a gap or sales that differ from the platform's are flagged."""
    data = parse(contracts.ShiftClosed, payload)
    flagged = shifts.record_z(ctx.session, ctx.terminal, ctx.op_id, data, ctx.now)
    if flagged:
        return Outcome(conflict=True, reason="; ".join(flagged) + ": flagged to the store")
    return Outcome()


def redemption_reversed(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(contracts.RedemptionReversed, payload)
    shifts.reverse_redemption(ctx.session, ctx.terminal, ctx.op_id, data, ctx.now, ctx.platform.reversal_window)
    return Outcome()


def sale_completed(ctx: OpContext, payload: Any) -> Outcome:
    """Checked by central/services/sales.py: its arithmetic, and coins only from a capture or
    authorization of that member the platform made for this terminal or store."""
    data = parse(contracts.SaleCompleted, payload)
    at = event_time(ctx, data)
    flagged = sales.record_sale(ctx.session, ctx.terminal, data, ctx.op_id, at, ctx.now)
    schedule = in_force(ctx.session, ctx.terminal.merchant_id, at)
    version = schedule.version if schedule else None
    add_line(ctx, OpKind.SALE_COMPLETED, at, fen=data.total_fen, coins=data.coins, version=version, data=data)
    reasons = [flagged + ": flagged to the store"] if flagged else []
    if data.schedule_version is not None and data.schedule_version != version:
        reasons.append(f"schedule version {data.schedule_version} differs: the platform used {version}")
    return Outcome(conflict=bool(flagged), reason="; ".join(reasons))


def sale_refunded(ctx: OpContext, payload: Any, kind: str) -> Outcome:
    """sale.refunded / sale.voided: one of this store's sales, never beyond it; the coins go
    back to the member once (central/services/sales.py)."""
    data = parse(contracts.SaleRefunded, payload)
    at = event_time(ctx, data)
    sales.record_refund(ctx.session, ctx.terminal, data, ctx.op_id, kind, at, ctx.now)
    add_line(ctx, OpKind.SALE_VOIDED if kind == "void" else OpKind.SALE_REFUNDED, at, fen=-data.total_fen,
             coins=-data.coins_returned, version=data.schedule_version, data=data)
    return Outcome()


def coins_captured(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(contracts.CoinsCaptured, payload)
    at = event_time(ctx, data)
    coin_service.capture(ctx.session, ctx.platform, ctx.terminal, token_text=data.token,
                         token_id=data.token_id, member_id=data.member_id, coins=data.coins,
                         ref=f"op:{ctx.op_id}", accepted_at=at)
    schedule = in_force(ctx.session, ctx.terminal.merchant_id, at)
    fen = data.coins * schedule.coin_value_fen if schedule else 0
    add_line(ctx, OpKind.COINS_CAPTURED, at, fen=fen, coins=data.coins,
             version=schedule.version if schedule else None)
    return Outcome()


def lapse_before_capture(ctx: OpContext, payload: Any) -> None:
    """Outside the op's savepoint, so a lapsed reservation is released even if the capture is
    then rejected."""
    token_id = payload.get("token_id") if isinstance(payload, dict) else None
    if isinstance(token_id, str) and len(token_id) <= 64:
        coin_service.load_current(ctx.session, ctx.platform, token_id)


def prefetch(session: Session, terminal: TerminalContext, ops: Iterable[tuple[str, Any]]) -> None:
    """What the batch's sales look up one by one, loaded in one query each (central.db.prefetch):
    whether their sale ids were pushed before (store and settlement sales, almost never), the
    members they name and those members' home merchants. Refunds are not prefetched: they read
    their sale as it is locked."""
    sale_ids: set[str] = set()
    member_ids: set[str] = set()
    for kind, payload in ops:
        if kind == OpKind.SALE_COMPLETED and isinstance(payload, dict):
            sale_ids.update(_ids(payload.get("sale_id")))
            member_ids.update(_ids(payload.get("member_id")))
    if sale_ids:
        db.prefetch(session, StoreSale, [(terminal.store_id, sale_id) for sale_id in sale_ids])
        db.prefetch(session, SettlementSale, [(terminal.store_id, sale_id) for sale_id in sale_ids])
    if member_ids:
        members = db.prefetch(session, Member, [(member_id,) for member_id in member_ids])
        homes = {(m.home_merchant_id,) for m in members if m.home_merchant_id}  # whom a share is paid
        db.prefetch(session, Merchant, homes)


def _ids(value: Any) -> list[str]:
    """`value` when the contract's `Id` would take it; any other is refused unread, never looked up."""
    return [value] if contracts.is_id(value) else []


def reads_back(kind: str, payload: Any) -> bool:
    """Whether the op reads store or settlement sales by anything but their key (a refund its
    sale, a Z report the shift's sales, coins their capture's earlier use): the rows the batch
    deferred so far are written before it runs (central.db.defer_insert).

    A new handler that queries those tables other than by primary key must be named here: its
    query would not see the batch's deferred rows. (Writing them from a hook on the query
    instead would run inside the op's savepoint, and a refusal of that op would roll back the
    earlier ops' rows with it.)"""
    if kind in (OpKind.SALE_REFUNDED, OpKind.SALE_VOIDED, OpKind.SHIFT_CLOSED):
        return True
    return kind == OpKind.SALE_COMPLETED and isinstance(payload, dict) and bool(
        payload.get("coins") or payload.get("coin_fen"))


Handler = Callable[[OpContext, Any], Outcome]
PREPARE: dict[str, Callable[[OpContext, Any], None]] = {OpKind.COINS_CAPTURED: lapse_before_capture}

HANDLERS: dict[str, Handler] = {
    OpKind.STAFF_CHANGED: lambda ctx, p: record_only(ctx, p, contracts.StaffChanged),
    OpKind.DEAL_LAUNCHED: lambda ctx, p: deal_published(ctx, p, amendment=False),
    OpKind.DEAL_AMENDED: lambda ctx, p: deal_published(ctx, p, amendment=True),
    OpKind.VOUCHER_ISSUED: voucher_issued,
    OpKind.GROUP_OPENED: group_opened,
    OpKind.GROUP_JOINED: group_joined,
    OpKind.GROUP_DRAWN: group_drawn,
    OpKind.GROUP_SETTLED: group_settled,
    OpKind.GROUP_EXPIRED: lambda ctx, p: group_refunded(ctx, p, "expired"),
    OpKind.GROUP_CANCELLED: lambda ctx, p: group_refunded(ctx, p, "cancelled"),
    OpKind.JOIN_REQUEST_ACCEPTED: lambda ctx, p: join_request_answered(ctx, p, "accepted"),
    OpKind.JOIN_REQUEST_REFUSED: lambda ctx, p: join_request_answered(ctx, p, "refused"),
    OpKind.VOUCHER_REDEEMED: voucher_redeemed,
    OpKind.SALE_COMPLETED: sale_completed,
    OpKind.SALE_REFUNDED: lambda ctx, p: sale_refunded(ctx, p, "refund"),
    OpKind.SALE_VOIDED: lambda ctx, p: sale_refunded(ctx, p, "void"),
    OpKind.COINS_CAPTURED: coins_captured,
    OpKind.SIGNING_KEY_ADDED: signing_key_added,
    OpKind.SHIFT_CLOSED: shift_closed,
    OpKind.REDEMPTION_REVERSED: redemption_reversed,
}


def payload_text(payload: Any) -> str:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
