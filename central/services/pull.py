"""Pull (docs/sync-protocol.md): platform-owned data changed since an opaque cursor.

The cursor is base64url of JSON {"v": 1, "i": instance id, "s": change_seq}. A cursor that does
not parse, comes from another platform database, or lies in the future answers with
`reset: true` and everything (the client replaces its copies).

Long answers come in pages (`limit` members each, in member-id order, code point order on
both databases): every page but the last has `more: true` and a page cursor
{"v": 1, "i", "s": the change_seq pulled after (-1: a reset), "h": the head this pull runs
to, "m": the last member id sent}; the other sections come with the last page. The client
applies each page with its cursor in one transaction, so a pull interrupted between pages
resumes after the last page applied. A reset page says which member ids it covers
(`members_from` exclusive, `members_through` inclusive, null: open): the client drops its
members in that range that the page does not hold, so a reset never empties the copy first.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from central.models import (
    CoinAuthorization,
    CommissionSchedule,
    Conflict,
    JoinRequest,
    Member,
    MemberContact,
    MemberLockMove,
    Terminal,
    TerminalKey,
)
from central.platform import TerminalContext
from central.services import member_privacy
from central.services.changes import committed_seq
from central.services.schedules import as_dict as schedule_dict
from desktop.core.ed25519_keys import is_trusted_key


def encode_cursor(instance_id: str, seq: int) -> str:
    raw = json.dumps({"v": 1, "i": instance_id, "s": seq}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


PAGE_MEMBERS = 2_000  # members per page when the terminal asks for no other size
MAX_PAGE_MEMBERS = 10_000
RESET = -1  # "s" of a page cursor: this pull is a reset


@dataclass(frozen=True)
class Position:
    """Where a pull stands: after `since` (None: a reset) up to `head`, members after `after`."""

    since: int | None
    head: int
    after: str | None = None


def encode_page_cursor(instance_id: str, position: Position, last_member: str) -> str:
    since = RESET if position.since is None else position.since
    raw = json.dumps({"v": 1, "i": instance_id, "s": since, "h": position.head, "m": last_member},
                     separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, instance_id: str, head: int) -> int | None:
    """The change_seq to pull after, or None when a full reload is needed."""
    position = decode_position(cursor, instance_id, head)
    return None if position is None or position.after is not None else position.since


def decode_position(cursor: str | None, instance_id: str, head: int) -> Position | None:
    """The position of a (page) cursor, or None when a full reload is needed."""
    if not cursor:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        seq = data["s"]
        valid = data.get("v") == 1 and data.get("i") == instance_id and isinstance(seq, int)
        if "m" not in data:
            return Position(seq, head) if valid and 0 <= seq <= head else None
        page_head, after = data["h"], data["m"]
        valid = valid and isinstance(page_head, int) and isinstance(after, str) and len(after) <= 64
    except (binascii.Error, ValueError, TypeError, KeyError, AttributeError):
        return None
    if not valid or not (RESET <= seq <= page_head <= head):
        return None
    return Position(None if seq == RESET else seq, page_head, after)


def pull(session: Session, ctx: TerminalContext, cursor: str | None, limit: int = PAGE_MEMBERS) -> dict[str, Any]:
    head, instance_id = committed_seq(session)
    position = decode_position(cursor, instance_id, head) or Position(None, head)
    if position.after is None:
        position = Position(position.since, head)  # a new pull runs to today's head
    low = 0 if position.since is None else position.since
    limit = max(1, min(limit, MAX_PAGE_MEMBERS))

    def changed(column: Any) -> Any:
        return (column > low) & (column <= position.head)

    members, last = _members(session, ctx, changed, position, limit)
    answer: dict[str, Any] = {"reset": position.since is None, "members": members,
                              "phone_key": member_privacy.phone_key(session, ctx.merchant_id).hex()}
    if position.since is None:
        answer["members_from"] = position.after
        answer["members_through"] = last
    if last is not None:
        return {**answer, "cursor": encode_page_cursor(instance_id, position, last), "more": True,
                "members_gone": [], "revoked_authorizations": [], "commission_schedules": [], "terminal_keys": [],
                "join_requests": [], "conflicts": []}
    return {**answer, "cursor": encode_cursor(instance_id, position.head), "more": False,
            "members_gone": [] if position.since is None else _members_gone(session, ctx, changed),
            "revoked_authorizations": _revocations(session, ctx, changed),
            "commission_schedules": _schedules(session, ctx, changed),
            "terminal_keys": _terminal_keys(session, ctx, changed),
            "join_requests": _join_requests(session, ctx, changed),
            "conflicts": _conflicts(session, ctx, changed)}


def _members(session: Session, ctx: TerminalContext, changed: Any, position: Position,
             limit: int) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the members this terminal needs (member_privacy.in_scope), phones masked and
    hashed, and the last id when more follow. A member newly counted at the store comes with the
    contact's change_seq. A reset sends every member in scope (also one changed since the pull
    began: its range is swept by the client, so it must not be left out)."""
    member_id = _code_point_order(session, Member.id)
    query = select(Member).where(member_privacy.in_scope(ctx))
    if position.since is not None:
        contact_changed = select(MemberContact.member_id).where(
            MemberContact.store_id == ctx.store_id, changed(MemberContact.change_seq))
        query = query.where(or_(changed(Member.change_seq), Member.id.in_(contact_changed)))
    if position.after is not None:
        query = query.where(member_id > position.after)
    rows = list(session.execute(query.order_by(member_id).limit(limit + 1)).scalars())
    key = member_privacy.phone_key(session, ctx.merchant_id)
    page = [member_privacy.member_row(m, key) for m in rows[:limit]]
    return page, (page[-1]["member_id"] if len(rows) > limit else None)


