"""What each pushed op kind does on the platform (DESIGN.md §6; payloads in docs/sync-protocol.md).

A handler validates its payload, writes its effects and returns an `Outcome`; it raises
`OpRejected` (or ApiError) for an op that can never succeed, and the push service rolls the op's
savepoint back. Money-carrying kinds write one reconciliation line (`platform_lines`).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError
from sqlalchemy import insert
from sqlalchemy.orm import Session

from central.errors import ApiError, OpRejected
from central.models import Group, JoinRequest, Member, PlatformLine, Terminal
from central.platform import Platform, TerminalContext
from central.services import coins as coin_service
from central.services import draws, vouchers
from central.services.admin import grant_coins
from central.services.changes import next_change_seq
from central.services.pairing import parse_public_key
from central.services.schedules import in_force
from desktop.core.clock import from_iso
from desktop.core.ops import OpKind
from desktop.core.vouchers import key_id


@dataclass(frozen=True)
class OpContext:
    session: Session
    platform: Platform
    terminal: TerminalContext
    op_id: str
    now: datetime


@dataclass(frozen=True)
class Outcome:
    conflict: bool = False
    reason: str = ""


class _Payload(BaseModel):
    model_config = ConfigDict(extra="allow")
    at: str | None = None  # when the business event happened (ISO 8601); defaults to receipt


class GroupOpened(_Payload):
    group_id: str = Field(min_length=1, max_length=64)
    deal_id: str = Field(min_length=1, max_length=64)
    commitment: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: StrictInt = Field(ge=2, le=10_000)


class GroupJoined(_Payload):
    group_id: str = Field(min_length=1, max_length=64)
    entry_id: str = Field(min_length=1, max_length=64)
    deposit_fen: StrictInt = Field(ge=0, le=10**13)


class GroupDrawn(_Payload):
    group_id: str = Field(min_length=1, max_length=64)
    proof: dict[str, Any]


class CoinGrant(BaseModel):
    member_id: str
    coins: StrictInt = Field(gt=0, lt=2**32)


class GroupSettled(_Payload):
    group_id: str = Field(min_length=1, max_length=64)
    coin_grants: list[CoinGrant] = []
    cash_fen: StrictInt = Field(default=0, ge=0, le=10**13)


class GroupRefunded(_Payload):
    group_id: str = Field(min_length=1, max_length=64)
    refunded_fen: StrictInt = Field(ge=0, le=10**13)


class JoinRequestAnswered(_Payload):
    request_id: str
    group_id: str


class VoucherRedeemed(_Payload):
    voucher_id: str = Field(min_length=1, max_length=64)
    redeemed_at: str


class SaleCompleted(_Payload):
    sale_id: str = Field(min_length=1, max_length=64)
    total_fen: StrictInt = Field(ge=0, le=10**13)
    coins: StrictInt = Field(default=0, ge=0, lt=2**32)
    coin_fen: StrictInt = Field(default=0, ge=0, le=10**13)
    schedule_version: StrictInt | None = None


class CoinsCaptured(_Payload):
    token_id: str = Field(pattern=r"^[0-9a-f]{32}$")
    member_id: str
    coins: StrictInt = Field(gt=0, lt=2**32)
    sale_id: str = ""
    token: str | None = None


def parse(model: type[_Payload], payload: Any) -> Any:
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "payload"
        raise OpRejected(f"invalid payload: {where}: {first['msg']}") from exc


def event_time(ctx: OpContext, data: _Payload) -> datetime:
    if data.at is None:
        return ctx.now
    try:
        return from_iso(data.at)
    except ValueError as exc:
        raise OpRejected("invalid payload: at is not an ISO 8601 time") from exc


def add_line(ctx: OpContext, kind: str, at: datetime, *, fen: int = 0, coins: int = 0,
             version: int | None = None) -> None:
    ctx.session.execute(insert(PlatformLine).values(
        op_id=ctx.op_id, store_id=ctx.terminal.store_id, terminal_id=ctx.terminal.terminal_id,
        kind=kind, amount_fen=fen, coins=coins, schedule_version=version, occurred_at=at,
    ))


class SigningKeyAdded(_Payload):
    key_id: str = Field(pattern=r"^[0-9a-f]{8}$")
    public_key: str = Field(min_length=1, max_length=64)


def signing_key_added(ctx: OpContext, payload: Any) -> Outcome:
    """A terminal's new voucher key (after a rotation) goes to the store's other terminals by
    pull, so they verify its new vouchers offline; they keep every key they ever received."""
    data = parse(SigningKeyAdded, payload)
    try:
        parse_public_key(data.public_key)
    except ApiError as exc:
        raise OpRejected("public_key is not a base64 raw Ed25519 public key") from exc
    raw = base64.b64decode(data.public_key)
    if key_id(raw) != data.key_id:
        raise OpRejected("key_id does not match the public key")
    terminal = ctx.session.get(Terminal, ctx.terminal.terminal_id)
    if terminal is not None and terminal.public_key != data.public_key:
        terminal.public_key = data.public_key
        terminal.change_seq = next_change_seq(ctx.session)
    return Outcome()


def record_only(ctx: OpContext, payload: Any) -> Outcome:
    if not isinstance(payload, dict):
        raise OpRejected("invalid payload: an object is required")
    return Outcome()


def group_opened(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(GroupOpened, payload)
    if ctx.session.get(Group, data.group_id) is not None:
        raise OpRejected(f"group {data.group_id} was opened already")
    ctx.session.add(Group(id=data.group_id, store_id=ctx.terminal.store_id,
                          terminal_id=ctx.terminal.terminal_id, deal_id=data.deal_id,
                          commitment=data.commitment, size=data.size, state="open", winners="[]"))
    return Outcome()


def group_joined(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(GroupJoined, payload)
    add_line(ctx, OpKind.GROUP_JOINED, event_time(ctx, data), fen=data.deposit_fen)
    return Outcome()


def group_drawn(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(GroupDrawn, payload)
    draws.record_draw(ctx.session, ctx.terminal, data.group_id, data.proof)
    return Outcome()


def group_settled(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(GroupSettled, payload)
    draws.set_state(ctx.session, ctx.terminal, data.group_id, "settled", from_states=("drawn",))
    for grant in data.coin_grants:
        if ctx.session.get(Member, grant.member_id) is None:
            raise OpRejected(f"unknown member {grant.member_id} in coin_grants")
        grant_coins(ctx.session, grant.member_id, grant.coins, f"op:{ctx.op_id}", ctx.now)
    coins = sum(g.coins for g in data.coin_grants)
    add_line(ctx, OpKind.GROUP_SETTLED, event_time(ctx, data), fen=data.cash_fen, coins=coins)
    return Outcome()


def group_refunded(ctx: OpContext, payload: Any, state: str) -> Outcome:
    data = parse(GroupRefunded, payload)
    draws.set_state(ctx.session, ctx.terminal, data.group_id, state, from_states=("open",))
    add_line(ctx, f"group.{state}", event_time(ctx, data), fen=data.refunded_fen)
    return Outcome()


def join_request_answered(ctx: OpContext, payload: Any, status: str) -> Outcome:
    data = parse(JoinRequestAnswered, payload)
    request = ctx.session.get(JoinRequest, data.request_id)
    if request is None or request.store_id != ctx.terminal.store_id or request.group_id != data.group_id:
        raise OpRejected(f"unknown join request {data.request_id} for group {data.group_id}")
    if request.status != "pending":
        raise OpRejected(f"join request {data.request_id} is already {request.status}")
    request.status, request.change_seq = status, next_change_seq(ctx.session)
    return Outcome()


def voucher_redeemed(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(VoucherRedeemed, payload)
    conflict = vouchers.redeem(ctx.session, ctx.terminal, ctx.op_id, data.voucher_id,
                               data.redeemed_at, ctx.now)
    if conflict:
        return Outcome(conflict=True, reason="voucher already redeemed: recorded as a conflict")
    return Outcome()


def sale_completed(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(SaleCompleted, payload)
    at = event_time(ctx, data)
    schedule = in_force(ctx.session, ctx.terminal.merchant_id, at)
    version = schedule.version if schedule else None
    add_line(ctx, OpKind.SALE_COMPLETED, at, fen=data.total_fen, coins=data.coins, version=version)
    if data.schedule_version is not None and data.schedule_version != version:
        return Outcome(reason=f"schedule version {data.schedule_version} differs: "
                              f"the platform used {version}")
    return Outcome()


def coins_captured(ctx: OpContext, payload: Any) -> Outcome:
    data = parse(CoinsCaptured, payload)
    at = event_time(ctx, data)
    coin_service.capture(ctx.session, ctx.platform, ctx.terminal, token_id=data.token_id,
                         member_id=data.member_id, coins=data.coins, ref=f"op:{ctx.op_id}",
                         accepted_at=at, token_text=data.token)
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


Handler = Callable[[OpContext, Any], Outcome]
PREPARE: dict[str, Callable[[OpContext, Any], None]] = {OpKind.COINS_CAPTURED: lapse_before_capture}

HANDLERS: dict[str, Handler] = {
    OpKind.STAFF_CHANGED: record_only,
    OpKind.DEAL_LAUNCHED: record_only,
    OpKind.DEAL_AMENDED: record_only,
    OpKind.VOUCHER_ISSUED: record_only,
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
    OpKind.COINS_CAPTURED: coins_captured,
    OpKind.SIGNING_KEY_ADDED: signing_key_added,
}


def payload_text(payload: Any) -> str:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
