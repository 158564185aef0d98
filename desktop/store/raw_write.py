"""A lean write transaction on the raw SQLite connection, for the counter's hottest path
(voucher redemption). Same guarantees as `ServiceBase.transaction`: one BEGIN IMMEDIATE
transaction (the engine's pragmas apply: WAL, synchronous=FULL), everything or nothing.
`raw_emit` and `raw_audit` are the one implementation of outbox and audit rows:
`Transaction.emit` and `Transaction.audit` call them on the ORM session's connection."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.audit import GENESIS, canonical_detail, row_hash
from desktop.core.ops import OpKind
from desktop.core.staff import Actor
from desktop.store.changes import note_tables, transaction_scope
from desktop.store.db import Database, environment_error

# A bigger page cache for the connections that redeem: the index pages of a store with a
# million vouchers stay in memory instead of being re-read from the OS on every scan. And rarer,
# larger WAL checkpoints (every ~10,000 pages, ~40 MB, instead of 1,000): a redemption dirties
# about seven pages, so the default made every ~140th scan pay for a checkpoint (bench/redeem.py:
# p99 4.6 ms -> 1.2-1.7 ms). Both are per-connection settings of pooled connections.
CACHE_PAGES_KIB = 65_536
WAL_AUTOCHECKPOINT_PAGES = 10_000
_tuned: set[int] = set()


@contextmanager
def raw_write(db: Database) -> Iterator[sqlite3.Connection]:
    with db.writing(), _raw_write(db) as conn:
        yield conn


@contextmanager
def _raw_write(db: Database) -> Iterator[sqlite3.Connection]:
    pooled = db.engine.raw_connection()  # the pool's connection: pragmas already set
    conn = _sqlite(pooled.driver_connection)
    if id(conn) not in _tuned:
        conn.execute(f"PRAGMA cache_size=-{CACHE_PAGES_KIB}")
        conn.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        _tuned.add(id(conn))
    try:
        with transaction_scope():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        known = environment_error(db.path, exc)
        if known is None:
            raise
        raise known from exc
    finally:
        pooled.close()  # back to the pool


def sqlite_of(session: Session) -> sqlite3.Connection:
    """The SQLite connection under an ORM session's transaction (same transaction, no ORM)."""
    return _sqlite(session.connection().connection.driver_connection)


def _sqlite(driver: object) -> sqlite3.Connection:
    """The DBAPI connection under a pooled one; the store is SQLite (desktop.store.db)."""
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError(f"the raw path needs SQLite, not {type(driver).__name__}")
    return driver


@contextmanager
def raw_read(db: Database) -> Iterator[sqlite3.Connection]:
    """A read snapshot on the raw connection: no write lock, so it never stalls a redemption."""
    with db.read() as session:
        yield sqlite_of(session)


def raw_emit(conn: sqlite3.Connection, at: str, kind: OpKind, payload: dict[str, Any]) -> str:
    """Write one outbox op; returns its op_id. The payload must keep its contract
    (desktop.core.op_contracts): a breach is a bug here, never something to send."""
    # imported at the first op written: pydantic and the contracts cost ~11 MiB for as long as
    # the process runs, and a terminal at its login window writes none
    from desktop.core.op_contracts import validate_payload

    validate_payload(kind.value, payload)
    op_id = _time_ordered_uuid()
    conn.execute(
        "INSERT INTO outbox (op_id, kind, payload, created_at, status) VALUES (?, ?, ?, ?, 'pending')",
        (op_id, kind.value, json.dumps(payload, sort_keys=True, ensure_ascii=False), at),
    )
    note_tables("outbox")
    return op_id


def _time_ordered_uuid() -> str:
    """A random UUID whose first 48 bits are the time in ms (as UUIDv7): new op ids land at the
    right edge of the op_id index instead of on a random page of it."""
    raw = bytearray(uuid.uuid4().bytes)
    raw[:6] = int(time.time() * 1000).to_bytes(6, "big")
    raw[6] = (raw[6] & 0x0F) | 0x70
    return str(uuid.UUID(bytes=bytes(raw)))


def raw_audit(conn: sqlite3.Connection, at: str, actor: Actor, action: str, **detail: Any) -> None:
    if actor.approved_by:
        detail = {**detail, "approved_by": actor.approved_by}
    # The chain head: an index lookup on the primary key, however long the chain.
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    row_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    text = canonical_detail(detail)
    conn.execute(
        "INSERT INTO audit_log (id, at, actor, action, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (row_id, at, actor.label, action, text, prev,
         row_hash(prev, row_id, at, actor.label, action, text)),
    )
    note_tables("audit_log")
