"""Request bodies of the HTTP API (responses are documented in docs/sync-protocol.md)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
)

from desktop.core.op_contracts import ContractError, check_json_safe


def _storable(text: str) -> str:
    """Text the database can hold: no lone surrogate, no NUL (else 422, never a 500)."""
    try:
        check_json_safe(text)
    except ContractError as exc:
        raise ValueError(exc.reason.removeprefix("invalid payload: a string ")) from exc
    return text


def _escaped(value: Any) -> Any:
    """A kind that is not valid text becomes its escaped form, so the op is rejected ALONE as
    an unknown kind (pydantic refuses a lone surrogate outright, which would refuse the batch)."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


Text = Annotated[StrictStr, AfterValidator(_storable)]
OpId = Annotated[StrictStr, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$")]
MAX_BATCH = 1000  # ops per push; the client sends 200 (desktop/sync/worker.py BATCH_SIZE)
MAX_SEQ = 2**62


class PairRequest(BaseModel):
    code: Text = Field(min_length=1, max_length=32)
    public_key: Text = Field(min_length=1, max_length=64, description="base64 raw Ed25519 public key")
    name: Text = Field(min_length=1, max_length=200)


class PushOp(BaseModel):
    seq: StrictInt = Field(ge=1, le=MAX_SEQ)
    op_id: OpId
    kind: Annotated[StrictStr, BeforeValidator(_escaped)] = Field(min_length=1, max_length=64,
                            description="any text: an unknown or unstorable kind is rejected as an op")
    payload: Any = None


class AuditHead(BaseModel):
    length: StrictInt = Field(ge=0, le=MAX_SEQ)
    hash: str = Field(max_length=64, pattern=r"^[0-9a-f]*$")


class PushRequest(BaseModel):
    terminal_id: Text = Field(max_length=64)
    batch: list[PushOp] = Field(max_length=MAX_BATCH)
    audit_head: AuditHead | None = None


def _member_code() -> Any:
    return Field(default=None, min_length=1, max_length=100,
                 description="the member code PSM1:<member_id>:<8 digits> scanned from the member's phone")


def _consent_id() -> Any:
    return Field(default=None, pattern=r"^[0-9a-f]{32}$", description="a consent from POST /v1/coins/consents")


class ConsentRequest(BaseModel):
    member_code: Text = Field(min_length=1, max_length=100)


class AuthorizeRequest(BaseModel):
    member_id: Text = Field(min_length=1, max_length=64)
    max_coins: StrictInt = Field(gt=0, lt=2**32)
    ttl_seconds: StrictInt = Field(default=900, ge=60, le=86400)
    member_code: Text | None = _member_code()
    consent_id: Text | None = _consent_id()


class MemberAuthorizeRequest(BaseModel):
    store_id: Text = Field(min_length=1, max_length=64, description="the store whose merchant may capture")
    max_coins: StrictInt = Field(gt=0, lt=2**32)
    ttl_seconds: StrictInt = Field(default=900, ge=60, le=86400)


class CaptureRequest(BaseModel):
    member_id: Text = Field(min_length=1, max_length=64)
    coins: StrictInt = Field(gt=0, lt=2**32)
    sale_id: Text = Field(default="", max_length=64)
    token: Text | None = Field(default=None, max_length=400, description="a PSC1 coin authorization")
    member_code: Text | None = _member_code()
    consent_id: Text | None = _consent_id()


class LookupRequest(BaseModel):
    phone: Text = Field(min_length=5, max_length=32)


class JoinRequestBody(BaseModel):
    """The member comes from the `Authorization: Member <token>` credential, never the body."""

    model_config = ConfigDict(extra="forbid")
    join_token: Text = Field(min_length=1, max_length=128, description="the `t` of the invite's QR URL")
    nonce: Text = Field(min_length=32, max_length=128, description="lower-case hex, >= 16 random bytes")
