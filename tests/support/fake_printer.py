"""A fake network thermal printer: a thread listening on 127.0.0.1 that records what it gets.

Bounded in time: the listener and every connection time out after a few seconds, and
`stop()` closes the socket and joins the thread. Several jobs may arrive one after another.
"""

from __future__ import annotations

import socket
import threading
import time

TIMEOUT_S = 5.0


class FakeTcpPrinter:
    def __init__(self, port: int = 0) -> None:
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", port))
        self.listener.listen(4)
        self.listener.settimeout(0.2)
        self.port = int(self.listener.getsockname()[1])
        self.jobs: list[bytes] = []
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def received(self) -> bytes:
        with self._lock:
            return b"".join(self.jobs)

    def wait_for_jobs(self, count: int, timeout_s: float = TIMEOUT_S) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.jobs) >= count:
                    return True
            time.sleep(0.02)
        return False

    def stop(self) -> None:
        self._stopping.set()
        self.listener.close()
        self.thread.join(timeout=TIMEOUT_S)

    def _serve(self) -> None:
        deadline = time.monotonic() + 60  # never outlive a test run
        while not self._stopping.is_set() and time.monotonic() < deadline:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                continue
            with connection:
                data = self._read_all(connection)
            with self._lock:
                self.jobs.append(data)

    @staticmethod
    def _read_all(connection: socket.socket) -> bytes:
        connection.settimeout(TIMEOUT_S)
        data = bytearray()
        while True:
            try:
                chunk = connection.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            data.extend(chunk)
        return bytes(data)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()
    return port
