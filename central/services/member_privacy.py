"""Which members a terminal may know, and how much of them (minimum necessary, 个人信息保护法).

A terminal gets a member only when it needs them: the member is locked to the terminal's
merchant, or was counted at the terminal's store (member_contacts). It gets the phone masked
as the counter shows it, and a keyed hash to match a typed number (desktop/core/phones.py says
what that hash does not protect against). A counter that must find a typed phone it does not
hold asks `lookup`, which answers only for those same members and is rate-limited.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.models import Member, MemberContact, MemberLookup, MerchantPhoneKey
from central.platform import Platform, TerminalContext
from desktop.core.phones import mask_phone, normalize_phone, phone_hash

LOOKUPS_PER_MINUTE = 20  # per terminal: a busy counter types a few numbers a minute
LOOKUP_WINDOW = timedelta(minutes=1)


def phone_key(session: Session, merchant_id: str) -> bytes:
    """The merchant's phone-hash key, made on first use (and kept: hashes stay comparable)."""
    row = session.get(MerchantPhoneKey, merchant_id)
    if row is None:
        try:
            with session.begin_nested():
                row = MerchantPhoneKey(merchant_id=merchant_id, key=secrets.token_bytes(32))
                session.add(row)
        except IntegrityError:  # another request made it first
            row = session.get(MerchantPhoneKey, merchant_id)
            assert row is not None
    return bytes(row.key)


def in_scope(ctx: TerminalContext) -> ColumnElement[bool]:
    """Members this terminal may hold: locked to its merchant, or counted at its store."""
    counted = select(MemberContact.member_id).where(MemberContact.store_id == ctx.store_id)
    return or_(Member.home_merchant_id == ctx.merchant_id, Member.id.in_(counted))


def member_row(member: Member, key: bytes) -> dict[str, Any]:
    """A member as a terminal receives them: never the full phone number."""
    return {"member_id": member.id, "phone_masked": mask_phone(member.phone),
            "phone_hash": phone_hash(key, member.phone), "name": member.name,
            "home_merchant_id": member.home_merchant_id,
            "locked_at": member.locked_at.isoformat() if member.locked_at else None}


def lookup(session: Session, ctx: TerminalContext, phone: str) -> dict[str, Any]:
    """The member of this merchant or store with this phone; 404 alike for nobody and for a
    member the terminal may not know (no oracle for who is a member elsewhere). The caller
    counts the lookup first, in its own transaction (`count_lookup`)."""
    digits = normalize_phone(phone)
    member = session.execute(select(Member).where(Member.phone == digits, in_scope(ctx))).scalar_one_or_none()
    if member is None:
        raise ApiError(404, "member_not_found",
                       "no member of this merchant or store has this phone: enrol by phone")
    return {"member_id": member.id, "phone_masked": mask_phone(member.phone), "name": member.name}


def count_lookup(session: Session, platform: Platform, ctx: TerminalContext) -> None:
    now = platform.clock()
    session.execute(delete(MemberLookup).where(MemberLookup.terminal_id == ctx.terminal_id,
                                               MemberLookup.at < now - LOOKUP_WINDOW))
    recent = session.scalar(select(func.count()).select_from(MemberLookup).where(
        MemberLookup.terminal_id == ctx.terminal_id)) or 0
    if recent >= LOOKUPS_PER_MINUTE:
        raise ApiError(429, "too_many_lookups",
                       f"at most {LOOKUPS_PER_MINUTE} phone lookups a minute per terminal: try again shortly")
    session.add(MemberLookup(terminal_id=ctx.terminal_id, at=now))
