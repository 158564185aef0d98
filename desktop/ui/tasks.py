"""Run slow work off the UI thread, with success and failure callbacks on the main thread.

The one helper every screen uses (as Anki's CollectionOp and Picard's run_task): a
QRunnable on the global thread pool; its result or exception comes back through a queued
signal, so callbacks always run on the main thread. Every task is counted from the moment it
is started (queued or running, Picard's TaskCounter) so that shutdown can wait for them before
the services close: a task still queued when the window closes (the store opening in the
background) is waited for too. A task that ends after its relay is gone (the process is
quitting) is logged, never a traceback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_live: set[_Relay] = set()


class TaskCounter:
    """How many tasks are running; `wait_idle` blocks until none is (or the timeout passes)."""

    def __init__(self) -> None:
        self._count = 0
        self._idle = threading.Condition()

    def __enter__(self) -> TaskCounter:
        with self._idle:
            self._count += 1
        return self

    def __exit__(self, *_exc: object) -> None:
        with self._idle:
            self._count -= 1
            if self._count == 0:
                self._idle.notify_all()

    @property
    def running(self) -> int:
        with self._idle:
            return self._count

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """True when no task runs any more; callbacks still queued are delivered too."""
        with self._idle:
            done = self._idle.wait_for(lambda: self._count == 0, timeout_s)
        if QCoreApplication.instance() is not None:
            QCoreApplication.processEvents()
        return done


TASKS = TaskCounter()  # every task of the process; app.py waits on it before closing services


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
            try:
                result = self.work()
            except BaseException as exc:  # handed to the failure callback, never lost
                self._deliver(self.relay.failed, exc)
            else:
                self._deliver(self.relay.succeeded, result)
        finally:
            TASKS.__exit__()  # entered by run_task when the job was queued

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the relay was deleted: the application is gone, nobody listens
            log.warning("a background task finished after the application quit: %r", value)


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
    TASKS.__enter__()  # counted from now: shutdown waits for a queued task as for a running one
    try:
        (pool or QThreadPool.globalInstance()).start(_Job(work, relay))
    except BaseException:  # never started: nothing will deliver, nobody may wait for it
        TASKS.__exit__(None, None, None)
        _live.discard(relay)
        relay.deleteLater()
        raise


_side_pool: QThreadPool | None = None


def side_pool() -> QThreadPool:
    """One thread of the process's own for work nobody waits for (the warm-up after login): the
    global pool's threads stay free for the screens' reads and writes, even with one core."""
    global _side_pool
    if _side_pool is None:
        _side_pool = QThreadPool()
        _side_pool.setMaxThreadCount(1)
    return _side_pool


def pending() -> int:
    """Tasks started whose callbacks have not run yet."""
    return len(_live)


def wait_for_tasks(timeout_s: float = 10.0) -> bool:
    """Deliver every running task's callbacks (screenshots, tests, shutdown); True when none is left."""
    import time

    end = time.monotonic() + timeout_s
    while _live and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    QCoreApplication.processEvents()
    return not _live


def serial_pool() -> QThreadPool:
    """A pool that runs one job at a time, in order: for devices that take one job at once."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
