"""What the status bar shows about unsent data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from desktop.core.clock import from_iso
from desktop.services.base import ServiceBase
from desktop.store.models import OutboxOp

STALE_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class OutboxStatus:
    waiting: int
    oldest: datetime | None
    rejected: int

    def stale(self, now: datetime) -> bool:
        return self.oldest is not None and now - self.oldest > STALE_AFTER


class StatusService(ServiceBase):
    def outbox(self) -> OutboxStatus:
        unacked = OutboxOp.acked_at.is_(None)
        with self.db.read() as s:
            waiting = s.scalar(select(func.count()).select_from(OutboxOp).where(unacked)) or 0
            first = s.scalar(select(OutboxOp.created_at).where(unacked).order_by(OutboxOp.seq).limit(1))
            rejected = s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.status == "rejected")) or 0
        return OutboxStatus(int(waiting), from_iso(first) if first else None, int(rejected))
