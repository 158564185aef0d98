"""Test-wide set-up: offscreen Qt, an in-memory keyring, a temporary data directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PINSHANG_DATA_DIR"] = ""  # never touch the developer's real data

import keyring
import pytest
from hypothesis import HealthCheck, settings

from tests.support.memory_keyring import MemoryKeyring

# No deadline and no "too slow" health check: the machines are shared and noisy, and a slow
# example under load is not a failure (timings belong in bench/, never in tests).
settings.register_profile("ci", deadline=None, max_examples=100,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def clock():
    from tests.support.stores import FakeClock

    return FakeClock()


@pytest.fixture
def services(tmp_path, clock):
    from tests.support.stores import open_services

    opened = open_services(tmp_path, clock)
    yield opened
    opened.close()


@pytest.fixture
def demo_services(services):
    services.demo.seed()
    return services
