"""Winner vouchers: signed offline-verifiable QR text, and a short typed fallback code.

Wire format (kept small so the QR stays small, and only QR alphanumeric characters):

    "PSV1" + base32(body || signature), RFC 4648 alphabet, upper case, no padding
    body      = voucher_id (10 bytes) || key_id (4 bytes) || issued_at (uint32 BE, Unix s)
                || expires_at (uint32 BE) || store_id, group_id, entry_id, product
                (each: 1 length byte + UTF-8, at most 255 bytes)
    signature = Ed25519 over b"PSV1" || body (64 bytes)

Times are whole UTC seconds. The verifier strips what keyboard-wedge scanners add (prefix,
suffix, whitespace, a flipped case) and never raises: it answers with a verdict.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop.core.ed25519_keys import is_trusted_key
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # cryptography is imported by the first key used
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

PREFIX = "PSV1"
VOUCHER_ID_BYTES = 10
KEY_ID_HEX = 8
SIGNATURE_BYTES = 64
_FIXED = struct.Struct(">10s4sII")
_B32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_B32_RUN = re.compile("[A-Z2-7]+")
# RFC 4648 base32 digit -> the digit int(text, 32) reads for the same value
_TO_INT_BASE32 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHIJKLMNOPQRSTUV")


@dataclass(frozen=True)
class VoucherClaims:
    voucher_id: str  # 20 lower-case hex digits (10 random bytes): see new_voucher_id()
    store_id: str
    group_id: str
    entry_id: str
    key_id: str  # 8 lower-case hex digits: key_id(public key bytes)
    issued_at: datetime
    expires_at: datetime
    product: str


@dataclass(frozen=True)
class DecodedVoucher:
    claims: VoucherClaims
    signature: bytes
    signed_message: bytes


@dataclass(frozen=True)
class TrustedKey:
    """A public key as the verifier trusts it: vouchers it signed with an `issued_at` at or after
    `not_after` (the key's retirement or its terminal's revocation) are refused."""

    public: Ed25519PublicKey
    not_after: datetime | None = None


KeyTable = Mapping[str, "bytes | Ed25519PublicKey | TrustedKey"]


class Verdict(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    WRONG_STORE = "wrong_store"
    FORGED = "forged"  # bad signature, unknown or weak key
    REVOKED_KEY = "revoked_key"  # a good signature, made at or after its key's not_after
    DAMAGED = "damaged"  # not a voucher we can read


_VERDICT_MESSAGES = {
    Verdict.VALID: QT_TRANSLATE_NOOP("errors", "Valid voucher"),
    Verdict.EXPIRED: QT_TRANSLATE_NOOP("errors", "This voucher has expired"),
    Verdict.WRONG_STORE: QT_TRANSLATE_NOOP("errors", "This voucher belongs to another store"),
    Verdict.FORGED: QT_TRANSLATE_NOOP(
        "errors", "This voucher is forged or altered: do not accept it"
    ),
    Verdict.REVOKED_KEY: QT_TRANSLATE_NOOP(
        "errors", "Signed after its terminal's key was retired or revoked: do not accept it"
    ),
    Verdict.DAMAGED: QT_TRANSLATE_NOOP("errors", "This code cannot be read as a voucher"),
}


@dataclass(frozen=True)
class VoucherCheck:
    verdict: Verdict
    claims: VoucherClaims | None  # None when DAMAGED

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.VALID

    @property
    def message(self) -> str:
        """English sentence marked for translation (context "errors")."""
        return _VERDICT_MESSAGES[self.verdict]


def new_voucher_id() -> str:
    return secrets.token_hex(VOUCHER_ID_BYTES)


def key_id(public_key_bytes: bytes) -> str:
    """First 8 hex digits of SHA-256 of the raw 32-byte Ed25519 public key."""
    return hashlib.sha256(public_key_bytes).hexdigest()[:KEY_ID_HEX]


def public_key_bytes(private_key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


# --- encoding -------------------------------------------------------------------------------


def sign_voucher(claims: VoucherClaims, private_key: Ed25519PrivateKey) -> str:
    """The QR text of a voucher; ValidationError if a claim does not fit the format."""
    if claims.key_id != key_id(public_key_bytes(private_key)):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The voucher's key id is not the signing key's")
        )
    body = _encode_body(claims)
    signature = private_key.sign(PREFIX.encode() + body)
    return PREFIX + base64.b32encode(body + signature).decode("ascii").rstrip("=")


def _encode_body(claims: VoucherClaims) -> bytes:
    fixed = _FIXED.pack(
        _hex_bytes(claims.voucher_id, VOUCHER_ID_BYTES, "voucher id"),
        _hex_bytes(claims.key_id, KEY_ID_HEX // 2, "key id"),
        _seconds(claims.issued_at),
        _seconds(claims.expires_at),
    )
    texts = (claims.store_id, claims.group_id, claims.entry_id, claims.product)
    return fixed + b"".join(_short_text(text) for text in texts)


def _hex_bytes(text: str, size: int, what: str) -> bytes:
    if len(text) != 2 * size or not set(text) <= set("0123456789abcdef"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The {what} must be {n} lower-case hex digits"),
            what=what,
            n=2 * size,
        )
    return bytes.fromhex(text)


def _seconds(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Voucher times need a time zone"))
    seconds = int(moment.timestamp())
    if not 0 <= seconds < 2**32:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Voucher time out of range"))
    return seconds


def _short_text(text: str) -> bytes:
    raw = text.encode("utf-8")
    if not raw or len(raw) > 255:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{text}” must be 1 to 255 bytes long on a voucher"),
            text=text,
        )
    return bytes([len(raw)]) + raw


# --- decoding -------------------------------------------------------------------------------


def clean_scan(text: str) -> str | None:
    """The voucher text inside what a scanner typed, or None: drops wedge prefixes/suffixes,
    whitespace and control characters, and undoes a flipped case."""
    squeezed = "".join(text.split()).upper()
    start = squeezed.find(PREFIX)
    if start < 0:
        return None
    # The base32 run after the prefix (a regex runs at C speed: this is the redeem hot path).
    payload = _B32_RUN.match(squeezed, start + len(PREFIX))
    return PREFIX + (payload.group() if payload else "")


def decode_voucher(text: str) -> DecodedVoucher:
    """Parse without checking the signature; ValidationError if it is not a voucher."""
    cleaned = clean_scan(text) if isinstance(text, str) else None
    if cleaned is None:
        raise _damaged()
    raw = _b32decode(cleaned[len(PREFIX) :])
    if raw is None:
        raise _damaged()
    if len(raw) <= _FIXED.size + SIGNATURE_BYTES:
        raise _damaged()
    body, signature = raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]
    return DecodedVoucher(_decode_body(body), signature, PREFIX.encode() + body)


def _b32decode(payload: str) -> bytes | None:
    """RFC 4648 base32 without padding, via int(): several times faster than base64.b32decode.
    None when the length cannot be unpadded base32 (1, 3 or 6 spare characters). The caller
    passes only [A-Z2-7] (clean_scan), so every character maps to a base-32 digit."""
    if not payload or len(payload) % 8 in (1, 3, 6):
        return None
    nbytes = len(payload) * 5 // 8
    spare_bits = len(payload) * 5 - nbytes * 8
    value = int(payload.translate(_TO_INT_BASE32), 32)
    if value & ((1 << spare_bits) - 1):
        return None  # non-zero padding bits: not what an encoder writes
    return (value >> spare_bits).to_bytes(nbytes, "big")


def _damaged() -> ValidationError:
    return ValidationError(_VERDICT_MESSAGES[Verdict.DAMAGED])


def _decode_body(body: bytes) -> VoucherClaims:
    voucher, key, issued, expires = _FIXED.unpack_from(body)
    offset = _FIXED.size
    texts: list[str] = []
    for _ in range(4):
        if offset >= len(body):
            raise _damaged()
        size = body[offset]
        chunk = body[offset + 1 : offset + 1 + size]
        if size == 0 or len(chunk) != size:
            raise _damaged()
        try:
            texts.append(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            raise _damaged() from None
        offset += 1 + size
    if offset != len(body):
        raise _damaged()
    store, group, entry, product = texts
    return VoucherClaims(
        voucher_id=voucher.hex(),
        store_id=store,
        group_id=group,
        entry_id=entry,
        key_id=key.hex(),
        issued_at=datetime.fromtimestamp(issued, UTC),
        expires_at=datetime.fromtimestamp(expires, UTC),
        product=product,
    )


def verify_voucher(
    text: str,
    public_keys_by_key_id: KeyTable,
    store_id: str,
    now: datetime,
) -> VoucherCheck:
    """Offline check at the counter. Order: DAMAGED, FORGED, REVOKED_KEY, WRONG_STORE, EXPIRED,
    VALID.

    Every key ever used stays in `public_keys_by_key_id`, so vouchers signed before a key
    rotation still verify; a `TrustedKey` with `not_after` verifies only vouchers issued before
    it. A weak key (desktop.core.ed25519_keys) never verifies anything, whatever the table says.
    Single use is not checked here: the store's UNIQUE constraint is.
    """
    try:
        decoded = decode_voucher(text)
    except ValidationError:
        return VoucherCheck(Verdict.DAMAGED, None)
    claims = decoded.claims
    key = public_keys_by_key_id.get(claims.key_id)
    if not _signature_ok(decoded, key):
        return VoucherCheck(Verdict.FORGED, claims)
    if isinstance(key, TrustedKey) and key.not_after and claims.issued_at >= key.not_after:
        return VoucherCheck(Verdict.REVOKED_KEY, claims)
    if claims.store_id != store_id:
        return VoucherCheck(Verdict.WRONG_STORE, claims)
    if now >= claims.expires_at:
        return VoucherCheck(Verdict.EXPIRED, claims)
    return VoucherCheck(Verdict.VALID, claims)


def _signature_ok(
    decoded: DecodedVoucher, key: bytes | Ed25519PublicKey | TrustedKey | None
) -> bool:
    if key is None:
        return False
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    plain = key.public if isinstance(key, TrustedKey) else key
    try:
        public = (
            plain if isinstance(plain, Ed25519PublicKey) else Ed25519PublicKey.from_public_bytes(plain)
        )
        if not is_trusted_key(public.public_bytes(Encoding.Raw, PublicFormat.Raw)):
            return False
        public.verify(decoded.signature, decoded.signed_message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


# --- the short typed fallback code --------------------------------------------------------

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_VALUE = {char: value for value, char in enumerate(CROCKFORD)}
_CROCKFORD_VALUE.update({"O": 0, "I": 1, "L": 1})  # what people type for 0 and 1
CODE_DATA_CHARS = 9  # 45 bits: collisions stay negligible for one store's vouchers
_GF32_POLY = 0b100101  # x^5 + x^2 + 1, irreducible: GF(32) for the check character


def fallback_code(voucher_id: str) -> str:
    """Ten Crockford base32 characters, e.g. "K7Q4-9XPM-2B": nine derived from the voucher id
    and one check character. Store it with the voucher; staff type it when a QR will not scan."""
    digest = int.from_bytes(hashlib.sha256(b"PSV fallback " + voucher_id.encode()).digest()[:8])
    values = [(digest >> (64 - 5 * (i + 1))) & 31 for i in range(CODE_DATA_CHARS)]
    values.append(_times_two(_damm(values)))
    chars = "".join(CROCKFORD[v] for v in values)
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def parse_fallback_code(text: str) -> str | None:
    """The canonical code ("K7Q4-9XPM-2B") if `text` is one, typos forgiven where Crockford
    allows (O/0, I/L/1, case, spaces, dashes); None if the check character disagrees."""
    if not isinstance(text, str):
        return None
    squeezed = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    if len(squeezed) != CODE_DATA_CHARS + 1 or not set(squeezed) <= set(_CROCKFORD_VALUE):
        return None
    values = [_CROCKFORD_VALUE[ch] for ch in squeezed]
    if _damm(values) != 0:
        return None
    chars = "".join(CROCKFORD[v] for v in values)
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def _times_two(value: int) -> int:
    value <<= 1
    return value ^ _GF32_POLY if value & 32 else value


def _damm(values: list[int]) -> int:
    """Damm's check over the quasigroup a*b = 2a + b in GF(32): totally anti-symmetric, so it
    catches every single substitution and every swap of two adjacent characters."""
    interim = 0
    for value in values:
        interim = _times_two(interim) ^ value
    return interim
