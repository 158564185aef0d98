"""Platform-signed coin authorizations a member shows at the counter (docs/sync-protocol.md, Coin authorization token).

The platform reserves `max_coins` of the member's coins and signs a token; a terminal that is
offline verifies it with the platform public key and accepts at most that many coins before the
expiry, then captures it on the next sync. The text form fits a QR code in alphanumeric mode:

    "PSC1" + BASE32(body || signature)      (upper-case, no padding)

body (big-endian): version u8 = 1 | key_id 4 bytes (SHA-256 of the raw public key, first 4) |
token_id 16 bytes | expires_at u32 (Unix seconds, UTC) | max_coins u32 |
member_id, store_id, merchant_id: each u8 length + UTF-8 (1..64 bytes).
signature = Ed25519 over b"PSC1" + body. `verify_token` never raises on any input.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # cryptography is imported by the first key used
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

PREFIX = "PSC1"
VERSION = 1
SIGNATURE_BYTES = 64
MAX_TEXT = 400  # longest possible token is ~ 370 characters; anything longer is garbage
_FIXED = struct.Struct(">B4s16sII")


@dataclass(frozen=True)
class CoinToken:
    token_id: str  # 32 lower-case hex characters
    member_id: str
    max_coins: int
    expires_at: datetime
    store_id: str
    merchant_id: str


@dataclass(frozen=True)
class TokenCheck:
    ok: bool
    reason: str
    token: CoinToken | None = None


def key_id(public_key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).digest()[:4]


def encode_token(token: CoinToken, private_key: Ed25519PrivateKey) -> str:
    body = _pack(token, key_id(private_key.public_key()))
    signature = private_key.sign(PREFIX.encode() + body)
    return PREFIX + base64.b32encode(body + signature).decode("ascii").rstrip("=")


def _pack(token: CoinToken, kid: bytes) -> bytes:
    expires = int(token.expires_at.timestamp())
    fixed = _FIXED.pack(VERSION, kid, bytes.fromhex(token.token_id), expires, token.max_coins)
    return fixed + b"".join(_text_field(v) for v in (token.member_id, token.store_id, token.merchant_id))


def _text_field(value: str) -> bytes:
    raw = value.encode("utf-8")
    if not 1 <= len(raw) <= 64:
        raise ValueError("token text fields are 1..64 bytes of UTF-8")
    return bytes([len(raw)]) + raw


def verify_token(
    text: object,
    public_keys: Ed25519PublicKey | Iterable[Ed25519PublicKey],
    *,
    now: datetime | None = None,
) -> TokenCheck:
    """Check form, signature (any of the platform's keys, matched by key id) and expiry."""
    raw = _unwrap(text)
    if raw is None:
        return TokenCheck(False, "not a coin authorization")
    body, signature = raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]
    parsed = _unpack(body)
    if parsed is None:
        return TokenCheck(False, "malformed coin authorization")
    token, kid = parsed
    if not _signature_ok(body, signature, kid, public_keys):
        return TokenCheck(False, "the signature does not verify: forged or altered")
    if (now or datetime.now(UTC)) >= token.expires_at:
        return TokenCheck(False, "the coin authorization has expired", token)
    return TokenCheck(True, "", token)


def decode_unverified(text: object) -> CoinToken | None:
    """The token's fields without checking anything (for display and error messages)."""
    raw = _unwrap(text)
    parsed = _unpack(raw[:-SIGNATURE_BYTES]) if raw is not None else None
    return parsed[0] if parsed else None


def _unwrap(text: object) -> bytes | None:
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return None
    cleaned = text.strip().upper()
    if not cleaned.startswith(PREFIX):
        return None
    data = cleaned[len(PREFIX):]
    try:
        raw = base64.b32decode(data + "=" * (-len(data) % 8))
    except (binascii.Error, ValueError):
        return None
    canonical = base64.b32encode(raw).decode("ascii").rstrip("=") == data  # unused pad bits are zero
    return raw if canonical and len(raw) > SIGNATURE_BYTES + _FIXED.size else None


def _unpack(body: bytes) -> tuple[CoinToken, bytes] | None:
    if len(body) < _FIXED.size:
        return None
    version, kid, tid, expires, max_coins = _FIXED.unpack_from(body)
    texts = _read_texts(body[_FIXED.size:], 3)
    if version != VERSION or texts is None or max_coins <= 0:
        return None
    expires_at = datetime.fromtimestamp(expires, UTC)
    return CoinToken(tid.hex(), texts[0], max_coins, expires_at, texts[1], texts[2]), kid


def _read_texts(data: bytes, count: int) -> list[str] | None:
    values: list[str] = []
    pos = 0
    for _ in range(count):
        if pos >= len(data) or not 1 <= data[pos] <= 64 or pos + 1 + data[pos] > len(data):
            return None
        try:
            values.append(data[pos + 1: pos + 1 + data[pos]].decode("utf-8"))
        except UnicodeDecodeError:
            return None
        pos += 1 + data[pos]
    return values if pos == len(data) else None


def _signature_ok(
    body: bytes, signature: bytes, kid: bytes,
    public_keys: Ed25519PublicKey | Iterable[Ed25519PublicKey],
) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    keys = [public_keys] if isinstance(public_keys, Ed25519PublicKey) else list(public_keys)
    for key in keys:
        if key_id(key) != kid:
            continue
        try:
            key.verify(signature, PREFIX.encode() + body)
            return True
        except InvalidSignature:
            return False
    return False
