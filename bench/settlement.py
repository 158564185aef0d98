"""A month of one busy store: 100,000 settlement lines of sales (coins, members, shares) under a
schedule that changes 3 times, on the platform and on the counter.

Measured in one run, each the best of --repeat:
- the platform's statement of the month (central.services.statements.statement: opening
  balance, per-kind totals, closing, every line with both values and versions), in the whole
  form (a dict per line: the CLI, CSV and closures) and in the compact rows the counter asks for;
- the counter's reconciliation (desktop.sync.settlement_report.compare of the counter's own lines,
  read from its `settlement_lines` table, beside those rows: matched, differing, missing);
- the floor of that work: one sqlite3 query per side reading the columns the screen shows,
  matched in a dict, a row per line (target: statement + reconciliation <= 2x the floor);
- the peak memory (tracemalloc) of statement + reconciliation against the floor's (<= 2x);
- the whole screen path over HTTP, and bare `SELECT kind, SUM(...) GROUP BY kind` baselines.

The platform's lines are written by the platform's own booking (central.services.settlement.book)
from amounts computed with desktop.core.commission; the counter's outbox rows carry the same
amounts, as the checkout writes them (one op per sale).

    .venv/bin/python bench/settlement.py [--lines 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import base64
import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat  # noqa: E402
from sqlalchemy import func, insert, select, update  # noqa: E402

from central.db import make_engine, session_factory, transaction  # noqa: E402
from central.migrate import upgrade  # noqa: E402
from central.models import SettlementLine  # noqa: E402
from central.services import admin, statements  # noqa: E402
from central.services.changes import ensure_state  # noqa: E402
from central.services.schedules import Rates, add_schedule, core_rates, in_force  # noqa: E402
from desktop.core import statement as st  # noqa: E402
from desktop.core.commission import sale_amounts  # noqa: E402
from desktop.core.staff import Actor, Role  # noqa: E402
from desktop.services.registry import Services  # noqa: E402
from desktop.store.migrate import open_store  # noqa: E402
from desktop.sync import settlement_report as sr  # noqa: E402

MANAGER = Actor(2, "bench", Role.MANAGER)
MONTH = st.period_bounds("month", datetime(2030, 3, 15, tzinfo=UTC).date())


def build(folder: Path, wanted: int) -> tuple[object, str, Services, str]:
    """Both databases with `wanted` lines: (platform sessions, merchant, counter services, terminal)."""
    engine = make_engine(f"sqlite:///{folder / 'central.db'}")
    upgrade(engine)
    sessions = session_factory(engine)
    start, end = MONTH
    with transaction(sessions) as session:
        ensure_state(session, None)
        merchant = admin.create_merchant(session, "Busy")
        store = admin.create_store(session, merchant, "Busy 1")
        home = admin.create_merchant(session, "Home")
        for n, turnover in enumerate((300, 350, 400, 450)):  # the month's version and 3 changes
            add_schedule(session, merchant, start + timedelta(days=8 * n) - timedelta(hours=1),
                         Rates(2000, 500, 100, 1000, 10, turnover), start)
        versions = [core_rates(in_force(session, merchant, start + timedelta(days=8 * n)))  # type: ignore[arg-type]
                    for n in range(4)]
    services = Services.build(open_store(folder / "pinshang.db"))
    terminal = "Tbench"
    rows, outbox, sale = [], [], 0
    span = (end - start).total_seconds()
    while len(rows) < wanted:
        at = start + timedelta(seconds=span * len(rows) / wanted)
        rates = versions[min(3, int((at - start).total_seconds() // (8 * 86400)))]
        base = 1800 + 37 * (sale % 400)
        member = sale % 3 != 0
        coins = (base * rates.coin_cap_bp // 10_000) // rates.coin_value_fen if member and sale % 2 else 0
        coin_fen = coins * rates.coin_value_fen
        amounts = sale_amounts(member_sale_fen=base - coin_fen, coin_fen=coin_fen, has_member=member,
                               home_merchant_id=home if sale % 5 == 0 else merchant, selling_merchant_id=merchant,
                               rates=rates)
        sale_id, op_id = uuid.uuid4().hex, uuid.uuid4().hex
        for line in st.sale_lines(amounts):
            rows.append({"merchant_id": merchant, "store_id": store, "terminal_id": terminal, "op_id": op_id,
                         "source": "sale", "ref": sale_id, "kind": line.kind, "amount_fen": line.fen,
                         "schedule_version": rates.version, "client_fen": line.fen,
                         "client_version": rates.version, "differs": False,
                         "counterparty": home if line.kind == st.ALLIANCE_SHARE_PAID else "", "note": "",
                         "adjusts": "", "occurred_at": at, "booked_at": at})
        outbox.append((op_id, "sale.completed", json.dumps({
            "sale_id": sale_id, "total_fen": base - coin_fen, "coins": coins, "coin_fen": coin_fen,
            "schedule_version": rates.version, "at": at.isoformat(), "amounts": amounts.__dict__}),
            at.isoformat(), "applied"))
        sale += 1
    with transaction(sessions) as session:
        for i in range(0, len(rows), 5000):
            session.execute(insert(SettlementLine), rows[i:i + 5000])
    with services.db.write() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO outbox (op_id, kind, payload, created_at, status) VALUES (?, ?, ?, ?, ?)", outbox)
    return sessions, merchant, services, terminal


def best(repeat: int, work: object) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = work()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times), result


def peak(work: object) -> int:
    """The most memory Python held while `work` ran (its result included)."""
    tracemalloc.start()
    try:
        work()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def over_http(folder: Path, sessions: object, merchant: str, services: Services, terminal: str,
              repeat: int) -> tuple[float, int]:
    """The screen's whole path: the real platform serving on 127.0.0.1 in its own process (as in
    production: the platform is another machine), every page of the statement fetched by a
    paired terminal of the store while the counter reads its own lines, then the two compared
    (desktop.sync.settlement_report.gather and compare, what the screen runs)."""
    from central.services import pairing
    from desktop.sync.client import PlatformClient

    start, end = MONTH
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", "import sys; from central.cli import main; sys.exit(main(sys.argv[1:]))",
         "--db", f"sqlite:///{folder / 'central.db'}", "--port", str(port)],
        cwd=Path(__file__).resolve().parents[1], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        client = PlatformClient(url, timeout=120)
        for _ in range(300):
            try:
                client.http.get(url + "/v1/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        with transaction(sessions) as session:  # type: ignore[arg-type]
            store = session.scalar(select(SettlementLine.store_id).limit(1))
            code = pairing.create_pairing_code(session, str(store), datetime.now(UTC), timedelta(hours=1))
        key = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        paired = client.pair(code, base64.b64encode(key).decode(), "bench")["terminal_id"]
        with transaction(sessions) as session:  # type: ignore[arg-type]
            session.execute(update(SettlementLine).values(terminal_id=paired))

        def fetch_and_compare() -> int:  # as the screen does it (settlement_report.build)
            ours, answer = sr.gather(services, MANAGER, client, start, end)
            return len(sr.compare(ours, answer, paired, start, end).rows)

        elapsed, rows = best(repeat, fetch_and_compare)
        client.close()
        return elapsed, int(rows)  # type: ignore[call-overload]
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pinshang-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        sessions, merchant, services, terminal = build(folder, args.lines)
        print(f"built {args.lines:,} lines in {time.perf_counter() - t0:.1f} s")
        start, end = MONTH

        def statement() -> dict[str, object]:  # the whole form: every line a dict (CLI, CSV)
            with transaction(sessions) as session:  # type: ignore[arg-type]
                return statements.statement(session, merchant, start, end)

        def statement_rows() -> st.StatementRows:  # the compact form the counter asks for
            with transaction(sessions) as session:  # type: ignore[arg-type]
                return st.StatementRows.of_first_page(statements.statement(session, merchant, start, end, rows=True))

        def bare_platform() -> list[object]:
            with transaction(sessions) as session:  # type: ignore[arg-type]
                return list(session.execute(
                    select(SettlementLine.kind, func.sum(SettlementLine.amount_fen))
                    .where(SettlementLine.merchant_id == merchant, SettlementLine.booked_at >= start,
                           SettlementLine.booked_at < end).group_by(SettlementLine.kind)))

        t_whole, whole = best(args.repeat, statement)
        t_statement, answer = best(args.repeat, statement_rows)
        assert isinstance(answer, st.StatementRows) and isinstance(whole, dict)
        assert answer.lines() == whole["lines"], "the compact form holds the whole lines"
        whole_count = whole["line_count"]
        del whole  # 100,000 dicts the counter never holds (their collection would slow what follows)
        t_bare, sums = best(args.repeat, bare_platform)

        def reconcile() -> sr.Report:
            return sr.compare(services.settlement.lines(MANAGER, *sr.EVERYTHING), answer, terminal,
                              start, end)

        def bare_counter() -> list[object]:
            connection = sqlite3.connect(services.db.path)
            try:
                return connection.execute("SELECT kind, SUM(fen) FROM settlement_lines GROUP BY kind").fetchall()
            finally:
                connection.close()

        def floor() -> int:
            """The floor of the same work: one query per side reading the columns the
            reconciliation shows (the platform's lines of the month, the counter's own), the
            two matched by (ref, kind) in a dict, one row (status, ref, kind, ours, theirs) per
            line. No schedule is read per line; nothing else is computed."""
            platform = sqlite3.connect(folder / "central.db")
            counter = sqlite3.connect(services.db.path)
            try:
                theirs = {(row[4], row[3]): row for row in platform.execute(
                    "SELECT booked_at, occurred_at, source, kind, ref, store_id, terminal_id, amount_fen, "
                    "schedule_version, client_fen, client_version, differs, counterparty, adjusts, note "
                    "FROM settlement_lines WHERE merchant_id = ? AND booked_at >= ? AND booked_at < ?",
                    (merchant, *(bound.astimezone(UTC).replace(tzinfo=None).isoformat(" ") for bound in (start, end))))}
                rows = []
                for ref, kind, fen, version, at, source, op_id in counter.execute(
                        "SELECT ref, kind, fen, schedule_version, at, source, op_id FROM settlement_lines"):
                    line = theirs.get((ref, kind))
                    status = "missing" if line is None else "matched" if (line[7], line[8]) == (fen, version) else "differs"
                    rows.append((status, ref, kind, (fen, version, at, source, op_id), line))
                return sum(1 for row in rows if row[0] == "matched")
            finally:
                platform.close()
                counter.close()

        t_reconcile, report = best(args.repeat, reconcile)
        t_floor, floor_matched = best(args.repeat, floor)
        ours_peak = peak(lambda: sr.compare(services.settlement.lines(MANAGER, *sr.EVERYTHING), statement_rows(),
                                            terminal, start, end))
        floor_peak = peak(floor)
        t_http, http_rows = over_http(folder, sessions, merchant, services, terminal, args.repeat)
        t_bare_counter, counter_sums = best(args.repeat, bare_counter)
        assert isinstance(report, sr.Report)
        assert answer.head["line_count"] == whole_count == len(report.rows) >= args.lines
        assert report.count(sr.MATCHED) == len(report.rows) == floor_matched, "every line matches"
        assert dict((k, int(v)) for k, v in sums) == {k: t["fen"] for k, t in answer.head["totals"].items() if t["count"]}  # type: ignore[union-attr]
        assert dict((k, int(v)) for k, v in counter_sums) == dict(sums)  # type: ignore[arg-type]
        print(f"platform statement, whole lines {t_whole:6.2f} s  ({whole_count:,} lines)")
        print(f"platform statement, rows        {t_statement:6.2f} s  (what the counter asks for)")
        print(f"  bare GROUP BY      {t_bare:6.3f} s  ratio {t_statement / t_bare:6.1f}x")
        print(f"counter reconcile    {t_reconcile:6.2f} s  ({len(report.rows):,} rows, all matched)")
        print(f"  bare GROUP BY      {t_bare_counter:6.3f} s  ratio {t_reconcile / t_bare_counter:6.1f}x")
        print(f"statement + reconcile {t_statement + t_reconcile:6.2f} s against the floor (one query per side, "
              f"matched in a dict, a row per line: {floor_matched:,} matched) {t_floor:6.3f} s: "
              f"ratio {(t_statement + t_reconcile) / t_floor:5.1f}x   (target <= 2x)")
        print(f"memory at its peak (tracemalloc): statement + reconcile {ours_peak / 2**20:6.1f} MiB, the floor "
              f"(both sides' lines as sqlite3 tuples, matched) {floor_peak / 2**20:6.1f} MiB: "
              f"ratio {ours_peak / floor_peak:5.2f}x   (target <= 2x)")
        print(f"counter reconcile over HTTP (every page fetched, then compared) {t_http:6.2f} s "
              f"({http_rows:,} rows), ratio to the bare GROUP BY {t_http / t_bare_counter:6.1f}x")
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
