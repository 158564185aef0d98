"""The catalogue's CSV form: header `sku,barcode,name,name_en,category,price,cost,enabled`,
prices in yuan as typed ("18.00"), enabled as 1/0 (yes/no, true/false, 是/否 are read too).

Reading checks every row and collects every problem with its row number (the line of the file,
the header being row 1), so a person fixes the file once; nothing here writes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from desktop.core.catalogue import ItemValues, check_values
from desktop.core.errors import UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import FEN_PER_YUAN, parse_fen
from desktop.store.catalogue_queries import ItemRow

HEADER = ("sku", "barcode", "name", "name_en", "category", "price", "cost", "enabled")
_TRUE = {"1", "yes", "y", "true", "是", "启用", ""}
_FALSE = {"0", "no", "n", "false", "否", "停用", "禁用"}


@dataclass(frozen=True)
class CsvRow:
    row: int  # the line of the file (the header is row 1)
    values: ItemValues


@dataclass(frozen=True)
class RowProblem:
    row: int  # 0: the file as a whole (its header, its encoding)
    error: UserError


def yuan_text(fen: int) -> str:
    """Fen as the CSV writes a price: 1800 -> "18.00" (no symbol, no grouping)."""
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{yuan}.{rest:02d}"


def decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM spreadsheets write), else GB18030 (a CSV saved by a
    Chinese Excel); anything else is refused."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "The file is not a text file in UTF-8 or GBK"))


def _enabled(text: str) -> bool:
    cleaned = text.strip().casefold()
    if cleaned in _TRUE:
        return True
    if cleaned in _FALSE:
        return False
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{text}” is not 1 (on sale) or 0 (not on sale)"),
                          text=text.strip())


def _price(text: str, required: bool) -> int:
    if not text.strip() and not required:
        return 0
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The price is missing"))
    return parse_fen(text)


def parse_row(cells: dict[str, str]) -> ItemValues:
    """One row as item values; raises the row's (first) problem."""
    sku = cells["sku"].strip()
    if not sku:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SKU is missing: each row needs one, it is how "
                                                "an import finds the item to update"))
    values = ItemValues(
        name=cells["name"], name_en=cells["name_en"], category=cells["category"],
        barcode=cells["barcode"].strip() or None, sku=sku,
        price_fen=_price(cells["price"], True), cost_fen=_price(cells["cost"], False),
        active=_enabled(cells["enabled"]),
    )
    return check_values(values)


def read_rows(text: str) -> tuple[list[CsvRow], list[RowProblem]]:
    """Every row of the file, and every problem found (row by row; duplicates in the file too)."""
    reader = csv.reader(io.StringIO(text))
    header = [cell.strip().casefold() for cell in next(reader, [])]
    if tuple(header) != HEADER:
        return [], [RowProblem(0, ValidationError(
            QT_TRANSLATE_NOOP("errors", "The first line must be the header {header}"), header=",".join(HEADER)))]
    rows: list[CsvRow] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, str], int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines (a file's last line, a spreadsheet's empty rows)
        if len(cells) != len(HEADER):
            problems.append(RowProblem(number, ValidationError(
                QT_TRANSLATE_NOOP("errors", "The row has {count} columns, not {expected}"),
                count=len(cells), expected=len(HEADER))))
            continue
        try:
            values = parse_row(dict(zip(HEADER, cells, strict=True)))
        except UserError as exc:
            problems.append(RowProblem(number, exc))
            continue
        duplicate = _duplicate(seen, number, values)
        if duplicate is not None:
            problems.append(RowProblem(number, duplicate))
            continue
        rows.append(CsvRow(number, values))
    return rows, problems


def _duplicate(seen: dict[tuple[str, str], int], number: int, values: ItemValues) -> UserError | None:
    for column, code in (("sku", values.sku), ("barcode", values.barcode)):
        if code is None:
            continue
        first = seen.setdefault((column, code), number)
        if first != number:
            if column == "sku":
                return ValidationError(QT_TRANSLATE_NOOP("errors", "The SKU {code} is also on row {row}"),
                                       code=code, row=first)
            return ValidationError(QT_TRANSLATE_NOOP("errors", "The barcode {code} is also on row {row}"),
                                   code=code, row=first)
    return None


def write_rows(items: Iterable[ItemRow]) -> Iterator[str]:
    """The CSV text of the items, line by line (header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(HEADER)
    yield flush()
    for item in items:
        writer.writerow((item.sku or "", item.barcode or "", item.name, item.name_en, item.category,
                         yuan_text(item.price_fen), yuan_text(item.cost_fen), "1" if item.active else "0"))
        yield flush()
