"""Quitting at any moment of the start (before, while and after the store opens in the
background) leaves no traceback and closes what was opened: the real app in a child process,
its window closed after a delay, then the store's connections (SQLite removes the WAL file when
the last one closes), the background threads and the log checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import open_services

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import run_app
app = QApplication(sys.argv[:1])
QTimer.singleShot(int(sys.argv[2]), QApplication.quit)
rc = run_app(sys.argv[1])
alive = sorted(t.name for t in threading.enumerate() if t.name.startswith("pinshang"))
print("RESULT", rc, ",".join(alive) or "-", flush=True)
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quit")
    services = open_services(folder)
    services.demo.seed()
    services.close()
    return folder


@pytest.mark.parametrize("delay_ms", [0, 10, 40, 120, 400, 1500])
def test_quitting_at_any_moment_leaves_no_traceback_and_closes_everything(store: Path, delay_ms: int) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(store), str(delay_ms)], capture_output=True,
                          text=True, env=env, timeout=120, cwd=ROOT)
    assert "Traceback" not in done.stderr and "RuntimeError" not in done.stderr, done.stderr
    result = [line.split() for line in done.stdout.splitlines() if line.startswith("RESULT")]
    assert result == [["RESULT", "0", "-"]], (done.stdout, done.stderr)  # no background thread left
    assert done.returncode == 0
    assert not (store / "pinshang.db-wal").exists(), "a connection to the store was left open"
    log = store / "logs" / "pinshang.log"
    logged = log.read_text(encoding="utf-8") if log.exists() else ""
    assert "Traceback" not in logged and "still running at shutdown" not in logged, logged
