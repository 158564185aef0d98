"""Request bodies of the HTTP API (responses are documented in docs/sync-protocol.md)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt


class PairRequest(BaseModel):
    code: str = Field(min_length=1, max_length=32)
    public_key: str = Field(min_length=1, max_length=64, description="base64 raw Ed25519 public key")
    name: str = Field(min_length=1, max_length=200)


class PushOp(BaseModel):
    seq: StrictInt = Field(ge=1)
    op_id: str = Field(min_length=1, max_length=64)
    kind: str = Field(min_length=1, max_length=64)
    payload: Any = None


class AuditHead(BaseModel):
    length: StrictInt = Field(ge=0)
    hash: str = Field(max_length=64)


class PushRequest(BaseModel):
    terminal_id: str
    batch: list[PushOp] = Field(max_length=5000)
    audit_head: AuditHead | None = None


def _member_code() -> Any:
    return Field(default=None, min_length=1, max_length=100,
                 description="the member code PSM1:<member_id>:<8 digits> scanned from the member's phone")


def _consent_id() -> Any:
    return Field(default=None, pattern=r"^[0-9a-f]{32}$", description="a consent from POST /v1/coins/consents")


class ConsentRequest(BaseModel):
    member_code: str = Field(min_length=1, max_length=100)


class AuthorizeRequest(BaseModel):
    member_id: str = Field(min_length=1, max_length=64)
    max_coins: StrictInt = Field(gt=0, lt=2**32)
    ttl_seconds: StrictInt = Field(default=900, ge=60, le=86400)
    member_code: str | None = _member_code()
    consent_id: str | None = _consent_id()


class MemberAuthorizeRequest(BaseModel):
    store_id: str = Field(min_length=1, max_length=64, description="the store whose merchant may capture")
    max_coins: StrictInt = Field(gt=0, lt=2**32)
    ttl_seconds: StrictInt = Field(default=900, ge=60, le=86400)


class CaptureRequest(BaseModel):
    member_id: str = Field(min_length=1, max_length=64)
    coins: StrictInt = Field(gt=0, lt=2**32)
    sale_id: str = Field(default="", max_length=64)
    token: str | None = Field(default=None, max_length=400, description="a PSC1 coin authorization")
    member_code: str | None = _member_code()
    consent_id: str | None = _consent_id()


class LookupRequest(BaseModel):
    phone: str = Field(min_length=5, max_length=32)


class JoinRequestBody(BaseModel):
    """The member comes from the `Authorization: Member <token>` credential, never the body."""

    model_config = ConfigDict(extra="forbid")
    join_token: str = Field(min_length=1, max_length=128, description="the `t` of the invite's QR URL")
    nonce: str = Field(min_length=32, max_length=128, description="lower-case hex, >= 16 random bytes")
