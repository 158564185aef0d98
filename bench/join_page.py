"""The join page under a crowd: 200 phones load it and poll its seats, against the platform as
it runs in production (`pinshang central --workers N` on PostgreSQL), compared in the same run
with the same server's liveness probe under the same crowd.

Set-up: a fresh database on the cluster (dropped and made again), a merchant and store, a paired
counter that launches a deal and opens a group with a real join token (the ops a counter pushes).
Then, per round, for `--seconds` each:

* health: 200 phones open their connection (one untimed probe each, as the page load opens the
  join phase's), then call `GET /v1/health` back to back (what the server costs with no work);
* join: 200 phones each load the join page as a browser does (the HTML, its three scripts and
  its style sheet, the group's JSON), then poll the seats JSON back to back for `--seconds`
  (`--think S`: wait S seconds between polls, as the page's 4 s timer does; the health phase
  waits the same).

Prints, per round and as the median of the rounds, p50/p99 latency and requests/s of each, and
the ratio join/health. The client is one asyncio process (httpx) on the same computer.

    .venv/bin/python bench/join_page.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        [--workers 2] [--phones 200] [--seconds 10] [--rounds 3] [--think 0]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from central.app import create_app  # noqa: E402
from central.services import admin, pairing  # noqa: E402
from central.services.schedules import Rates, add_schedule  # noqa: E402
from tests.central.group_flow import TERMS, Counter, HonestGroup  # noqa: E402

DB_NAME = "pinshang_bench_join"
PAGE_FILES = ("/static/phone/phone.css", "/static/phone/text.js", "/static/phone/phone.js",
              "/static/phone/join.js")


@dataclass
class Sample:
    latencies: list[float] = field(default_factory=list)  # seconds, one per request
    errors: int = 0
    why: dict[str, int] = field(default_factory=dict)  # error -> count (status code or exception)
    first: float = float("inf")  # the first request's start, the last answer's end (perf_counter)
    last: float = 0.0

    def rps(self) -> float:
        """Requests of this kind per second over the time they were being made."""
        span = self.last - self.first
        return len(self.latencies) / span if span > 0 else 0.0

    def pct(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


def fresh_database(pg_url: str) -> str:
    admin_engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{DB_NAME}"'))
    admin_engine.dispose()
    return make_url(pg_url).set(database=DB_NAME).render_as_string(hide_password=False)


def pairing_code(db_url: str) -> str:
    """Migrate and set the platform up (create_app does both), then a merchant, store, schedule."""
    app = create_app(db_url)
    platform = app.state.platform
    now = platform.clock()
    with platform.tx() as session:
        merchant = admin.create_merchant(session, "Steak House")
        store = admin.create_store(session, merchant, "Branch 1")
        add_schedule(session, merchant, now - timedelta(days=30), Rates(2000, 500, 200, 1000, 1), now)
        code = pairing.create_pairing_code(session, store, now, timedelta(hours=1))
    app.state.engine.dispose()
    return code


def opened_group(url: str, code: str) -> tuple[str, str]:
    """A counter pairs, launches a deal and opens a group of 200 seats: (group id, join token)."""
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from desktop.sync.client import PlatformClient

    key = Ed25519PrivateKey.generate()
    client = PlatformClient(url, timeout=30)
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    answer = client.pair(code, base64.b64encode(raw).decode(), "Counter 1")
    shop = Counter(None, client, answer["terminal_id"], answer["store"]["id"], key)  # type: ignore[arg-type]
    group = HonestGroup(shop, {**TERMS, "group_size": 200, "fill_window": 86400})
    assert group.launch()["status"] == "applied"
    assert group.open()["status"] == "applied"
    for _ in range(3):  # a few seats taken, so the page has entries to count
        assert group.join()["status"] == "applied"
    return group.group_id, group.join_token


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db_url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "central", "--db", db_url, "--port", str(port), "--workers", str(workers)],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise SystemExit("the platform did not start")
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("the platform did not answer within 60 s")


async def crowd(client: httpx.AsyncClient, phones: int, phone_task: object) -> dict[str, Sample]:
    samples: dict[str, Sample] = {}

    async def timed(kind: str, path: str) -> None:
        sample = samples.setdefault(kind, Sample())
        start = time.perf_counter()
        sample.first = min(sample.first, start)
        try:
            response = await client.get(path)
            if response.status_code != 200:
                sample.errors += 1
                sample.why[str(response.status_code)] = sample.why.get(str(response.status_code), 0) + 1
                return
        except httpx.HTTPError as exc:
            sample.errors += 1
            sample.why[type(exc).__name__] = sample.why.get(type(exc).__name__, 0) + 1
            return
        end = time.perf_counter()
        sample.latencies.append(end - start)
        sample.last = max(sample.last, end)

    wall, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(phone_task(timed) for _ in range(phones)))  # type: ignore[operator]
    busy = Sample()  # the client's own CPU seconds per wall second: near 1 means the client is the limit
    busy.latencies, busy.first, busy.last = [time.process_time() - cpu], 0.0, time.perf_counter() - wall
    samples["client cpu"] = busy
    return samples


def health_phone(seconds: float, think: float) -> object:
    def make(timed: object) -> object:
        async def run() -> None:
            await timed("warm-up", "/v1/health")  # type: ignore[operator]
            stop_at = time.perf_counter() + seconds
            while time.perf_counter() < stop_at:
                await timed("health", "/v1/health")  # type: ignore[operator]
                await asyncio.sleep(think)
        return run()
    return make


def join_phone(group_id: str, token: str, seconds: float, think: float) -> object:
    """Load the page as a browser does, then poll the seats for `seconds` from then on."""
    def make(timed: object) -> object:
        async def run() -> None:
            await timed("page", f"/j/{group_id}?t={token}")  # type: ignore[operator]
            await asyncio.gather(*(timed("page", name) for name in PAGE_FILES))  # type: ignore[operator]
            await timed("group", f"/p/api/groups/{group_id}?t={token}")  # type: ignore[operator]
            stop_at = time.perf_counter() + seconds
            while time.perf_counter() < stop_at:
                await timed("seats", f"/p/api/groups/{group_id}/seats?t={token}")  # type: ignore[operator]
                await asyncio.sleep(think)
        return run()
    return make


async def one_round(url: str, phones: int, seconds: float, think: float, group_id: str,
                    token: str) -> dict[str, Sample]:
    limits = httpx.Limits(max_connections=phones, max_keepalive_connections=phones)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        health = await crowd(client, phones, health_phone(seconds, think))
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:  # fresh connections
        join = await crowd(client, phones, join_phone(group_id, token, seconds, think))
    health["client cpu (health)"] = health.pop("client cpu")
    health["client cpu (join)"] = join.pop("client cpu")
    join["join (all)"] = Sample(latencies=sum((s.latencies for s in join.values()), []),
                                errors=sum(s.errors for s in join.values()),
                                first=min(s.first for s in join.values()), last=max(s.last for s in join.values()))
    return {**health, **join}


def show(name: str, rounds: list[dict[str, Sample]]) -> None:
    print(f"\n{name}")
    print(f"  {'':12} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'requests':>9} {'errors':>7}")
    for kind in ("health", "page", "group", "seats", "join (all)"):
        got = [r[kind] for r in rounds if kind in r]
        if not got:
            continue
        p50 = statistics.median(s.pct(0.50) for s in got)
        p99 = statistics.median(s.pct(0.99) for s in got)
        rps = statistics.median(s.rps() for s in got)
        count = statistics.median(len(s.latencies) for s in got)
        errors = statistics.median(s.errors for s in got)
        why = ", ".join(f"{k} x{v}" for r in got for k, v in r.why.items())
        print(f"  {kind:12} {p50:8.1f} {p99:8.1f} {rps:8.0f} {count:9.0f} {errors:7.0f}" + (f"  ({why})" if why else ""))
    for kind in ("client cpu (health)", "client cpu (join)"):
        got = [r[kind] for r in rounds if kind in r]
        if got:
            share = statistics.median(s.latencies[0] / s.last for s in got)
            print(f"  {kind}: {share:.2f} CPU seconds per second (1.00 = the client is the limit)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", default=os.environ.get("PINSHANG_TEST_PG_URL", ""),
                        help="a PostgreSQL URL on the cluster (its database is replaced by " + DB_NAME + ")")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds a phone waits between polls (0: back to back, the server's capacity; "
                             "the page itself polls every 4 s)")
    args = parser.parse_args()
    if not args.pg.startswith("postgresql"):
        parser.error("--pg postgresql+psycopg://... is needed (or PINSHANG_TEST_PG_URL)")
    db_url = fresh_database(args.pg)
    code = pairing_code(db_url)
    port = free_port()
    server = start_server(db_url, port, args.workers)
    url = f"http://127.0.0.1:{port}"
    try:
        group_id, token = opened_group(url, code)
        print(f"pinshang central --workers {args.workers} on PostgreSQL ({DB_NAME}); {args.phones} phones, "
              f"{args.seconds:.0f} s of polling per phase, {args.think:g} s between polls, {args.rounds} rounds; "
              f"client: one asyncio process (httpx); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        rounds = []
        for number in range(1, args.rounds + 1):
            result = asyncio.run(one_round(url, args.phones, args.seconds, args.think, group_id, token))
            rounds.append(result)
            show(f"round {number}", [result])
        show(f"median of {args.rounds} rounds", rounds)
        health = statistics.median(r["health"].rps() for r in rounds)
        seats = statistics.median(r["seats"].rps() for r in rounds)
        join_p99 = statistics.median(r["seats"].pct(0.99) for r in rounds)
        health_p99 = statistics.median(r["health"].pct(0.99) for r in rounds)
        print(f"\nseats polls / health: {seats / health:.2f}x the requests/s, "
              f"p99 {join_p99 / health_p99:.2f}x the health probe's")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
