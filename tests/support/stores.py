"""Real SQLite stores for tests: a migrated file in tmp_path, services over it, a movable clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.core.pins import ScryptCost
from desktop.services.registry import Services
from desktop.services.staff import Uptime
from desktop.store.migrate import open_store

# Tests hash many PINs (every demo store seeds three): they pass this cheaper cost explicitly.
# The app always hashes at desktop.core.pins.PIN_COST; tests of that cost use it on purpose.
TEST_PIN_COST = ScryptCost(2**10, 8, 1)


@dataclass
class FakeClock:
    """A clock tests move by hand (time is an input to the services, not a mock of them)."""

    now: datetime = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class FakeUptime:
    """A monotonic clock and boot id that tests move and "reboot" by hand (independent of the
    wall clock, which is what an attacker at the counter can set)."""

    mono: float = 1000.0
    boot: str = "boot-1"

    def __call__(self) -> tuple[float, str]:
        return self.mono, self.boot

    def advance(self, **delta: float) -> None:
        self.mono += timedelta(**delta).total_seconds()

    def reboot(self, *, up_for: float = 30.0) -> None:
        self.mono, self.boot = up_for, f"{self.boot}+"


def following(clock: FakeClock) -> Uptime:
    """Monotonic time that moves with a FakeClock (nobody sets the clock in these tests)."""
    start = clock.now
    return lambda: ((clock.now - start).total_seconds() + 1000.0, "boot-1")


def open_services(folder: Path, clock: FakeClock | None = None, uptime: Uptime | None = None) -> Services:
    clock = clock or FakeClock()
    return Services.build(open_store(folder / "pinshang.db"), clock, pin_cost=TEST_PIN_COST,
                          uptime=uptime or following(clock))
