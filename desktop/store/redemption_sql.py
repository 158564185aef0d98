"""The redemption hot path's statements on the raw SQLite connection (desktop.store.raw_write):
the one place that names the tables it reads and writes, so services keep no SQL text."""

from __future__ import annotations

import sqlite3
from functools import cache

from desktop.store.changes import note_tables

REDEMPTION_COLUMNS = "voucher_id, product, group_id, entry_id, redeemed_at, staff, terminal"
RedemptionRow = tuple[str, str, str, str, str, str, str]  # in REDEMPTION_COLUMNS order
_BY_VOUCHER = f"SELECT {REDEMPTION_COLUMNS} FROM redemptions WHERE voucher_id = ?"
_LATEST = f"SELECT {REDEMPTION_COLUMNS} FROM redemptions ORDER BY id DESC LIMIT ?"
_INSERT = ("INSERT INTO redemptions (voucher_id, redeemed_at, staff, terminal, product, "
           "group_id, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?)")


def voucher_text_by_code(conn: sqlite3.Connection, code: str) -> str | None:
    """The signed text of the voucher with this typed fallback code, if any."""
    found = conn.execute("SELECT qr_text FROM vouchers WHERE fallback_code = ?", (code,)).fetchone()
    return None if found is None else str(found[0])


def voucher_customer(conn: sqlite3.Connection, voucher_id: str) -> str:
    """The customer key of a voucher this terminal issued, else ""."""
    found = conn.execute("SELECT customer FROM vouchers WHERE id = ?", (voucher_id,)).fetchone()
    return str(found[0]) if found else ""


@cache
def _settings_query(count: int) -> str:
    return f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * count)})"


def settings_values(conn: sqlite3.Connection, *keys: str) -> dict[str, str]:
    return dict(conn.execute(_settings_query(len(keys)), keys).fetchall())


def insert_redemption(conn: sqlite3.Connection, voucher_id: str, at: str, staff: str, terminal: str,
                      product: str, group_id: str, entry_id: str) -> None:
    """Raises sqlite3.IntegrityError when the voucher was redeemed before (UNIQUE voucher_id)."""
    conn.execute(_INSERT, (voucher_id, at, staff, terminal, product, group_id, entry_id))
    note_tables("redemptions")


def redemption_of(conn: sqlite3.Connection, voucher_id: str) -> RedemptionRow | None:
    row: RedemptionRow | None = conn.execute(_BY_VOUCHER, (voucher_id,)).fetchone()
    return row


def latest_redemptions(conn: sqlite3.Connection, limit: int) -> list[RedemptionRow]:
    rows: list[RedemptionRow] = conn.execute(_LATEST, (limit,)).fetchall()
    return rows


def signing_key_row(conn: sqlite3.Connection, kid: str) -> tuple[str, str | None, str | None] | None:
    """(public key hex, retired_at, not_after) of a key id: one primary-key lookup."""
    row: tuple[str, str | None, str | None] | None = conn.execute(
        "SELECT public_key, retired_at, not_after FROM signing_keys WHERE key_id = ?", (kid,)).fetchone()
    return row
