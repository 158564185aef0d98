"""Start-up time and idle memory, against a bare PySide6 window.

Both are measured in the same run, alternating, as separate processes (cold Python each time),
with the store holding 200,000 audit rows and 200,000 outbox rows:

- start to the login window shown and idle, two ways: with the bytecode kept (as an installed
  app has it: compiled once, then read from __pycache__) and recompiled every run (a fresh,
  empty PYTHONPYCACHEPREFIX each time, as a source checkout after a change); target: ours
  <= 1.5x the bare window with the bytecode kept;
- idle memory: the resident set (VmRSS, read from /proc) `--idle-seconds` after start, when
  the login window is up and the store has opened in the background; target: ours <= 2x the
  bare window. The floor is printed beside it: the bare window with SQLAlchemy's ORM imported
  and one SQLite connection made, which the store cannot do without. (That Alembic is not imported for a store at head is tests/store/test_quick_head.py.)

    python bench/startup.py [--runs 7] [--rows 200000] [--idle-seconds 6] [--bundle PATH]

`--bundle build/installer/dist/pinshang/pinshang` measures the built bundle (what a shop installs:
its modules are compiled into the bundle, there is no source beside them) instead of
`python -m desktop` from this checkout; the bare window is the checkout's Python either way.
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
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("品尚 Pinshang")
label.resize(900, 620)
label.show()
QTimer.singleShot(0, lambda: (print(f"IDLE {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


def build_store(folder: Path, rows: int) -> None:
    from desktop.services.registry import Services
    from desktop.store.migrate import open_store

    services = Services.build(open_store(folder / "pinshang.db"))
    services.demo.seed()
    services.close()
    conn = sqlite3.connect(folder / "pinshang.db")
    last_id, prev = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    audit, outbox = [], []
    for i in range(rows):
        row_id = last_id + 1 + i
        detail = json.dumps({"n": i})
        digest = hashlib.sha256(f"{prev}{row_id}{detail}".encode()).hexdigest()
        audit.append((row_id, "2026-11-25T12:00:00+00:00", "bench", "bench.row", detail, prev, digest))
        outbox.append((str(uuid.uuid4()), "staff.changed", detail, "2026-11-25T12:00:00+00:00"))
        prev = digest
    with conn:
        conn.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)", audit)
        conn.executemany("INSERT INTO outbox (op_id, kind, payload, created_at, status) "
                         "VALUES (?, ?, ?, ?, 'pending')", outbox)
    conn.close()


STAY_BARE = BARE_WINDOW.split("QTimer.singleShot")[0] + "app.exec()\n"  # the same window, staying up
# The floor of our idle memory: the bare window plus the library the store is written with (the
# store opens at start, so its sync and background jobs run behind the login window).
STAY_FLOOR = ("import sqlite3, sqlalchemy, sqlalchemy.orm, sqlalchemy.dialects.sqlite\n"
              "from sqlalchemy import create_engine\n"
              "create_engine('sqlite://').connect().close()\n" + STAY_BARE)


def idle_rss(command: list[str], env: dict[str, str], seconds: float) -> float:
    """The process's VmRSS in MiB `seconds` after it started."""
    env = {key: value for key, value in env.items() if key != "PINSHANG_BENCH_STARTUP"}  # stay up
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(seconds)
        status = Path(f"/proc/{process.pid}/status").read_text()
    finally:
        process.kill()
        process.wait()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]) / 1024


def time_to_idle(command: list[str], env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    marks = [line for line in result.stdout.splitlines() if line.startswith("IDLE ")]
    if not marks:
        raise SystemExit(f"no IDLE mark from {command}:\n{result.stdout}\n{result.stderr}")
    return float(marks[0].split()[1]) - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--idle-seconds", type=float, default=6.0)
    parser.add_argument("--bundle", type=Path, default=None, help="the bundle's executable to measure instead")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PINSHANG_BENCH_STARTUP": "1", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"building a store with {args.rows:,} audit rows and {args.rows:,} outbox rows…", flush=True)
        build_store(folder, args.rows)
        app = [str(args.bundle.resolve())] if args.bundle else [sys.executable, "-m", "desktop"]
        ours_cmd = [*app, "--data-dir", str(folder)]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        time_to_idle(ours_cmd, env), time_to_idle(bare_cmd, env)  # warm the OS file cache, compile once
        kept: dict[str, list[float]] = {"ours": [], "bare": []}
        fresh: dict[str, list[float]] = {"ours": [], "bare": []}
        for run in range(args.runs):
            kept["ours"].append(time_to_idle(ours_cmd, env))
            kept["bare"].append(time_to_idle(bare_cmd, env))
            for name, command in (("ours", ours_cmd), ("bare", bare_cmd)):
                prefix = folder / f"pycache-{name}-{run}"  # empty: everything compiles again
                fresh[name].append(time_to_idle(command, {**env, "PYTHONPYCACHEPREFIX": str(prefix)}))
        rss_ours = [idle_rss(ours_cmd, env, args.idle_seconds) for _ in range(3)]
        rss_bare = [idle_rss([sys.executable, "-c", STAY_BARE], env, args.idle_seconds) for _ in range(3)]
        rss_floor = [idle_rss([sys.executable, "-c", STAY_FLOOR], env, args.idle_seconds) for _ in range(3)]

    def line(label: str, times: dict[str, list[float]]) -> float:
        ours_ms, bare_ms = statistics.median(times["ours"]) * 1000, statistics.median(times["bare"]) * 1000
        ratios = [o / b for o, b in zip(times["ours"], times["bare"], strict=True)]
        print(f"{label}: bare window {bare_ms:7.1f} ms, Pinshang login {ours_ms:7.1f} ms, ratio {ours_ms / bare_ms:.2f}x "
              f"(pairwise spread {min(ratios):.2f}-{max(ratios):.2f})")
        return ours_ms / bare_ms

    print(f"start to the login window, medians of {args.runs} runs:")
    ratio_kept = line("  bytecode kept (installed app)", kept)
    line("  bytecode recompiled each run ", fresh)
    rss_ratio = statistics.median(rss_ours) / statistics.median(rss_bare)
    print(f"idle memory after {args.idle_seconds:.0f} s: bare window {statistics.median(rss_bare):.1f} MiB, Pinshang "
          f"{statistics.median(rss_ours):.1f} MiB (spread {min(rss_ours):.1f}-{max(rss_ours):.1f}), ratio {rss_ratio:.2f}x")
    floor = statistics.median(rss_floor)
    print(f"  the floor, a bare window with SQLAlchemy's ORM loaded: {floor:.1f} MiB, "
          f"{floor / statistics.median(rss_bare):.2f}x the bare window; Pinshang is {statistics.median(rss_ours) / floor:.2f}x it")
    print("targets: start with bytecode kept <= 1.5x; idle memory <= 2x")
    return 0 if ratio_kept <= 1.5 and rss_ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
