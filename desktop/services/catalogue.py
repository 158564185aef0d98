"""The catalogue (menu): reads for the till (search as you type, scan, categories, the price
of a version) and the manager's changes (add, edit, enable/disable, CSV import/export).

A price or cost change adds a price version and moves the item's `price_version`; a sale line
keeps the version it was rung at, so `price_at(item_id, version)` gives the price it was sold
for whatever happened later. Names, category, codes and enabled change in place (audited).
Changes need Permission.MANAGE_MENU (managers and the owner), checked here.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop.core.catalogue import ItemValues, check_values
from desktop.core.errors import UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.staff import Actor, Permission
from desktop.services.base import ServiceBase, require
from desktop.services.catalogue_csv import HEADER, CsvRow, RowProblem, decode, read_rows, write_rows
from desktop.store import catalogue_queries as q
from desktop.store.catalogue_queries import ItemFilter, ItemRow, PriceRow
from desktop.store.raw_write import raw_read, sqlite_of

__all__ = ["HEADER", "CatalogueImportError", "CatalogueService", "CategoryCount", "ImportResult", "ItemFilter",
           "ItemRow", "ItemValues", "PriceRow", "Progress", "RowProblem"]

Progress = Callable[[int, int], None]  # (rows written, rows in the file); called after each chunk
IMPORT_CHUNK = 1000  # rows per write transaction: a 50,000-row import never holds the lock long


@dataclass(frozen=True)
class CategoryCount:
    name: str  # "" for the items without a category
    count: int


@dataclass(frozen=True)
class ImportResult:
    rows: int
    added: int
    updated: int
    unchanged: int


class CatalogueImportError(ValidationError):
    """The file was refused as a whole (nothing written): `problems` lists every row's reason."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "{count} rows of the file have problems; nothing was "
                                           "imported. Fix them and import the file again."), count=len(problems))
        self.problems = problems


def _no_item(item_id: int) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("errors", "There is no menu item {id}"), id=item_id)


