"""Sync fixtures: a real central platform on 127.0.0.1 (its own SQLite file) and real client
stores (migrated SQLite files in tmp_path), paired through the real pairing flow."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from central.server import RunningServer, start_in_thread
from tests.central.helpers import Seed, seed_platform
from tests.sync.support import Terminal, make_terminal


@pytest.fixture
def central_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def server(central_db: str, clock) -> Iterator[RunningServer]:
    # the platform keeps the terminal's time (the test's clock, moved with it), still ticking so
    # arrivals stay ordered: a group's deadline, which the platform enforces too, is the
    # terminal's opening time plus the deal's window
    started = time.monotonic()
    running = start_in_thread(central_db, clock=lambda: clock() + timedelta(seconds=time.monotonic() - started))
    yield running
    running.stop()


@pytest.fixture
def seed(server: RunningServer) -> Seed:
    return seed_platform(server)


@pytest.fixture
def terminal(tmp_path: Path, seed: Seed, clock) -> Iterator[Terminal]:
    made = make_terminal(tmp_path / "t1", seed, clock)
    yield made
    made.close()
