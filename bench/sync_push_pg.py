"""Push throughput of `pinshang central` on PostgreSQL: many terminals pushing at once, one
worker process against several, in one run (`bench/sync_push.py` measures one terminal).

Each phase starts the real server as a process (`python -m central.cli central --workers N`,
production settings) on a fresh database of the cluster given by --pg, pairs `--terminals`
terminals through the HTTP API and has them all push their outboxes at once (a thread per
terminal, batches of `--batch` ops: two sales with their lines and tender, as the checkout
writes them, for each record-only op). Throughput is all ops over the wall time of the pushing. Exactly-once is then checked in the database: every
terminal's last_seq, one received op per op, one seen op_id per op, the reconciliation
lines of the kinds that make them, and one store sale and one settlement sale per sale.

Targets: batched push >= 2,000 ops/s with 16 terminals, and 4 workers >= 1.5x one worker.

    .venv/bin/python bench/sync_push_pg.py --pg postgresql+psycopg://postgres@127.0.0.1:41613/postgres \\
        [--terminals 16] [--workers 4] [--ops 2000] [--batch 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from central.db import make_engine, session_factory, transaction  # noqa: E402
from central.models import (  # noqa: E402
    PlatformLine,
    ReceivedOp,
    SeenOpId,
    SettlementSale,
    StoreSale,
    Terminal,
)
from central.services import admin, pairing  # noqa: E402
from desktop.core.clock import utc_now  # noqa: E402
from desktop.sync.client import OutboxOp, PlatformClient  # noqa: E402
from tests.central.helpers import new_public_key  # noqa: E402

LINE_KINDS = ("sale.completed",)  # the kinds of the mix that write a reconciliation line


ITEMS = (("Jasmine tea", 1800), ("Steamed buns", 600), ("Noodle soup", 2400), ("Soy milk", 500),
         ("Fried rice", 2200))


def sale(seq: int, at: str, member_id: str | None = None, amounts: dict[str, object] | None = None,
         schedule_version: int | None = None) -> dict[str, object]:
    """A sale as the checkout writes it (desktop/services/checkout): 1 to 4 lines, a line
    discount now and then, a cash tender with change, the receipt number, shift and cashier."""
    lines = []
    for no in range(1, seq % 4 + 2):
        name, price = ITEMS[(seq + no) % len(ITEMS)]
        quantity, discount = no % 3 + 1, 100 if (seq + no) % 5 == 0 else 0
        lines.append({"line_no": no, "item_id": f"item-{(seq + no) % len(ITEMS)}", "price_version": 1,
                      "name": name, "quantity": quantity, "unit_price_fen": price, "discount_fen": discount,
                      "amount_fen": quantity * price - discount})
    base = sum(int(line["amount_fen"]) for line in lines)  # type: ignore[call-overload]
    paid = (base // 5000 + 1) * 5000
    payload: dict[str, object] = {
        "sale_id": uuid.uuid4().hex, "at": at, "receipt_no": f"R{seq:06d}", "total_fen": base,
        "base_fen": base, "lines": lines, "tenders": [{"kind": "cash", "amount_fen": paid}],
        "change_fen": paid - base, "shift_id": "shift-1", "cashier": "Li Na"}
    if member_id is not None:
        payload["member_id"] = member_id
    if amounts is not None:
        payload["amounts"] = amounts
    if schedule_version is not None:
        payload["schedule_version"] = schedule_version
    return payload


def outbox(count: int) -> list[OutboxOp]:
    """Two sales (sale.completed as the checkout writes it) for one record-only op (staff.changed)."""
    at = utc_now().isoformat()
    rows = []
    for seq in range(1, count + 1):
        if seq % 3 == 0:
            rows.append(OutboxOp(seq, uuid.uuid4().hex, "staff.changed",
                                 {"staff_id": seq, "name": f"Staff {seq}", "role": "cashier", "active": True}))
        else:
            rows.append(OutboxOp(seq, uuid.uuid4().hex, "sale.completed", sale(seq, at)))
    return rows


@contextmanager
def fresh_database(cluster: str) -> Iterator[str]:
    name = f"pinshang_bench_{uuid.uuid4().hex[:10]}"
    root = create_engine(cluster, isolation_level="AUTOCOMMIT")
    with root.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(cluster).set(database=name).render_as_string(hide_password=False)
    finally:
        with root.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        root.dispose()


@dataclass
class Phase:
    """One phase's push: its rate and the CPU seconds spent while it ran, by whom."""

    rate: float
    seconds: float
    platform_cpu: float  # the central process and its workers
    database_cpu: float  # every process of the PostgreSQL cluster
    terminals_cpu: float  # this process: the terminals' threads (in production, other machines)
    first_done: float = 0.0  # when the first terminal had pushed its whole outbox (seconds)

    def per_op_ms(self, cpu: float) -> float:
        return cpu / (self.rate * self.seconds) * 1000

    @property
    def cores_busy(self) -> float:
        return (self.platform_cpu + self.database_cpu + self.terminals_cpu) / self.seconds


