"""The thread both background jobs run on (the sync worker and the groups' job): a daemon
thread that runs a round, then sleeps on an Event until its delay passes, `wake()` is called
or `stop()` asks it to end. Plain Python (no Qt)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Loop:
    def __init__(self, name: str, round_: Callable[[], float]) -> None:
        """`round_` runs one round and returns the seconds to sleep before the next."""
        self.name = name
        self._round = round_
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        """Start the thread; False when it runs already."""
        if self._thread is not None:
            return False
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()
        return True

    @property
    def stopping(self) -> bool:
        """`stop()` was asked: a long round ends early."""
        return self._stop.is_set()

    def wake(self) -> None:
        """Run a round at once."""
        self._wake.set()

    def stop(self, timeout: float = 20.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("%s did not stop within %s s", self.name, timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            delay = self._round()
            self._wake.wait(delay)
            self._wake.clear()
