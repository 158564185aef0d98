"""One-time pairing codes, terminal registration and revocation (docs/sync-protocol.md, Pairing).

Every voucher key a terminal registers is kept in `terminal_keys` (central/services/keys.py):
a weak key (desktop.core.ed25519_keys) is refused, and so is a key of a revoked terminal.
"""

from __future__ import annotations

import base64
import binascii
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.auth import hash_token
from central.errors import ApiError, invalid, not_found
from central.models import Merchant, PairingCode, Store, Terminal, TerminalKey
from central.services import keys
from central.services.changes import next_change_seq
from desktop.core.ed25519_keys import WeakKeyError, check_public_key

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: typed by a manager
CODE_LENGTH = 10


def normalize_code(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


def create_pairing_code(session: Session, store_id: str, now: datetime, ttl: timedelta) -> str:
    if session.get(Store, store_id) is None:
        raise not_found("store", store_id)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    session.add(PairingCode(code=code, store_id=store_id, expires_at=now + ttl))
    session.flush()
    return code


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return base64.b64encode(public.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def parse_public_key(text: str) -> Ed25519PublicKey:
    """The key of base64 `text`; 422 when it is not 32 base64 bytes or is a weak key."""
    try:
        raw = base64.b64decode(text, validate=True)
        public = Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise invalid("public_key must be a base64 raw Ed25519 public key (32 bytes)") from exc
    try:
        check_public_key(raw)
    except WeakKeyError as exc:
        raise ApiError(422, "weak_public_key", f"public_key refused: {exc.reason}") from exc
    return public


def pair(session: Session, code: str, public_key: str, name: str, now: datetime,
         platform_key: Ed25519PrivateKey) -> dict[str, Any]:
    parse_public_key(public_key)
    keys.check_not_revoked(session, public_key)
    row = session.execute(
        select(PairingCode).where(PairingCode.code == normalize_code(code)).with_for_update()
    ).scalar_one_or_none()
    _check_code(row, now)
    assert row is not None
    token = secrets.token_urlsafe(32)
    terminal = Terminal(
        id="T" + uuid.uuid4().hex[:15], store_id=row.store_id, name=name.strip()[:200],
        public_key=public_key, token_hash=hash_token(token), last_seq=0, audit_length=0,
        audit_hash="", created_at=now, change_seq=next_change_seq(session),
    )
    keys.check_key_id_free(session, row.store_id, public_key)
    session.add(terminal)
    session.flush()
    keys.register(session, terminal, public_key, now)
    row.used_at, row.terminal_id = now, terminal.id
    session.flush()
    return _pairing_answer(session, terminal, token, platform_key)


def _check_code(row: PairingCode | None, now: datetime) -> None:
    if row is None:
        raise ApiError(403, "pairing_code_invalid", "unknown pairing code")
    if row.used_at is not None:
        raise ApiError(403, "pairing_code_used", "this pairing code was already used")
    if now >= row.expires_at:
        raise ApiError(403, "pairing_code_expired", "this pairing code has expired")


def _pairing_answer(session: Session, terminal: Terminal, token: str,
                    platform_key: Ed25519PrivateKey) -> dict[str, Any]:
    store = session.get(Store, terminal.store_id)
    assert store is not None
    merchant = session.get(Merchant, store.merchant_id)
    assert merchant is not None
    return {
        "terminal_id": terminal.id,
        "token": token,
        "store": {"id": store.id, "name": store.name},
        "merchant": {"id": merchant.id, "name": merchant.name},
        "platform_public_key": public_key_b64(platform_key),
    }


def revoke_terminal(session: Session, terminal_id: str, now: datetime) -> None:
    terminal = session.get(Terminal, terminal_id)
    if terminal is None:
        raise not_found("terminal", terminal_id)
    if terminal.revoked_at is not None:
        return  # revoked once: the first revocation time stays
    terminal.revoked_at = now
    terminal.change_seq = next_change_seq(session)
    for key in session.scalars(select(TerminalKey).where(TerminalKey.terminal_id == terminal_id)):
        key.revoked_at, key.change_seq = now, terminal.change_seq
