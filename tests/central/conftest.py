"""Central platform fixtures: a real server on 127.0.0.1 over a real database.

Every test runs on SQLite (a file in tmp_path); when PINSHANG_TEST_PG_URL is set the same tests
also run on PostgreSQL, each in its own freshly created database that is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from central.server import RunningServer, start_in_thread
from tests.central.helpers import MovableClock, Seed, seed_platform

PG_URL = os.environ.get("PINSHANG_TEST_PG_URL", "")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)] if PG_URL else ["sqlite"]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.db'}"
        return
    yield from _postgres_database()


def _postgres_database() -> Iterator[str]:
    name = f"central_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(datetime(2030, 3, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def server(db_url: str, clock: MovableClock, signing_key: Ed25519PrivateKey) -> Iterator[RunningServer]:
    running = start_in_thread(db_url, signing_key=signing_key, clock=clock,
                              capture_grace=timedelta(hours=1))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def seed(server: RunningServer) -> Seed:
    return seed_platform(server)
