"""A store at head opens without importing Alembic (start-up time and memory): the head read
from the revision files as text is Alembic's head, and a store that is not at head (new, old,
or from a newer app) still takes Alembic's path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.db import StoreError
from desktop.store.migrate import head_revision, open_store, quick_head

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from pathlib import Path
import pytest

from desktop.store.db import StoreError
from desktop.store.migrate import open_store
open_store(Path(sys.argv[1])).close()
print("ALEMBIC", "alembic" in sys.modules)
"""


def test_the_quick_head_is_alembics_head() -> None:
    assert quick_head() == head_revision()


def _opened_with_alembic(path: Path) -> bool:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    return done.stdout.split() == ["ALEMBIC", "True"]


def test_alembic_is_imported_only_when_the_store_is_not_at_head(tmp_path: Path) -> None:
    path = tmp_path / "pinshang.db"
    assert _opened_with_alembic(path)  # a new store: migrated
    assert not _opened_with_alembic(path)  # at head: not even imported
    database = open_store(path)
    with database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_a_newer_app'")
    database.close()
    with pytest.raises(StoreError, match="newer version"):  # not at head: Alembic's path refuses it
        open_store(path)
