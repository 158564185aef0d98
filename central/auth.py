"""Bearer-token authentication of terminals. Tokens are stored only as SHA-256 hex digests."""

from __future__ import annotations

import hashlib

from fastapi import Request
from sqlalchemy import select

from central.errors import ApiError
from central.models import Store, Terminal
from central.platform import Platform, TerminalContext
from central.services.members import MemberContext, member_by_token


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def platform_of(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


def current_terminal(request: Request) -> TerminalContext:
    """FastAPI dependency: the terminal behind the `Authorization: Bearer <token>` header."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "missing bearer token")
    with platform_of(request).read() as session:
        row = session.execute(
            select(Terminal.id, Terminal.store_id, Terminal.revoked_at, Store.merchant_id)
            .join(Store, Store.id == Terminal.store_id)
            .where(Terminal.token_hash == hash_token(token.strip()))
        ).first()
    if row is None:
        raise ApiError(401, "unauthorized", "unknown API token")
    if row.revoked_at is not None:
        raise ApiError(401, "token_revoked", "this terminal's API token was revoked; pair again")
    return TerminalContext(row.id, row.store_id, row.merchant_id)


def current_member(request: Request) -> MemberContext:
    """FastAPI dependency: the member behind `Authorization: Member <token>` (their phone)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "member" or not token.strip() or len(token) > 200:
        raise ApiError(401, "member_unauthorized", "sign in as a member first")
    with platform_of(request).read() as session:
        member = member_by_token(session, token.strip())
    if member is None:
        raise ApiError(401, "member_unauthorized", "unknown or expired member sign-in: sign in again")
    return member
