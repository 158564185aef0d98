"""uvicorn's h11 protocol with a header timeout (slowloris): a connection whose request line and
headers have not all arrived within HEADER_SECONDS of its first byte (or of connecting) is
closed. uvicorn alone keeps such a connection open for ever; the body has its own timeouts
(central/limits.py), and an idle connection between requests has uvicorn's keep-alive timeout.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, cast

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_SECONDS = 10.0


class GuardedH11Protocol(H11Protocol):
    header_seconds: float = HEADER_SECONDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # the event loop hands a server protocol its stream transport (what uvicorn declares)
        super().connection_made(cast(asyncio.Transport, transport))
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        """h11's refusals (a malformed head, one still incomplete past the size limit) in our
        shape: {"error", "reason"}."""
        body = json.dumps({"error": "invalid_request", "reason": "the request line or headers are "
                           "malformed or too large"}).encode()
        headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
        try:
            self.transport.write(self.conn.send(h11.Response(status_code=400, headers=headers)))
            self.transport.write(self.conn.send(h11.Data(data=body)))
            self.transport.write(self.conn.send(h11.EndOfMessage()))
        except h11.LocalProtocolError:  # a response had already started: just close
            pass
        self.transport.close()

    def _waiting_for_headers(self) -> bool:
        if self.conn.their_state is not h11.IDLE:
            return False
        # Before the first request, or part of the next one's head already received.
        return self.cycle is None or bool(self.conn.trailing_data[0])

    def _arm(self) -> None:
        if self._waiting_for_headers():
            if self._header_timer is None:
                self._header_timer = self.loop.call_later(self.header_seconds, self._too_slow)
        else:
            self._disarm()

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if self._waiting_for_headers() and not self.transport.is_closing():
            self.transport.close()


def protocol_class(header_seconds: float) -> type[GuardedH11Protocol]:
    """The protocol with another timeout (tests; in-thread servers: a class is not pickled)."""
    if header_seconds == HEADER_SECONDS:
        return GuardedH11Protocol
    return type("GuardedH11Protocol", (GuardedH11Protocol,), {"header_seconds": header_seconds})