class CatalogueService(ServiceBase):
    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with q.one_statement_read(self.db) as conn:
            yield conn

    # ---- reads (the till and the manager's list) ----

    def item(self, item_id: int) -> ItemRow:
        with self._read() as conn:
            found = q.item_by_id(conn, item_id)
        if found is None:
            raise _no_item(item_id)
        return found

    def find_code(self, code: str) -> ItemRow | None:
        """The item with this barcode, else this SKU (exact), enabled or not; None if none."""
        with self._read() as conn:
            return q.item_by_code(conn, code)

    def scan(self, code: str) -> ItemRow:
        """The item to sell for a scanned or typed barcode/SKU; a clear error when there is
        none or it is not on sale."""
        found = self.find_code(code)
        if found is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "No menu item has the code {code}"),
                                  code=code.strip())
        if not found.active:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name} is not on sale (disabled in the menu)"),
                                  name=found.name)
        return found

    def search(self, text: str, *, limit: int = 50, enabled_only: bool = True) -> list[ItemRow]:
        """Search as you type: name (zh, en), pinyin, initials, barcode prefix, SKU."""
        with self._read() as conn:
            return q.search_items(conn, text, enabled_only=enabled_only, limit=limit)

    def categories(self, *, enabled_only: bool = True) -> list[CategoryCount]:
        with self._read() as conn:
            return [CategoryCount(name, count) for name, count in q.categories(conn, enabled_only=enabled_only)]

    def items_of_category(self, category: str, *, enabled_only: bool = True, limit: int = 500) -> list[ItemRow]:
        with self._read() as conn:
            return q.items_of_category(conn, category, enabled_only=enabled_only, limit=limit)

    def page(self, item_filter: ItemFilter, offset: int, limit: int) -> list[ItemRow]:
        with self._read() as conn:
            return q.find_items(conn, item_filter, offset, limit)

    def count(self, item_filter: ItemFilter) -> int:
        with self._read() as conn:
            return q.count_items(conn, item_filter)

    def price_at(self, item_id: int, version: int) -> PriceRow:
        """The price and cost of an item at a price version (what a sale line was rung at)."""
        with self._read() as conn:
            found = q.price_version(conn, item_id, version)
        if found is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Menu item {id} has no price version {version}"),
                                  id=item_id, version=version)
        return found

    def price_history(self, item_id: int) -> list[PriceRow]:
        with self._read() as conn:
            return q.price_history(conn, item_id)

    # ---- changes (managers) ----

    def add(self, actor: Actor, values: ItemValues) -> ItemRow:
        require(actor, Permission.MANAGE_MENU)
        values = check_values(values)
        with self.transaction(actor) as tx:
            conn = q.tuned(sqlite_of(tx.session))
            _check_codes_free(conn, values, None)
            item_id = q.insert_item(conn, values, tx.now_iso)
            tx.audit("menu.item_added", item=item_id, name=values.name, sku=values.sku or "",
                     price_fen=values.price_fen, cost_fen=values.cost_fen)
            added = q.item_by_id(conn, item_id)
        assert added is not None
        return added

    def edit(self, actor: Actor, item_id: int, values: ItemValues) -> ItemRow:
        """Change an item; a new price or cost is a new price version (audited with both)."""
        require(actor, Permission.MANAGE_MENU)
        values = check_values(values)
        with self.transaction(actor) as tx:
            conn = q.tuned(sqlite_of(tx.session))
            before = q.item_by_id(conn, item_id)
            if before is None:
                raise _no_item(item_id)
            _check_codes_free(conn, values, item_id)
            version = q.update_item(conn, before, values, tx.now_iso)
            changed = _changes(q.values_of(before), values)
            if changed:
                detail: dict[str, object] = {"item": item_id, "name": values.name, "price_version": version}
                tx.audit("menu.item_edited", **(detail | changed))
            after = q.item_by_id(conn, item_id)
        assert after is not None
        return after

    def set_enabled(self, actor: Actor, item_id: int, enabled: bool) -> ItemRow:
        """Put an item on sale or take it off (it stays in the catalogue and in past sales)."""
        require(actor, Permission.MANAGE_MENU)
        with self.transaction(actor) as tx:
            conn = q.tuned(sqlite_of(tx.session))
            before = q.item_by_id(conn, item_id)
            if before is None:
                raise _no_item(item_id)
            if before.active != enabled:
                q.set_active(conn, item_id, enabled)
                tx.audit("menu.item_enabled" if enabled else "menu.item_disabled", item=item_id, name=before.name)
        return before._replace(active=enabled)

    # ---- CSV ----

    def import_csv(self, actor: Actor, data: bytes, *, source: str = "", progress: Progress | None = None,
                   chunk: int = IMPORT_CHUNK) -> ImportResult:
        """Check every row first: any problem refuses the whole file (CatalogueImportError with
        every row's reason) and nothing is written. Then rows are upserted by SKU in chunks, one
        transaction each (audited per chunk); `progress(done, total)` after each."""
        require(actor, Permission.MANAGE_MENU)
        rows, problems = read_rows(decode(data))
        with self._read() as conn:
            problems += _conflicts_with_store(conn, rows)
        if problems:
            raise CatalogueImportError(sorted(problems, key=lambda p: p.row))
        added = updated = unchanged = 0
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            with self.transaction(actor) as tx:
                conn = q.tuned(sqlite_of(tx.session))
                counts = _upsert(conn, part, tx.now_iso)
                tx.audit("menu.imported", source=source, rows=f"{part[0].row}-{part[-1].row}",
                         added=counts[0], updated=counts[1])
            added, updated, unchanged = added + counts[0], updated + counts[1], unchanged + counts[2]
            if progress is not None:
                progress(start + len(part), len(rows))
        return ImportResult(len(rows), added, updated, unchanged)

    def import_csv_file(self, actor: Actor, path: Path, *, progress: Progress | None = None) -> ImportResult:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(QT_TRANSLATE_NOOP("errors", "Cannot read the file {path}: {reason}"),
                            path=str(path), reason=exc.strerror or type(exc).__name__) from exc
        return self.import_csv(actor, data, source=path.name, progress=progress)

    def export_csv_text(self) -> str:
        with self._read() as conn:
            return "".join(write_rows(q.all_items(conn)))

    def export_csv_file(self, path: Path) -> int:
        """Write the whole catalogue to `path` (UTF-8 with a BOM, so a spreadsheet reads the
        Chinese names); returns the number of items. Written beside and renamed: a failed
        export never leaves half a file under the chosen name."""
        partial = path.with_name(path.name + ".partial")
        lines = 0
        try:
            with raw_read(self.db) as conn, partial.open("w", encoding="utf-8-sig", newline="") as out:
                for line in write_rows(q.all_items(conn)):
                    out.write(line)
                    lines += 1
            os.replace(partial, path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise UserError(QT_TRANSLATE_NOOP("errors", "Cannot write the file {path}: {reason}"),
                            path=str(path), reason=exc.strerror or type(exc).__name__) from exc
        return lines - 1  # the header is not an item


def _check_codes_free(conn: sqlite3.Connection, values: ItemValues, item_id: int | None) -> None:
    for column, code in (("barcode", values.barcode), ("sku", values.sku)):
        if code is None:
            continue
        owner = q.owner_of_code(conn, column, code)
        if owner is not None and owner != item_id:
            other = q.item_by_id(conn, owner)
            name = other.name if other else str(owner)
            if column == "barcode":
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "The barcode {code} is already on {name}"),
                                      code=code, name=name)
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SKU {code} is already on {name}"),
                                  code=code, name=name)


def _changes(before: ItemValues, after: ItemValues) -> dict[str, object]:
    """The fields that changed, as {field: {"before": …, "after": …}} for the audit record."""
    changed: dict[str, object] = {}
    for field in ("name", "name_en", "category", "barcode", "sku", "price_fen", "cost_fen", "active"):
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            changed[field] = {"before": old if old is not None else "", "after": new if new is not None else ""}
    return changed


def _conflicts_with_store(conn: sqlite3.Connection, rows: list[CsvRow]) -> list[RowProblem]:
    """Rows whose barcode belongs to another item of the store (one with another SKU)."""
    holders = {barcode: sku for barcode, sku in conn.execute(
        "SELECT barcode, sku FROM menu_items WHERE barcode IS NOT NULL")}
    problems = []
    for row in rows:
        barcode, sku = row.values.barcode, row.values.sku
        if barcode is not None and barcode in holders and holders[barcode] != sku:
            problems.append(RowProblem(row.row, ValidationError(
                QT_TRANSLATE_NOOP("errors", "The barcode {code} is already on the item with SKU {sku}"),
                code=barcode, sku=holders[barcode] or "-")))
    return problems


def _upsert(conn: sqlite3.Connection, rows: list[CsvRow], at: str) -> tuple[int, int, int]:
    added = updated = unchanged = 0
    for row in rows:
        assert row.values.sku is not None  # read_rows requires it
        existing = q.item_by_sku(conn, row.values.sku)
        if existing is None:
            q.insert_item(conn, row.values, at)
            added += 1
        elif q.values_of(existing) != row.values:
            q.update_item(conn, existing, row.values, at)
            updated += 1
        else:
            unchanged += 1
    return added, updated, unchanged
