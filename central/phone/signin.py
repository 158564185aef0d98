"""Members sign in on their phone with a one-time code sent by SMS (docs/security.md, phone).

- A code is 6 random digits (`secrets`), good for 5 minutes and for 5 tries; only its hash is
  stored. Asking for codes is limited per phone (3 in 10 minutes) and per client address
  (20 in 10 minutes); wrong codes per phone are limited too (10 an hour), whichever code
  they were for, so guessing costs hours, not seconds.
- A right code signs the phone in: a new member is made for a phone the platform does not know.
  The session is a random token in an HttpOnly, SameSite=Lax cookie (Secure on https); the
  table keeps its hash. Sessions last 30 days.
- Every state-changing request carries a CSRF token: the HMAC of the browser's `ps_pre`
  cookie under a key derived from the platform's key, so any worker checks it without state.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.models import Member, PhoneOtp, PhoneSession, RateHit
from central.phone.sms import SmsProvider
from central.services.admin import create_member
from central.services.join_requests import Limit, RateLimited, count_hit
from desktop.core.phones import mask_phone, normalize_phone

CODE_TTL = timedelta(minutes=5)
CODE_TRIES = 5
SEND_PER_PHONE = Limit(3, timedelta(minutes=10))
SEND_PER_ADDRESS = Limit(20, timedelta(minutes=10))
WRONG_PER_PHONE = Limit(10, timedelta(hours=1))
SESSION_TTL = timedelta(days=30)
SESSION_COOKIE = "ps_session"
PRE_COOKIE = "ps_pre"


def mobile_or_refuse(text: str) -> str:
    phone = normalize_phone(text)
    if len(phone) != 11 or not phone.startswith("1"):
        raise ApiError(422, "bad_phone", "enter an 11-digit mainland mobile number")
    return phone


def _hash(phone: str, code: str) -> str:
    return hashlib.sha256(f"pinshang-otp\n{phone}\n{code}".encode()).hexdigest()


def send_code(session: Session, sms: SmsProvider, phone_text: str, address: str, now: datetime) -> str:
    """Make and send a code; returns the masked phone. RateLimited when asked too often."""
    phone = mobile_or_refuse(phone_text)
    count_hit(session, f"otp-send:{phone}", SEND_PER_PHONE, now, "phone", "sms_send")
    count_hit(session, f"otp-address:{address}", SEND_PER_ADDRESS, now, "address", "sms_send")
    code = f"{secrets.randbelow(10**6):06d}"
    session.add(PhoneOtp(phone=phone, code_hash=_hash(phone, code), created_at=now,
                         expires_at=now + CODE_TTL, attempts=0))
    sms.send(session, phone, f"【拼商】验证码 {code}，5分钟内有效。Pinshang sign-in code {code} (5 min).", now)
    return mask_phone(phone)


def try_code(session: Session, phone_text: str, code: str, now: datetime) -> str | None:
    """One sign-in try: the member id behind a right code (the code is used up), or None for a
    wrong one. The try is counted, against the phone's latest live code (CODE_TRIES) and the
    phone's hourly allowance of wrong tries (WRONG_PER_PHONE), in this same transaction and
    *before* the code is compared, so parallel guesses cannot outrun the count: the code's row
    is locked (FOR UPDATE on PostgreSQL; SQLite's writers are serialized by BEGIN IMMEDIATE)
    and the count of earlier tries read after the lock. RateLimited once the allowance is used.
    The caller commits even when the answer is None (the try must stay counted)."""
    phone = mobile_or_refuse(phone_text)
    otp = session.scalar(select(PhoneOtp).where(PhoneOtp.phone == phone, PhoneOtp.used_at.is_(None))
                         .order_by(PhoneOtp.id.desc()).limit(1).with_for_update())
    check_wrong_allowance(session, phone, now)
    if otp is None or otp.expires_at <= now or otp.attempts >= CODE_TRIES:
        _wrong(session, phone, now)
        return None
    otp.attempts += 1
    if not hmac.compare_digest(otp.code_hash, _hash(phone, code.strip())):
        _wrong(session, phone, now)
        return None
    otp.used_at = now
    member_id = session.scalar(select(Member.id).where(Member.phone == phone))
    return member_id or create_member(session, phone, mask_phone(phone))


def _wrong(session: Session, phone: str, now: datetime) -> None:
    """Count one wrong try in the phone's hourly allowance (and forget the ones out of the window)."""
    bucket = f"otp-wrong:{phone}"
    session.execute(delete(RateHit).where(RateHit.bucket == bucket, RateHit.at <= now - WRONG_PER_PHONE.window))
    session.add(RateHit(bucket=bucket, at=now))


class WrongCode(ApiError):
    def __init__(self) -> None:
        super().__init__(403, "wrong_code", "the code is wrong or has expired: ask for a new one")


def new_pre() -> str:
    """The browser's anonymous cookie the CSRF token is bound to."""
    return secrets.token_urlsafe(24)


def check_wrong_allowance(session: Session, phone_text: str, now: datetime) -> None:
    """RateLimited once the phone used its wrong tries for the hour (checked before a try)."""
    bucket = f"otp-wrong:{normalize_phone(phone_text)}"
    since = now - WRONG_PER_PHONE.window
    hits = session.scalars(select(RateHit.at).where(RateHit.bucket == bucket, RateHit.at > since)).all()
    if len(hits) >= WRONG_PER_PHONE.per_window:
        retry = int((min(hits) + WRONG_PER_PHONE.window - now).total_seconds()) + 1
        raise RateLimited("phone", max(1, retry), "sms_wrong")


def _session_hash(token: str) -> str:
    return hashlib.sha256(b"pinshang-phone-session\n" + token.encode()).hexdigest()


def open_session(session: Session, member_id: str, now: datetime) -> str:
    token = secrets.token_urlsafe(32)
    session.add(PhoneSession(token_hash=_session_hash(token), member_id=member_id, created_at=now,
                             expires_at=now + SESSION_TTL))
    return token


def session_member(session: Session, token: str | None, now: datetime) -> str | None:
    if not token or len(token) > 100:
        return None
    row = session.get(PhoneSession, _session_hash(token))
    return row.member_id if row is not None and row.expires_at > now else None


def close_session(session: Session, token: str | None) -> None:
    if token and len(token) <= 100:
        row = session.get(PhoneSession, _session_hash(token))
        if row is not None:
            session.delete(row)


def csrf_key(signing_key: Ed25519PrivateKey) -> bytes:
    raw = signing_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
    return hashlib.sha256(b"pinshang-phone-csrf\n" + raw).digest()


def csrf_token(key: bytes, pre: str) -> str:
    return hmac.new(key, pre.encode(), hashlib.sha256).hexdigest()


def csrf_ok(key: bytes, pre: str | None, token: str | None) -> bool:
    return bool(pre and token and len(pre) <= 100 and hmac.compare_digest(csrf_token(key, pre), token))
