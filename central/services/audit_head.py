"""The copy of a terminal's audit-chain head the platform keeps: it only moves forward.

A push carries the terminal's head `{length, hash}`. A longer head is stored (the platform has
no audit rows, so it cannot check that the new head extends the old one: that is left to an
audit of the terminal's file). A shorter head, or one of the same length with another hash,
means the terminal's history was rewound (restored from a backup) or forked: it is NOT stored,
and a conflict `audit.head_regressed` is recorded once per stored head, which pull delivers to
the store's terminals. A batch that carried no new op (a late replay) may carry an old head:
that one is dropped without a flag.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.errors import invalid
from central.models import Conflict, Terminal
from central.services.changes import next_change_seq

HEAD_REGRESSED = "audit.head_regressed"


def store_audit_head(session: Session, terminal: Terminal, head: dict[str, Any] | None,
                     now: datetime, *, replay_only: bool) -> None:
    if not head:
        return
    length, digest = head.get("length"), head.get("hash")
    if not isinstance(length, int) or length < 0 or not isinstance(digest, str) or len(digest) > 64:
        raise invalid("audit_head must be {length: int >= 0, hash: hex string}")
    if length > terminal.audit_length:
        terminal.audit_length, terminal.audit_hash = length, digest
        return
    if length == terminal.audit_length and digest == terminal.audit_hash:
        return
    if not replay_only:
        _flag(session, terminal, length, digest, now)


def _flag(session: Session, terminal: Terminal, length: int, digest: str, now: datetime) -> None:
    stored = f"{terminal.audit_length}:{terminal.audit_hash[:16]}"
    exists = session.scalar(select(Conflict.id).where(
        Conflict.kind == HEAD_REGRESSED, Conflict.subject_id == terminal.id,
        Conflict.winner_op_id == stored))
    if exists is not None:
        return
    session.add(Conflict(
        store_id=terminal.store_id, kind=HEAD_REGRESSED, subject_id=terminal.id,
        winner_op_id=stored, winner_terminal_id=terminal.id,
        loser_op_id=f"{length}:{digest[:16]}", loser_terminal_id=terminal.id,
        detail=(f"terminal {terminal.name!r} sent an audit head of {length} rows ({digest[:16]}) "
                f"that does not extend the {terminal.audit_length} rows "
                f"({terminal.audit_hash[:16]}) the platform holds: its history was rewound "
                f"(restored from a backup?) or forked. The stored head was kept."),
        created_at=now, change_seq=next_change_seq(session),
    ))
