"""Real SQLite stores for tests: a migrated file in tmp_path, services over it, a movable clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.services.registry import Services
from desktop.store.migrate import open_store


@dataclass
class FakeClock:
    """A clock tests move by hand (time is an input to the services, not a mock of them)."""

    now: datetime = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def open_services(folder: Path, clock: FakeClock | None = None) -> Services:
    return Services.build(open_store(folder / "pinshang.db"), clock or FakeClock())
