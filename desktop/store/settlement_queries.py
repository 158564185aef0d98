"""The counter's own settlement lines (docs/settlement.md): the `settlement_lines` view over
the outbox (migration 0014_settlement), i.e. exactly the amounts this terminal told the
platform, and the commission schedule in force at a time as desktop.core.commission uses it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso
from desktop.core.commission import Rates
from desktop.core.statement import ClientLine
from desktop.store.sync_models import CommissionSchedule, SyncState

_LINES = text("SELECT seq, op_id, status, source, ref, kind, fen, schedule_version, at "
              "FROM settlement_lines ORDER BY seq, kind")


def client_lines(session: Session, start: datetime, end: datetime) -> list[ClientLine]:
    """This terminal's lines whose event lies in [start, end), in the order they were written."""
    found = []
    for row in session.execute(_LINES):
        at = from_iso(str(row.at))
        if start <= at < end:
            found.append(ClientLine(int(row.seq), str(row.op_id), str(row.status), str(row.source),
                                    str(row.ref or ""), str(row.kind), int(row.fen),
                                    None if row.schedule_version is None else int(row.schedule_version), at))
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
