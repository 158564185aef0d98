"""A large pull against the counter's own writes, in one run.

The platform pages long pulls (docs/sync-protocol.md, Pull: pages); the counter applies each
page with its cursor in one short transaction (`SyncPullService.apply`: bulk upserts, no ORM
object per member) and lets a waiting counter write go first between pages. This applies a
100,000-member reset pull, page by page as the platform sends it (JSON text decoded, then
applied), to a migrated store, while another thread makes a counter write (a small
BEGIN IMMEDIATE transaction, like a redemption's) every 100 ms. Measured in the same run:

- the floor: one bulk `executemany` of the same rows into the members table of a fresh store,
  in one transaction; the pull's total time against it (target <= 3x), and a second, reset
  pull of the same members over the full copy (every page sweeps its range);
- how long each page's transaction holds the write lock (target <= 50 ms);
- how long each counter write takes, pull running (target: never more than 100 ms; p99 shown),
  and the same write with nothing else running;
- the pull's peak Python memory (tracemalloc, a separate pass) against the size of the
  pull's JSON (target <= 2x).

    .venv/bin/python bench/pull.py [--members 100000] [--page 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services.registry import Services  # noqa: E402
from desktop.store.migrate import open_store  # noqa: E402
from desktop.store.raw_write import raw_write  # noqa: E402
from desktop.sync.worker import PULL_PAGE  # noqa: E402

WRITE_EVERY = 0.1


def member(i: int) -> dict[str, Any]:
    return {"member_id": f"U{i:015x}", "phone_masked": f"138****{i % 10_000:04d}",
            "phone_hash": f"{i:064x}", "name": f"会员 Member {i}", "home_merchant_id": "M-bench"}


def pages(count: int, size: int) -> list[str]:
    """The pull as the platform sends it: one JSON text per page (a reset, member-id order)."""
    rows = [member(i) for i in range(count)]
    texts = []
    for start in range(0, count, size):
        chunk = rows[start:start + size]
        more = start + size < count
        texts.append(json.dumps({
            "cursor": f"page-{start}", "reset": True, "more": more, "phone_key": "00" * 32,
            "members_from": rows[start - 1]["member_id"] if start else None,
            "members_through": chunk[-1]["member_id"] if more else None, "members": chunk,
            "revoked_authorizations": [], "commission_schedules": [], "terminal_keys": [],
            "join_requests": [], "conflicts": []}, ensure_ascii=False))
    return texts


def fresh(folder: Path, name: str) -> Services:
    services = Services.build(open_store(folder / name / "pinshang.db"))
    with raw_write(services.db) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_counter (n INTEGER)")
    return services


def floor(services: Services, texts: list[str]) -> float:
    """The same rows, one bulk executemany in one transaction."""
    rows = [(m["member_id"], m["phone_masked"], m["phone_hash"], m["name"], m["home_merchant_id"])
            for text in texts for m in json.loads(text)["members"]]
    start = time.perf_counter()
    with raw_write(services.db) as conn:
        conn.executemany("INSERT INTO members (member_id, phone_masked, phone_hash, name, home_merchant_id) "
                         "VALUES (?, ?, ?, ?, ?)", rows)
    return time.perf_counter() - start


def counter_write(services: Services, n: int) -> float:
    start = time.perf_counter()
    with raw_write(services.db) as conn:
        conn.execute("INSERT INTO bench_counter VALUES (?)", (n,))
    return time.perf_counter() - start


def timed_yield(services: Services, spent: list[float]) -> Callable[..., None]:
    original = services.db.yield_to_writers

    def wrapped(at_most: float = 0.1) -> None:
        start = time.perf_counter()
        original(at_most)
        spent.append(time.perf_counter() - start)
    return wrapped


def pull_with_writer(services: Services, texts: list[str]) -> dict[str, Any]:
    yields: list[float] = []
    services.db.yield_to_writers = timed_yield(services, yields)  # type: ignore[method-assign]
    stop = threading.Event()
    waits: list[float] = []

    def writer() -> None:
        n = 0
        while not stop.is_set():
            waits.append(counter_write(services, n))
            n += 1
            stop.wait(WRITE_EVERY)

    thread = threading.Thread(target=writer)
    holds: list[float] = []
    thread.start()
    totals = []
    for _ in range(2):  # the first pull, then a reset over the full copy (every page swept)
        start = time.perf_counter()
        pull = services.sync_pull  # built before the clock starts: building it holds no lock
        for text in texts:
            answer = json.loads(text)
            before = len(yields)
            began = time.perf_counter()
            pull.apply(answer)
            holds.append(time.perf_counter() - began - sum(yields[before:]))
        totals.append(time.perf_counter() - start)
    stop.set()
    thread.join()
    return {"total": totals[0], "reset": totals[1], "holds": holds, "waits": waits}


def peak_memory(services: Services, texts: list[str]) -> int:
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    for text in texts:
        services.sync_pull.apply(json.loads(text))
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def one_run(texts: list[str], folder: Path, run: int) -> dict[str, float]:
    floor_s = floor(fresh(folder, f"floor{run}"), texts)
    services = fresh(folder, f"pull{run}")
    idle = [counter_write(services, -i) for i in range(20)]
    result = pull_with_writer(services, texts)
    with services.db.read() as session:
        held = session.connection().exec_driver_sql("SELECT count(*) FROM members").scalar_one()
    assert held == sum(len(json.loads(t)["members"]) for t in texts), held
    services.close()
    memory = peak_memory(fresh(folder, f"memory{run}"), texts)
    json_bytes = sum(len(t.encode()) for t in texts)
    return {"floor": floor_s, "pull": result["total"], "ratio": result["total"] / floor_s,
            "reset_ratio": result["reset"] / floor_s,
            "hold_max": max(result["holds"]) * 1000, "hold_p50": statistics.median(result["holds"]) * 1000,
            "write_p99": p99(result["waits"]) * 1000, "write_max": max(result["waits"]) * 1000,
            "writes": len(result["waits"]), "write_idle": statistics.median(idle) * 1000,
            "memory": memory / json_bytes, "memory_mib": memory / 2**20, "json_mib": json_bytes / 2**20}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--page", type=int, default=PULL_PAGE)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    texts = pages(args.members, args.page)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            runs.append(one_run(texts, Path(tmp), run))
            r = runs[-1]
            print(f"run {run + 1}: pull {r['pull']:.2f} s, floor {r['floor']:.2f} s, ratio {r['ratio']:.2f}x "
                  f"(a reset over the full copy {r['reset_ratio']:.2f}x); "
                  f"lock held per page max {r['hold_max']:.1f} ms (median {r['hold_p50']:.1f}); "
                  f"{r['writes']:.0f} counter writes p99 {r['write_p99']:.1f} ms, max {r['write_max']:.1f} ms "
                  f"(idle {r['write_idle']:.1f} ms); peak memory {r['memory_mib']:.1f} MiB = "
                  f"{r['memory']:.2f}x the JSON ({r['json_mib']:.1f} MiB)", flush=True)

    def summary(key: str) -> str:
        values = [r[key] for r in runs]
        return f"median {statistics.median(values):.2f} (spread {min(values):.2f}-{max(values):.2f})"

    print(f"\n{args.members:,} members in pages of {args.page:,}, {args.runs} runs")
    print(f"pull / bulk executemany    : {summary('ratio')} x   (target <= 3x)")
    print(f"reset pull / executemany   : {summary('reset_ratio')} x   (target <= 3x)")
    print(f"lock held per page, max ms : {summary('hold_max')}   (target <= 50 ms)")
    print(f"counter write p99, ms      : {summary('write_p99')}   (target: max <= 100 ms)")
    print(f"counter write max, ms      : {summary('write_max')}")
    print(f"peak memory / JSON         : {summary('memory')} x   (target <= 2x)")
    ok = all(r["ratio"] <= 3 and r["reset_ratio"] <= 3 and r["hold_max"] <= 50 and r["write_max"] <= 100 and r["memory"] <= 2 for r in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
