"""Coins over HTTP (docs/sync-protocol.md): a terminal moves a member's coins only with the
member's consent; the member, signed in on their phone, reads and authorizes their own."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.auth import current_member, current_terminal, platform_of
from central.errors import ApiError, invalid
from central.models import IdempotentResponse
from central.platform import Platform, TerminalContext
from central.schemas import (
    AuthorizeRequest,
    CaptureRequest,
    ConsentRequest,
    LookupRequest,
    MemberAuthorizeRequest,
)
from central.services import coin_consents, coins, member_privacy
from central.services.members import MemberContext

router = APIRouter(prefix="/v1", tags=["coins"])
Terminal = Annotated[TerminalContext, Depends(current_terminal)]
SignedInMember = Annotated[MemberContext, Depends(current_member)]


@router.post("/coins/consents", summary="Turn the member code scanned from the member's phone into a "
             "consent for one coin movement at this terminal; answers the available coins")
def consent(body: ConsentRequest, request: Request, terminal: Terminal) -> dict[str, Any]:
    platform = platform_of(request)
    try:
        with platform.tx() as session:
            return coin_consents.give_consent(session, platform, terminal, body.member_code)
    except ApiError as exc:
        _count_wrong_code(platform, terminal, exc, body.member_code)
        raise


@router.post("/coins/authorizations", summary="With the member's consent, reserve coins for this "
             "merchant and issue a signed offline token")
def authorize(body: AuthorizeRequest, request: Request, terminal: Terminal) -> dict[str, Any]:
    """The member code or consent is used up even when the authorization is then refused (as for
    a capture: one code, one attempt)."""
    platform = platform_of(request)
    with platform.tx() as session:
        refusal, answer = _authorize_once(session, platform, terminal, body)
    if refusal is not None:
        raise refusal
    return answer


def _authorize_once(session: Session, platform: Platform, terminal: TerminalContext,
                    body: AuthorizeRequest) -> tuple[ApiError | None, dict[str, Any]]:
    try:
        consented = coin_consents.require_consent_counting(
            session, platform, terminal, body.member_id, member_code=body.member_code,
            consent_id=body.consent_id, purpose="coins.authorize")
    except ApiError as exc:
        return exc, {}
    try:
        with session.begin_nested():
            return None, coins.authorize(session, platform, consented, terminal.store_id, body.max_coins,
                                         timedelta(seconds=body.ttl_seconds))
    except ApiError as exc:
        return exc, {}


@router.post("/coins/capture", summary="Capture coins online with a token or the member's consent "
             "(idempotent by Idempotency-Key)")
def capture(body: CaptureRequest, request: Request, terminal: Terminal,
            idempotency_key: Annotated[str, Header(min_length=8, max_length=128)]) -> JSONResponse:
    platform = platform_of(request)
    try:
        status, answer = _capture_once(platform, terminal, idempotency_key, body)
    except IntegrityError:  # the same key raced in concurrently: answer what it stored
        status, answer = _capture_once(platform, terminal, idempotency_key, body)
    return JSONResponse(answer, status_code=status)


@router.get("/coins/captures/{key}", summary="The answer this terminal's capture with this "
            "Idempotency-Key got, or 404 when it never arrived (then sending it again is safe)")
def capture_lookup(key: str, request: Request, terminal: Terminal) -> dict[str, Any]:
    """After a timeout or a lost answer: was the capture made? Looked up before any retry."""
    if not 8 <= len(key) <= 128:
        raise invalid("an Idempotency-Key is 8 to 128 characters")
    platform = platform_of(request)
    with platform.tx() as session:
        stored = session.get(IdempotentResponse, (terminal.terminal_id, key))
        if stored is None:
            raise ApiError(404, "unknown_capture", "no capture with this Idempotency-Key arrived from this "
                           "terminal: sending it again is safe")
        return {"key": key, "status": stored.status_code, "answer": json.loads(stored.body)}


def _capture_once(platform: Platform, terminal: TerminalContext, key: str,
                  body: CaptureRequest) -> tuple[int, dict[str, Any]]:
    digest = hashlib.sha256(json.dumps(body.model_dump(), sort_keys=True).encode()).hexdigest()
    with platform.tx() as session:
        stored = session.get(IdempotentResponse, (terminal.terminal_id, key))
        if stored is not None:
            if stored.request_hash != digest:
                raise invalid("this Idempotency-Key was used for a different request")
            return stored.status_code, json.loads(stored.body)
        status, answer = _run_capture(session, platform, terminal, body, key)
        session.add(IdempotentResponse(terminal_id=terminal.terminal_id, key=key, request_hash=digest,
                                       status_code=status, body=json.dumps(answer)))
    return status, answer


def _run_capture(session: Session, platform: Platform, terminal: TerminalContext,
                 body: CaptureRequest, key: str) -> tuple[int, dict[str, Any]]:
    """Lapsed reservations are released and a member code or consent is used up even when the
    capture then fails: one code, one attempt."""
    ref = f"capture:{terminal.terminal_id}:{key}"
    coins.expire_lapsed(session, platform, body.member_id)
    try:
        if body.token is None:
            consented = coin_consents.require_consent_counting(
                session, platform, terminal, body.member_id, member_code=body.member_code,
                consent_id=body.consent_id, purpose="coins.capture")
        with session.begin_nested():
            if body.token is None:
                return 200, coins.spend_with_consent(session, platform, terminal, consented, body.coins, ref)
            return 200, coins.capture(session, platform, terminal, token_text=body.token,
                                      token_id=_token_id(body.token), member_id=body.member_id,
                                      coins=body.coins, ref=ref, accepted_at=platform.clock())
    except ApiError as exc:
        return exc.status, exc.body()


def _count_wrong_code(platform: Platform, terminal: TerminalContext, error: ApiError, text: str) -> None:
    with platform.tx() as session:
        coin_consents.note_wrong_code(session, platform, terminal, error, text)


def _token_id(text: str) -> str:
    from desktop.core.coin_tokens import decode_unverified  # noqa: PLC0415

    token = decode_unverified(text)
    if token is None:
        raise ApiError(403, "forged_token", "not a coin authorization")
    return token.token_id


@router.get("/members/{member_id}/coins", summary="A member's available coins, for the terminal "
            "holding that member's live consent")
def balance(member_id: str, request: Request, terminal: Terminal, consent_id: str = "") -> dict[str, Any]:
    platform = platform_of(request)
    if not consent_id:
        raise ApiError(403, "consent_required", "a terminal reads a member's coins only with the member's "
                       "consent: POST /v1/coins/consents with the member code on their phone")
    with platform.tx() as session:
        coin_consents.check_consent(session, platform, terminal, consent_id, member_id)
        coins.expire_lapsed(session, platform, member_id)
        return {"member_id": member_id, "available": coin_consents.available(session, member_id)}


@router.post("/members/lookup", summary="The member of this merchant or store with a typed phone "
             "(masked answer, rate-limited)")
def lookup(body: LookupRequest, request: Request, terminal: Terminal) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:  # counted even when nobody is found
        member_privacy.count_lookup(session, platform, terminal)
    with platform.tx() as session:
        return member_privacy.lookup(session, terminal, body.phone)


@router.get("/me/coins", summary="The signed-in member's coins and open authorizations")
def my_coins(request: Request, member: SignedInMember) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:
        return coins.member_view(session, platform, member.member_id)


@router.post("/me/coin-authorizations", summary="The signed-in member reserves coins for one "
             "store's merchant and gets a signed token to show at the counter")
def my_authorization(body: MemberAuthorizeRequest, request: Request, member: SignedInMember) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:
        return coins.authorize(session, platform, coin_consents.by_member(member.member_id), body.store_id,
                               body.max_coins, timedelta(seconds=body.ttl_seconds))


@router.delete("/me/coin-authorizations/{token_id}", summary="The signed-in member cancels an open "
               "authorization (the coins are released)")
def cancel_my_authorization(token_id: str, request: Request, member: SignedInMember) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:
        coins.revoke(session, platform, token_id, member_id=member.member_id)
        return {"token_id": token_id, "state": "revoked"}
