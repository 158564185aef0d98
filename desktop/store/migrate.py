"""Open the store: migrate to the newest schema, refuse a database from a newer app.

A store is usually at head already: then Alembic (with its DDL modules and Mako) is not
imported at all. The head is read from the revision files' own `revision =` and
`down_revision =` lines (`quick_head`), so it follows every migration added; anything it does
not understand (a merge, two heads, a file it cannot read) and any store not at head take
Alembic's path.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError, OperationalError

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.store.db import Database, StoreError, as_store_error

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision(?:\s*:[^=]*)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]*)?\s*=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


@cache
def quick_head() -> str | None:
    """The one head of the revision files, read as text (no Alembic), or None when unsure."""
    revisions: set[str] = set()
    downs: set[str] = set()
    try:
        files = sorted((MIGRATIONS / "versions").glob("*.py"))
        for file in files:
            source = file.read_text(encoding="utf-8")
            revision, down = _REVISION.findall(source), _DOWN.findall(source)
            if len(revision) != 1 or len(down) != 1:
                return None
            revisions.add(revision[0])
            downs.update(_QUOTED.findall(down[0]))
    except OSError:
        return None
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 and downs <= revisions else None


def stored_revision(conn: Connection) -> str | None:
    """The store's alembic_version, read with plain SQL (None: no table or no row)."""
    if conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")).first() is None:
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return str(rows[0]) if len(rows) == 1 else None


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(database: Database, revision: str = "head") -> None:
    """Migrate with foreign keys off (batch mode rebuilds tables), then check them."""
    from alembic import command

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
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def open_store(path: Path) -> Database:
    """Open (creating if needed) and migrate the store at `path`, or raise StoreError."""
    _check_writable(path)
    database = Database(path)
    try:
        with database.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            at_head = quick_head() is not None and stored_revision(conn) == quick_head()
        if not at_head:
            _migrate(database, path)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        database.close()
        raise as_store_error(path, exc) from exc
    except BaseException:
        database.close()
        raise
    _configure_mappers()
    return database


def _configure_mappers() -> None:
    """The ORM's one-time set-up of every model, here (the app opens the store in the
    background), not inside the first write transaction that uses one: a paired terminal's
    first pull would hold the write lock for it (~30 ms)."""
    from sqlalchemy.orm import configure_mappers

    import desktop.store.models  # noqa: F401 (every area's models: desktop/store/models.py)

    configure_mappers()


def _migrate(database: Database, path: Path) -> None:
    """Alembic's path: refuse a newer store's schema, else upgrade to head."""
    from alembic.script import ScriptDirectory

    with database.engine.connect() as conn:
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
