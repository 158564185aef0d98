"""The platform singleton row: global change counter, instance id and signing key.

Every transaction that writes pull-visible rows takes ONE new change number, lazily, by
incrementing the counter row. The row stays locked until commit, so transactions get their
numbers in commit order and a cursor never skips a row that commits later with a smaller number.
"""

from __future__ import annotations

import secrets

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from central.models import PlatformState

_SEQ_KEY = "pinshang_change_seq"


def ensure_state(session: Session, signing_key: Ed25519PrivateKey | None) -> PlatformState:
    """Create the singleton on first start; a given key replaces the stored one."""
    state = session.get(PlatformState, 1)
    if state is None:
        key = signing_key or Ed25519PrivateKey.generate()
        state = PlatformState(id=1, change_seq=0, instance_id=secrets.token_hex(8), signing_key=_raw(key))
        session.add(state)
    elif signing_key is not None:
        state.signing_key = _raw(signing_key)
    session.flush()
    return state


def _raw(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def load_signing_key(session: Session) -> Ed25519PrivateKey:
    raw = session.execute(select(PlatformState.signing_key).where(PlatformState.id == 1)).scalar_one()
    return Ed25519PrivateKey.from_private_bytes(raw)


def next_change_seq(session: Session) -> int:
    """This transaction's change number (allocated once, on first use)."""
    if _SEQ_KEY not in session.info:
        bumped = session.execute(
            update(PlatformState).where(PlatformState.id == 1)
            .values(change_seq=PlatformState.change_seq + 1).returning(PlatformState.change_seq)
        ).scalar_one()
        session.info[_SEQ_KEY] = bumped
    return int(session.info[_SEQ_KEY])


def committed_seq(session: Session) -> tuple[int, str]:
    row = session.execute(select(PlatformState.change_seq, PlatformState.instance_id)).one()
    return int(row[0]), str(row[1])
