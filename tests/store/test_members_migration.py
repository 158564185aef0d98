"""Client migration 0008_coins: members' full phone numbers leave the counter's database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from desktop.store.db import Database
from desktop.store.migrate import open_store, upgrade


def test_full_phones_become_masked_and_the_next_pull_reloads(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.db")
    upgrade(db, "0005")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO members (member_id, phone, name) VALUES ('U1', '13800000001', '王')"))
        conn.execute(text("INSERT INTO members (member_id, phone, name) VALUES ('U2', '123', '李')"))
        conn.execute(text(
            "INSERT INTO sync_state (terminal_id, terminal_name, store_id, store_name, merchant_id, platform_url, "
            "platform_public_key, seq_base, cursor, paired_at) VALUES ('T1', 't', 'S1', 's', 'M1', "
            "'http://127.0.0.1:1', 'a2V5', 0, 'old-cursor', '2026')"))
    db.close()
    reopened = open_store(tmp_path / "old.db")
    with reopened.engine.connect() as conn:
        rows = conn.execute(text("SELECT member_id, phone_masked, phone_hash FROM members ORDER BY member_id")).all()
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(members)")}
        cursor = conn.execute(text("SELECT cursor FROM sync_state")).scalar_one()
    reopened.close()
    assert [tuple(r) for r in rows] == [("U1", "138****0001", None), ("U2", "****", None)]
    assert "phone" not in columns and cursor is None
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"13800000001" not in stored
