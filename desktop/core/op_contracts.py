"""One typed definition per op payload, shared by the client (validated before the outbox row is
written) and the platform (validated before an op is applied). docs/sync-protocol.md lists them.

Every model forbids unknown fields, bounds every string and number, refuses strings that cannot
be stored as UTF-8 text (lone surrogates, NUL) and times outside the UTC range the platform
keeps (`UtcTime`). `validate_payload(kind, payload)` raises `ContractError` with a one-line
reason naming the field; nothing else escapes it.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
)

from desktop.core.ops import OpKind

MAX_PAYLOAD_BYTES = 2 * 1024 * 1024  # a drawn group of 10,000 entries fits; nothing else needs more
MAX_GROUP_SIZE = 10_000
MAX_FEN = 10**13  # 100 billion CNY: beyond any bill, and far inside a BIGINT
MAX_COINS = 2**32 - 1
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


class ContractError(ValueError):
    """A payload that breaks its contract; `reason` names the field and the rule."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _storable(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("contains a character that is not valid text (a lone surrogate)") from exc
    if "\x00" in text:
        raise ValueError("contains a NUL character")
    return text


def _utc_time(text: str) -> str:
    """An ISO 8601 time with an offset, between 2000 and 2200 once converted to UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValueError("is not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        raise ValueError("has no UTC offset")
    # Compare before converting: converting 0001-01-01T00:00+05:00 to UTC overflows.
    if not (EARLIEST.year <= moment.year < LATEST.year):
        raise ValueError("is outside the years 2000-2199")
    moment = moment.astimezone(UTC)
    if not EARLIEST <= moment < LATEST:
        raise ValueError("is outside the years 2000-2199")
    return text


# Text of at most N characters (NE: not empty), storable as UTF-8.
Str1000 = Annotated[StrictStr, Field(min_length=0, max_length=1000), AfterValidator(_storable)]
Str200 = Annotated[StrictStr, Field(min_length=0, max_length=200), AfterValidator(_storable)]
Str20000 = Annotated[StrictStr, Field(min_length=0, max_length=20_000), AfterValidator(_storable)]
Str200NE = Annotated[StrictStr, Field(min_length=1, max_length=200), AfterValidator(_storable)]
Str32 = Annotated[StrictStr, Field(min_length=0, max_length=32), AfterValidator(_storable)]
Str32NE = Annotated[StrictStr, Field(min_length=1, max_length=32), AfterValidator(_storable)]
Str400 = Annotated[StrictStr, Field(min_length=0, max_length=400), AfterValidator(_storable)]
Str500 = Annotated[StrictStr, Field(min_length=0, max_length=500), AfterValidator(_storable)]
Str64 = Annotated[StrictStr, Field(min_length=0, max_length=64), AfterValidator(_storable)]
Str64NE = Annotated[StrictStr, Field(min_length=1, max_length=64), AfterValidator(_storable)]


ID_PATTERN = r"^[A-Za-z0-9_.:\-]+$"
ID_MAX = 64
Id = Annotated[StrictStr, Field(min_length=1, max_length=ID_MAX, pattern=ID_PATTERN)]
_ID = re.compile(ID_PATTERN)


def is_id(value: object) -> bool:
    """Whether `Id` would take `value`, without validating a payload (the platform's prefetch
    looks up only such ids: central/services/op_handlers.py)."""
    return isinstance(value, str) and 0 < len(value) <= ID_MAX and _ID.fullmatch(value) is not None


Hex64 = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")]
# Longest voucher: 26 fixed bytes + 4 texts of 1 + 255 bytes + 64 of signature, in base32.
VoucherText = Annotated[StrictStr, Field(max_length=1800, pattern=r"^PSV1[A-Z2-7]+$")]
Nonce = Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{32,128}$")]
Phone = Annotated[StrictStr, Field(pattern=r"^\+?[0-9]{5,20}$")]
UtcTime = Annotated[StrictStr, Field(max_length=40), AfterValidator(_utc_time)]
Fen = Annotated[StrictInt, Field(ge=0, le=MAX_FEN)]
SignedFen = Annotated[StrictInt, Field(ge=-MAX_FEN, le=MAX_FEN)]
Coins = Annotated[StrictInt, Field(ge=0, le=MAX_COINS)]
PositiveCoins = Annotated[StrictInt, Field(ge=1, le=MAX_COINS)]


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    at: UtcTime | None = None  # when the business event happened; the platform defaults to receipt


M = TypeVar("M", bound=Payload)


class StaffChanged(Payload):
    staff_id: StrictInt | Id
    name: Str200
    role: Str32NE
    active: StrictBool


class DealTermsPayload(BaseModel):
    """The frozen terms of a deal as published (desktop.core.deals.DealTerms)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    product_name: Str200NE
    market_value_fen: Fen
    cost_fen: Fen
    group_price_fen: Fen
    group_size: Annotated[StrictInt, Field(ge=2, le=MAX_GROUP_SIZE)]
    winners: Annotated[StrictInt, Field(ge=1, le=MAX_GROUP_SIZE)]
    leader_rule: Literal["drawn", "excluded"]
    leader_reward_fen: Fen = 0
    consolation_cash_fen: Fen = 0
    consolation_coins: Coins = 0
    formation_reward_fen: Fen = 0
    promotion_budget_fen: Fen = 0
    fill_window: Annotated[StrictInt, Field(ge=1, le=366 * 86400)]  # seconds
    max_open_groups: Annotated[StrictInt, Field(ge=1, le=10_000)] = 1
    per_member_limit: Annotated[StrictInt, Field(ge=1, le=MAX_GROUP_SIZE)] = 1
    redemption_days: Annotated[StrictInt, Field(ge=1, le=3660)] = 30
    draw_method: Str64NE = "pinshang-draw-v1"


