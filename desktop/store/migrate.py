"""Open the store: migrate to the newest schema, refuse a database from a newer app."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError, OperationalError

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.store.db import Database, StoreError, as_store_error

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(database: Database, revision: str = "head") -> None:
    """Migrate with foreign keys off (batch mode rebuilds tables), then check them."""
    config = alembic_config()
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.commit()
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
    if problems:
        raise RuntimeError(f"foreign key violations after migration: {problems[:5]}")


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def open_store(path: Path) -> Database:
    """Open (creating if needed) and migrate the store at `path`, or raise StoreError."""
    _check_writable(path)
    database = Database(path)
    try:
        with database.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            revision = current_revision(conn)
        known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
        if revision is not None and revision not in known:
            raise StoreError(
                QT_TRANSLATE_NOOP("errors", "The database {path} was made by a newer version of "
                                  "Pinshang Counter (schema {revision}). Update the app to open it."),
                path=str(path), revision=revision,
            )
        if revision != head_revision():
            upgrade(database)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        database.close()
        raise as_store_error(path, exc) from exc
    except BaseException:
        database.close()
        raise
    return database


def _check_writable(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        probe = path.parent / ".pinshang-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP("errors", "Cannot write to {path}. Check the folder's permissions "
                              "or choose another data folder."),
            path=str(path.parent),
        ) from exc
