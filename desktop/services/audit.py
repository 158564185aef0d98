"""Reading and verifying the audit chain."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.audit import AuditRow, ChainCheck, verify_chain
from desktop.core.staff import Permission
from desktop.services.base import Actor, ServiceBase, require
from desktop.store.models import AuditRecord

_BATCH = 5000


@dataclass(frozen=True)
class ChainHead:
    length: int
    hash: str


class AuditService(ServiceBase):
    def verify(self) -> ChainCheck:
        """Walk the whole chain in batches (it can hold millions of rows)."""
        with self.db.read() as s:
            return verify_chain(self._rows(s))

    def _rows(self, session: Session) -> Iterator[AuditRow]:
        last_id = 0
        while True:
            batch = session.scalars(
                select(AuditRecord).where(AuditRecord.id > last_id).order_by(AuditRecord.id).limit(_BATCH)
            ).all()
            if not batch:
                return
            for r in batch:
                yield AuditRow(r.id, r.at, r.actor, r.action, r.detail, r.prev_hash, r.hash)
            last_id = batch[-1].id

    def head(self) -> ChainHead:
        with self.db.read() as s:
            row = s.execute(select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)).first()
        return ChainHead(row[0], row[1]) if row else ChainHead(0, "0" * 64)

    def recent(self, actor: Actor, limit: int = 500) -> list[AuditRow]:
        require(actor, Permission.VIEW_AUDIT)
        with self.db.read() as s:
            rows = s.scalars(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(limit)).all()
        return [AuditRow(r.id, r.at, r.actor, r.action, r.detail, r.prev_hash, r.hash) for r in rows]

    def count(self) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.max(AuditRecord.id))) or 0)
