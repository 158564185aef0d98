"""The client process killed with SIGKILL mid-push: a new process finishes, and central applies
every op exactly once (the outbox and its acks are one SQLite transaction per batch)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sync.support import central_seen, enqueue_sales, outbox

ROOT = Path(__file__).resolve().parents[2]


def _child(db: Path, url: str, token: str, batch: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "tests.sync.kill_child", str(db), url, token, str(batch)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def _close_pipe(child: subprocess.Popen[str]) -> None:
    if child.stdout is not None:
        child.stdout.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_push_then_a_new_process_finishes(server, seed, terminal) -> None:
    op_ids = enqueue_sales(terminal.services, 600)
    db = terminal.services.db.path
    terminal.services.db.close()  # the child processes own the file now
    rng = random.Random()
    victim = _child(db, server.url, terminal.token, batch=7)
    time.sleep(rng.uniform(0.05, 0.6))
    victim.send_signal(signal.SIGKILL)
    victim.wait(10)
    _close_pipe(victim)
    killed_at = central_seen(server, terminal.terminal_id)["last_seq"]
    finisher = _child(db, server.url, terminal.token, batch=50)
    assert finisher.wait(60) == 0
    _close_pipe(finisher)
    seen = central_seen(server, terminal.terminal_id)
    assert {op_id: seen["applied"].get(op_id, 0) for op_id in op_ids} == dict.fromkeys(op_ids, 1)
    rows = outbox(terminal.services)
    assert all(row.acked_at is not None for row in rows)
    assert seen["last_seq"] == len(rows)
    assert 0 <= killed_at <= len(rows)
    print(f"killed after {killed_at} of {len(rows)} ops")
