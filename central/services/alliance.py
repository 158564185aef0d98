"""The alliance, as the platform's admin runs it (docs/settlement.md): moving a member's lock,
a merchant leaving the alliance, entry fees. Every action is recorded with its reason
(`admin_actions`)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from central.errors import invalid, not_found
from central.models import AdminAction, Member, MemberLockMove, Merchant
from central.services import settlement
from central.services.changes import next_change_seq
from central.services.schedules import closed_until
from desktop.core import statement as st
from desktop.core.money import MAX_FEN


def record_action(session: Session, at: datetime, action: str, subject: str, reason: str,
                  **detail: Any) -> None:
    session.add(AdminAction(at=at, action=action, subject=subject, reason=reason,
                            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)))


def _reason(reason: str) -> str:
    cleaned = reason.strip()
    if not cleaned or len(cleaned) > 500:
        raise invalid("give a reason of 1 to 500 characters")
    return cleaned


def move_lock(session: Session, member_id: str, merchant_id: str, reason: str, now: datetime) -> str:
    """Lock a member to another merchant of the alliance; pulled by both merchants' terminals: the
    new merchant's get the member, the old one's the new lock (counted at their store) or the
    member's id in `members_gone` (no longer theirs to hold)."""
    member = session.get(Member, member_id)
    if member is None:
        raise not_found("member", member_id)
    merchant = session.get(Merchant, merchant_id)
    if merchant is None:
        raise not_found("merchant", merchant_id)
    if merchant.left_at is not None:
        raise invalid(f"merchant {merchant_id} has left the alliance: no member can be locked to it")
    why = _reason(reason)
    before = member.home_merchant_id
    member.home_merchant_id, member.locked_at, member.lock_reason = merchant_id, now, f"moved: {why}"[:200]
    member.change_seq = next_change_seq(session)
    if before is not None and before != merchant_id:  # the old merchant's terminals must learn it too
        session.add(MemberLockMove(member_id=member_id, from_merchant_id=before, to_merchant_id=merchant_id,
                                   moved_at=now, change_seq=member.change_seq))
    record_action(session, now, "member.lock_moved", member_id, why, before=before, after=merchant_id)
    return f"member {member_id} locked to {merchant_id} (was {before or 'nobody'})"


def leave_alliance(session: Session, merchant_id: str, reason: str, now: datetime) -> str:
    merchant = session.get(Merchant, merchant_id)
    if merchant is None:
        raise not_found("merchant", merchant_id)
    if merchant.left_at is not None:
        raise invalid(f"merchant {merchant_id} left the alliance already")
    merchant.left_at, merchant.change_seq = now, next_change_seq(session)
    record_action(session, now, "merchant.left_alliance", merchant_id, _reason(reason))
    return f"merchant {merchant_id} left the alliance: shares of its members go to the platform"


def entry_fee(session: Session, merchant_id: str, fen: int, at: datetime, reason: str, now: datetime) -> str:
    """An entry fee the merchant owes, dated `at` (it may not lie in a closed period)."""
    if session.get(Merchant, merchant_id) is None:
        raise not_found("merchant", merchant_id)
    if not isinstance(fen, int) or isinstance(fen, bool) or not 0 < fen <= MAX_FEN:
        raise invalid("an entry fee is a positive amount")
    closed = closed_until(session, merchant_id)
    if closed is not None and at < closed:
        raise invalid(f"{at.isoformat()} lies in a closed period: date the fee {closed.isoformat()} or later")
    why = _reason(reason)
    settlement.book(session, merchant_id=merchant_id, origin=None, source=st.SOURCE_FEE, ref="",
                    kind=st.ENTRY_FEE, fen=fen, version=None, note=why, at=at)
    record_action(session, now, "settlement.entry_fee", merchant_id, why, fen=fen, dated=at.isoformat())
    return f"entry fee of {fen} fen for {merchant_id} on {at.isoformat()}"
