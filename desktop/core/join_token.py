"""The join token of a group's printed invite (docs/sync-protocol.md).

join_token = base64url, no padding, of Ed25519-Sign(the owning terminal's current voucher
signing key, UTF-8("pinshang-join-v1\\n" + store_id + "\\n" + group_id + "\\n" + commitment)).

The terminal makes it when it opens a group and sends it in group.opened with the key's id;
the platform checks it with that terminal's registered public key and keeps only its SHA-256.
A customer's phone shows it back (the `t` of the invite's QR URL) to ask to join online: only
the store whose terminal signed it can have opened that group.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # cryptography is imported by the first signature made or checked
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

PREFIX = "pinshang-join-v1"
TOKEN_PATTERN = r"^[A-Za-z0-9_\-]{86}$"  # 64 signature bytes, base64url without padding


def message(store_id: str, group_id: str, commitment: str) -> bytes:
    return f"{PREFIX}\n{store_id}\n{group_id}\n{commitment}".encode()


def make_join_token(key: Ed25519PrivateKey, store_id: str, group_id: str, commitment: str) -> str:
    signature = key.sign(message(store_id, group_id, commitment))
    return base64.urlsafe_b64encode(signature).decode("ascii").rstrip("=")


def verify_join_token(key: Ed25519PublicKey, token: str, store_id: str, group_id: str,
                      commitment: str) -> bool:
    """True when `token` is the key's signature over this store, group and commitment."""
    try:
        signature = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return False
    if len(signature) != 64 or base64.urlsafe_b64encode(signature).decode("ascii").rstrip("=") != token:
        return False  # the last character has 2 spare bits: only the canonical text is the token
    from cryptography.exceptions import InvalidSignature

    try:
        key.verify(signature, message(store_id, group_id, commitment))
    except InvalidSignature:
        return False
    return True


def token_hash(token: str) -> str:
    """What the platform keeps of a join token: hex SHA-256 of its text."""
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()
