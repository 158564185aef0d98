"""Which Ed25519 public keys may be trusted: canonical, on the curve, in the prime-order subgroup.

Ed25519 verification (RFC 8032, as OpenSSL does it) accepts some signatures under *weak* public
keys that nobody holds a private key for: under a small-order point (the identity 0100…00 and
the 7 other points of order 2, 4 and 8), R = a small-order point and S = 0 verifies for any
message. A key that does not decode canonically (y >= p, or x = 0 with the sign bit set) is
refused too: two encodings of one point would give one key two key ids. And a point with a
small-order component (P = Q + T) is never what an honest key generator makes (a public key is
[a]B, in the subgroup of prime order L), so it is refused as well.

Pure integer arithmetic mod p = 2^255 - 19 (extended twisted Edwards coordinates): slow next to
OpenSSL, but it runs once per key (results are cached), never per voucher.
"""

from __future__ import annotations

from functools import lru_cache

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493  # order of the base point
D = (-121665 * pow(121666, -1, P)) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
KEY_BYTES = 32

Point = tuple[int, int, int, int]  # extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z
IDENTITY: Point = (0, 1, 1, 0)


class WeakKeyError(ValueError):
    """A public key that must not be trusted; `reason` is an English sentence for the wire."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def decode_point(raw: bytes) -> Point:
    """The curve point of a 32-byte encoding; WeakKeyError when not canonical or not on the curve."""
    if not isinstance(raw, bytes | bytearray) or len(raw) != KEY_BYTES:
        raise WeakKeyError("an Ed25519 public key is 32 bytes")
    value = int.from_bytes(raw, "little")
    sign, y = value >> 255, value & ((1 << 255) - 1)
    if y >= P:
        raise WeakKeyError("the public key is not canonically encoded (y >= p)")
    x = _recover_x(y)
    if x is None:
        raise WeakKeyError("the public key is not a point on the curve")
    if x == 0 and sign:
        raise WeakKeyError("the public key is not canonically encoded (x = 0 with the sign bit set)")
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)


def _recover_x(y: int) -> int | None:
    """x with -x^2 + y^2 = 1 + d x^2 y^2 (RFC 8032 5.1.3), or None when there is none."""
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if (v * x * x - u) % P == 0:
        return x
    if (v * x * x + u) % P == 0:
        return x * SQRT_M1 % P
    return None


def add(a: Point, b: Point) -> Point:
    """Point addition on edwards25519 (add-2008-hwcd-3; complete, also for doubling)."""
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    e1 = (y1 - x1) * (y2 - x2) % P
    e2 = (y1 + x1) * (y2 + x2) % P
    c = 2 * D * t1 * t2 % P
    dd = 2 * z1 * z2 % P
    e, f, g, h = e2 - e1, dd - c, dd + c, e2 + e1
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def multiply(scalar: int, point: Point) -> Point:
    result, addend = IDENTITY, point
    while scalar:
        if scalar & 1:
            result = add(result, addend)
        addend = add(addend, addend)
        scalar >>= 1
    return result


def is_identity(point: Point) -> bool:
    x, y, z, _ = point
    return x % P == 0 and (y - z) % P == 0


def check_public_key(raw: bytes) -> None:
    """Return if `raw` is a key an honest Ed25519 key generator could have made; else raise
    WeakKeyError saying why (not canonical, not on the curve, small order, torsion component)."""
    point = decode_point(bytes(raw))
    if is_identity(multiply(8, point)):
        raise WeakKeyError("the public key is a small-order point (a weak key)")
    if not is_identity(multiply(L, point)):
        raise WeakKeyError("the public key has a small-order component (a weak key)")


@lru_cache(maxsize=4096)
def is_trusted_key(raw: bytes) -> bool:
    """check_public_key as a cached yes/no, for the verifier's path (bytes only: hashable)."""
    try:
        check_public_key(raw)
    except WeakKeyError:
        return False
    return True
