"""The counter's side of settlement (docs/settlement.md): its own settlement lines for a
period, what a line came from (drill down), and the store's terminals by name."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desktop.core.staff import Permission
from desktop.core.statement import ClientLine
from desktop.services.base import Actor, ServiceBase, require
from desktop.store.models import OutboxOp
from desktop.store.settlement_queries import client_lines
from desktop.store.sync_models import Member, SyncState, TerminalKey


@dataclass(frozen=True)
class LineOrigin:
    """The op a line came from: its kind and payload as this terminal wrote it."""

    op_id: str
    kind: str
    payload: dict[str, Any]
    created_at: str


class SettlementService(ServiceBase):
    def lines(self, actor: Actor, start: datetime, end: datetime) -> list[ClientLine]:
        require(actor, Permission.VIEW_REPORTS)
        with self.db.read() as s:
            return client_lines(s, start, end)

    def origin(self, actor: Actor, op_id: str) -> LineOrigin | None:
        require(actor, Permission.VIEW_REPORTS)
        with self.db.read() as s:
            row = s.scalar(select(OutboxOp).where(OutboxOp.op_id == op_id))
            if row is None:
                return None
            return LineOrigin(row.op_id, row.kind, json.loads(row.payload), row.created_at)

    def terminal_names(self) -> dict[str, str]:
        """The store's terminals by id (this one included), as pulled and paired."""
        with self.db.read() as s:
            names = {t.terminal_id: t.name for t in s.scalars(select(TerminalKey))}
            state = s.get(SyncState, 1)
            if state is not None:
                names[state.terminal_id] = state.terminal_name
            return names

    def locked_members(self) -> int:
        """How many members this terminal holds that are locked to its merchant."""
        with self.db.read() as s:
            state = s.get(SyncState, 1)
            if state is None:
                return 0
            return len(s.scalars(select(Member.member_id).where(Member.home_merchant_id == state.merchant_id)).all())
