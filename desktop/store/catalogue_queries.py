"""The catalogue's reads and writes on the raw SQLite connection: lean rows (tuples), no ORM
object per item, so the till's search as you type and a list of 50,000 items stay fast.

The search (see desktop.store.catalogue_keys): the longest typed word is a prefix range on
`menu_search_terms` (its primary key), joined to the item by id; every other word must be in
the item's `search_text`. Results come in term order and stop at the limit, so a one-letter
query reads a few dozen index entries, not the table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from desktop.core.catalogue import ItemValues
from desktop.store.catalogue_keys import item_keys, query_words
from desktop.store.db import Database


class ItemRow(NamedTuple):
    id: int
    name: str
    name_en: str
    category: str
    barcode: str | None
    sku: str | None
    price_fen: int
    cost_fen: int
    price_version: int
    active: bool


class PriceRow(NamedTuple):
    item_id: int
    version: int
    price_fen: int
    cost_fen: int
    created_at: str


@dataclass(frozen=True)
class ItemFilter:
    """Which items a list shows: typed text (searched), one category or all (None), and
    whether disabled items are left out (the till) or shown (the manager's screen)."""

    text: str = ""
    category: str | None = None
    enabled_only: bool = True


COLUMNS = ("m.id, m.name, m.name_en, m.category, m.barcode, m.sku, m.price_fen, m.cost_fen, "
           "m.price_version, m.active")
_TERMS = "FROM menu_search_terms s JOIN menu_items m ON m.id = s.item_id"
_TOP = "\U0010ffff"  # above every character: [word, word + _TOP) is the prefix range of word


CACHE_PAGES_KIB = 32_768  # the search terms of 50,000 items are ~50 MB: keep the hot index pages in memory
_tuned: set[int] = set()


def tuned(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The connection with a page cache big enough for the search index (a per-connection
    setting of pooled connections, set once each): the default 2 MB made a keystroke after a
    pause re-read its index pages from the OS."""
    if id(conn) not in _tuned:
        conn.execute(f"PRAGMA cache_size=-{CACHE_PAGES_KIB}")
        _tuned.add(id(conn))
    return conn


@contextmanager
def one_statement_read(db: Database) -> Iterator[sqlite3.Connection]:
    """A pooled connection for reads of one statement each (no transaction: each SELECT is
    its own snapshot), tuned; the till's search as you type runs here, without a session."""
    pooled = db.engine.raw_connection()
    try:
        driver = pooled.driver_connection
        assert isinstance(driver, sqlite3.Connection)  # the store is SQLite (desktop.store.db)
        yield tuned(driver)
    finally:
        pooled.close()


def _row(raw: Sequence[Any]) -> ItemRow:
    return ItemRow(raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], bool(raw[9]))


def _where(item_filter: ItemFilter) -> tuple[str, list[object], bool]:
    """The WHERE clause, its parameters and whether it goes through the search terms."""
    clauses: list[str] = []
    params: list[object] = []
    words = query_words(item_filter.text)
    if words:
        clauses.append("s.term >= ? AND s.term < ?")
        params += [words[0], words[0] + _TOP]
        for word in words[1:]:
            clauses.append("instr(m.search_text, ?) > 0")
            params.append(word)
    if item_filter.category is not None:
        clauses.append("m.category = ?")
        params.append(item_filter.category)
    if item_filter.enabled_only:
        clauses.append("m.active = 1")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params, bool(words)


def find_items(conn: sqlite3.Connection, item_filter: ItemFilter, offset: int = 0,
               limit: int = 50) -> list[ItemRow]:
    """One page of the items the filter selects: search matches in term order, else by
    category, enabled first, name."""
    where, params, searching = _where(item_filter)
    if searching:
        sql = f"SELECT DISTINCT {COLUMNS} {_TERMS}{where} LIMIT ? OFFSET ?"
    else:
        sql = f"SELECT {COLUMNS} FROM menu_items m{where} ORDER BY m.category, m.active DESC, m.name LIMIT ? OFFSET ?"
    return [_row(r) for r in conn.execute(sql, (*params, limit, offset))]


def count_items(conn: sqlite3.Connection, item_filter: ItemFilter) -> int:
    where, params, searching = _where(item_filter)
    source = _TERMS if searching else "FROM menu_items m"
    what = "count(DISTINCT m.id)" if searching else "count(*)"
    return int(conn.execute(f"SELECT {what} {source}{where}", params).fetchone()[0])


def search_items(conn: sqlite3.Connection, text: str, *, enabled_only: bool = True,
                 limit: int = 50) -> list[ItemRow]:
    """Search as you type over names (zh, en), pinyin, initials, barcode prefix and SKU."""
    if not query_words(text):
        return []
    return find_items(conn, ItemFilter(text, None, enabled_only), 0, limit)


def item_by_id(conn: sqlite3.Connection, item_id: int) -> ItemRow | None:
    found = conn.execute(f"SELECT {COLUMNS} FROM menu_items m WHERE m.id = ?", (item_id,)).fetchone()
    return None if found is None else _row(found)


def item_by_code(conn: sqlite3.Connection, code: str) -> ItemRow | None:
    """The item whose barcode, else SKU, is exactly `code` (as scanned or typed, trimmed)."""
    code = code.strip()
    if not code:
        return None
    for column in ("barcode", "sku"):
        found = conn.execute(f"SELECT {COLUMNS} FROM menu_items m WHERE m.{column} = ?", (code,)).fetchone()
        if found is not None:
            return _row(found)
    return None


def item_by_sku(conn: sqlite3.Connection, sku: str) -> ItemRow | None:
    found = conn.execute(f"SELECT {COLUMNS} FROM menu_items m WHERE m.sku = ?", (sku,)).fetchone()
    return None if found is None else _row(found)


def owner_of_code(conn: sqlite3.Connection, column: str, code: str) -> int | None:
    """The id of the item holding this barcode or SKU (column: "barcode" or "sku"), if any."""
    assert column in ("barcode", "sku")
    found = conn.execute(f"SELECT id FROM menu_items WHERE {column} = ?", (code,)).fetchone()
    return None if found is None else int(found[0])


def categories(conn: sqlite3.Connection, *, enabled_only: bool = True) -> list[tuple[str, int]]:
    """(category, number of items) in category order; with enabled_only, categories whose
    items are all disabled are left out."""
    if enabled_only:
        sql = "SELECT category, count(*) FROM menu_items WHERE active = 1 GROUP BY category ORDER BY category"
    else:
        sql = "SELECT category, count(*) FROM menu_items GROUP BY category ORDER BY category"
    return [(str(c), int(n)) for c, n in conn.execute(sql)]


def items_of_category(conn: sqlite3.Connection, category: str, *, enabled_only: bool = True,
                      limit: int = 500) -> list[ItemRow]:
    return find_items(conn, ItemFilter("", category, enabled_only), 0, limit)


def price_version(conn: sqlite3.Connection, item_id: int, version: int) -> PriceRow | None:
    found = conn.execute("SELECT item_id, version, price_fen, cost_fen, created_at FROM menu_item_prices "
                         "WHERE item_id = ? AND version = ?", (item_id, version)).fetchone()
    return None if found is None else PriceRow(*found)


def price_history(conn: sqlite3.Connection, item_id: int) -> list[PriceRow]:
    rows = conn.execute("SELECT item_id, version, price_fen, cost_fen, created_at FROM menu_item_prices "
                        "WHERE item_id = ? ORDER BY version", (item_id,))
    return [PriceRow(*r) for r in rows]


def all_items(conn: sqlite3.Connection, batch: int = 2000) -> Iterable[ItemRow]:
    """Every item in id order, read in batches (an export of 50,000 rows)."""
    last = 0
    while True:
        rows = conn.execute(f"SELECT {COLUMNS} FROM menu_items m WHERE m.id > ? ORDER BY m.id LIMIT ?",
                            (last, batch)).fetchall()
        if not rows:
            return
        yield from (_row(r) for r in rows)
        last = int(rows[-1][0])


# ---- writes (inside the caller's write transaction) ----

def _keys(values: ItemValues) -> tuple[set[str], str]:
    return item_keys(values.name, values.name_en, values.barcode, values.sku)


def _write_terms(conn: sqlite3.Connection, item_id: int, terms: set[str], *, fresh: bool = False) -> None:
    if not fresh:
        conn.execute("DELETE FROM menu_search_terms WHERE item_id = ?", (item_id,))
    conn.executemany("INSERT INTO menu_search_terms (term, item_id) VALUES (?, ?)",
                     [(term, item_id) for term in terms])


def insert_item(conn: sqlite3.Connection, values: ItemValues, at: str) -> int:
    """A new item with its price version 1 and its search terms; returns its id."""
    terms, text = _keys(values)
    cursor = conn.execute(
        "INSERT INTO menu_items (name, name_en, category, barcode, sku, price_fen, cost_fen, price_version, "
        "active, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        (values.name, values.name_en, values.category, values.barcode, values.sku, values.price_fen,
         values.cost_fen, int(values.active), text))
    item_id = int(cursor.lastrowid or 0)
    conn.execute("INSERT INTO menu_item_prices (item_id, version, price_fen, cost_fen, created_at) "
                 "VALUES (?, 1, ?, ?, ?)", (item_id, values.price_fen, values.cost_fen, at))
    _write_terms(conn, item_id, terms, fresh=True)
    return item_id


