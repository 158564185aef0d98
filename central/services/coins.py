"""Coin authorizations (offline use) and captures (docs/sync-protocol.md).

Coins belong to members: nothing here moves or reserves a member's coins without the member's
consent the platform checked (central/services/coin_consents.py: a member code or a consent
id), or a request of the member themselves (their phone's sign-in), or a coin authorization the
platform issued to that member for the capturing terminal's merchant.

Issuing reserves the coins (a pending transfer member -> merchant) and signs a token; capture
posts up to the reserved amount and releases the rest; expiry (plus a grace for offline
terminals that accepted the token in time) voids the reservation, lazily when the authorization
is next read or captured; revocation voids it and is listed in pull.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.errors import ApiError, invalid, not_found
from central.models import CoinAuthorization, Member, Store
from central.platform import Platform, TerminalContext
from central.services import coin_ledger, members
from central.services.changes import next_change_seq
from central.services.coin_consents import Consented
from desktop.core.coin_tokens import CoinToken, encode_token, verify_token

DEFAULT_TTL = timedelta(minutes=15)
MIN_TTL = timedelta(seconds=60)
MAX_TTL = timedelta(hours=24)
MAX_OPEN_AUTHORIZATIONS = 3  # reserved at once, per member
CLOCK_SKEW = timedelta(minutes=2)  # a terminal's clock against the platform's


def authorize(session: Session, platform: Platform, consent: Consented, store_id: str,
              max_coins: int, ttl: timedelta) -> dict[str, Any]:
    """Reserve `max_coins` of the consenting member's coins for the merchant of `store_id`."""
    member_id = consent.member_id
    store = session.get(Store, store_id)
    if session.get(Member, member_id) is None or store is None:
        raise not_found("member" if store is not None else "store", member_id if store else store_id)
    expire_lapsed(session, platform, member_id)
    if max_coins <= 0 or max_coins >= 2**32:
        raise invalid("max_coins must be a positive whole number")
    if not MIN_TTL <= ttl <= MAX_TTL:
        raise ApiError(422, "ttl_out_of_bounds", "ttl_seconds must be between 60 seconds and 24 hours")
    if open_authorizations(session, member_id) >= MAX_OPEN_AUTHORIZATIONS:
        raise ApiError(409, "too_many_authorizations",
                       f"the member already holds {MAX_OPEN_AUTHORIZATIONS} open coin authorizations: "
                       "use or cancel one first")
    now = platform.clock()
    expires_at = (now + ttl).replace(microsecond=0)
    token_id = secrets.token_hex(16)
    pending = coin_ledger.reserve(session, coin_ledger.member_account(member_id),
                                  coin_ledger.merchant_account(store.merchant_id), max_coins,
                                  f"auth:{token_id}", now)
    session.add(CoinAuthorization(
        token_id=token_id, member_id=member_id, store_id=store.id, merchant_id=store.merchant_id,
        max_coins=max_coins, issued_at=now, expires_at=expires_at, pending_transfer_id=pending,
        state="reserved", captured_coins=0, capture_ref="", change_seq=next_change_seq(session),
    ))
    token = CoinToken(token_id, member_id, max_coins, expires_at, store.id, store.merchant_id)
    text = encode_token(token, platform.signing_key)
    return {"token": text, "token_id": token_id, "max_coins": max_coins, "issued_at": now.isoformat(),
            "expires_at": expires_at.isoformat(), "member_id": member_id, "store_id": store.id,
            "merchant_id": store.merchant_id}


def open_authorizations(session: Session, member_id: str) -> int:
    return int(session.scalar(select(func.count()).select_from(CoinAuthorization).where(
        CoinAuthorization.member_id == member_id, CoinAuthorization.state == "reserved")) or 0)


def load_current(session: Session, platform: Platform, token_id: str) -> CoinAuthorization | None:
    """The authorization, with a lapsed reservation voided first (lazy expiry)."""
    auth = session.execute(
        select(CoinAuthorization).where(CoinAuthorization.token_id == token_id).with_for_update()
    ).scalar_one_or_none()
    if auth is not None and auth.state == "reserved":
        if platform.clock() > auth.expires_at + platform.capture_grace:
            coin_ledger.void(session, auth.pending_transfer_id, f"expired:{token_id}", platform.clock())
            auth.state = "expired"
            auth.change_seq = next_change_seq(session)
    return auth


def expire_lapsed(session: Session, platform: Platform, member_id: str) -> None:
    """Void every lapsed reservation of a member (before reading or spending the balance)."""
    cutoff = platform.clock() - platform.capture_grace
    token_ids = session.execute(select(CoinAuthorization.token_id).where(
        CoinAuthorization.member_id == member_id, CoinAuthorization.state == "reserved",
        CoinAuthorization.expires_at < cutoff,
    )).scalars().all()
    for token_id in token_ids:
        load_current(session, platform, token_id)


