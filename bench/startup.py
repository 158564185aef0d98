"""Start-up time: process start to the login window shown and idle, against a bare PySide6 window.

Both are measured in the same run, alternating, as separate processes (cold Python each time),
with the store holding 200,000 audit rows and 200,000 outbox rows (the figure the issue asks
for). Prints the medians and the ratio; target: ours ≤ 1.5× the bare window.

    python bench/startup.py [--runs 7] [--rows 200000]
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
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PINSHANG_BENCH_STARTUP": "1", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"building a store with {args.rows:,} audit rows and {args.rows:,} outbox rows…", flush=True)
        build_store(folder, args.rows)
        ours_cmd = [sys.executable, "-m", "desktop", "--data-dir", str(folder)]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        time_to_idle(ours_cmd, env), time_to_idle(bare_cmd, env)  # warm the OS file cache
        ours, bare = [], []
        for _ in range(args.runs):
            ours.append(time_to_idle(ours_cmd, env))
            bare.append(time_to_idle(bare_cmd, env))
    ours_ms, bare_ms = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    print(f"bare PySide6 window : median {bare_ms:7.1f} ms over {args.runs} runs")
    print(f"Pinshang login      : median {ours_ms:7.1f} ms over {args.runs} runs")
    print(f"ratio               : {ours_ms / bare_ms:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
