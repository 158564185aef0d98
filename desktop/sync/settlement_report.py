"""Reconciliation on amounts (docs/settlement.md, Reconciliation): the platform's statement for a
period beside this terminal's own settlement lines, matched by op and kind.

A row is matched (same amount, same schedule version), differs (both values and both versions
kept), missing on the platform (we recorded it; the statement has not: unsent, rejected or
booked later), missing here (the platform found an amount we did not record), from another
terminal of the store (theirs to check), or the merchant's own (fees, shares earned).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any, NamedTuple

from desktop.core import collector
from desktop.core import statement as st
from desktop.core.clock import from_iso
from desktop.core.staff import Permission
from desktop.core.statement import ClientLine, StatementRows
from desktop.services.base import Actor, require
from desktop.services.registry import Services
from desktop.sync.client import PlatformClient

MATCHED, DIFFERS, MISSING_ON_PLATFORM, MISSING_HERE, OTHER_TERMINAL, MERCHANT = (
    "matched", "differs", "missing_on_platform", "missing_here", "other_terminal", "merchant")
ORDER = {DIFFERS: 0, MISSING_ON_PLATFORM: 1, MISSING_HERE: 2, MATCHED: 3, OTHER_TERMINAL: 4, MERCHANT: 5}
EVERYTHING = datetime(2000, 1, 1, tzinfo=UTC), datetime(9000, 1, 1, tzinfo=UTC)


class Row(NamedTuple):
    """One row of the reconciliation (a tuple: a month makes 100,000 of them)."""

    status: str
    kind: str
    source: str
    ref: str
    op_id: str
    terminal_id: str
    at: datetime
    here_fen: int | None = None
    here_version: int | None = None
    platform_fen: int | None = None
    platform_version: int | None = None
    received_fen: int | None = None  # what the platform says this terminal sent
    note: str = ""
    adjusts: str = ""
    counterparty: str = ""


@dataclass
class Report:
    start: datetime
    end: datetime
    statement: dict[str, Any]
    rows: list[Row] = field(default_factory=list)
    terminal_names: dict[str, str] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def totals(self) -> dict[str, tuple[int, int]]:
        """Per kind: (sum of our lines, sum of the platform's lines) over the rows."""
        sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in self.rows:
            sums[row.kind][0] += row.here_fen or 0
            sums[row.kind][1] += row.platform_fen or 0
        return {k: (v[0], v[1]) for k, v in sums.items()}


def build(services: Services, actor: Actor, client: PlatformClient, start: datetime, end: datetime) -> Report:
    ours, statement = gather(services, actor, client, start, end)
    pairing = services.sync.pairing()
    report = compare(ours, statement, pairing.terminal_id if pairing else "", start, end)
    report.terminal_names = services.settlement.terminal_names()
    return report


def gather(services: Services, actor: Actor, client: PlatformClient, start: datetime,
           end: datetime) -> tuple[list[ClientLine], StatementRows]:
    """This counter's own lines and the whole statement: the statement is fetched (page after
    page, on a helper thread) while the lines are read."""
    require(actor, Permission.VIEW_REPORTS)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="statement") as pool:
        fetching = pool.submit(client.statement_rows, start, end)
        try:
            ours = services.settlement.lines(actor, *EVERYTHING)
        finally:
            statement = fetching.result()  # raises what the fetch raised
    return ours, statement


# The fields the comparison reads from a statement row, in the order _platform_row takes them.
_READ = ("kind", "op_id", "terminal_id", "fen", "schedule_version", "source", "ref", "occurred_at", "booked_at",
         "client_fen", "note", "adjusts", "counterparty")


def compare(ours: Iterable[ClientLine], statement: StatementRows, terminal_id: str,
            start: datetime, end: datetime) -> Report:
    """`ours`: our lines of any time (a late line booked in this period matches its op); only
    those whose event lies in [start, end) are missing when the statement lacks them. The rows
    come in ORDER of status, each status by event time."""
    with collector.paused():  # a named tuple per row (desktop/core/collector.py)
        mine = {(line.op_id, line.kind): line for line in ours}
        by_status: dict[str, list[Row]] = {status: [] for status in ORDER}
        fields = itemgetter(*(statement.position(name) for name in _READ))
        for line in statement.rows:
            row = _platform_row(fields(line), statement.names, mine, terminal_id)
            by_status[row.status].append(row)
        missing = by_status[MISSING_ON_PLATFORM]
        for line in mine.values():  # what the platform's rows did not match (they pop what they do)
            if start <= line.at < end:
                missing.append(Row(MISSING_ON_PLATFORM, line.kind, line.source, line.ref, line.op_id, terminal_id,
                                   line.at, here_fen=line.fen, here_version=line.schedule_version, note=line.status))
        report = Report(start, end, statement.head)
        for status in sorted(ORDER, key=ORDER.__getitem__):
            report.rows.extend(sorted(by_status[status], key=_event_time))
    return report


def _event_time(row: Row) -> datetime:
    return row.at


def _platform_row(line: tuple[Any, ...], names: dict[str, str], mine: dict[tuple[str, str], ClientLine],
                  terminal_id: str) -> Row:
    """The row of one platform line (its _READ fields); a line of ours it matches leaves `mine`."""
    (kind, op_id, terminal, fen, version, source, ref, occurred, booked, client_fen, note, adjusts,
     counterparty) = line
    op_id, terminal, fen = op_id or "", terminal or "", int(fen)
    here: ClientLine | None = None
    if not terminal:
        status = MERCHANT
    elif terminal != terminal_id:
        status = OTHER_TERMINAL
    else:
        here = mine.pop((op_id, kind), None)
        if here is None:
            status = MISSING_HERE
        else:
            same = here.fen == fen and (here.schedule_version is None or here.schedule_version == version)
            status = MATCHED if same else DIFFERS
    if counterparty:
        counterparty = names.get(counterparty, counterparty)
    if here is not None:  # the same event time when matched
        return Row(status, kind, source, ref or "", op_id, terminal, here.at, here.fen, here.schedule_version, fen,
                   version, client_fen, note, adjusts, counterparty)
    return Row(status, kind, source, ref or "", op_id, terminal, from_iso(occurred or booked), None, None, fen,
               version, client_fen, note, adjusts, counterparty)


CSV_HEADER = ("status", "kind", "source", "ref", "terminal", "occurred_at", "here_fen", "here_schedule_version",
              "platform_fen", "platform_schedule_version", "adjusts", "note", "op_id")


def to_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for r in report.rows:
        writer.writerow([r.status, r.kind, r.source, r.ref, report.terminal_names.get(r.terminal_id, r.terminal_id),
                         r.at.isoformat(), _cell(r.here_fen), _cell(r.here_version), _cell(r.platform_fen),
                         _cell(r.platform_version), r.adjusts, r.note, r.op_id])
    writer.writerow([])
    writer.writerow(("kind", "here_fen", "platform_fen", "statement_fen"))
    for kind in st.KINDS:
        here, there = report.totals().get(kind, (0, 0))
        writer.writerow((kind, here, there, report.statement["totals"][kind]["fen"]))
    for key in ("opening_fen", "net_fen", "closing_fen", "position"):
        writer.writerow((key, report.statement[key]))
    return out.getvalue()


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)
