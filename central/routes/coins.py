from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

from central.auth import current_terminal, platform_of
from central.errors import ApiError, invalid
from central.models import IdempotentResponse
from central.platform import Platform, TerminalContext
from central.schemas import AuthorizeRequest, CaptureRequest
from central.services import coin_ledger, coins

router = APIRouter(prefix="/v1", tags=["coins"])
Terminal = Annotated[TerminalContext, Depends(current_terminal)]


@router.post("/coins/authorizations", summary="Reserve coins and issue a signed offline token")
def authorize(body: AuthorizeRequest, request: Request, terminal: Terminal) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:
        return coins.authorize(session, platform, terminal, body.member_id, body.max_coins,
                               timedelta(seconds=body.ttl_seconds))


@router.post("/coins/capture", summary="Capture coins online (idempotent by Idempotency-Key)")
def capture(body: CaptureRequest, request: Request, terminal: Terminal,
            idempotency_key: Annotated[str, Header(min_length=8, max_length=128)]) -> JSONResponse:
    platform = platform_of(request)
    try:
        status, answer = _capture_once(platform, terminal, idempotency_key, body)
    except IntegrityError:  # the same key raced in concurrently: answer what it stored
        status, answer = _capture_once(platform, terminal, idempotency_key, body)
    return JSONResponse(answer, status_code=status)


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


def _run_capture(session: Any, platform: Platform, terminal: TerminalContext,
                 body: CaptureRequest, key: str) -> tuple[int, dict[str, Any]]:
    ref = f"capture:{terminal.terminal_id}:{key}"
    coins.expire_lapsed(session, platform, body.member_id)  # kept even if the capture fails
    try:
        with session.begin_nested():
            if body.token is None:
                return 200, coins.spend_directly(session, platform, terminal, body.member_id, body.coins, ref)
            token_id = _token_id(body.token)
            return 200, coins.capture(session, platform, terminal, token_id=token_id,
                                      member_id=body.member_id, coins=body.coins, ref=ref,
                                      accepted_at=platform.clock(), token_text=body.token)
    except ApiError as exc:
        return exc.status, exc.body()


def _token_id(text: str) -> str:
    from desktop.core.coin_tokens import decode_unverified  # noqa: PLC0415

    token = decode_unverified(text)
    if token is None:
        raise ApiError(403, "forged_token", "not a coin authorization")
    return token.token_id


@router.get("/members/{member_id}/coins", summary="A member's available coin balance")
def balance(member_id: str, request: Request, terminal: Terminal) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:
        coins.expire_lapsed(session, platform, member_id)
        account = coin_ledger.member_account(member_id)
        return {"member_id": member_id, "available": coin_ledger.available(session, account)}
