"""Coin authorizations (offline use) and captures (DESIGN.md §4 Coins).

Issuing reserves the coins (a pending transfer member -> merchant) and signs a token; capture
posts up to the reserved amount and releases the rest; expiry (plus a grace for offline
terminals that accepted the token in time) voids the reservation, lazily when the authorization
is next read or captured; revocation voids it and is listed in pull.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.errors import ApiError, invalid, not_found
from central.models import CoinAuthorization, Member
from central.platform import Platform, TerminalContext
from central.services import coin_ledger
from central.services.changes import next_change_seq
from desktop.core.coin_tokens import CoinToken, encode_token, verify_token

MAX_TTL = timedelta(days=7)


def authorize(session: Session, platform: Platform, ctx: TerminalContext, member_id: str,
              max_coins: int, ttl: timedelta) -> dict[str, Any]:
    if session.get(Member, member_id) is None:
        raise not_found("member", member_id)
    expire_lapsed(session, platform, member_id)
    if max_coins <= 0 or max_coins >= 2**32:
        raise invalid("max_coins must be a positive whole number")
    if not timedelta(seconds=1) <= ttl <= MAX_TTL:
        raise invalid("ttl_seconds must be between 1 second and 7 days")
    now = platform.clock()
    expires_at = (now + ttl).replace(microsecond=0)
    token_id = secrets.token_hex(16)
    pending = coin_ledger.reserve(session, coin_ledger.member_account(member_id),
                                  coin_ledger.merchant_account(ctx.merchant_id), max_coins,
                                  f"auth:{token_id}", now)
    session.add(CoinAuthorization(
        token_id=token_id, member_id=member_id, store_id=ctx.store_id, merchant_id=ctx.merchant_id,
        max_coins=max_coins, expires_at=expires_at, pending_transfer_id=pending, state="reserved",
        captured_coins=0, capture_ref="", change_seq=next_change_seq(session),
    ))
    token = CoinToken(token_id, member_id, max_coins, expires_at, ctx.store_id, ctx.merchant_id)
    text = encode_token(token, platform.signing_key)
    return {"token": text, "token_id": token_id, "max_coins": max_coins,
            "expires_at": expires_at.isoformat(), "member_id": member_id}


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


def capture(session: Session, platform: Platform, ctx: TerminalContext, *, token_id: str,
            member_id: str, coins: int, ref: str, accepted_at: datetime,
            token_text: str | None = None) -> dict[str, Any]:
    """Post `coins` of an authorization; raises ApiError with the reason when it cannot."""
    if token_text is not None:
        _check_token_text(platform, token_text, token_id)
    auth = load_current(session, platform, token_id)
    _check_capture(auth, ctx, member_id, coins, accepted_at)
    assert auth is not None
    coin_ledger.post(session, auth.pending_transfer_id, coins, ref, platform.clock())
    auth.state, auth.captured_coins, auth.capture_ref = "captured", coins, ref
    auth.change_seq = next_change_seq(session)
    return {"token_id": token_id, "captured_coins": coins, "released_coins": auth.max_coins - coins}


def _check_token_text(platform: Platform, token_text: str, token_id: str) -> None:
    # Expiry is judged in _check_capture, on the time the terminal accepted the token.
    check = verify_token(token_text, platform.signing_key.public_key(), now=datetime.min.replace(tzinfo=UTC))
    if not check.ok or check.token is None or check.token.token_id != token_id:
        raise ApiError(403, "forged_token", "the coin authorization does not verify: forged or altered")


def _check_capture(auth: CoinAuthorization | None, ctx: TerminalContext, member_id: str,
                   coins: int, accepted_at: datetime) -> None:
    if auth is None:
        raise ApiError(404, "unknown_authorization", "no such coin authorization")
    if auth.member_id != member_id or auth.merchant_id != ctx.merchant_id:
        raise ApiError(403, "wrong_scope", "the coin authorization belongs to another member or merchant")
    if auth.state != "reserved":
        raise ApiError(409, f"authorization_{auth.state}", f"the coin authorization is already {auth.state}")
    if accepted_at >= auth.expires_at:
        raise ApiError(409, "authorization_expired", "the coin authorization had expired when accepted")
    if coins <= 0 or coins > auth.max_coins:
        raise ApiError(409, "beyond_authorization",
                       f"capture of {coins} coins is beyond the authorized {auth.max_coins}")


def revoke(session: Session, platform: Platform, token_id: str) -> None:
    auth = load_current(session, platform, token_id)
    if auth is None:
        raise not_found("coin authorization", token_id)
    if auth.state != "reserved":
        raise ApiError(409, f"authorization_{auth.state}", f"the coin authorization is already {auth.state}")
    coin_ledger.void(session, auth.pending_transfer_id, f"revoked:{token_id}", platform.clock())
    auth.state, auth.change_seq = "revoked", next_change_seq(session)


def spend_directly(session: Session, platform: Platform, ctx: TerminalContext, member_id: str,
                   coins: int, ref: str) -> dict[str, Any]:
    """Online capture without a token: move coins member -> merchant now."""
    if session.get(Member, member_id) is None:
        raise not_found("member", member_id)
    if coins <= 0:
        raise invalid("coins must be a positive whole number")
    expire_lapsed(session, platform, member_id)
    transfer = coin_ledger.move(session, coin_ledger.member_account(member_id),
                                coin_ledger.merchant_account(ctx.merchant_id), coins, ref,
                                platform.clock())
    return {"transfer_id": transfer, "captured_coins": coins,
            "balance": coin_ledger.available(session, coin_ledger.member_account(member_id))}
