"""The platform's beacon of `pinshang-draw-v2` (docs/draw.md): an Ed25519 signature the platform
makes once per group over the group id, its commitment and the entries digest D, and that
nobody can predict before the entries are fixed. The draw's stream key mixes it with the seed.

  M = UTF-8("pinshang-beacon-v2\\n" + group_id + "\\n" + commitment + "\\n") || D
  beacon = Ed25519-Sign(platform's private key, M)        (64 bytes, RFC 8032; verifies
                                                           under the public platform_key)
  S = HMAC-SHA256(key=seed, msg=UTF-8("pinshang-draw-v2") || beacon)   (the stream key)
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

from desktop.core.ed25519_keys import is_trusted_key

if TYPE_CHECKING:  # cryptography is imported by the first signature made or checked
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

BEACON_BYTES = 64
KEY_BYTES = 32
_PREFIX = "pinshang-beacon-v2\n"
_STREAM_LABEL = b"pinshang-draw-v2"


def beacon_message(group_id: str, commitment: str, digest: bytes) -> bytes:
    """M: what the platform signs (D as its 32 raw bytes)."""
    return (_PREFIX + group_id + "\n" + commitment + "\n").encode("utf-8") + digest


def sign_beacon(key: Ed25519PrivateKey, group_id: str, commitment: str, digest: bytes) -> bytes:
    return key.sign(beacon_message(group_id, commitment, digest))


def beacon_valid(platform_key: bytes, beacon: bytes, group_id: str, commitment: str,
                 digest: bytes) -> bool:
    """The beacon is the signature over M under `platform_key` (a trusted Ed25519 key)."""
    if len(platform_key) != KEY_BYTES or len(beacon) != BEACON_BYTES or not is_trusted_key(platform_key):
        return False
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(platform_key).verify(
            beacon, beacon_message(group_id, commitment, digest))
    except (InvalidSignature, ValueError):
        return False
    return True


def stream_key(seed: bytes, beacon: bytes) -> bytes:
    """S of v2: the HMAC key of the random stream, from the seed and the beacon."""
    return hmac.new(seed, _STREAM_LABEL + beacon, hashlib.sha256).digest()
