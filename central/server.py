"""Run the platform with uvicorn: in the foreground, or in a background thread (demo, tests)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import uvicorn
from fastapi import FastAPI

from central.app import create_app


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8700, **app_options: Any) -> None:
    uvicorn.run(create_app(db_url, **app_options), host=host, port=port, log_level="info")


@dataclass
class RunningServer:
    url: str
    port: int
    app: FastAPI
    _server: uvicorn.Server
    _thread: threading.Thread

    def stop(self) -> None:
        """Stop accepting, finish in-flight requests, close the database pool."""
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self.app.state.engine.dispose()


def start_in_thread(db_url: str, host: str = "127.0.0.1", port: int = 0, **app_options: Any) -> RunningServer:
    """Start on `port` (0: a free one) and return once it accepts connections."""
    app = create_app(db_url, **app_options)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle delay on small answers
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name=f"central:{bound}")
    thread.start()
    _wait_started(server, thread)
    return RunningServer(f"http://{host}:{bound}", bound, app, server, thread)


def _wait_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the central platform did not start")
        time.sleep(0.01)
