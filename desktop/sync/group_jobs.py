"""The groups' background job, beside the sync worker: seat the online join requests of the
groups this terminal owns (in arrival order), then expire and refund the groups past their
deadline. Plain Python (no Qt): a thread that sleeps on an Event between rounds, so groups
expire and joiners are seated while nobody is logged in. Started and stopped by the
composition root through desktop.sync.runtime; the sync worker wakes it after each pull.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.changes import Change
from desktop.core.clock import Clock, utc_now
from desktop.services.changes import recording
from desktop.services.join_requests import JoinOutcome
from desktop.services.registry import Services
from desktop.sync.loop import Loop

log = logging.getLogger(__name__)
EVERY_SECONDS = 30.0


@dataclass(frozen=True)
class GroupRound:
    seated: dict[str, JoinOutcome] = field(default_factory=dict)  # group id -> what was decided
    expired: list[str] = field(default_factory=list)  # ids of the groups expired and refunded
    changes: frozenset[Change] = frozenset()  # what the round committed (desktop.services.changes)

    @property
    def changed(self) -> bool:
        return bool(self.expired) or any(o.accepted or o.refused for o in self.seated.values())


Listener = Callable[[GroupRound], None]


class GroupJob:
    def __init__(self, services: Services, *, clock: Clock = utc_now,
                 every_seconds: float = EVERY_SECONDS) -> None:
        self.services = services
        self.clock = clock
        self.every_seconds = every_seconds
        self.listeners: list[Listener] = []  # called on the job's thread after a round that changed something
        self._loop = Loop("pinshang-groups", self._round)

    def start(self) -> None:
        self._loop.start()

    def wake(self) -> None:
        """Run a round at once (the sync worker just pulled join requests)."""
        self._loop.wake()

    def stop(self, timeout: float = 20.0) -> None:
        self._loop.stop(timeout)

    @property
    def running(self) -> bool:
        return self._loop.running

    def run_once(self) -> GroupRound:
        """Seat pending join requests, then expire what is due; returns what changed."""
        with recording() as changed:
            seated = self.services.join_requests.seat_pending()
            expired = self.services.groups.expire_due(self.clock())
        result = GroupRound(seated, expired, changed.changes)
        if result.changed:
            for listener in list(self.listeners):
                listener(result)
        return result

    def _round(self) -> float:
        try:
            self.run_once()
        except Exception:  # a bug or a locked database: log it, keep the job alive
            log.exception("the groups job failed; it runs again in %s s", self.every_seconds)
        return self.every_seconds
