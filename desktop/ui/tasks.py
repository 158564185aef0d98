"""Run slow work off the UI thread, with success and failure callbacks on the main thread.

The one helper every screen uses (as Anki's CollectionOp and Picard's run_task): a
QRunnable on the global thread pool; its result or exception comes back through a queued
signal, so callbacks always run on the main thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_live: set[_Relay] = set()


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # handed to the failure callback, never lost
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


def run_task(
    work: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """Run `work` on `pool` (the global one unless given); callbacks come on the main thread."""
    relay = _Relay()
    _live.add(relay)  # keep the relay alive until it has delivered

    def done(callback: Callable[[Any], None] | None, value: Any) -> None:
        _live.discard(relay)
        relay.deleteLater()
        if callback is not None:
            callback(value)
        elif isinstance(value, BaseException):
            log.error("background task failed", exc_info=value)

    relay.succeeded.connect(lambda result: done(on_success, result))
    relay.failed.connect(lambda exc: done(on_failure, exc))
    (pool or QThreadPool.globalInstance()).start(_Job(work, relay))


def serial_pool() -> QThreadPool:
    """A pool that runs one job at a time, in order: for devices that take one job at once."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
