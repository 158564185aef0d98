"""Reconciliation: the platform's lines for a store and period, with counts and sums."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.errors import invalid
from central.models import PlatformLine
from central.platform import TerminalContext


def reconcile(session: Session, ctx: TerminalContext, start: datetime, end: datetime) -> dict[str, Any]:
    if end <= start:
        raise invalid("'to' must be after 'from'")
    rows = session.execute(select(PlatformLine).where(
        PlatformLine.store_id == ctx.store_id, PlatformLine.occurred_at >= start,
        PlatformLine.occurred_at < end,
    ).order_by(PlatformLine.occurred_at, PlatformLine.op_id)).scalars().all()
    lines = [{"op_id": r.op_id, "kind": r.kind, "terminal_id": r.terminal_id,
              "amount_fen": r.amount_fen, "coins": r.coins, "schedule_version": r.schedule_version,
              "occurred_at": r.occurred_at.isoformat()} for r in rows]
    return {"store_id": ctx.store_id, "from": start.isoformat(), "to": end.isoformat(),
            "lines": lines, "totals": _totals(lines)}


def _totals(lines: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    totals: dict[str, dict[str, int]] = defaultdict(lambda: {"count": 0, "amount_fen": 0, "coins": 0})
    for line in lines:
        bucket = totals[line["kind"]]
        bucket["count"] += 1
        bucket["amount_fen"] += line["amount_fen"]
        bucket["coins"] += line["coins"]
    return dict(totals)