class Disclosure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zh_CN: Str20000
    en: Str20000


class DealPublished(Payload):
    """deal.launched and deal.amended: the platform keeps every version of the terms."""

    deal_id: Id
    terms: DealTermsPayload
    disclosure: Disclosure
    version: Annotated[StrictInt, Field(ge=1, le=1_000_000)] = 1


class GroupOpened(Payload):
    """The owner publishes the commitment; `join_token` (desktop.core.join_token) is signed by
    the terminal's key `key_id` and proves which store opened the group."""

    group_id: Id
    deal_id: Id
    commitment: Hex64
    size: Annotated[StrictInt, Field(ge=2, le=MAX_GROUP_SIZE)]
    winners: Annotated[StrictInt, Field(ge=1, le=MAX_GROUP_SIZE)] | None = None
    deadline: UtcTime | None = None
    join_token: Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9_\-]{86}$")] | None = None
    key_id: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{8}$")] | None = None


class GroupJoined(Payload):
    group_id: Id
    entry_id: Id
    nonce: Nonce | None = None
    member_id: Id | None = None
    phone: Phone | None = None
    deposit_fen: Fen
    tender: Str32 = "cash"
    request_id: Id | None = None


class GroupDrawn(Payload):
    group_id: Id
    proof: dict[str, Any]  # checked by desktop.core.draw.verify_proof and the platform's own state


