"""The services pattern: one use case = one transaction that writes its business rows, its
outbox row and its audit record together (docs/architecture.md: how a use case flows, domain rules)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.clock import Clock, to_iso, utc_now
from desktop.core.errors import PermissionDenied
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ops import OpKind
from desktop.core.staff import Actor, Permission, Role
from desktop.store.db import Database
from desktop.store.raw_write import raw_audit, raw_emit, sqlite_of

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

    def emit(self, kind: OpKind, payload: dict[str, Any]) -> str:
        """Write the outbox op of this change; returns its op_id."""
        return raw_emit(self._connection(), self.now_iso, kind, payload)

    def audit(self, action: str, **detail: Any) -> None:
        self.session.flush()  # business rows first, as they happened
        raw_audit(self._connection(), self.now_iso, self.actor, action, **detail)

    def _connection(self) -> sqlite3.Connection:
        """The SQLite connection of this very transaction: outbox and audit rows are written
        by one implementation (desktop.store.raw_write) for the ORM and the raw hot path."""
        return sqlite_of(self.session)


class ServiceBase:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    @contextmanager
    def transaction(self, actor: Actor) -> Iterator[Transaction]:
        with self.db.write() as session:
            yield Transaction(session, self.clock(), actor)