def _processes() -> dict[int, tuple[int, str, int]]:
    """Every process: {pid: (parent pid, command line, CPU clock ticks: its own utime and stime
    and those of the children it has waited for)}."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                found[int(entry.name)] = (int(stat[1]), command, sum(int(t) for t in stat[11:15]))
            except (OSError, ValueError, IndexError):
                continue
    return found


def _tree_cpu(root: int) -> float:
    """CPU seconds of a process, its descendants and the children it has waited for."""
    processes = _processes()
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, (parent, _, _) in processes.items() if parent in tree} - tree
        grew, tree = bool(more), tree | more
    return sum(processes[pid][2] for pid in tree if pid in processes) / os.sysconf("SC_CLK_TCK")


def _postmaster(cluster: str) -> int:
    port = make_url(cluster).port or 5432
    for pid, (_parent, command, _ticks) in _processes().items():
        if "postgres" in command and f"-p {port} " in command + " " and "-D" in command:
            return pid
    raise SystemExit(f"no PostgreSQL server of port {port} on this machine: its CPU cannot be counted")


@contextmanager
def central(db_url: str, workers: int, log: Path) -> Iterator[tuple[str, int]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "central.cli", "central", "--db", db_url, "--port", str(port),
             "--workers", str(workers)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL, stderr=log_file, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"central did not start: {log.read_text(errors='replace')[-2000:]}")
            try:
                if requests.get(url + "/v1/health", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        time.sleep(1.0 if workers > 1 else 0.2)  # every worker up
        yield url, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def pair_terminals(db_url: str, url: str, count: int, stores: int = 1) -> list[tuple[str, str]]:
    """`count` terminals over `stores` stores (of as many merchants), in turn."""
    engine = make_engine(db_url)
    try:
        with transaction(session_factory(engine)) as session:
            shops = [admin.create_store(session, admin.create_merchant(session, f"Bench {i}"), f"Bench store {i}")
                     for i in range(stores)]
            codes = [pairing.create_pairing_code(session, shops[i % stores], utc_now(), timedelta(hours=1))
                     for i in range(count)]
    finally:
        engine.dispose()
    paired = []
    for i, code in enumerate(codes):
        client = PlatformClient(url, timeout=60)
        answer = client.pair(code, new_public_key(), f"Counter {i}")
        paired.append((answer["terminal_id"], answer["token"]))
        client.close()
    return paired


def push_all(url: str, terminals: list[tuple[str, str]], ops: int, batch: int, server: int,
             postmaster: int) -> Phase:
    outboxes = {terminal: outbox(ops) for terminal, _ in terminals}
    errors: list[str] = []
    finished: list[float] = []
    go = threading.Barrier(len(terminals) + 1)

    def pusher(terminal: str, token: str) -> None:
        client = PlatformClient(url, token, timeout=120)
        try:
            go.wait()
            rows = outboxes[terminal]
            for start in range(0, len(rows), batch):
                answer = client.push(terminal, rows[start:start + batch])
                if answer["last_seq"] != rows[min(start + batch, len(rows)) - 1].seq:
                    errors.append(f"{terminal}: last_seq {answer['last_seq']}")
            finished.append(time.perf_counter())
        except Exception as exc:  # collected: reported below
            errors.append(f"{terminal}: {type(exc).__name__}: {exc}")
        finally:
            client.close()

    threads = [threading.Thread(target=pusher, args=pair) for pair in terminals]
    for thread in threads:
        thread.start()
    go.wait()
    start, cpu = time.perf_counter(), (_tree_cpu(server), _tree_cpu(postmaster), _own_cpu())
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    after = (_tree_cpu(server), _tree_cpu(postmaster), _own_cpu())
    if errors:
        raise SystemExit(f"push failed: {errors[:3]}")
    return Phase(len(terminals) * ops / elapsed, elapsed, *(b - a for a, b in zip(cpu, after, strict=True)),
                 first_done=min(finished) - start)


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def check_exactly_once(db_url: str, terminals: list[tuple[str, str]], ops: int) -> None:
    ids = [t for t, _ in terminals]
    expected_lines = sum(1 for op in outbox(ops) if op.kind in LINE_KINDS) * len(ids)
    engine = make_engine(db_url)
    try:
        with transaction(session_factory(engine)) as session:
            seqs = dict(session.execute(select(Terminal.id, Terminal.last_seq).where(Terminal.id.in_(ids))).all())
            received = session.scalar(select(func.count()).select_from(ReceivedOp).where(
                ReceivedOp.terminal_id.in_(ids), ReceivedOp.status == "applied"))
            seen = session.scalar(select(func.count()).select_from(SeenOpId).where(SeenOpId.terminal_id.in_(ids)))
            lines = session.scalar(select(func.count()).select_from(PlatformLine).where(PlatformLine.terminal_id.in_(ids)))
            stores = set(session.scalars(select(Terminal.store_id).where(Terminal.id.in_(ids))))
            sales = session.scalar(select(func.count()).select_from(StoreSale).where(StoreSale.terminal_id.in_(ids)))
            booked = session.scalar(select(func.count()).select_from(SettlementSale).where(
                SettlementSale.store_id.in_(stores)))
    finally:
        engine.dispose()
    total = ops * len(ids)
    if (set(seqs.values()) != {ops} or received != total or seen != total or lines != expected_lines
            or sales != expected_lines or booked != expected_lines):
        raise SystemExit(f"NOT exactly once: last_seq {set(seqs.values())}, applied {received}/{total}, "
                         f"seen {seen}/{total}, lines {lines}/{expected_lines}, store sales {sales} and "
                         f"settlement sales {booked} of {expected_lines}")


def phase(cluster: str, workers: int, args: argparse.Namespace, log: Path) -> Phase:
    with fresh_database(cluster) as db_url, central(db_url, workers, log) as (url, server):
        terminals = pair_terminals(db_url, url, args.terminals, args.stores)
        done = push_all(url, terminals, args.ops, args.batch, server, _postmaster(cluster))
        check_exactly_once(db_url, terminals, args.ops)
    return done


def describe(done: Phase) -> str:
    return (f"CPU per op: platform {done.per_op_ms(done.platform_cpu):.3f} ms, PostgreSQL "
            f"{done.per_op_ms(done.database_cpu):.3f} ms, terminals {done.per_op_ms(done.terminals_cpu):.3f} ms; "
            f"{done.cores_busy:.2f} of {os.cpu_count()} cores busy; the first terminal done at "
            f"{done.first_done / done.seconds:.0%} of the time")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", required=True, help="a PostgreSQL cluster URL (a database is created and dropped)")
    parser.add_argument("--terminals", type=int, default=16)
    parser.add_argument("--stores", type=int, default=1,
                        help="the terminals are shared out over this many stores, each of its own merchant")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--ops", type=int, default=2_000, help="ops per terminal")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"pinshang-bench-central-{os.getpid()}.log"
    one, many, capacity = [], [], []
    for run in range(args.runs):
        single, several = phase(args.pg, 1, args, log), phase(args.pg, args.workers, args, log)
        one.append(single.rate)
        many.append(several.rate)
        # What the machine could push at the several workers' CPU per op, every core busy.
        cpu_per_op = (several.platform_cpu + several.database_cpu + several.terminals_cpu) / (several.rate * several.seconds)
        capacity.append((os.cpu_count() or 1) / cpu_per_op)
        print(f"run {run + 1}: {args.terminals} terminals x {args.ops:,} ops, batches of {args.batch}: "
              f"1 worker {one[-1]:,.0f} ops/s, {args.workers} workers {many[-1]:,.0f} ops/s, "
              f"ratio {many[-1] / one[-1]:.2f}x; exactly once: checked\n"
              f"  1 worker:  {describe(single)}\n  {args.workers} workers: {describe(several)}", flush=True)
    ratios = [m / o for m, o in zip(many, one, strict=True)]

    def summary(values: list[float], fmt: str) -> str:
        return (f"median {format(statistics.median(values), fmt)} "
                f"(spread {format(min(values), fmt)}-{format(max(values), fmt)})")

    print(f"\n1 worker, ops/s          : {summary(one, ',.0f')}")
    print(f"{args.workers} workers, ops/s        : {summary(many, ',.0f')}   (target >= 2,000)")
    print(f"{args.workers} workers / 1 worker    : {summary(ratios, '.2f')} x   (target >= 1.5x)")
    print(f"this machine's {os.cpu_count()} cores, all busy at the {args.workers} workers' CPU per op: "
          f"{summary(capacity, ',.0f')} ops/s; 1 worker reached {summary([o / c for o, c in zip(one, capacity, strict=True)], '.0%')} of it")
    return 0 if all(m >= 2000 for m in many) and all(r >= 1.5 for r in ratios) else 1


if __name__ == "__main__":
    raise SystemExit(main())