class CoinGrant(BaseModel):
    """One loser's consolation coins. `entry_id` names the entry (the platform resolves its
    member); grants written before entry ids were sent carry only member_id (or a phone)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    entry_id: Id | None = None
    member_id: Id | None = None
    phone: Phone | None = None
    coins: PositiveCoins


class GroupSettled(Payload):
    """`kept_fen` (the winners' payments), `deal_commission_fen` and `schedule_version` are what
    the counter recorded for settlement (docs/settlement.md); absent in ops written before."""

    group_id: Id
    coin_grants: Annotated[list[CoinGrant], Field(max_length=MAX_GROUP_SIZE)] = []
    cash_fen: Fen = 0
    kept_fen: Fen | None = None
    deal_commission_fen: SignedFen | None = None
    schedule_version: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] | None = None


class GroupRefunded(Payload):
    """group.expired and group.cancelled."""

    group_id: Id
    refunded_fen: Fen
    reason: Str500 = ""


class JoinRequestAccepted(Payload):
    request_id: Id
    group_id: Id
    entry_id: Id | None = None


class JoinRequestRefused(Payload):
    request_id: Id
    group_id: Id
    reason: Str500 = ""


class VoucherIssued(Payload):
    voucher_id: Id
    group_id: Id
    entry_id: Id
    expires_at: UtcTime
    # The signed PSV1 text, so the winner's phone can show the voucher as a QR (the member
    # page); absent in ops written before it was sent along.
    voucher: VoucherText | None = None


class VoucherRedeemed(Payload):
    voucher_id: Id
    redeemed_at: UtcTime
    staff: Str200 = ""
    terminal: Str200 = ""
    # The signed PSV1 text (as desktop.core.vouchers.clean_scan leaves it), so the platform
    # checks the voucher itself; absent only in ops written before it was sent along.
    voucher: VoucherText | None = None


class SaleAmounts(BaseModel):
    """What a sale (or, negated, its refund) implies under the schedule version it names
    (desktop.core.commission; docs/settlement.md). The platform recomputes each from its own
    data and schedule history; a line where the two disagree is a difference."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    coin_reimbursement_fen: SignedFen = 0  # the platform owes the merchant
    turnover_commission_fen: SignedFen = 0  # the merchant owes the platform
    alliance_share_fen: SignedFen = 0  # the platform owes the member's home merchant
    home_merchant_id: Str64 = ""  # the member's home merchant when it is not this one


class SaleLine(BaseModel):
    """One line as rung: `amount_fen` = quantity x unit price - line discount. A winner's voucher
    is a line at price 0 naming `voucher_id`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    line_no: Annotated[StrictInt, Field(ge=1, le=10_000)]
    item_id: Str64 = ""
    price_version: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] = 0
    name: Str200
    quantity: Annotated[StrictInt, Field(ge=1, le=100_000)]
    unit_price_fen: Fen
    discount_fen: Fen = 0
    amount_fen: Fen
    voucher_id: Id | None = None


class SaleTender(BaseModel):
    """One payment: kind from the terminal's tender list (cash, card, wechat, alipay, ...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
    amount_fen: Annotated[StrictInt, Field(ge=1, le=MAX_FEN)]
    reference: Str200 = ""


class SaleCompleted(Payload):
    """A completed sale. `base_fen` is the bill after line and bill discounts and voucher lines
    (the coin cap's base); `total_fen` = base_fen - coin_fen is what the tenders pay. Coins came
    either online (`coin_capture_key`, the Idempotency-Key of the capture the platform already
    made) or offline (`coin_token_id`, captured by the coins.captured op of the same sale).
    Fields after `schedule_version` are absent only in ops written before checkout existed."""

    sale_id: Id
    total_fen: Fen
    coins: Coins = 0
    coin_fen: Fen = 0
    schedule_version: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] | None = None
    receipt_no: Str64 = ""
    member_id: Id | None = None
    base_fen: Fen | None = None
    bill_discount_fen: Fen = 0
    lines: Annotated[list[SaleLine], Field(max_length=2_000)] = []
    tenders: Annotated[list[SaleTender], Field(max_length=20)] = []
    change_fen: Fen = 0
    coin_capture_key: Annotated[StrictStr, Field(min_length=8, max_length=128)] | None = None
    coin_token_id: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{32}$")] | None = None
    amounts: SaleAmounts | None = None
    shift_id: Str64 = ""
    cashier: Str200 = ""
    # The bill rounded to the jiao where the store's setting says so: total_fen = base_fen -
    # coin_fen + rounding_fen (at most half a jiao either way).
    rounding_fen: Annotated[StrictInt, Field(ge=-5, le=5)] = 0


class RefundLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    line_no: Annotated[StrictInt, Field(ge=1, le=10_000)]
    quantity: Annotated[StrictInt, Field(ge=1, le=100_000)]
    amount_fen: Fen


class SaleRefunded(Payload):
    """sale.refunded and sale.voided: a new record that reverses (part of) a sale; nothing is
    edited in place. `coins_returned` go back to the member (the platform applies it once);
    `amounts` are the negated share of what the sale implied, under the sale's schedule version."""

    refund_id: Id
    sale_id: Id
    reason: Str500
    approved_by: Str200 = ""
    lines: Annotated[list[RefundLine], Field(max_length=2_000)] = []
    total_fen: Fen
    coins_returned: Coins = 0
    coin_fen_returned: Fen = 0
    tenders: Annotated[list[SaleTender], Field(max_length=20)] = []
    schedule_version: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] | None = None
    amounts: SaleAmounts | None = None
    shift_id: Str64 = ""
    cashier: Str200 = ""


class CoinsCaptured(Payload):
    """Coins of a platform-issued authorization the counter accepted offline at `at` (required:
    the platform checks it against the authorization's issue and expiry and its own clock)."""

    at: UtcTime
    token_id: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{32}$")]
    member_id: Id
    coins: PositiveCoins
    sale_id: Str64 = ""
    token: Annotated[StrictStr, Field(min_length=1, max_length=400), AfterValidator(_storable)]
    # What the counter recorded for settlement when the capture is not part of a sale (a sale
    # books its coins' reimbursement itself); absent in ops written before.
    coin_reimbursement_fen: SignedFen | None = None
    schedule_version: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] | None = None


class SigningKeyAdded(Payload):
    key_id: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{8}$")]
    public_key: Annotated[StrictStr, Field(min_length=1, max_length=64)]


