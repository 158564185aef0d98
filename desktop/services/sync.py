"""The sync's local bookkeeping (docs/sync-protocol.md): pairing state, which outbox ops to push next,
recording the platform's answers, and the pull cursor. No HTTP here: desktop.sync talks to
the platform and calls these, one transaction per step.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.staff import Permission
from desktop.services.base import SYSTEM_ACTOR, Actor, ServiceBase, Transaction, require
from desktop.services.settings import STORE_ID, TERMINAL_NAME, put_setting
from desktop.services.sync_recovery import (
    SYNC_RECOVERY,
    Recovery,
    prune_acknowledged,
    renumber_unsent,
    resend_lost,
)
from desktop.store.models import OutboxOp
from desktop.store.sync_models import AttentionItem, CommissionSchedule, SyncState

REJECTED_OP = "rejected_op"
CONFLICT = "conflict"
SEQ_CONFLICT = "seq_conflict"  # the platform holds this seq under another op: NOT received
NOT_APPLIED = "not_applied"  # behind a seq_conflict in the same batch: NOT received
REJECTED_ACTION = QT_TRANSLATE_NOOP(
    "attention", "The platform will never accept this record. Check it against the paper "
    "records, correct it at the counter if needed (e.g. a new sale), then mark it resolved.")


@dataclass(frozen=True)
class Pairing:
    terminal_id: str
    terminal_name: str
    store_id: str
    store_name: str
    merchant_id: str
    platform_url: str
    platform_public_key: str


@dataclass(frozen=True)
class SyncSnapshot:
    """What the platform screen and the worker need to know, read in one go."""

    pairing: Pairing | None
    seq_base: int
    cursor: str | None
    last_success: datetime | None
    last_error: str | None
    waiting: int


@dataclass(frozen=True)
class PushRow:
    """An outbox row with the seq the platform knows it by."""

    push_seq: int
    op_id: str
    kind: str
    payload: Any

    def as_tuple(self) -> tuple[int, str, str, Any]:
        return (self.push_seq, self.op_id, self.kind, self.payload)


@dataclass(frozen=True)
class PushRecorded:
    acked: int
    renumbered: int = 0  # unsent ops moved after the platform's last_seq (terminal restored)


class SyncService(ServiceBase):
    # --- reading ---------------------------------------------------------------------------

    def snapshot(self) -> SyncSnapshot:
        with self.db.read() as s:
            row = s.get(SyncState, 1)
            waiting = _unacked_count(s)
        if row is None:
            return SyncSnapshot(None, 0, None, None, None, waiting)
        return SyncSnapshot(_pairing(row), row.seq_base, row.cursor,
                            from_iso(row.last_success_at) if row.last_success_at else None,
                            row.last_error, waiting)

    def pairing(self) -> Pairing | None:
        return self.snapshot().pairing

    def unsent(self) -> int:
        with self.db.read() as s:
            return _unacked_count(s)

    def pending_batch(self, limit: int) -> list[PushRow]:
        """The oldest unacknowledged ops, in seq order."""
        with self.db.read() as s:
            base = _seq_base(s)
            rows = s.scalars(select(OutboxOp).where(OutboxOp.acked_at.is_(None))
                             .order_by(OutboxOp.seq).limit(limit)).all()
        return [PushRow(r.seq - base, r.op_id, r.kind, json.loads(r.payload)) for r in rows]

    # --- pairing ---------------------------------------------------------------------------

    def check_may_pair(self, actor: Actor, *, force: bool = False) -> None:
        """Re-pairing is refused while unsent data remains (it would go to the wrong place)."""
        require(actor, Permission.PAIR_PLATFORM)
        if force:
            return
        snapshot = self.snapshot()
        if snapshot.pairing is not None and snapshot.waiting:
            raise UserError(QT_TRANSLATE_NOOP(
                "errors", "{n} records have not been sent to the platform yet. Sync first, "
                "then pair again."), n=snapshot.waiting)

    def record_pairing(self, actor: Actor, pairing: Pairing) -> None:
        """Store the new pairing; the cursor restarts (the next pull is a full reload)."""
        require(actor, Permission.PAIR_PLATFORM)
        with self.transaction(actor) as tx:
            seq_base = _first_unacked_seq(tx.session) - 1
            row = tx.session.get(SyncState, 1)
            if row is None:
                row = SyncState(id=1, paired_at=tx.now_iso)
                tx.session.add(row)
            for field, value in pairing.__dict__.items():
                setattr(row, field, value)
            row.seq_base, row.cursor, row.paired_at = seq_base, None, tx.now_iso
            row.last_success_at = row.last_error = row.last_error_at = None
            put_setting(tx.session, STORE_ID, pairing.store_id)
            put_setting(tx.session, TERMINAL_NAME, pairing.terminal_name)  # what redemptions record
            tx.audit("platform.paired", terminal_id=pairing.terminal_id, store_id=pairing.store_id,
                     url=pairing.platform_url)

    def set_platform_url(self, actor: Actor, url: str) -> None:
        require(actor, Permission.PAIR_PLATFORM)
        with self.transaction(actor) as tx:
            row = tx.session.get(SyncState, 1)
            if row is not None and row.platform_url != url:
                row.platform_url = url
                tx.audit("platform.url_changed", url=url)

    # --- push results ----------------------------------------------------------------------

    def record_push(self, results: list[dict[str, Any]], last_seq: int | None = None) -> PushRecorded:
        """Mark every answered op acknowledged, in ONE transaction; rejected ones also go to
        the attention queue. A `seq_conflict` is never an acknowledgement: the terminal was
        restored from a backup, so its unsent ops are renumbered after the platform's
        `last_seq` and one attention item says so (desktop/services/sync_recovery.py)."""
        with self.transaction(SYSTEM_ACTOR) as tx:
            base = _seq_base(tx.session)
            by_seq = {int(r["seq"]) + base: r for r in results}
            rows = tx.session.scalars(select(OutboxOp).where(
                OutboxOp.seq.in_(by_seq), OutboxOp.acked_at.is_(None))).all()
            # An answer counts only for the op it names: a seq that meant another op (a pairing
            # changed in between) must not acknowledge this one, or it would never be sent.
            matched = [row for row in rows if by_seq[row.seq].get("op_id") == row.op_id]
            unreceived = [r for r in matched if by_seq[r.seq].get("status") in (SEQ_CONFLICT, NOT_APPLIED)]
            for row in matched:
                if row not in unreceived:
                    _acknowledge(tx.session, row, by_seq[row.seq], tx.now_iso)
            conflicts = [r.seq for r in unreceived if by_seq[r.seq].get("status") == SEQ_CONFLICT]
            if not conflicts or last_seq is None:
                return PushRecorded(len(matched) - len(unreceived))
            recovery = renumber_unsent(tx.session, min(conflicts), int(last_seq))
            _record_recovery(tx, recovery)
            return PushRecorded(len(matched) - len(unreceived), recovery.moved)

    def recover_platform_loss(self, platform_last_seq: int) -> bool:
        """The platform answered `seq_gap` below what it acknowledged before (it was restored):
        re-send what it lost. False when there is nothing to recover (the gap is not that)."""
        with self.transaction(SYSTEM_ACTOR) as tx:
            recovery = resend_lost(tx.session, platform_last_seq)
            if recovery is None:
                return False
            _record_recovery(tx, recovery)
            return True

    def prune_sent(self, now: datetime | None = None) -> int:
        """Forget acknowledged ops older than the kept period (sync_recovery.KEEP_ACKED_DAYS)."""
        with self.transaction(SYSTEM_ACTOR) as tx:
            return prune_acknowledged(tx.session, now or tx.now)

    def record_success(self) -> None:
        with self.transaction(SYSTEM_ACTOR) as tx:
            row = tx.session.get(SyncState, 1)
            if row is not None:
                row.last_success_at, row.last_error, row.last_error_at = tx.now_iso, None, None

    def record_failure(self, error: str) -> None:
        with self.transaction(SYSTEM_ACTOR) as tx:
            row = tx.session.get(SyncState, 1)
            if row is not None:
                row.last_error, row.last_error_at = error[:2000], tx.now_iso


def _record_recovery(tx: Transaction, recovery: Recovery) -> None:
    add_attention(tx.session, SYNC_RECOVERY, recovery.ref, "sync", recovery.reason, recovery.action,
                  tx.now_iso)
    tx.audit("sync.recovered", ref=recovery.ref, moved=recovery.moved)


def _acknowledge(session: Session, row: OutboxOp, result: dict[str, Any], now_iso: str) -> None:
    # A duplicate answer carries the first outcome: keep that, it is what happened.
    status = str(result.get("original_status") or result.get("status") or "applied")
    row.acked_at, row.status, row.reason = now_iso, status, result.get("reason")
    if status == "rejected":
        add_attention(session, REJECTED_OP, row.op_id, row.kind,
                      str(result.get("reason") or ""), REJECTED_ACTION, now_iso)


def add_attention(session: Session, kind: str, ref: str, subject: str, reason: str, action: str,
                  now_iso: str) -> None:
    """Queue an item once: the same (kind, ref) arriving again changes nothing."""
    exists = session.scalar(select(AttentionItem.id).where(AttentionItem.kind == kind, AttentionItem.ref == ref))
    if exists is None:
        session.add(AttentionItem(kind=kind, ref=ref, subject=subject[:200], reason=reason,
                                  action=action, created_at=now_iso))


def schedule_in_force(session: Session, merchant_id: str, at: datetime) -> CommissionSchedule | None:
    """The commission schedule version in force at `at` (latest effective_from; ties: higher
    version). For checkout and settlement lines, which record its version."""
    rows = session.scalars(select(CommissionSchedule).where(
        CommissionSchedule.merchant_id == merchant_id)).all()
    in_force = [r for r in rows if from_iso(r.effective_from) <= at]
    return max(in_force, key=lambda r: (from_iso(r.effective_from), r.version), default=None)


def _pairing(row: SyncState) -> Pairing:
    return Pairing(row.terminal_id, row.terminal_name, row.store_id, row.store_name, row.merchant_id,
                   row.platform_url, row.platform_public_key)


def _unacked_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.acked_at.is_(None))) or 0)


def _seq_base(session: Session) -> int:
    return int(session.scalar(select(SyncState.seq_base).where(SyncState.id == 1)) or 0)


def _first_unacked_seq(session: Session) -> int:
    first = session.scalar(select(func.min(OutboxOp.seq)).where(OutboxOp.acked_at.is_(None)))
    if first is not None:
        return int(first)
    return int(session.scalar(select(func.max(OutboxOp.seq))) or 0) + 1
