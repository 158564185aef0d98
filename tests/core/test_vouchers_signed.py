"""Signed vouchers: round trip, verdicts, scanner noise, garbage; the typed fallback code."""

from __future__ import annotations

import base64
import dataclasses
import random
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.vouchers import (
    CROCKFORD,
    PREFIX,
    Verdict,
    VoucherClaims,
    decode_voucher,
    fallback_code,
    key_id,
    new_voucher_id,
    parse_fallback_code,
    public_key_bytes,
    sign_voucher,
    verify_voucher,
)

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OLD_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
KEYS = {key_id(public_key_bytes(k)): public_key_bytes(k) for k in (KEY, OLD_KEY)}
ISSUED = datetime(2025, 5, 1, 12, tzinfo=UTC)
NOW = ISSUED + timedelta(days=1)


def claims(private_key: Ed25519PrivateKey = KEY, **overrides: object) -> VoucherClaims:
    base = VoucherClaims(
        voucher_id="0123456789abcdef0123",
        store_id="store-01",
        group_id="G-2025-0501-07",
        entry_id="e3",
        key_id=key_id(public_key_bytes(private_key)),
        issued_at=ISSUED,
        expires_at=ISSUED + timedelta(days=30),
        product="牛排套餐",
    )
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]


def test_round_trip_and_size() -> None:
    text = sign_voucher(claims(), KEY)
    assert text.startswith(PREFIX)
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")  # QR alphanumeric
    assert len(text) < 240
    assert decode_voucher(text).claims == claims()
    check = verify_voucher(text, KEYS, "store-01", NOW)
    assert check.verdict is Verdict.VALID and check.ok and check.claims == claims()


def test_old_key_still_verifies_after_rotation() -> None:
    text = sign_voucher(claims(OLD_KEY), OLD_KEY)
    assert verify_voucher(text, KEYS, "store-01", NOW).verdict is Verdict.VALID


@pytest.mark.parametrize(
    "noisy",
    [
        lambda t: "\x02" + t + "\r\n",
        lambda t: "]Q1" + t.lower() + "\t",
        lambda t: "  " + t[:40] + " \n" + t[40:],
        lambda t: t.swapcase(),
    ],
)
def test_scanner_noise_is_stripped(noisy: object) -> None:
    text = sign_voucher(claims(), KEY)
    assert verify_voucher(noisy(text), KEYS, "store-01", NOW).verdict is Verdict.VALID  # type: ignore[operator]


def test_verdicts() -> None:
    text = sign_voucher(claims(), KEY)
    assert verify_voucher(text, KEYS, "store-02", NOW).verdict is Verdict.WRONG_STORE
    expires = ISSUED + timedelta(days=30)
    assert verify_voucher(text, KEYS, "store-01", expires).verdict is Verdict.EXPIRED
    assert verify_voucher(text, {}, "store-01", NOW).verdict is Verdict.FORGED
    assert verify_voucher("hello", KEYS, "store-01", NOW).verdict is Verdict.DAMAGED
    assert verify_voucher(text[:-5], KEYS, "store-01", NOW).verdict is Verdict.DAMAGED


def test_altered_claims_are_forged() -> None:
    text = sign_voucher(claims(), KEY)
    raw = bytearray(base64.b32decode(text[len(PREFIX) :] + "=" * (-len(text[len(PREFIX) :]) % 8)))
    for position in range(len(raw) - 64):  # every byte of the signed body, one bit flipped
        altered = bytearray(raw)
        altered[position] ^= 0x40
        forged = PREFIX + base64.b32encode(bytes(altered)).decode().rstrip("=")
        verdict = verify_voucher(forged, KEYS, "store-01", NOW).verdict
        assert verdict in (Verdict.FORGED, Verdict.DAMAGED), position


def test_signing_refuses_claims_that_do_not_fit() -> None:
    with pytest.raises(ValidationError, match="voucher id must be 20"):
        sign_voucher(claims(voucher_id="xyz"), KEY)
    with pytest.raises(ValidationError, match="key id is not the signing key"):
        sign_voucher(claims(key_id="00000000"), KEY)
    with pytest.raises(ValidationError, match="1 to 255 bytes"):
        sign_voucher(claims(product="牛" * 100), KEY)
    with pytest.raises(ValidationError, match="time zone"):
        sign_voucher(claims(issued_at=datetime(2025, 5, 1)), KEY)
    assert len(new_voucher_id()) == 20


@given(st.binary(max_size=400))
def test_random_bytes_as_voucher_never_raise_never_valid(data: bytes) -> None:
    text = PREFIX + base64.b32encode(data).decode().rstrip("=")
    assert verify_voucher(text, KEYS, "store-01", NOW).verdict in (Verdict.FORGED, Verdict.DAMAGED)


@given(st.text(max_size=300))
def test_random_text_never_raises_never_valid(text: str) -> None:
    assert verify_voucher(text, KEYS, "store-01", NOW).verdict is not Verdict.VALID
    assert parse_fallback_code(text) is None or len(parse_fallback_code(text) or "") == 12


def test_fallback_code_shape_and_forgiving_parse() -> None:
    code = fallback_code("0123456789abcdef0123")
    assert len(code) == 12 and code[4] == code[9] == "-"
    assert set(code.replace("-", "")) <= set(CROCKFORD)
    assert fallback_code("0123456789abcdef0123") == code  # derived, so the store can look it up
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert parse_fallback_code(typed) == code


def test_fallback_check_catches_every_single_typo_and_adjacent_swap() -> None:
    rng = random.Random(7)
    for _ in range(200):
        code = fallback_code(rng.randbytes(10).hex()).replace("-", "")
        for i, original in enumerate(code):
            for other in CROCKFORD:
                if other != original:
                    assert parse_fallback_code(code[:i] + other + code[i + 1 :]) is None
        for i in range(len(code) - 1):
            if code[i] != code[i + 1]:
                swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
                assert parse_fallback_code(swapped) is None


@given(st.binary(min_size=1, max_size=300))
def test_fast_base32_decoder_matches_the_standard_library(raw: bytes) -> None:
    import base64

    from desktop.core.vouchers import _b32decode

    encoded = base64.b32encode(raw).decode("ascii").rstrip("=")
    assert _b32decode(encoded) == raw


@pytest.mark.parametrize("length", [1, 3, 6, 9])
def test_impossible_base32_lengths_are_refused(length: int) -> None:
    from desktop.core.vouchers import _b32decode

    assert _b32decode("A" * length) is None
