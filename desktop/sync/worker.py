"""The background sync worker (docs/sync-protocol.md, Push and Pull): push the outbox, then pull, over and over.

Plain Python (no Qt): a thread that sleeps on an Event between rounds. A round pushes every
unacknowledged op in seq order, in batches, recording each batch's answers in one transaction,
then pulls and applies the answer with its cursor in one transaction. Failures back off
exponentially with full jitter (capped); a success or `wake()` ("Sync now", the network came
back) resets the backoff and retries at once. The UI reads `state()`; it never waits for us.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from desktop.core.changes import Change
from desktop.core.clock import Clock, utc_now
from desktop.core.errors import UserError
from desktop.services.changes import recording
from desktop.services.registry import Services
from desktop.services.sync import PushRow
from desktop.sync.client import PlatformClient, PlatformRejected, PlatformUnreachable
from desktop.sync.loop import Loop

log = logging.getLogger(__name__)
BATCH_SIZE = 200
PULL_PAGE = 2_000  # members a pull page holds: one page applies in a few milliseconds
POLL_SECONDS = 15.0  # pull this often when all is sent (join requests, conflicts)
BACKOFF_BASE = 0.5
BACKOFF_CAP = 60.0
BATCH_BYTES = 6 * 1024 * 1024  # the platform takes 8 MiB per push; one payload is at most 2 MiB
PRUNE_EVERY = 24 * 3600.0  # seconds between two prunings of old acknowledged ops


@dataclass(frozen=True)
class WorkerState:
    running: bool = False
    online: bool | None = None  # None until the first round ends
    syncing: bool = False
    last_success: datetime | None = None
    last_error: str | None = None
    next_try_in: float | None = None  # seconds, while backing off
    rounds: int = 0
    acked: int = 0  # ops acknowledged since start


class Backoff:
    """Full jitter (AWS architecture blog): sleep uniform(0, min(cap, base * 2^failures))."""

    def __init__(self, base: float = BACKOFF_BASE, cap: float = BACKOFF_CAP,
                 rng: Callable[[], float] = random.random) -> None:
        self.base, self.cap, self.rng = base, cap, rng
        self.failures = 0

    def next_delay(self) -> float:
        ceiling = min(self.cap, self.base * (2 ** min(self.failures, 30)))
        self.failures += 1
        return float(max(0.05, self.rng() * ceiling))

    def reset(self) -> None:
        self.failures = 0


class SyncWorker:
    def __init__(self, services: Services, client: PlatformClient, *, batch_size: int = BATCH_SIZE,
                 poll_seconds: float = POLL_SECONDS, backoff: Backoff | None = None,
                 clock: Clock = utc_now) -> None:
        self.services = services
        self.client = client
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.backoff = backoff or Backoff()
        self.clock = clock
        self._lock = threading.Lock()
        self._state = WorkerState()
        self._loop = Loop("pinshang-sync", self.run_round)
        self._pruned_at: float | None = None
        self._renumbered = 0
        self.after_pull: Callable[[], None] | None = None  # the runtime's groups job: seat joiners
        # told after every round, on the worker's thread, what it changed (always SYNC: the
        # worker's state, the last sync, what waits): desktop.ui.sync_status tells the screens
        self.listeners: list[Callable[[frozenset[Change]], None]] = []

    # --- control (any thread) --------------------------------------------------------------

    def start(self) -> None:
        if self._loop.running:
            return
        self._set(running=True)
        self._loop.start()

    def wake(self) -> None:
        """Sync now: forget the backoff and start a round at once."""
        self.backoff.reset()
        self._loop.wake()

    def stop(self, timeout: float = 20.0) -> None:
        self._loop.stop(timeout)
        self._set(running=False)
        self.client.close()

    def state(self) -> WorkerState:
        with self._lock:
            return self._state

    # --- one round (the worker thread, or a test/screenshot directly) ----------------------

    def sync_once(self) -> None:
        """Push everything, then pull once. Raises PlatformUnreachable / PlatformRejected."""
        terminal_id = self._terminal_id()
        recovered = False
        self._renumbered = 0
        while True:
            try:
                if not self._push_batch(terminal_id):
                    break
            except PlatformRejected as exc:
                # The platform lost ops it had acknowledged (restored from a backup): re-send
                # them once, then go on. Any other refusal, or a second gap, is an error.
                if exc.code != "seq_gap" or recovered or not self._recover_gap(exc):
                    raise
                recovered = True
        if not self._pull():
            return  # stopping: the pull resumes after its last page at the next start
        self.services.sync.record_success()
        self._prune()

    def _pull(self) -> bool:
        """Pull page after page, each applied with its cursor in one short transaction: a pull
        cut short (crash, network, stop) resumes after the last page applied. False: stopped."""
        cursor = self.services.sync.snapshot().cursor
        while not self._loop.stopping:
            answer = self.client.pull(cursor, PULL_PAGE)
            self.services.sync_pull.apply(answer)
            if not answer.get("more"):
                return True
            cursor = str(answer["cursor"])
        return False

    def _push_batch(self, terminal_id: str) -> bool:
        batch = _within_bytes(self.services.sync.pending_batch(self.batch_size), BATCH_BYTES)
        if not batch:
            return False
        head = self.services.audit.head()
        answer = self.client.push(terminal_id, [row.as_tuple() for row in batch],
                                  {"length": head.length, "hash": head.hash})
        recorded = self.services.sync.record_push(answer.get("results", []), answer.get("last_seq"))
        with self._lock:
            self._state = replace(self._state, acked=self._state.acked + recorded.acked)
        if recorded.renumbered:
            log.warning("the platform already had seqs of this terminal under other ops (restored "
                        "from a backup?): %s ops renumbered", recorded.renumbered)
            self._renumbered += 1
            return self._renumbered == 1  # once a round: a second time waits for the next round
        return recorded.acked > 0 and self.services.sync.unsent() > 0

    def _recover_gap(self, exc: PlatformRejected) -> bool:
        last_seq = exc.body.get("last_seq")
        if not isinstance(last_seq, int):
            return False
        log.warning("the platform has ops of this terminal only up to %s (restored from a backup?): "
                    "re-sending what it lost", last_seq)
        return self.services.sync.recover_platform_loss(last_seq)

    def _prune(self) -> None:
        now = time.monotonic()
        if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY:
            return
        self._pruned_at = now
        self.services.sync.prune_sent()

    def _terminal_id(self) -> str:
        pairing = self.services.sync.pairing()
        if pairing is None:
            raise PlatformUnreachable("this terminal is not paired")
        return pairing.terminal_id

    # --- the loop --------------------------------------------------------------------------

    def run_round(self) -> float:
        """One round with the worker's bookkeeping (state, backoff); returns the next delay.
        The thread calls it; the screenshot mode calls it once without a thread. The listeners
        hear what the round changed (the acknowledged and refused ops, what was pulled)."""
        with recording() as changed:
            delay = self._round()
        changes = changed.changes | {Change.SYNC}
        for listener in list(self.listeners):
            try:
                listener(changes)
            except Exception:  # a listener's bug must not stop the sync
                log.exception("a sync listener failed")
        return delay

    def _round(self) -> float:
        self._set(syncing=True, next_try_in=None)
        try:
            self.sync_once()
        except (PlatformUnreachable, PlatformRejected, UserError) as exc:
            return self._failed(_error_text(exc), online=not isinstance(exc, PlatformUnreachable))
        except Exception as exc:  # a bug: log it, keep the worker alive, retry later
            log.exception("sync round failed")
            return self._failed(f"{type(exc).__name__}: {exc}", online=False)
        self.backoff.reset()
        self._set(online=True, syncing=False, last_success=self.clock(), last_error=None,
                  rounds=self.state().rounds + 1)
        if self.after_pull is not None:
            self.after_pull()
        return self.poll_seconds

    def _failed(self, error: str, online: bool) -> float:
        delay = self.backoff.next_delay()
        self._set(online=online, syncing=False, last_error=error, next_try_in=delay,
                  rounds=self.state().rounds + 1)
        try:
            self.services.sync.record_failure(error)
        except Exception:  # the database may be what failed; the state above still tells
            log.exception("cannot record the sync failure")
        return delay

    def _set(self, **changes: Any) -> None:
        with self._lock:
            self._state = replace(self._state, **changes)


def _within_bytes(batch: list[PushRow], budget: int) -> list[PushRow]:
    """The longest prefix whose payloads fit the push body limit (at least one op)."""
    used = 0
    for i, row in enumerate(batch):
        used += len(json.dumps(row.payload, ensure_ascii=False).encode("utf-8")) + 200
        if used > budget and i > 0:
            return batch[:i]
    return batch


def _error_text(exc: Exception) -> str:
    if isinstance(exc, PlatformRejected):
        return f"{exc.code or exc.status}: {exc.reason}"
    return str(exc)
