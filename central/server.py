"""Run the platform with uvicorn: in the foreground (`pinshang central`, one or several worker
processes), or in a background thread (demo, tests). Both use `uvicorn_options`, so the header
limit and the timeouts (central/limits.py) are the same everywhere.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import uvicorn
from fastapi import FastAPI

from central.app import create_app
from central.limits import Limits
from central.protocol import HEADER_SECONDS, protocol_class

DB_URL_ENV = "PINSHANG_CENTRAL_DB"  # how `--workers N` hands the database to each worker
DEV_PROVIDERS_ENV = "PINSHANG_CENTRAL_DEV_PROVIDERS"  # and `--dev-providers` ("1")


def uvicorn_options(limits: Limits, *, picklable: bool = False) -> dict[str, Any]:
    # h11 (never httptools, which has no head limit), with a timeout on slow heads. Worker
    # processes get the class by name (a class made at run time does not pickle).
    http: Any = protocol_class(limits.header_seconds)
    if picklable:
        if limits.header_seconds != HEADER_SECONDS:
            raise ValueError("worker processes use the default header timeout")
        http = "central.protocol:GuardedH11Protocol"
    return {
        "http": http,
        "h11_max_incomplete_event_size": limits.header_bytes,
        "timeout_keep_alive": max(1, int(limits.keep_alive_seconds)),
        "timeout_graceful_shutdown": 5,
    }


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8700, workers: int = 1,
          **app_options: Any) -> None:
    """In the foreground. With `workers > 1` the database is migrated once here, then each
    worker process builds its own app (and its own connection pool) through `worker_app`."""
    limits = app_options.get("limits") or Limits()
    if workers <= 1:
        uvicorn.run(create_app(db_url, **app_options), host=host, port=port, log_level="info",
                    **uvicorn_options(limits))
        return
    create_app(db_url).state.engine.dispose()  # migrate and create the signing key, once
    os.environ[DB_URL_ENV] = db_url
    os.environ[DEV_PROVIDERS_ENV] = "1" if app_options.get("dev_providers") else ""
    uvicorn.run("central.server:worker_app", factory=True, host=host, port=port, workers=workers,
                log_level="info", **uvicorn_options(limits, picklable=True))


def worker_app() -> FastAPI:
    """The app of one worker process (uvicorn's factory)."""
    return create_app(os.environ[DB_URL_ENV], dev_providers=os.environ.get(DEV_PROVIDERS_ENV) == "1")


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


def start_in_thread(db_url: str, host: str = "127.0.0.1", port: int = 0, *, dev_providers: bool = True,
                    **app_options: Any) -> RunningServer:
    """Start on `port` (0: a free one) and return once it accepts connections. This in-process
    server is the demo's, the tests' and the benchmarks': the development providers are on
    unless `dev_providers=False` (`pinshang central` serves through `serve`, off by default)."""
    app = create_app(db_url, dev_providers=dev_providers, **app_options)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle delay on small answers
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, **uvicorn_options(app.state.limits))
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
