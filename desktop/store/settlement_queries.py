"""The counter's own settlement lines (docs/settlement.md): `settlement_lines`, written with each
op by a trigger on the outbox (desktop/store/settlement_models.py), i.e. exactly the amounts
this terminal told the platform; and the commission schedule in force at a time as
desktop.core.commission uses it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import collector
from desktop.core.clock import from_iso
from desktop.core.commission import Rates
from desktop.core.statement import ClientLine
from desktop.store.raw_write import sqlite_of
from desktop.store.sync_models import CommissionSchedule, SyncState

_LINES = "SELECT id, op_id, source, ref, kind, fen, schedule_version, at FROM settlement_lines ORDER BY id"
# The ops still in the outbox whose status is not `applied` (pending, rejected): few, and read
# once, where a join would look up every line's op (twice the time of reading the lines). An
# op not found is applied, or pruned from the outbox long after it was.
_NOT_APPLIED = "SELECT op_id, status FROM outbox WHERE status != 'applied'"


def client_lines(session: Session, start: datetime, end: datetime) -> list[ClientLine]:
    """This terminal's lines whose event lies in [start, end), in the order they were written."""
    connection = sqlite_of(session)  # no SQLAlchemy row per line
    status = dict(connection.execute(_NOT_APPLIED).fetchall())
    found = []
    at_text: str | None = None
    at = start
    with collector.paused():  # a named tuple per line (desktop/core/collector.py)
        for seq, op_id, source, ref, kind, fen, version, text in connection.execute(_LINES):
            if text != at_text:  # an op's lines are written together, at one time: parsed once
                at_text, at = text, from_iso(text)
            if start <= at < end:
                found.append(ClientLine(seq, op_id, status.get(op_id, "applied"), source, ref or "", kind, fen,
                                        version, at))
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
