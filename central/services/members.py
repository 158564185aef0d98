"""Members' credentials on the platform: the access token of their phone and their rotating
member code (desktop/core/member_codes.py). A terminal never holds either secret: what it
presents on a member's behalf (a code scanned from the phone) is checked here, once."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.errors import ApiError, not_found
from central.models import Member, MemberCodeUse, MemberContact, Store
from central.services.changes import next_change_seq
from desktop.core.member_codes import (
    SECRET_BYTES,
    matching_step,
    member_code_text,
    parse_member_code,
)


@dataclass(frozen=True)
class MemberContext:
    member_id: str


def new_code_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def hash_member_token(token: str) -> str:
    return hashlib.sha256(b"pinshang-member-token\n" + token.encode("utf-8")).hexdigest()


def issue_token(session: Session, member_id: str) -> str:
    """A new access token for the member's phone (the previous one stops working)."""
    member = session.get(Member, member_id)
    if member is None:
        raise not_found("member", member_id)
    token = "psm_" + secrets.token_urlsafe(32)
    member.token_hash = hash_member_token(token)
    return token


def member_by_token(session: Session, token: str) -> MemberContext | None:
    member_id = session.scalar(select(Member.id).where(Member.token_hash == hash_member_token(token)))
    return MemberContext(member_id) if member_id else None


def current_code(session: Session, member_id: str, now: datetime) -> str:
    """The code the member's phone shows now (admin and development use)."""
    member = session.get(Member, member_id)
    if member is None:
        raise not_found("member", member_id)
    return member_code_text(member.code_secret, member.id, now)


def consume_code(session: Session, text: str, purpose: str, now: datetime,
                 member_id: str | None = None) -> str:
    """Check a member code shown by the member and use it up; returns the member id.

    Raises ApiError 403 when the code is malformed, wrong, too old, or already used, and when
    it is another member's than `member_id` (when given)."""
    parsed = parse_member_code(text)
    if parsed is None:
        raise ApiError(403, "member_code_invalid", "not a member code: ask the member to show it again")
    if member_id is not None and parsed.member_id != member_id:
        raise ApiError(403, "member_code_invalid", "the member code belongs to another member")
    member = session.get(Member, parsed.member_id)
    step = matching_step(member.code_secret, member.id, parsed.code, now) if member else None
    if member is None or step is None:
        raise ApiError(403, "member_code_invalid",
                       "the member code is wrong or has expired: ask the member to show it again")
    try:
        with session.begin_nested():
            session.add(MemberCodeUse(member_id=member.id, step=step, used_at=now, purpose=purpose[:64]))
    except IntegrityError as exc:
        raise ApiError(403, "member_code_used",
                       "this member code was used already: ask the member for a new one") from exc
    return member.id


def record_contact(session: Session, member_id: str, store_id: str, kind: str, at: datetime) -> None:
    """Count a member at a store (kind: group_enrolment, counter_registration or coin_spend).
    The first counted contact anywhere locks an unlocked member to that store's merchant."""
    member = session.get(Member, member_id)
    store = session.get(Store, store_id)
    if member is None or store is None:
        raise not_found("member" if member is None else "store", member_id if member is None else store_id)
    if session.get(MemberContact, (member_id, store_id)) is None:
        session.add(MemberContact(member_id=member_id, store_id=store_id, first_at=at, kind=kind[:32],
                                  change_seq=next_change_seq(session)))
    if member.home_merchant_id is None:
        member.home_merchant_id = store.merchant_id
        member.locked_at, member.lock_reason = at, kind[:200]
        member.change_seq = next_change_seq(session)
