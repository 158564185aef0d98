"""Reading and verifying the audit chain."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.core.audit import AuditRow, ChainCheck, verify_tuples
from desktop.core.staff import Permission
from desktop.services.base import Actor, ServiceBase, require
from desktop.store.models import AuditRecord
from desktop.store.raw_write import raw_read

_RECENT = "SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id DESC LIMIT ?"
_CHAIN = "SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id"


@dataclass(frozen=True)
class ChainHead:
    length: int
    hash: str


class AuditService(ServiceBase):
    def verify(self, progress: Callable[[int], None] | None = None) -> ChainCheck:
        """Walk the whole chain (it can hold millions of rows) on one read snapshot of the raw
        connection, rows as the cursor gives them: no ORM object per row (bench/audit_verify.py).
        `progress(rows checked)` is called every so many rows."""
        with raw_read(self.db) as conn:
            return verify_tuples(conn.execute(_CHAIN), progress)  # the cursor streams its rows

    def head(self) -> ChainHead:
        with self.db.read() as s:
            row = s.execute(select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)).first()
        return ChainHead(row[0], row[1]) if row else ChainHead(0, "0" * 64)

    def recent(self, actor: Actor, limit: int = 500) -> list[AuditRow]:
        require(actor, Permission.VIEW_AUDIT)
        with raw_read(self.db) as conn:  # the audit screen's rows: plain tuples, no ORM object each
            rows = conn.execute(_RECENT, (limit,)).fetchall()
        return [AuditRow(*r) for r in rows]

    def count(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.max(AuditRecord.id))) or 0)
