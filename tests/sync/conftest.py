"""Sync fixtures: a real central platform on 127.0.0.1 (its own SQLite file) and real client
stores (migrated SQLite files in tmp_path), paired through the real pairing flow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from central.server import RunningServer, start_in_thread
from tests.central.helpers import Seed, seed_platform
from tests.sync.support import Terminal, make_terminal


@pytest.fixture
def central_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def server(central_db: str) -> Iterator[RunningServer]:
    running = start_in_thread(central_db)
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