def _members_gone(session: Session, ctx: TerminalContext, changed: Any) -> list[str]:
    """Members whose lock the admin moved away from this terminal's merchant since the cursor
    and who are no longer in its scope (not counted at its store): the terminal drops them, as
    a reset would. (One still counted here comes as a member row with the new lock.)"""
    moved = select(MemberLockMove.member_id).where(MemberLockMove.from_merchant_id == ctx.merchant_id,
                                                   changed(MemberLockMove.change_seq))
    return list(session.execute(select(Member.id).where(Member.id.in_(moved), ~member_privacy.in_scope(ctx))
                                .order_by(Member.id)).scalars())


def _code_point_order(session: Session, column: Any) -> Any:
    """Member ids compared as the counter's SQLite compares them (code points): PostgreSQL's
    text order follows the database's locale unless told "C"."""
    return column.collate("C") if session.get_bind().dialect.name == "postgresql" else column


def _revocations(session: Session, ctx: TerminalContext, changed: Any) -> list[dict[str, Any]]:
    rows = session.execute(select(CoinAuthorization).where(
        changed(CoinAuthorization.change_seq), CoinAuthorization.merchant_id == ctx.merchant_id,
        CoinAuthorization.state.in_(("revoked", "expired", "captured")),
    ).order_by(CoinAuthorization.token_id)).scalars()
    return [{"token_id": a.token_id, "member_id": a.member_id, "state": a.state} for a in rows]


def _schedules(session: Session, ctx: TerminalContext, changed: Any) -> list[dict[str, Any]]:
    rows = session.execute(select(CommissionSchedule).where(
        changed(CommissionSchedule.change_seq), CommissionSchedule.merchant_id == ctx.merchant_id
    ).order_by(CommissionSchedule.version)).scalars()
    return [schedule_dict(s) for s in rows]


def _terminal_keys(session: Session, ctx: TerminalContext, changed: Any) -> list[dict[str, Any]]:
    """Every key any terminal of the store ever registered (its history), changed since the
    cursor: a key verifies only vouchers issued before its `not_after` (null: no bound)."""
    rows = session.execute(select(TerminalKey, Terminal).join(Terminal, Terminal.id == TerminalKey.terminal_id)
                           .where(TerminalKey.store_id == ctx.store_id,
                                  changed(TerminalKey.change_seq) | changed(Terminal.change_seq))
                           .order_by(TerminalKey.terminal_id, TerminalKey.added_at, TerminalKey.id)).all()
    return [{"terminal_id": t.id, "name": t.name, "key_id": k.key_id, "public_key": k.public_key,
             "added_at": k.added_at.isoformat(),
             "not_after": k.not_after.isoformat() if k.not_after else None,
             "revoked": t.revoked_at is not None} for k, t in rows if _trusted(k.public_key)]


def _trusted(public_key_b64: str) -> bool:
    """A weak key registered before the platform checked keys is never handed out."""
    try:
        return is_trusted_key(base64.b64decode(public_key_b64, validate=True))
    except (binascii.Error, ValueError):
        return False


def _join_requests(session: Session, ctx: TerminalContext, changed: Any) -> list[dict[str, Any]]:
    rows = session.execute(select(JoinRequest).where(
        changed(JoinRequest.change_seq), JoinRequest.store_id == ctx.store_id
    ).order_by(JoinRequest.created_at, JoinRequest.id)).scalars()
    return [{"request_id": r.id, "group_id": r.group_id, "member_id": r.member_id, "nonce": r.nonce,
             "status": r.status, "created_at": r.created_at.isoformat()} for r in rows]


def _conflicts(session: Session, ctx: TerminalContext, changed: Any) -> list[dict[str, Any]]:
    rows = session.execute(select(Conflict).where(
        changed(Conflict.change_seq), Conflict.store_id == ctx.store_id
    ).order_by(Conflict.id)).scalars()
    return [{"conflict_id": c.id, "kind": c.kind, "subject_id": c.subject_id,
             "winner_op_id": c.winner_op_id, "winner_terminal_id": c.winner_terminal_id,
             "loser_op_id": c.loser_op_id, "loser_terminal_id": c.loser_terminal_id,
             "detail": c.detail, "created_at": c.created_at.isoformat()} for c in rows]


