"""The history of every terminal's voucher keys (table terminal_keys).

A terminal registers a key at pairing and another one with each `signing_key.added` (a
rotation): the newer key retires the older ones at the rotation's time (see `register`). Revoking the terminal
sets `revoked_at` on all its keys. A key verifies only vouchers issued before its `not_after`
(the earlier of both). Keys are never deleted: a terminal paired later still verifies vouchers
signed before a rotation.
"""

from __future__ import annotations

import base64
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.models import Terminal, TerminalKey
from central.services.changes import next_change_seq
from desktop.core.vouchers import key_id as key_id_of


def key_id(public_key_b64: str) -> str:
    return key_id_of(base64.b64decode(public_key_b64))


def check_not_revoked(session: Session, public_key_b64: str) -> None:
    """A key once revoked stays revoked: registering it again (any store) would lift the bound
    on the vouchers a thief can sign with it."""
    revoked = session.execute(select(TerminalKey.id).where(
        TerminalKey.public_key == public_key_b64, TerminalKey.revoked_at.is_not(None)).limit(1)).first()
    if revoked is not None:
        raise ApiError(409, "key_revoked", "this public key belongs to a revoked terminal: "
                                           "make a new key and pair again")


def check_key_id_free(session: Session, store_id: str, public_key_b64: str) -> None:
    """Counters look keys up by their 8-hex key id: within a store it names one key only."""
    clash = session.execute(select(TerminalKey.id).where(
        TerminalKey.store_id == store_id, TerminalKey.key_id == key_id(public_key_b64),
        TerminalKey.public_key != public_key_b64).limit(1)).first()
    if clash is not None:
        raise ApiError(409, "key_id_taken", "another key of this store has the same key id: "
                                            "make a new key")


def register(session: Session, terminal: Terminal, public_key_b64: str, now: datetime,
             at: datetime | None = None) -> TerminalKey:
    """Record `public_key_b64` as the terminal's newest key, made at `at` (at most now).

    Ops arrive in the order the terminal made its keys, so the key of the latest op is the
    current one: the terminal's other active keys retire at `at`, or at their own `added_at`
    when that is later (a terminal clock behind the platform's never retires a key before it
    was registered). A key registered already (the one sent at pairing, which the outbox
    announces again, also after a re-pairing) becomes the current one again."""
    made = min(at or now, now)
    mine = list(session.scalars(select(TerminalKey).where(TerminalKey.terminal_id == terminal.id)))
    kid = key_id(public_key_b64)
    row = next((k for k in mine if k.key_id == kid), None)
    others = [k for k in mine if k is not row and k.retired_at is None]
    if row is not None and row.retired_at is None and not others:
        return row  # nothing changes
    seq = next_change_seq(session)
    if row is None:
        row = TerminalKey(terminal_id=terminal.id, store_id=terminal.store_id, key_id=kid,
                          public_key=public_key_b64, added_at=made, retired_at=None,
                          revoked_at=terminal.revoked_at, change_seq=seq)
        session.add(row)
    row.retired_at, row.change_seq = None, seq
    for other in others:
        other.retired_at, other.change_seq = max(made, other.added_at), seq
    terminal.public_key, terminal.change_seq = public_key_b64, seq
    session.flush()
    return row


def store_keys(session: Session, store_id: str, kid: str) -> list[TerminalKey]:
    """The keys of the store's terminals with this key id (one, unless registered twice)."""
    return list(session.scalars(select(TerminalKey).where(
        TerminalKey.store_id == store_id, TerminalKey.key_id == kid).order_by(TerminalKey.id)))
