"""`pinshang central --workers 4` on PostgreSQL stays exactly-once: the real server as a
subprocess, several terminals pushing concurrently from threads, every batch raced by a
duplicate and retried with overlaps. Runs only with PINSHANG_TEST_PG_URL."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from central.db import make_engine, session_factory, transaction
from central.models import PlatformLine, ReceivedOp, SeenOpId, Terminal
from central.services import admin, pairing
from desktop.core.clock import utc_now
from desktop.sync.client import PlatformClient
from tests.central.conftest import PG_URL, _postgres_database
from tests.central.helpers import new_public_key

pytestmark = [pytest.mark.postgres, pytest.mark.slow,
              pytest.mark.skipif(not PG_URL, reason="needs PINSHANG_TEST_PG_URL")]
ROOT = Path(__file__).resolve().parents[2]
TERMINALS, OPS, BATCH = 6, 60, 10


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from _postgres_database()


@pytest.fixture
def central(pg_url: str, tmp_path: Path) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The log goes to a file, not a pipe: four workers' logs could fill a pipe nobody reads
    # until the end (the server would block), and an unread pipe is left open.
    log_path = tmp_path / "central.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "central.cli", "central", "--db", pg_url, "--port", str(port),
             "--workers", "4"],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL, stderr=log_file, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        process.send_signal(signal.SIGINT)  # uvicorn's supervisor stops its workers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group this test started, workers included
            process.wait(timeout=10)
        log = log_path.read_text(errors="replace")
        assert "Traceback" not in log, log[-3000:]
        assert log.count("Started server process") == 4, log[-3000:]  # four workers served


def _wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("pinshang central exited")
        try:
            if requests.get(url + "/v1/health", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError("pinshang central did not start")


def _pair_terminals(pg_url: str, url: str) -> list[tuple[PlatformClient, str]]:
    engine = make_engine(pg_url)
    try:
        with transaction(session_factory(engine)) as session:
            store = admin.create_store(session, admin.create_merchant(session, "Steak House"), "Branch 1")
            codes = [pairing.create_pairing_code(session, store, utc_now(), timedelta(hours=1))
                     for _ in range(TERMINALS)]
    finally:
        engine.dispose()
    terminals = []
    for i, code in enumerate(codes):
        client = PlatformClient(url, timeout=30)
        terminals.append((client, client.pair(code, new_public_key(), f"Counter {i}")["terminal_id"]))
    return terminals


def _sales(n: int) -> list[tuple[int, str, str, dict[str, object]]]:
    return [(seq, uuid.uuid4().hex, "sale.completed", {"sale_id": uuid.uuid4().hex, "total_fen": 100})
            for seq in range(1, n + 1)]


def test_many_terminals_pushing_concurrently_to_four_workers_apply_each_op_once(pg_url: str, central: str) -> None:
    terminals = _pair_terminals(pg_url, central)
    outboxes = {terminal: _sales(OPS) for _, terminal in terminals}
    errors: list[str] = []

    def pusher(client: PlatformClient, terminal: str, offset: int) -> None:
        ops = outboxes[terminal]
        own = PlatformClient(central, client.token, timeout=15)  # a connection of its own
        try:
            for end in range(BATCH, OPS + 1, BATCH):
                start = max(0, end - BATCH - offset * 3)  # overlapping retries of earlier ops
                answer = own.push(terminal, ops[start:end] + ops[start:start + 2])
                if answer["last_seq"] < end:
                    errors.append(f"{terminal}: last_seq {answer['last_seq']} after pushing to {end}")
        except Exception as exc:  # collected: an assertion in a thread would be lost
            errors.append(f"{terminal}: {type(exc).__name__}: {exc}")
        finally:
            own.close()

    threads = [threading.Thread(target=pusher, args=(client, terminal, racer), daemon=True)
               for client, terminal in terminals for racer in range(3)]  # 3 racers per terminal
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 90
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), "pushes still hanging after 90 s"
    assert not errors, errors[:5]

    engine = make_engine(pg_url)
    try:
        with transaction(session_factory(engine)) as session:
            for _, terminal in terminals:
                assert session.get(Terminal, terminal).last_seq == OPS
                received = session.execute(select(ReceivedOp.seq, ReceivedOp.op_id, ReceivedOp.status).where(
                    ReceivedOp.terminal_id == terminal).order_by(ReceivedOp.seq)).all()
                assert [(r.seq, r.op_id, r.status) for r in received] == \
                    [(seq, op_id, "applied") for seq, op_id, _, _ in outboxes[terminal]]
                lines = session.execute(select(func.count()).select_from(PlatformLine).where(
                    PlatformLine.terminal_id == terminal)).scalar_one()
                assert lines == OPS
            assert session.execute(select(func.count()).select_from(SeenOpId)).scalar_one() == TERMINALS * OPS
    finally:
        engine.dispose()
