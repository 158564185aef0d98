"""Recovering from a restore (docs/sync-protocol.md, "Recovery after a restore"): the terminal's store or the
platform's database was put back from an older copy, and the two disagree about the push seqs.

- This terminal restored: the platform answers `seq_conflict` for a seq it holds under another
  op_id. Those ops were NOT received: the push seq of every unsent op moves after the
  platform's `last_seq` (only `seq_base` changes; the outbox's own seq stays).
- The platform restored: it answers `409 seq_gap` with its `last_seq`, lower than what this
  terminal sent before. The acknowledged ops after that `last_seq` that this terminal still
  keeps (KEEP_ACKED_DAYS) are marked unsent again and go out, renumbered contiguously after
  `last_seq`; those already pruned are counted and named in the attention item.

Each recovery raises ONE attention item that says what happened and how many ops moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.core.clock import to_iso
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.store.models import OutboxOp
from desktop.store.sync_models import SyncState

SYNC_RECOVERY = "sync_recovery"
KEEP_ACKED_DAYS = 90  # acknowledged outbox rows are kept this long, to re-send after a platform restore
TERMINAL_RESTORED_ACTION = QT_TRANSLATE_NOOP(
    "attention", "This terminal's data was restored from an older copy. The records made since "
    "then were renumbered and sent; nothing was lost from this terminal. Records made on the lost "
    "data after the copy was taken are on the platform only: compare the day's paper records with "
    "the platform's reconciliation, then mark this resolved.")
PLATFORM_RESTORED_ACTION = QT_TRANSLATE_NOOP(
    "attention", "The platform's data was restored from an older copy and had lost records of this "
    "terminal. The records this terminal still keeps were sent again. If some could not be sent "
    "(see the reason), enter them again from the paper records, then mark this resolved.")


@dataclass(frozen=True)
class Recovery:
    ref: str
    reason: str
    action: str
    moved: int


def renumber_unsent(session: Session, first_seq: int, platform_last_seq: int) -> Recovery:
    """The terminal was restored: unsent ops from outbox seq `first_seq` on are renumbered to
    follow the platform's `last_seq`."""
    _set_seq_base(session, first_seq - (platform_last_seq + 1))
    moved = int(session.scalar(select(func.count()).select_from(OutboxOp).where(
        OutboxOp.acked_at.is_(None), OutboxOp.seq >= first_seq)) or 0)
    reason = (f"This terminal was restored from an older copy of its data: the platform had already "
              f"received ops up to number {platform_last_seq} from it, under the numbers that the "
              f"restored data used again. {moved} ops made since the restore were renumbered from "
              f"{platform_last_seq + 1} and sent.")
    return Recovery(f"terminal-restored:{platform_last_seq}", reason, TERMINAL_RESTORED_ACTION, moved)


def resend_lost(session: Session, platform_last_seq: int) -> Recovery | None:
    """The platform was restored: what it lost after `last_seq` goes out again (None when this
    terminal has sent nothing after `last_seq`, i.e. there is nothing to recover)."""
    base = _seq_base(session)
    first_unsent = session.scalar(select(func.min(OutboxOp.seq)).where(OutboxOp.acked_at.is_(None)))
    if first_unsent is None:
        return None
    lost = (first_unsent - base - 1) - platform_last_seq  # push seqs the platform no longer has
    if lost <= 0:
        return None
    acked = session.scalars(select(OutboxOp).where(
        OutboxOp.acked_at.is_not(None), OutboxOp.seq > platform_last_seq + base,
        OutboxOp.seq < first_unsent).order_by(OutboxOp.seq.desc())).all()
    kept = _contiguous_tail(acked, first_unsent)
    for row in kept:
        row.acked_at, row.status, row.reason = None, "pending", None
    start = kept[-1].seq if kept else first_unsent
    _set_seq_base(session, start - (platform_last_seq + 1))
    pruned = lost - len(kept)
    reason = (f"The platform was restored from an older copy: it had ops of this terminal up to "
              f"number {platform_last_seq} and lost {lost} acknowledged ops after that. "
              f"{len(kept)} were sent again from this terminal's records.")
    if pruned:
        reason += (f" {pruned} were older than the {KEEP_ACKED_DAYS} days this terminal keeps sent "
                   f"records and could not be sent again: the platform will miss them.")
    return Recovery(f"platform-restored:{platform_last_seq}:{first_unsent}", reason,
                    PLATFORM_RESTORED_ACTION, len(kept))


def prune_acknowledged(session: Session, now: datetime) -> int:
    """Delete acknowledged outbox rows older than KEEP_ACKED_DAYS (never the newest row)."""
    cutoff = to_iso(now - timedelta(days=KEEP_ACKED_DAYS))
    newest = session.scalar(select(func.max(OutboxOp.seq)))
    if newest is None:
        return 0
    result = session.execute(delete(OutboxOp).where(
        OutboxOp.acked_at.is_not(None), OutboxOp.acked_at < cutoff, OutboxOp.seq < newest))
    return int(getattr(result, "rowcount", 0) or 0)


def _contiguous_tail(rows_desc: Sequence[OutboxOp], first_unsent: int) -> list[OutboxOp]:
    """The rows just before `first_unsent` with no hole (a pruned row ends the run)."""
    kept: list[OutboxOp] = []
    expected = first_unsent - 1
    for row in rows_desc:
        if row.seq != expected:
            break
        kept.append(row)
        expected -= 1
    return kept


def _seq_base(session: Session) -> int:
    return int(session.scalar(select(SyncState.seq_base).where(SyncState.id == 1)) or 0)


def _set_seq_base(session: Session, base: int) -> None:
    row = session.get(SyncState, 1)
    if row is not None:
        row.seq_base = base
