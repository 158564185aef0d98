"""The services pattern: one use case = one transaction that writes its business rows, its
outbox row and its audit record together (DESIGN.md §3, §4)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.audit import GENESIS, canonical_detail, row_hash
from desktop.core.clock import Clock, to_iso, utc_now
from desktop.core.errors import PermissionDenied
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ops import OpKind
from desktop.core.staff import Actor, Permission, Role
from desktop.store.db import Database
from desktop.store.models import AuditRecord, OutboxOp

SYSTEM = "system"
__all__ = ["SYSTEM_ACTOR", "Actor", "ServiceBase", "Transaction", "require"]


SYSTEM_ACTOR = Actor(0, SYSTEM, Role.OWNER)


def require(actor: Actor, permission: Permission) -> None:
    if not actor.may(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "{name} may not do this ({permission}); ask a manager"),
            name=actor.name, permission=permission.value,
        )


class Transaction:
    """The session of one use case plus the outbox and audit writes that go with it."""

    def __init__(self, session: Session, now: datetime, actor: Actor) -> None:
        self.session = session
        self.now = now
        self.actor = actor

    @property
    def now_iso(self) -> str:
        return to_iso(self.now)

    def emit(self, kind: OpKind, payload: dict[str, Any]) -> OutboxOp:
        op = OutboxOp(op_id=str(uuid.uuid4()), kind=kind.value, created_at=self.now_iso,
                      payload=json.dumps(payload, sort_keys=True, ensure_ascii=False))
        self.session.add(op)
        return op

    def audit(self, action: str, **detail: Any) -> AuditRecord:
        if self.actor.approved_by:
            detail = {**detail, "approved_by": self.actor.approved_by}
        last = self.session.execute(
            select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)
        ).first()
        row_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
        text = canonical_detail(detail)
        record = AuditRecord(id=row_id, at=self.now_iso, actor=self.actor.label, action=action,
                             detail=text, prev_hash=prev,
                             hash=row_hash(prev, row_id, self.now_iso, self.actor.label, action, text))
        self.session.add(record)
        self.session.flush()
        return record


class ServiceBase:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    @contextmanager
    def transaction(self, actor: Actor) -> Iterator[Transaction]:
        with self.db.write() as session:
            yield Transaction(session, self.clock(), actor)
