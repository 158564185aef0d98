"""Write transactions begin IMMEDIATE and roll back whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.store.db import StoreError
from desktop.store.migrate import open_store
from desktop.store.models import MenuItem, Setting


def test_a_write_transaction_holds_the_write_lock_from_its_first_statement(tmp_path: Path) -> None:
    db = open_store(tmp_path / "p.db")
    other = sqlite3.connect(tmp_path / "p.db", timeout=0, isolation_level=None)
    with db.write() as session:
        session.execute(select(func.count()).select_from(Setting))  # only a read so far
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # free again after commit
    other.execute("ROLLBACK")
    other.close()
    db.close()


def test_an_exception_rolls_back_everything(tmp_path: Path) -> None:
    db = open_store(tmp_path / "p.db")
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(MenuItem(name="半份", price_fen=100, cost_fen=10, active=True))
        session.flush()
        raise RuntimeError("power cut in the middle")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(MenuItem)) == 0
    db.close()


def test_a_full_disk_rolls_back_and_says_so(tmp_path: Path) -> None:
    db = open_store(tmp_path / "p.db")
    with db.engine.connect() as conn:
        page_count = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
    # Cap the file at its current size: the next growth fails as a full disk does.
    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={page_count}")

    db.engine.dispose()
    with pytest.raises(StoreError, match="disk is full"), db.write() as session:
        session.add_all(MenuItem(name="x" * 100, price_fen=1, cost_fen=0, active=True) for _ in range(2000))
    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(MenuItem)) == 0
    db.close()
