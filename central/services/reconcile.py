"""Reconciliation: the platform's lines for a store and period, with counts and sums."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.errors import invalid
from central.models import PlatformLine
from central.platform import TerminalContext
from desktop.core.op_contracts import EARLIEST, LATEST

MAX_PERIOD = timedelta(days=366)


def utc_bound(moment: datetime, name: str) -> datetime:
    """A query time as aware UTC, inside the years the platform keeps (naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    # Check the year first: converting 0001-01-01T00:00+05:00 to UTC overflows.
    if not EARLIEST.year <= moment.year < LATEST.year:
        raise invalid(f"'{name}' is outside the years {EARLIEST.year}-{LATEST.year - 1}")
    moment = moment.astimezone(UTC)
    if not EARLIEST <= moment < LATEST:
        raise invalid(f"'{name}' is outside the years {EARLIEST.year}-{LATEST.year - 1}")
    return moment


def reconcile(session: Session, ctx: TerminalContext, start: datetime, end: datetime) -> dict[str, Any]:
    start, end = utc_bound(start, "from"), utc_bound(end, "to")
    if end < start:
        raise invalid("'from' must not be after 'to'")
    if end - start > MAX_PERIOD:
        raise invalid(f"the period may be at most {MAX_PERIOD.days} days")
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
