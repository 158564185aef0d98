"""`pinshang audit verify` over a million audit rows, against a lean loop, in one run.

The store holds 1,000,000 chained audit rows (the demo's, then bench rows with realistic
details). Measured in the same run, alternating, `--runs` times:

- ours: `AuditService.verify()` (what `pinshang audit verify` runs: one read snapshot on the raw
  connection, rows as the cursor gives them, no ORM object per row), and the real command
  `python -m desktop audit verify` as a process (start-up and progress lines included);
- the lean floor: a plain sqlite3 connection, `SELECT ... ORDER BY id` and
  `desktop.core.audit.row_hash` on every row;
- for scale: SHA-256 alone over the same bytes.

Targets: ours >= 150,000 rows/s and <= 1.5x the lean loop's time.

The built store is cached under /tmp (about half a minute to build).

    .venv/bin/python bench/audit_verify.py [--rows 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.audit import GENESIS, canonical_detail, row_hash  # noqa: E402
from desktop.services.registry import Services  # noqa: E402
from desktop.store.migrate import open_store  # noqa: E402

BUILD_VERSION = "audit-v1"
CHAIN = "SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id"


def build(folder: Path, rows: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    services = Services.build(open_store(folder / "pinshang.db"))
    services.demo.seed()
    services.close()
    conn = sqlite3.connect(folder / "pinshang.db")
    last_id, prev = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    batch = []
    for row_id in range(last_id + 1, rows + 1):
        at = f"2026-11-{1 + row_id % 28:02d}T12:{row_id % 60:02d}:00+00:00"
        detail = canonical_detail({"voucher_id": f"V{row_id:010d}", "group_id": f"G{row_id // 7}",
                                   "amount_fen": row_id % 100_000, "note": "核销 redeemed"})
        digest = row_hash(prev, row_id, at, "小张", "voucher.redeemed", detail)
        batch.append((row_id, at, "小张", "voucher.redeemed", detail, prev, digest))
        prev = digest
        if len(batch) == 50_000:
            conn.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
            batch.clear()
    conn.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
    conn.commit()
    conn.close()


def lean(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    prev, count = GENESIS, 0
    for row_id, at, actor, action, detail, prev_hash, digest in conn.execute(CHAIN):
        if prev_hash != prev or digest != row_hash(prev, row_id, at, actor, action, detail):
            raise SystemExit(f"the bench chain is broken at {row_id}")
        prev, count = digest, count + 1
    conn.close()
    return time.perf_counter() - start, count


def sha_only(path: Path) -> float:
    conn = sqlite3.connect(path)
    bodies = [(p + json.dumps([i, a, b, c, d], separators=(",", ":"), ensure_ascii=False)).encode()
              for i, a, b, c, d, p, _h in conn.execute(CHAIN)]
    conn.close()
    start = time.perf_counter()
    for body in bodies:
        hashlib.sha256(body).hexdigest()
    return time.perf_counter() - start


def ours(folder: Path) -> tuple[float, int]:
    services = Services.build(open_store(folder / "pinshang.db"))
    try:
        start = time.perf_counter()
        check = services.audit.verify(lambda _done: None)
        elapsed = time.perf_counter() - start
    finally:
        services.close()
    if not check.ok:
        raise SystemExit(f"verify says broken: {check}")
    return elapsed, check.length


def command(folder: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desktop", "audit", "verify", "--data-dir", str(folder)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or "intact" not in done.stdout or "checked" not in done.stderr:
        raise SystemExit(f"audit verify failed: {done.stdout} {done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path("/tmp") / f"pinshang-bench-{BUILD_VERSION}-{args.rows}"
    if not (folder / "pinshang.db").exists():
        print(f"building a store with {args.rows:,} audit rows…", flush=True)
        build(folder, args.rows)
    path = folder / "pinshang.db"
    results = []
    for run in range(args.runs):
        lean_s, count = lean(path)
        ours_s, length = ours(folder)
        cli_s = command(folder)
        sha_s = sha_only(path)
        assert length == count
        results.append((count / ours_s, ours_s / lean_s, count / lean_s, count / cli_s, count / sha_s))
        print(f"run {run + 1}: ours {ours_s:.2f} s = {count / ours_s:,.0f} rows/s; lean {lean_s:.2f} s = "
              f"{count / lean_s:,.0f} rows/s; ratio {ours_s / lean_s:.2f}x; the command {cli_s:.2f} s = "
              f"{count / cli_s:,.0f} rows/s; SHA-256 alone {count / sha_s:,.0f} rows/s", flush=True)

    def summary(i: int, fmt: str) -> str:
        values = [r[i] for r in results]
        return (f"median {format(statistics.median(values), fmt)} "
                f"(spread {format(min(values), fmt)}-{format(max(values), fmt)})")

    print(f"\n{count:,} rows, {args.runs} runs")
    print(f"ours, rows/s             : {summary(0, ',.0f')}   (target >= 150,000)")
    print(f"ours / lean loop (time)  : {summary(1, '.2f')} x   (target <= 1.5x)")
    print(f"lean loop, rows/s        : {summary(2, ',.0f')}")
    print(f"the command, rows/s      : {summary(3, ',.0f')}   (process start-up included)")
    print(f"SHA-256 alone, rows/s    : {summary(4, ',.0f')}")
    return 0 if all(r[0] >= 150_000 and r[1] <= 1.5 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
