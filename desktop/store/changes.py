"""Which tables a piece of work committed: the store side of "services return what they changed".

`recording()` starts a record on this thread (the UI's task helper and the background jobs
do, around a use case or a round); every write transaction of the store (`Database.write`,
`raw_write`) then keeps the tables it wrote in its own scope and adds them to the record only
when it commits (a rollback adds nothing). ORM and Core statements are seen through the
engine's `after_cursor_execute` event; the raw SQLite path notes its tables itself
(`note_tables`: the outbox, the audit log, the redemption). Without a record nothing is kept,
so work that nobody watches pays one context-variable read per statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_current: ContextVar[set[str] | None] = ContextVar("pinshang_written_tables", default=None)


class TableRecord:
    """The tables committed while the record was open (and after: it stays readable)."""

    def __init__(self) -> None:
        self.tables: set[str] = set()


@contextmanager
def recording(record: TableRecord | None = None) -> Iterator[TableRecord]:
    """Record the tables committed inside the block (nested records each see their part and
    pass it on to the outer one)."""
    record = record if record is not None else TableRecord()
    outer = _current.get()
    token = _current.set(record.tables)
    try:
        yield record
    finally:
        _current.reset(token)
        if outer is not None:
            outer |= record.tables


@contextmanager
def transaction_scope() -> Iterator[None]:
    """One write transaction: its tables count only if the block ends without an exception."""
    outer = _current.get()
    if outer is None:
        yield
        return
    mine: set[str] = set()
    token = _current.set(mine)
    try:
        yield
    finally:
        _current.reset(token)
    outer |= mine  # not reached when the transaction rolled back


def note_tables(*tables: str) -> None:
    """The raw SQLite path wrote these tables (in the current transaction)."""
    current = _current.get()
    if current is not None:
        current.update(tables)


def after_cursor_execute(_conn: Any, _cursor: Any, _statement: str, _parameters: Any,
                         context: Any, _executemany: bool) -> None:
    """Engine event: note the table of an INSERT, UPDATE or DELETE (ORM flush or Core)."""
    current = _current.get()
    if current is None or context is None:
        return
    if not (context.isinsert or context.isupdate or context.isdelete):
        return
    compiled = getattr(context, "compiled", None)
    table = getattr(getattr(compiled, "statement", None), "table", None)
    name = getattr(table, "name", None)
    current.add(name if isinstance(name, str) else "")  # "": a write whose table is unknown
