"""The counter's verifier: no voucher verifies under a weak key, whatever the key table says, and
a key retired or revoked at T verifies only vouchers issued before T."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import vouchers
from desktop.core.vouchers import (
    PREFIX,
    TrustedKey,
    Verdict,
    VoucherClaims,
    key_id,
    new_voucher_id,
    public_key_bytes,
    sign_voucher,
    verify_voucher,
)
from tests.core.test_ed25519_keys import SMALL_ORDER

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)
IDENTITY = SMALL_ORDER[0]


def forged_under(weak: bytes, store_id: str = "S1") -> str:
    """A voucher "signed" under a small-order key: R = the identity point, S = 0. For the
    identity key, Ed25519's check [S]B == R + [k]A holds for every message."""
    claims = VoucherClaims(new_voucher_id(), store_id, "g1", "e1", key_id(weak), NOW,
                           NOW + timedelta(days=30), "Steak set")
    body = vouchers._encode_body(claims)
    signature = IDENTITY + bytes(32)
    return PREFIX + base64.b32encode(body + signature).decode("ascii").rstrip("=")


def test_the_library_alone_accepts_the_forgery_under_the_identity_key() -> None:
    text = forged_under(IDENTITY)
    decoded = vouchers.decode_voucher(text)
    Ed25519PublicKey.from_public_bytes(IDENTITY).verify(decoded.signature, decoded.signed_message)


@pytest.mark.parametrize("as_type", ["bytes", "public", "trusted"])
def test_a_voucher_under_the_identity_key_never_verifies(as_type: str) -> None:
    public = Ed25519PublicKey.from_public_bytes(IDENTITY)
    entry = {"bytes": IDENTITY, "public": public, "trusted": TrustedKey(public)}[as_type]
    check = verify_voucher(forged_under(IDENTITY), {key_id(IDENTITY): entry}, "S1", NOW)
    assert check.verdict is Verdict.FORGED


@settings(max_examples=40)
@given(st.sampled_from(SMALL_ORDER), st.integers(min_value=0, max_value=40))
def test_no_small_order_key_verifies_a_ground_forgery(weak: bytes, tries: int) -> None:
    """With another small-order key the forgery verifies for about 1 message in 8: grind voucher
    ids until the library accepts one, then the verifier must still say FORGED."""
    public = Ed25519PublicKey.from_public_bytes(weak)
    for _ in range(tries + 1):
        text = forged_under(weak)
        decoded = vouchers.decode_voucher(text)
        try:
            public.verify(decoded.signature, decoded.signed_message)
        except InvalidSignature:
            continue
        break
    assert verify_voucher(text, {key_id(weak): weak}, "S1", NOW).verdict is Verdict.FORGED


def _signed(private: Ed25519PrivateKey, issued: datetime) -> str:
    claims = VoucherClaims(new_voucher_id(), "S1", "g1", "e1", key_id(public_key_bytes(private)),
                           issued, issued + timedelta(days=30), "Steak set")
    return sign_voucher(claims, private)


@settings(max_examples=60)
@given(st.integers(min_value=-86400, max_value=86400))
def test_a_bounded_key_verifies_only_vouchers_issued_before_its_bound(offset: int) -> None:
    private = Ed25519PrivateKey.generate()
    bound = NOW + timedelta(seconds=offset)
    table = {key_id(public_key_bytes(private)): TrustedKey(private.public_key(), bound)}
    check = verify_voucher(_signed(private, NOW), table, "S1", NOW)
    assert check.verdict is (Verdict.VALID if NOW < bound else Verdict.REVOKED_KEY)


def test_an_unbounded_key_verifies() -> None:
    private = Ed25519PrivateKey.generate()
    table = {key_id(public_key_bytes(private)): TrustedKey(private.public_key())}
    assert verify_voucher(_signed(private, NOW), table, "S1", NOW).ok