def update_item(conn: sqlite3.Connection, before: ItemRow, values: ItemValues, at: str) -> int:
    """Change an item; a new price or cost adds a price version. Returns the item's price
    version after the change."""
    version = before.price_version
    terms, text = _keys(values)
    if (values.price_fen, values.cost_fen) != (before.price_fen, before.cost_fen):
        version += 1
        conn.execute("INSERT INTO menu_item_prices (item_id, version, price_fen, cost_fen, created_at) "
                     "VALUES (?, ?, ?, ?, ?)", (before.id, version, values.price_fen, values.cost_fen, at))
    conn.execute(
        "UPDATE menu_items SET name = ?, name_en = ?, category = ?, barcode = ?, sku = ?, price_fen = ?, "
        "cost_fen = ?, price_version = ?, active = ?, search_text = ? WHERE id = ?",
        (values.name, values.name_en, values.category, values.barcode, values.sku, values.price_fen,
         values.cost_fen, version, int(values.active), text, before.id))
    if (values.name, values.name_en, values.barcode, values.sku) != (before.name, before.name_en,
                                                                    before.barcode, before.sku):
        _write_terms(conn, before.id, terms)
    return version


def set_active(conn: sqlite3.Connection, item_id: int, active: bool) -> None:
    conn.execute("UPDATE menu_items SET active = ? WHERE id = ?", (int(active), item_id))


def values_of(row: ItemRow) -> ItemValues:
    return ItemValues(row.name, row.name_en, row.category, row.barcode, row.sku, row.price_fen,
                      row.cost_fen, row.active)
