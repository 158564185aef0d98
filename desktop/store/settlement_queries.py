"""The counter's own settlement lines (docs/settlement.md): `settlement_lines`, written with each
op by a trigger on the outbox (desktop/store/settlement_models.py), i.e. exactly the amounts
this terminal told the platform; and the commission schedule in force at a time as
desktop.core.commission uses it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso
from desktop.core.commission import Rates
from desktop.core.statement import ClientLine
from desktop.store.raw_write import sqlite_of
from desktop.store.sync_models import CommissionSchedule, SyncState

# The op's status when it is still in the outbox; a pruned op was acknowledged long ago.
_LINES = ("SELECT l.id, l.op_id, COALESCE(o.status, 'applied'), l.source, l.ref, l.kind, l.fen, "
          "l.schedule_version, l.at FROM settlement_lines l LEFT JOIN outbox o ON o.op_id = l.op_id "
          "ORDER BY l.id")


def client_lines(session: Session, start: datetime, end: datetime) -> list[ClientLine]:
    """This terminal's lines whose event lies in [start, end), in the order they were written."""
    found = []
    rows = sqlite_of(session).execute(_LINES).fetchall()  # no SQLAlchemy row per line
    for seq, op_id, status, source, ref, kind, fen, version, at_text in rows:
        at = from_iso(at_text)
        if start <= at < end:
            found.append(ClientLine(seq, op_id, status, source, ref or "", kind, int(fen),
                                    None if version is None else int(version), at))
    return found


def rates_in_force(session: Session, at: datetime, merchant_id: str | None = None) -> Rates | None:
    """The paired merchant's schedule version in force at `at` (latest effective_from not after
    it; ties: the higher version), or None when none has been pulled."""
    if merchant_id is None:
        merchant_id = session.scalar(select(SyncState.merchant_id).where(SyncState.id == 1))
        if merchant_id is None:
            return None
    rows = session.scalars(select(CommissionSchedule).where(CommissionSchedule.merchant_id == merchant_id)).all()
    in_force = [r for r in rows if from_iso(r.effective_from) <= at]
    row = max(in_force, key=lambda r: (from_iso(r.effective_from), r.version), default=None)
    if row is None:
        return None
    return Rates(version=row.version, coin_settlement_bp=row.coin_settlement_bp,
                 turnover_commission_bp=row.turnover_commission_bp, deal_commission_bp=row.deal_commission_bp,
                 alliance_share_bp=row.alliance_share_bp, coin_cap_bp=row.coin_cap_bp,
                 coin_value_fen=row.coin_value_fen)
