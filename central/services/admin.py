"""Platform administration: merchants, stores, members, coin grants (used by the admin CLI
and by tests/demo to seed a platform)."""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.errors import ApiError, invalid, not_found
from central.models import Member, Merchant, Store
from central.services import coin_ledger
from central.services.changes import next_change_seq
from desktop.core.member_codes import SECRET_BYTES
from desktop.core.phones import normalize_phone

_PHONE = re.compile(r"^\d{5,20}$")


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:15]


def create_merchant(session: Session, name: str, merchant_id: str | None = None) -> str:
    merchant = Merchant(id=merchant_id or new_id("M"), name=_name(name), change_seq=next_change_seq(session))
    session.add(merchant)
    session.flush()
    return merchant.id


def create_store(session: Session, merchant_id: str, name: str, store_id: str | None = None) -> str:
    if session.get(Merchant, merchant_id) is None:
        raise not_found("merchant", merchant_id)
    store = Store(id=store_id or new_id("S"), merchant_id=merchant_id, name=_name(name),
                  change_seq=next_change_seq(session))
    session.add(store)
    session.flush()
    return store.id


def create_member(session: Session, phone: str, name: str, home_merchant_id: str | None = None,
                  member_id: str | None = None, locked_at: datetime | None = None) -> str:
    """A member, with the phone stored as counters send and look it up (normalize_phone: the 11
    digits of a mainland number, without +86), so one person is one member however typed."""
    typed, phone = phone, normalize_phone(phone)
    if not _PHONE.match(phone) or not re.fullmatch(r"[\d\s+\-]+", typed):
        raise invalid(f"{typed.strip()[:40]!r} is not a phone number")
    if session.execute(select(Member.id).where(Member.phone == phone)).first():
        raise ApiError(409, "member_exists", f"a member with phone {phone} exists already")
    if home_merchant_id and session.get(Merchant, home_merchant_id) is None:
        raise not_found("merchant", home_merchant_id)
    member = Member(id=member_id or new_id("U"), phone=phone, name=_name(name),
                    home_merchant_id=home_merchant_id, change_seq=next_change_seq(session),
                    locked_at=locked_at if home_merchant_id else None,
                    lock_reason="registered by the platform" if home_merchant_id else "",
                    code_secret=secrets.token_bytes(SECRET_BYTES))
    session.add(member)
    session.flush()
    return member.id


def grant_coins(session: Session, member_id: str, coins: int, ref: str, now: datetime) -> str:
    """Credit a member with coins issued by the platform (promotions, consolation rewards)."""
    if session.get(Member, member_id) is None:
        raise not_found("member", member_id)
    if not isinstance(coins, int) or isinstance(coins, bool) or coins <= 0:
        raise invalid("coins must be a positive whole number")
    return coin_ledger.move(session, coin_ledger.ISSUER, coin_ledger.member_account(member_id),
                            coins, ref, now)


def _name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 200:
        raise invalid("a name must have 1 to 200 characters")
    return cleaned
