"""Settlement statements (docs/settlement.md): per merchant (or one of its stores) and period,
made from the booked settlement lines; a closed period's statement is the one stored when it
was closed, never recomputed.

Opening balance = the signed sum of every line booked before the period; totals are sums of
the period's lines per kind; closing = opening + the signed sum of the period's lines.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from central.db import flush_deferred
from central.errors import ApiError, invalid, not_found
from central.models import Merchant, SettlementClosure, SettlementLine
from central.services.alliance import record_action
from central.services.reconcile import utc_bound
from central.services.schedules import closed_until, forget_closed
from desktop.core import statement as st

MAX_PAGE = 20_000
# The fields of a whole line (`lines`).
LINE_FIELDS = ("line_id", "booked_at", "occurred_at", "source", "kind", "ref", "store_id", "terminal_id",
               "op_id", "fen", "signed_fen", "schedule_version", "client_fen", "client_version", "differs",
               "counterparty", "note", "adjusts", "counterparty_name")
# The compact form (`rows=true`, less than half the bytes on the wire): one list per line in
# ROW_FIELDS order, `signed_fen` left out (the kind's direction times `fen`), `occurred_at` null
# when it is `booked_at`, the counterparties' names once per page (`counterparty_names`).
ROW_FIELDS = tuple(f for f in LINE_FIELDS if f not in ("signed_fen", "counterparty_name"))
_OCCURRED = ROW_FIELDS.index("occurred_at")
_BOOKED = ROW_FIELDS.index("booked_at")
_COUNTERPARTY = ROW_FIELDS.index("counterparty")
_TIMES = (SettlementLine.booked_at, SettlementLine.occurred_at)


def bounds(period: str, day: date) -> tuple[datetime, datetime]:
    if period not in st.PERIODS:
        raise invalid("period must be day, week or month")
    return st.period_bounds(period, day)


def statement(session: Session, merchant_id: str, start: datetime, end: datetime, *,
              store_id: str | None = None, cursor: str | None = None, limit: int | None = None,
              rows: bool = False) -> dict[str, Any]:
    """The statement, in pages of at most `limit` lines (None: all of them) in a stable key
    order (booked_at, line id). Without `cursor`: the first page, with the balances, totals and
    counts; with the `cursor` of a page: the lines after it only. A page's cursor also holds the
    last line id the first page saw (the head): later pages never bring a line booked after the
    fetch began, so the pages add up to the first page's totals (docs/sync-protocol.md,
    Statements). `rows`: the lines in the compact form (ROW_FIELDS), made straight from
    the database rows."""
    start, end = utc_bound(start, "from"), utc_bound(end, "to")
    if end <= start:
        raise invalid("'from' must be before 'to'")
    if limit is not None and not 1 <= limit <= MAX_PAGE:
        raise invalid(f"limit must be between 1 and {MAX_PAGE}")
    flush_deferred(session)  # lines this transaction booked (central.db.defer_insert) count too
    merchant = session.get(Merchant, merchant_id)
    if merchant is None:
        raise not_found("merchant", merchant_id)
    after = _decode_cursor(cursor, start, end, store_id) if cursor else None
    closure = session.execute(select(SettlementClosure).where(
        SettlementClosure.merchant_id == merchant_id, SettlementClosure.period_start == start,
        SettlementClosure.period_end == end)).scalar_one_or_none()
    if closure is not None and store_id is None:
        whole: dict[str, Any] = json.loads(closure.statement)
        stored = whole.pop("lines")
        head_id = max((int(line["line_id"]) for line in stored), default=0)
        keyed = [line for line in stored if after is None or _key(line) > (after.booked_at, after.line_id)]
        page = keyed if limit is None else keyed[:limit]
        more = len(page) < len(keyed)
        page_rows, names = _rows_of(page)
        return _answer(whole if after is None else _ids(whole), page_rows, names, more, start, end, store_id,
                       head_id, rows)
    head_id = after.head if after is not None else int(session.execute(
        select(func.coalesce(func.max(SettlementLine.id), 0))).scalar_one())
    in_period = [*_in_period(merchant_id, start, end, store_id), SettlementLine.id <= head_id]
    lines, names = _lines(session, in_period, after, None if limit is None else limit + 1)
    more = limit is not None and len(lines) > limit
    lines = lines[:limit] if more else lines
    if after is not None:  # a later page: its lines only
        return _answer({"merchant_id": merchant_id, "store_id": store_id, "from": start.isoformat(),
                        "to": end.isoformat()}, lines, names, more, start, end, store_id, head_id, rows)
    scope: list[Any] = [SettlementLine.merchant_id == merchant_id, SettlementLine.id <= head_id]
    if store_id is not None:  # the store's lines and the merchant's own (fees, shares earned)
        scope.append(or_(SettlementLine.store_id == store_id, SettlementLine.store_id.is_(None)))
    opening = sum(st.signed(kind, int(fen)) for kind, fen in session.execute(
        select(SettlementLine.kind, func.sum(SettlementLine.amount_fen))
        .where(*scope, SettlementLine.booked_at < start).group_by(SettlementLine.kind)))
    totals, differences = st.Totals(), 0
    for kind, count, fen, differing in session.execute(  # one pass: totals and differences
            select(SettlementLine.kind, func.count(), func.sum(SettlementLine.amount_fen),
                   func.sum(case((SettlementLine.differs.is_(True), 1), else_=0)))
            .where(*in_period).group_by(SettlementLine.kind)):
        bucket = totals.by_kind[kind]
        bucket.count, bucket.fen = int(count), int(fen)
        differences += int(differing or 0)
    closed = closed_until(session, merchant_id)
    head: dict[str, Any] = {
        "merchant_id": merchant.id, "merchant_name": merchant.name, "store_id": store_id,
        "from": start.isoformat(), "to": end.isoformat(), "label": st.period_label(start, end),
        "closed": closed is not None and end <= closed,
        "opening_fen": opening,
        "totals": {k: {"count": t.count, "fen": t.fen, "signed_fen": st.signed(k, t.fen)}
                   for k, t in totals.by_kind.items()},
        "net_fen": totals.net_fen, "closing_fen": opening + totals.net_fen,
        "position": _position(totals.net_fen), "differences": int(differences),
        "line_count": sum(t.count for t in totals.by_kind.values()),
    }
    return _answer(head, lines, names, more, start, end, store_id, head_id, rows)


@dataclass(frozen=True)
class _After:
    """Where a page cursor resumes: after the line (booked_at, line_id), up to line `head`."""

    booked_at: datetime
    line_id: int
    head: int


def _key(line: dict[str, Any]) -> tuple[datetime, int]:
    return datetime.fromisoformat(str(line["booked_at"])), int(line["line_id"])


def _answer(head: dict[str, Any], rows: Sequence[Sequence[Any]], names: dict[str, str], more: bool, start: datetime,
            end: datetime, store_id: str | None, head_id: int, compact_form: bool) -> dict[str, Any]:
    cursor = None
    if more:
        last = rows[-1]
        cursor = _encode_cursor(datetime.fromisoformat(last[_BOOKED]), int(last[0]), head_id, start, end, store_id)
    if compact_form:
        return {**head, "line_fields": list(ROW_FIELDS), "rows": rows, "counterparty_names": names,
                "more": more, "cursor": cursor}
    return {**head, "lines": [_as_line(row, names) for row in rows], "more": more, "cursor": cursor}


def _as_line(row: Sequence[Any], names: dict[str, str]) -> dict[str, Any]:
    """A compact row as a whole line, in LINE_FIELDS order."""
    (line_id, booked_at, occurred_at, source, kind, ref, store_id, terminal_id, op_id, fen, version,
     client_fen, client_version, differs, counterparty, note, adjusts) = row
    return {"line_id": line_id, "booked_at": booked_at, "occurred_at": occurred_at or booked_at,
            "source": source, "kind": kind, "ref": ref, "store_id": store_id, "terminal_id": terminal_id,
            "op_id": op_id, "fen": fen, "signed_fen": st.DIRECTION[kind] * fen, "schedule_version": version,
            "client_fen": client_fen, "client_version": client_version, "differs": differs,
            "counterparty": counterparty, "note": note, "adjusts": adjusts,
            "counterparty_name": names.get(counterparty, counterparty)}


def _rows_of(lines: list[dict[str, Any]]) -> tuple[list[list[Any]], dict[str, str]]:
    """Whole lines (a closed statement's stored copy) in the compact form."""
    rows, names = [], {}
    for line in lines:
        row = [line[f] for f in ROW_FIELDS]
        if line["occurred_at"] == line["booked_at"]:
            row[_OCCURRED] = None
        if line["counterparty"]:
            names[line["counterparty"]] = line["counterparty_name"]
        rows.append(row)
    return rows, names


def _encode_cursor(booked_at: datetime, line_id: int, head_id: int, start: datetime, end: datetime,
                   store_id: str | None) -> str:
    raw = json.dumps({"v": 1, "b": booked_at.isoformat(), "l": line_id, "h": head_id, "f": start.isoformat(),
                      "t": end.isoformat(), "s": store_id or ""}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode_cursor(cursor: str, start: datetime, end: datetime, store_id: str | None) -> _After:
    """A page cursor of this very statement (period and scope), else 422."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        after = _After(utc_bound(datetime.fromisoformat(data["b"]), "cursor"), int(data["l"]), int(data["h"]))
        same = (data.get("v") == 1 and data["f"] == start.isoformat() and data["t"] == end.isoformat()
                and data["s"] == (store_id or "") and type(data["l"]) is int and type(data["h"]) is int)
    except (binascii.Error, ValueError, TypeError, KeyError, AttributeError, ApiError):
        same = False
    if not same or not 0 <= after.line_id <= after.head:
        raise invalid("not a cursor of this statement: fetch its first page again")
    return after


def _in_period(merchant_id: str, start: datetime, end: datetime, store_id: str | None) -> list[Any]:
    scope: list[Any] = [SettlementLine.merchant_id == merchant_id]
    if store_id is not None:  # the store's lines and the merchant's own (fees, shares earned)
        scope.append(or_(SettlementLine.store_id == store_id, SettlementLine.store_id.is_(None)))
    return [*scope, SettlementLine.booked_at >= start, SettlementLine.booked_at < end]


def _lines(session: Session, in_period: list[Any], after: _After | None,
           limit: int | None) -> tuple[list[tuple[Any, ...]], dict[str, str]]:
    """The lines in the compact form (ROW_FIELDS) and the counterparties' names, made by the
    database: a Core query (no ORM row per line) whose columns are already what a row holds."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    booked, occurred = (_sqlite_iso(t) for t in _TIMES) if sqlite else _TIMES
    line = SettlementLine
    query = select(line.id, booked, case((line.occurred_at == line.booked_at, None), else_=occurred),
                   line.source, line.kind, line.ref, line.store_id, line.terminal_id,
                   case((line.store_id.is_not(None), line.op_id), else_=None), line.amount_fen,
                   line.schedule_version, line.client_fen, line.client_version, line.differs,
                   line.counterparty, line.note, line.adjusts).where(*in_period)
    if after is not None:
        query = query.where(or_(line.booked_at > after.booked_at,
                                (line.booked_at == after.booked_at) & (line.id > after.line_id)))
    query = query.order_by(line.booked_at, line.id)
    if limit is not None:
        query = query.limit(limit)
    result = session.connection().execute(query)
    rows = [tuple(row) for row in result] if sqlite else [_with_iso_times(tuple(row)) for row in result]
    wanted = {row[_COUNTERPARTY] for row in rows if row[_COUNTERPARTY]}
    names: dict[str, str] = {str(k): str(v) for k, v in session.execute(
        select(Merchant.id, Merchant.name).where(Merchant.id.in_(wanted)))}
    return rows, {c: names.get(c, c) for c in wanted}


def _sqlite_iso(column: Any) -> Any:
    """A time column as datetime.isoformat() writes it, made by SQLite from the stored UTC text
    ('2030-03-01 12:00:00.000000' as '2030-03-01T12:00:00+00:00'): parsing 200,000 datetimes
    only to print them again was most of a month's statement."""
    text = type_coerce(column, String)
    return func.replace(func.replace(text, " ", "T"), ".000000", "") + "+00:00"


def _with_iso_times(row: tuple[Any, ...]) -> tuple[Any, ...]:
    booked, occurred = row[_BOOKED], row[_OCCURRED]
    return (row[0], booked.isoformat(), None if occurred is None else occurred.isoformat(), *row[3:])


def _ids(head: dict[str, Any]) -> dict[str, Any]:
    return {k: head[k] for k in ("merchant_id", "store_id", "from", "to")}


def _position(net: int) -> str:
    return "receivable" if net > 0 else "payable" if net < 0 else "even"


def close_period(session: Session, merchant_id: str, start: datetime, end: datetime, now: datetime,
                 reason: str = "") -> str:
    """Close [start, end): its statement is stored as it is now and never changes; every line
    that arrives later for it is booked in the next open period as an adjustment."""
    if end > now:
        raise invalid(f"the period ends {end.isoformat()}: it can be closed once it is over")
    # Waits for every push that has read this merchant's closed periods (schedules.closed_until)
    # to commit its lines, which then are in the statement stored below; later pushes wait for
    # this close and book what belongs to the closed period as adjustments.
    session.execute(select(Merchant.id).where(Merchant.id == merchant_id).with_for_update())
    forget_closed(session)
    closed = closed_until(session, merchant_id)
    if closed is not None and end <= closed:
        raise ApiError(409, "period_closed", f"the period up to {closed.isoformat()} is closed already")
    whole = statement(session, merchant_id, start, end)
    for key in ("more", "cursor"):
        whole.pop(key)
    whole["closed"] = True
    label = st.period_label(start, end)
    session.add(SettlementClosure(merchant_id=merchant_id, period_start=start, period_end=end, label=label,
                                  closed_at=now, statement=json.dumps(whole, ensure_ascii=False)))
    forget_closed(session)
    record_action(session, now, "settlement.period_closed", merchant_id, reason or "period over",
                  period=label, closing_fen=whole["closing_fen"])
    session.flush()
    return f"closed {label} for {merchant_id}: closing balance {whole['closing_fen']} fen"


CSV_HEADER = ("booked_at", "occurred_at", "source", "kind", "ref", "store_id", "terminal_id", "fen",
              "signed_fen", "schedule_version", "client_fen", "client_version", "differs", "counterparty",
              "adjusts", "note")


def to_csv(answer: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for line in answer["lines"]:
        writer.writerow(["" if line[c] is None else line[c] for c in CSV_HEADER])
    writer.writerow([])
    writer.writerow(("total", "kind", "count", "fen", "signed_fen"))
    for kind, total in answer["totals"].items():
        writer.writerow(("", kind, total["count"], total["fen"], total["signed_fen"]))
    for key in ("opening_fen", "net_fen", "closing_fen", "position"):
        writer.writerow((key, answer[key]))
    return out.getvalue()


def as_text(answer: dict[str, Any]) -> str:
    rows = [f"{answer['merchant_name']} ({answer['merchant_id']}) {answer['label']}"
            f"{' [closed]' if answer['closed'] else ''}",
            f"opening balance   {answer['opening_fen']:>14} fen"]
    for kind, total in answer["totals"].items():
        rows.append(f"{kind:<22}{total['count']:>6} lines {total['signed_fen']:>14} fen")
    rows += [f"net               {answer['net_fen']:>14} fen ({answer['position']})",
             f"closing balance   {answer['closing_fen']:>14} fen",
             f"differences       {answer['differences']:>14}"]
    rows += [f"  adjustment: {line['kind']} {line['signed_fen']} fen ({line['adjusts']})"
             for line in answer["lines"] if line["adjusts"]]
    return "\n".join(rows)
