"""The local SQLite store: engine with the pragmas the counter needs, and short transactions.

- WAL with synchronous=FULL: a committed sale survives a power cut.
- busy_timeout: the sync worker and the UI share the file without "database is locked".
- Write transactions BEGIN IMMEDIATE so a transaction never upgrades from read to write
  half-way (which is where SQLite returns SQLITE_BUSY without waiting).
- Private files: the folder is 0700 and the database 0600 before SQLite opens it; SQLite gives
  its -wal and -shm files the database file's mode (desktop.paths; Windows: the AppData ACL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.paths import PRIVATE_FILE, STORE_SUFFIXES, private_dir, private_file, tighten

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=10000",
)


class StoreError(UserError):
    """The database cannot be used or written; the message says why and what to do."""


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide where transactions begin.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """One SQLite file: `write()` for short IMMEDIATE transactions, `read()` for snapshots."""

    def __init__(self, path: Path) -> None:
        self.path = path
        make_private(path)
        self.engine = make_engine(path)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._write_sessions = sessionmaker(writer, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: commits on success, rolls back everything on any exception."""
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except (OperationalError, sqlite3.OperationalError) as exc:  # the ORM's, or a raw statement's
            known = environment_error(self.path, exc)
            if known is None:
                raise  # a bug, not the environment: let it be logged as one
            raise known from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def make_private(path: Path) -> None:
    """The store's folder 0700, the database file made 0600 (before SQLite creates it with the
    umask's 0644) and any WAL, shared-memory or journal file left from before tightened. A
    folder that cannot be written is left for SQLite to report (environment_error)."""
    try:
        private_dir(path.parent)
        private_file(path)
    except OSError:
        return
    for suffix in STORE_SUFFIXES[1:]:
        tighten(path.with_name(path.name + suffix), PRIVATE_FILE)


def as_store_error(path: Path, exc: Exception) -> StoreError:
    """Any failure to open the store, as a message a person can act on."""
    detail = str(getattr(exc, "orig", exc))
    return environment_error(path, exc) or StoreError(
        QT_TRANSLATE_NOOP("errors", "Cannot open the database {path}: {detail}"), path=str(path), detail=detail)


def environment_error(path: Path, exc: Exception) -> StoreError | None:
    """SQLite failures the user or the machine can fix (disk, permissions, damage), else None."""
    detail = str(getattr(exc, "orig", exc))
    if "not a database" in detail or "malformed" in detail:
        return StoreError(
            QT_TRANSLATE_NOOP("errors", "The database {path} is damaged or not a Pinshang database. "
                              "Restore it from a backup or choose another data folder."),
            path=str(path),
        )
    if "readonly" in detail or "unable to open" in detail:
        return StoreError(
            QT_TRANSLATE_NOOP("errors", "Cannot write to {path}. Check the folder's permissions "
                              "or choose another data folder."),
            path=str(path),
        )
    if "disk" in detail and "full" in detail:
        return StoreError(QT_TRANSLATE_NOOP("errors", "The disk is full. Free some space and try again."))
    if "disk I/O error" in detail:
        return StoreError(QT_TRANSLATE_NOOP("errors", "The disk reported an error while writing {path}. "
                                            "Check the disk, then try again."), path=str(path))
    if "locked" in detail or "busy" in detail:
        return StoreError(QT_TRANSLATE_NOOP("errors", "The database is busy. Try again in a moment."))
    return None