def capture(session: Session, platform: Platform, ctx: TerminalContext, *, token_text: str,
            token_id: str, member_id: str, coins: int, ref: str, accepted_at: datetime) -> dict[str, Any]:
    """Post `coins` of an authorization accepted at `accepted_at`; ApiError with the reason when
    it cannot (forged, another member's or merchant's, used, out of its time, beyond its amount)."""
    _check_token_text(platform, token_text, token_id)
    auth = load_current(session, platform, token_id)
    _check_capture(platform, auth, ctx, member_id, coins, accepted_at)
    assert auth is not None
    coin_ledger.post(session, auth.pending_transfer_id, coins, ref, platform.clock())
    auth.state, auth.captured_coins, auth.capture_ref = "captured", coins, ref
    auth.change_seq = next_change_seq(session)
    members.record_contact(session, member_id, ctx.store_id, "coin_spend", accepted_at)
    return {"token_id": token_id, "captured_coins": coins, "released_coins": auth.max_coins - coins}


def _check_token_text(platform: Platform, token_text: str, token_id: str) -> None:
    # Expiry is judged in _check_capture, on the time the terminal accepted the token.
    check = verify_token(token_text, platform.signing_key.public_key(), now=datetime.min.replace(tzinfo=UTC))
    if not check.ok or check.token is None or check.token.token_id != token_id:
        raise ApiError(403, "forged_token", "the coin authorization does not verify: forged or altered")


def _check_capture(platform: Platform, auth: CoinAuthorization | None, ctx: TerminalContext,
                   member_id: str, coins: int, accepted_at: datetime) -> None:
    if auth is None:
        raise ApiError(404, "unknown_authorization", "no such coin authorization")
    if auth.member_id != member_id or auth.merchant_id != ctx.merchant_id:
        raise ApiError(403, "wrong_scope", "the coin authorization belongs to another member or merchant")
    if auth.state != "reserved":
        raise ApiError(409, f"authorization_{auth.state}", f"the coin authorization is already {auth.state}")
    if accepted_at < auth.issued_at - CLOCK_SKEW:
        raise ApiError(409, "capture_before_authorization",
                       f"the capture is dated {accepted_at.isoformat()}, before the coin authorization "
                       f"was issued at {auth.issued_at.isoformat()}")
    if accepted_at > platform.clock() + CLOCK_SKEW:
        raise ApiError(409, "capture_in_future",
                       f"the capture is dated {accepted_at.isoformat()}, in the future of the platform's clock")
    if accepted_at >= auth.expires_at:
        raise ApiError(409, "authorization_expired", "the coin authorization had expired when accepted")
    if coins <= 0 or coins > auth.max_coins:
        raise ApiError(409, "beyond_authorization",
                       f"capture of {coins} coins is beyond the authorized {auth.max_coins}")


def revoke(session: Session, platform: Platform, token_id: str, member_id: str | None = None) -> None:
    """Void an open authorization (the platform's admin, or the member it was issued to)."""
    auth = load_current(session, platform, token_id)
    if auth is None or (member_id is not None and auth.member_id != member_id):
        raise not_found("coin authorization", token_id)
    if auth.state != "reserved":
        raise ApiError(409, f"authorization_{auth.state}", f"the coin authorization is already {auth.state}")
    coin_ledger.void(session, auth.pending_transfer_id, f"revoked:{token_id}", platform.clock())
    auth.state, auth.change_seq = "revoked", next_change_seq(session)


def spend_with_consent(session: Session, platform: Platform, ctx: TerminalContext, consent: Consented,
                       coins: int, ref: str) -> dict[str, Any]:
    """Online capture without a token: move the consenting member's coins -> merchant now."""
    member_id = consent.member_id
    if consent.terminal_id != ctx.terminal_id:
        raise ApiError(403, "consent_invalid", "the member's consent was given at another terminal")
    if session.get(Member, member_id) is None:
        raise not_found("member", member_id)
    if coins <= 0:
        raise invalid("coins must be a positive whole number")
    expire_lapsed(session, platform, member_id)
    now = platform.clock()
    transfer = coin_ledger.move(session, coin_ledger.member_account(member_id),
                                coin_ledger.merchant_account(ctx.merchant_id), coins, ref, now)
    members.record_contact(session, member_id, ctx.store_id, "coin_spend", now)
    return {"transfer_id": transfer, "captured_coins": coins,
            "balance": coin_ledger.available(session, coin_ledger.member_account(member_id))}


def member_view(session: Session, platform: Platform, member_id: str) -> dict[str, Any]:
    """What the member's own phone shows: available coins and their open authorizations."""
    expire_lapsed(session, platform, member_id)
    rows = session.execute(select(CoinAuthorization).where(
        CoinAuthorization.member_id == member_id, CoinAuthorization.state == "reserved",
    ).order_by(CoinAuthorization.issued_at)).scalars()
    return {"member_id": member_id,
            "available": coin_ledger.available(session, coin_ledger.member_account(member_id)),
            "authorizations": [{"token_id": a.token_id, "store_id": a.store_id, "merchant_id": a.merchant_id,
                                "max_coins": a.max_coins, "issued_at": a.issued_at.isoformat(),
                                "expires_at": a.expires_at.isoformat()} for a in rows]}
