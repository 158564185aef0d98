"""Reconciliation (docs/sync-protocol.md, Reconciliation): the platform's lines and ours for a period, matched by op_id.

Our lines come from the outbox (what we told the platform), filed under the payload's `at` or,
without one, when the op was written; amounts follow docs/sync-protocol.md (Reconciliation).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.core.clock import from_iso
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.services.registry import Services
from desktop.sync.client import PlatformClient

MATCHED, DIFFERS, MISSING_ON_PLATFORM, MISSING_HERE = "matched", "differs", "missing_on_platform", "missing_here"
LINE_KINDS = ("group.joined", "group.settled", "group.expired", "group.cancelled", "sale.completed",
              "coins.captured")


@dataclass(frozen=True)
class Line:
    op_id: str
    kind: str
    amount_fen: int | None  # None: we cannot know it here (coin value without a schedule)
    coins: int
    schedule_version: int | None
    occurred_at: str


@dataclass(frozen=True)
class Comparison:
    op_id: str
    kind: str
    status: str
    here: Line | None
    platform: Line | None
    differences: tuple[Difference, ...] = ()


@dataclass(frozen=True)
class Difference:
    """One field that differs: an English template (marked for translation) and its values."""

    template: str
    here: object
    there: object

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        template = translate("reconcile", self.template) if translate else self.template
        return template.format(here=self.here, there=self.there)

    def __str__(self) -> str:
        return self.text()


@dataclass
class ReconcileReport:
    start: datetime
    end: datetime
    rows: list[Comparison] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def totals(self, side: str) -> dict[str, dict[str, int]]:
        """Per kind: count, amount_fen and coins on one side ("here" or "platform")."""
        sums: dict[str, dict[str, int]] = defaultdict(lambda: {"count": 0, "amount_fen": 0, "coins": 0})
        for row in self.rows:
            line = row.here if side == "here" else row.platform
            if line is not None:
                bucket = sums[line.kind]
                bucket["count"] += 1
                bucket["amount_fen"] += line.amount_fen or 0
                bucket["coins"] += line.coins
        return dict(sums)


def reconcile(services: Services, client: PlatformClient, start: datetime, end: datetime) -> ReconcileReport:
    answer = client.reconcile(start, end)
    pairing = services.sync.pairing()
    mine = pairing.terminal_id if pairing else None
    # The platform answers for the whole store; the other terminals' lines are theirs to check.
    theirs = {line["op_id"]: _platform_line(line) for line in answer.get("lines", [])
              if line.get("terminal_id") == mine}
    return compare(local_lines(services, start, end), theirs, start, end)


def compare(ours: dict[str, Line], theirs: dict[str, Line], start: datetime, end: datetime) -> ReconcileReport:
    report = ReconcileReport(start, end)
    for op_id in sorted(ours.keys() | theirs.keys(), key=lambda k: _when(ours.get(k) or theirs[k])):
        here, there = ours.get(op_id), theirs.get(op_id)
        kind = _either(here, there).kind
        if here is None:
            report.rows.append(Comparison(op_id, kind, MISSING_HERE, None, there))
        elif there is None:
            report.rows.append(Comparison(op_id, kind, MISSING_ON_PLATFORM, here, None))
        else:
            diffs = _differences(here, there)
            report.rows.append(Comparison(op_id, kind, DIFFERS if diffs else MATCHED, here, there, diffs))
    return report


def local_lines(services: Services, start: datetime, end: datetime) -> dict[str, Line]:
    return {op.op_id: _local_line(op.op_id, op.kind, op.payload, op.at.isoformat(), op.coin_value_fen)
            for op in services.sync.line_ops(LINE_KINDS, start, end)}


def _local_line(op_id: str, kind: str, p: dict[str, Any], at: str, coin_value: int | None) -> Line:
    if kind == "group.joined":
        return Line(op_id, kind, int(p.get("deposit_fen", 0)), 0, None, at)
    if kind == "group.settled":
        coins = sum(int(g.get("coins", 0)) for g in p.get("coin_grants", []))
        return Line(op_id, kind, int(p.get("cash_fen", 0)), coins, None, at)
    if kind in ("group.expired", "group.cancelled"):
        return Line(op_id, kind, int(p.get("refunded_fen", 0)), 0, None, at)
    if kind == "sale.completed":
        version = p.get("schedule_version")
        return Line(op_id, kind, int(p.get("total_fen", 0)), int(p.get("coins", 0)),
                    int(version) if version is not None else None, at)
    coins = int(p.get("coins", 0))
    return Line(op_id, kind, coins * coin_value if coin_value is not None else None, coins, None, at)


def _platform_line(line: dict[str, Any]) -> Line:
    version = line.get("schedule_version")
    return Line(line["op_id"], line["kind"], int(line["amount_fen"]), int(line["coins"]),
                int(version) if version is not None else None, line["occurred_at"])


def _differences(here: Line, there: Line) -> tuple[Difference, ...]:
    diffs = []
    if here.amount_fen is not None and here.amount_fen != there.amount_fen:
        diffs.append(Difference(QT_TRANSLATE_NOOP("reconcile", "amount {here} ≠ {there} fen"),
                                here.amount_fen, there.amount_fen))
    if here.coins != there.coins:
        diffs.append(Difference(QT_TRANSLATE_NOOP("reconcile", "coins {here} ≠ {there}"), here.coins, there.coins))
    if here.schedule_version is not None and here.schedule_version != there.schedule_version:
        diffs.append(Difference(QT_TRANSLATE_NOOP("reconcile", "schedule v{here} ≠ v{there}"),
                                here.schedule_version, there.schedule_version))
    return tuple(diffs)


def _either(here: Line | None, there: Line | None) -> Line:
    """A compared row's line on either side (every row has at least one)."""
    line = here or there
    if line is None:
        raise ValueError("a comparison with neither line")
    return line


def _when(line: Line) -> str:
    return from_iso(line.occurred_at).isoformat()


CSV_HEADER = ("op_id", "kind", "status", "occurred_at", "here_amount_fen", "platform_amount_fen",
              "here_coins", "platform_coins", "here_schedule_version", "platform_schedule_version",
              "differences")


def to_csv(report: ReconcileReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in report.rows:
        here, there = row.here, row.platform
        writer.writerow([row.op_id, row.kind, row.status, _either(here, there).occurred_at,
                         _cell(here, "amount_fen"), _cell(there, "amount_fen"), _cell(here, "coins"),
                         _cell(there, "coins"), _cell(here, "schedule_version"),
                         _cell(there, "schedule_version"), "; ".join(map(str, row.differences))])
    return out.getvalue()


def _cell(line: Line | None, name: str) -> str:
    value = getattr(line, name) if line is not None else None
    return "" if value is None else str(value)