class ZTender(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
    amount_fen: SignedFen


class ShiftClosed(Payload):
    """A shift's Z report: numbered per terminal from 1 without gaps, never changed. `digest`
    is the SHA-256 of the report's canonical JSON as the terminal stored it."""

    shift_id: Annotated[StrictInt, Field(ge=1, le=2**31 - 1)]
    z_number: Annotated[StrictInt, Field(ge=1, le=2**31 - 1)]
    terminal: Str200
    opened_at: UtcTime
    closed_at: UtcTime
    opened_by: Str200 = ""
    closed_by: Str200 = ""
    float_fen: Fen
    expected_fen: SignedFen
    counted_fen: Fen
    over_short_fen: SignedFen
    reason: Str500 = ""
    approver: Str200 = ""
    sales_count: Annotated[StrictInt, Field(ge=0, le=10**9)] = 0
    sales_fen: SignedFen = 0
    refunds_fen: SignedFen = 0
    tenders: Annotated[list[ZTender], Field(max_length=40)] = []
    digest: Hex64


class RedemptionReversed(Payload):
    """A redemption taken back within the window, with a manager's approval: the voucher is
    redeemable again. `redemption_op_id` is the op_id of the voucher.redeemed it reverses."""

    voucher_id: Id
    redemption_op_id: Id
    redeemed_at: UtcTime
    reversed_at: UtcTime
    staff: Str200 = ""
    approver: Str200NE
    reason: Annotated[StrictStr, Field(min_length=1, max_length=500), AfterValidator(_storable)]


PAYLOADS: dict[OpKind, type[Payload]] = {
    OpKind.STAFF_CHANGED: StaffChanged,
    OpKind.DEAL_LAUNCHED: DealPublished,
    OpKind.DEAL_AMENDED: DealPublished,
    OpKind.GROUP_OPENED: GroupOpened,
    OpKind.GROUP_JOINED: GroupJoined,
    OpKind.GROUP_DRAWN: GroupDrawn,
    OpKind.GROUP_SETTLED: GroupSettled,
    OpKind.GROUP_EXPIRED: GroupRefunded,
    OpKind.GROUP_CANCELLED: GroupRefunded,
    OpKind.JOIN_REQUEST_ACCEPTED: JoinRequestAccepted,
    OpKind.JOIN_REQUEST_REFUSED: JoinRequestRefused,
    OpKind.VOUCHER_ISSUED: VoucherIssued,
    OpKind.VOUCHER_REDEEMED: VoucherRedeemed,
    OpKind.SALE_COMPLETED: SaleCompleted,
    OpKind.SALE_REFUNDED: SaleRefunded,
    OpKind.SALE_VOIDED: SaleRefunded,
    OpKind.COINS_CAPTURED: CoinsCaptured,
    OpKind.SIGNING_KEY_ADDED: SigningKeyAdded,
    OpKind.SHIFT_CLOSED: ShiftClosed,
    OpKind.REDEMPTION_REVERSED: RedemptionReversed,
}

_KIND = re.compile(r"^[a-z_]{1,32}\.[a-z_]{1,32}$")


def check_json_safe(value: Any, depth: int = 0) -> None:
    """Raise ContractError for a JSON value the platform could not store as text."""
    if depth > 32:
        raise ContractError("invalid payload: nested too deeply")
    if isinstance(value, str):
        try:
            _storable(value)
        except ValueError as exc:
            raise ContractError(f"invalid payload: a string {exc}") from exc
    elif isinstance(value, dict):
        for key, item in value.items():
            check_json_safe(key, depth + 1)
            check_json_safe(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_json_safe(item, depth + 1)


def validate_payload(kind: str, payload: Any) -> Payload:
    """The typed payload of an op of `kind`; ContractError (with a reason) when it breaks the
    contract: unknown kind, unknown field, missing field, out-of-range value, bad text."""
    if not isinstance(kind, str) or not _KIND.match(kind):
        raise ContractError("unknown op kind")
    try:
        model = PAYLOADS[OpKind(kind)]
    except (KeyError, ValueError) as exc:
        raise ContractError(f"unknown op kind {kind!r}") from exc
    return validate_model(model, payload)


def validate_model(model: type[M], payload: Any) -> M:
    """`payload` as `model`, or ContractError naming the first field that breaks the contract."""
    check_json_safe(payload)
    if len(json.dumps(payload, ensure_ascii=False).encode("utf-8")) > MAX_PAYLOAD_BYTES:
        raise ContractError("invalid payload: larger than 2 MiB")
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "payload"
        raise ContractError(f"invalid payload: {where}: {first['msg']}") from exc


def event_time(data: Payload) -> datetime | None:
    """The payload's `at` as an aware UTC datetime (None when absent)."""
    return None if data.at is None else datetime.fromisoformat(data.at).astimezone(UTC)
