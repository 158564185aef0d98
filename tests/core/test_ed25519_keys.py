"""Weak Ed25519 public keys are refused: small order, torsion component, non-canonical."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.ed25519_keys import (
    IDENTITY,
    L,
    P,
    WeakKeyError,
    add,
    check_public_key,
    decode_point,
    is_identity,
    is_trusted_key,
    multiply,
)
from desktop.core.vouchers import public_key_bytes

# The 8 points of small order, canonically encoded (libsodium's list of them, re-derived below).
SMALL_ORDER_HEX = [
    "0100000000000000000000000000000000000000000000000000000000000000",  # identity, order 1
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  # (0, -1), order 2
    "0000000000000000000000000000000000000000000000000000000000000000",  # order 4
    "0000000000000000000000000000000000000000000000000000000000000080",  # order 4
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  # order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  # order 8
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  # order 8
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  # order 8
]
SMALL_ORDER = [bytes.fromhex(h) for h in SMALL_ORDER_HEX]


def _encode(y: int, sign: int) -> bytes:
    return (y | (sign << 255)).to_bytes(32, "little")


def non_canonical_encodings() -> list[bytes]:
    """Every other encoding of a small-order point: y + p where it still fits in 255 bits (y = 0
    and y = 1, both signs), and x = 0 with the sign bit set (the identity and (0, -1))."""
    found = []
    for y in range(0, 2**255 - P):  # y + p < 2^255 only for y < 19
        for sign in (0, 1):
            found.append(_encode(y + P, sign))
    found += [_encode(1, 1), _encode(P - 1, 1)]
    return found


def test_the_small_order_list_is_exactly_the_8_torsion_points() -> None:
    points = [decode_point(raw) for raw in SMALL_ORDER]
    assert all(is_identity(multiply(8, p)) for p in points)
    assert len({(p[0], p[1]) for p in points}) == 8
    orders = sorted(next(n for n in (1, 2, 4, 8) if is_identity(multiply(n, p))) for p in points)
    assert orders == [1, 2, 4, 4, 8, 8, 8, 8]


@pytest.mark.parametrize("raw", SMALL_ORDER, ids=SMALL_ORDER_HEX)
def test_every_small_order_point_is_refused(raw: bytes) -> None:
    Ed25519PublicKey.from_public_bytes(raw)  # the library would load it...
    with pytest.raises(WeakKeyError, match="small-order point"):  # ...we do not
        check_public_key(raw)
    assert not is_trusted_key(raw)


@pytest.mark.parametrize("raw", non_canonical_encodings(), ids=lambda r: r.hex()[:6] + ".." + r.hex()[-2:])
def test_non_canonical_encodings_are_refused(raw: bytes) -> None:
    with pytest.raises(WeakKeyError):
        check_public_key(raw)
    assert not is_trusted_key(raw)


def test_a_point_with_a_small_order_component_is_refused() -> None:
    honest = decode_point(public_key_bytes(Ed25519PrivateKey.generate()))
    mixed = add(honest, decode_point(SMALL_ORDER[4]))
    x, y, z, _ = mixed
    zi = pow(z, -1, P)
    raw = _encode(y * zi % P, (x * zi % P) & 1)
    assert not is_identity(multiply(8, decode_point(raw)))
    with pytest.raises(WeakKeyError, match="small-order component"):
        check_public_key(raw)


@pytest.mark.parametrize("raw", [b"", b"\x01" * 31, b"\x01" * 33])
def test_wrong_lengths_are_refused(raw: bytes) -> None:
    with pytest.raises(WeakKeyError, match="32 bytes"):
        check_public_key(raw)


@settings(max_examples=60)
@given(st.integers(min_value=0, max_value=2**32))
def test_keys_made_by_the_library_are_always_accepted(_: int) -> None:
    raw = public_key_bytes(Ed25519PrivateKey.generate())
    check_public_key(raw)
    assert is_trusted_key(raw)
    assert is_identity(multiply(L, decode_point(raw)))


@settings(max_examples=300)
@given(st.binary(min_size=32, max_size=32))
def test_random_32_bytes_accepted_only_if_the_library_loads_them_and_not_small_order(raw: bytes) -> None:
    try:
        check_public_key(raw)
    except WeakKeyError:
        return
    Ed25519PublicKey.from_public_bytes(raw)  # raises if the library refuses it
    point = decode_point(raw)
    assert not is_identity(multiply(8, point)) and is_identity(multiply(L, point))
    assert raw not in SMALL_ORDER


@settings(max_examples=100)
@given(st.integers(min_value=1, max_value=L - 1), st.sampled_from(SMALL_ORDER))
def test_honest_key_plus_torsion_is_refused_and_the_honest_one_accepted(scalar: int, torsion: bytes) -> None:
    base = decode_point(public_key_bytes(Ed25519PrivateKey.generate()))
    honest = multiply(scalar, base)
    x, y, z, _ = add(honest, decode_point(torsion))
    zi = pow(z, -1, P)
    raw = _encode(y * zi % P, (x * zi % P) & 1)
    if torsion == SMALL_ORDER[0]:
        check_public_key(raw)  # + identity: still the honest key
    else:
        with pytest.raises(WeakKeyError):
            check_public_key(raw)


def test_identity_is_the_neutral_element() -> None:
    point = decode_point(public_key_bytes(Ed25519PrivateKey.generate()))
    assert add(point, IDENTITY)[1] * pow(add(point, IDENTITY)[2], -1, P) % P == point[1]
