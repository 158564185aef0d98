"""The statements of a sale's completion on the transaction's raw SQLite connection
(desktop.store.raw_write.sqlite_of): the one place that names the tables a sale writes, so the
checkout keeps no SQL text. The ORM's statement compilation cost more than the rows themselves
(bench/sale.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

SALE_COLUMNS = ("id", "receipt_no", "sold_at", "cashier", "staff_id", "shift_id", "member_id", "member_label",
                "gross_fen", "line_discount_fen", "bill_discount_fen", "base_fen", "coins", "coin_fen",
                "coin_capture_key", "coin_token_id", "rounding_fen", "total_fen", "change_fen", "schedule_version",
                "coin_reimbursement_fen", "turnover_commission_fen", "alliance_share_fen", "home_merchant_id",
                "approved_by")
LINE_COLUMNS = ("sale_id", "line_no", "item_id", "price_version", "name", "quantity", "unit_price_fen",
                "discount_fen", "amount_fen", "voucher_id")
TENDER_COLUMNS = ("sale_id", "position", "kind", "amount_fen", "reference")
TRANSFER_COLUMNS = ("id", "debit", "credit", "amount", "kind", "unit", "pending_id", "ref", "created_at")


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


_SALE = _insert("sales", SALE_COLUMNS)
_LINE = _insert("sale_lines", LINE_COLUMNS)
_TENDER = _insert("sale_tenders", TENDER_COLUMNS)
_TRANSFER = _insert("transfers", TRANSFER_COLUMNS)
_TOKEN = _insert("accepted_coin_tokens", ("token_id", "member_id", "coins", "sale_id", "accepted_at"))
_NEXT = ("INSERT INTO receipt_counters (series, last_no) VALUES (?, 1) "
         "ON CONFLICT (series) DO UPDATE SET last_no = last_no + 1 RETURNING last_no")


def _rows(rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    return [tuple(row[c] for c in columns) for row in rows]


def next_number_raw(conn: sqlite3.Connection, series: str) -> int:
    """The next number of a series in this transaction (no gap if it rolls back)."""
    return int(conn.execute(_NEXT, (series,)).fetchone()[0])


def insert_sale(conn: sqlite3.Connection, sale: Mapping[str, Any], lines: Iterable[Mapping[str, Any]],
                tenders: Iterable[Mapping[str, Any]]) -> None:
    conn.execute(_SALE, _rows([sale], SALE_COLUMNS)[0])
    conn.executemany(_LINE, _rows(lines, LINE_COLUMNS))
    conn.executemany(_TENDER, _rows(tenders, TENDER_COLUMNS))


def insert_transfers(conn: sqlite3.Connection, transfers: Iterable[Mapping[str, Any]]) -> None:
    conn.executemany(_TRANSFER, _rows(transfers, TRANSFER_COLUMNS))


def insert_accepted_token(conn: sqlite3.Connection, token_id: str, member_id: str, coins: int, sale_id: str,
                          at: str) -> None:
    """sqlite3.IntegrityError when the authorization was accepted here before (primary key)."""
    conn.execute(_TOKEN, (token_id, member_id, coins, sale_id, at))
