"""Shared fixtures for printing tests: a Qt application, demo documents, a fake TCP printer."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from desktop.documents.document import Document
from desktop.printing.render import DEMO_DOCUMENTS


@pytest.fixture(scope="session")
def demo_documents() -> dict[str, Document]:
    return {name: build() for name, build in DEMO_DOCUMENTS.items()}


@dataclass
class FakePrinter:
    """A TCP listener on 127.0.0.1 that records everything one client sends."""

    port: int
    received: bytearray = field(default_factory=bytearray)
    done: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def fake_tcp_printer() -> Iterator[FakePrinter]:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(5)
    printer = FakePrinter(port=listener.getsockname()[1])

    def serve() -> None:
        try:
            connection, _ = listener.accept()
        except OSError:
            printer.done.set()
            return
        with connection:
            connection.settimeout(5)
            while chunk := _receive(connection):
                printer.received.extend(chunk)
        printer.done.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield printer
    listener.close()
    thread.join(timeout=6)


def _receive(connection: socket.socket) -> bytes:
    try:
        return connection.recv(65536)
    except OSError:
        return b""


def free_closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()
    return port


