"""Request limits, enforced before a handler sees the request (docs/sync-protocol.md).

- Body size: push may send up to `push_body_bytes`, every other endpoint `body_bytes`. A
  Content-Length above the limit is refused with 413 before a byte of the body is read; a
  chunked body is counted while it streams and refused as soon as it passes the limit.
- Slow bodies: each chunk must arrive within `body_idle_seconds` and the whole body within
  `body_total_seconds`, or the request is answered 408 and the connection closed.
- Header size: the request line and headers may take `header_bytes`: h11 refuses (400, closes)
  a head still incomplete past that size, and this middleware answers 431 to a complete one
  that is larger (h11 alone lets a head that arrives in one piece through).
- Slow heads: `header_seconds` (central/protocol.py) closes a connection whose head has not
  fully arrived in time.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MIB = 1024 * 1024
PUSH_PATH = "/v1/push"


@dataclass(frozen=True)
class Limits:
    push_body_bytes: int = 8 * MIB
    body_bytes: int = 64 * 1024
    header_bytes: int = 16 * 1024
    header_seconds: float = 10.0
    body_idle_seconds: float = 10.0
    body_total_seconds: float = 60.0
    keep_alive_seconds: float = 5.0

    def body_limit(self, path: str) -> int:
        return self.push_body_bytes if path.rstrip("/") == PUSH_PATH else self.body_bytes


class _Refused(Exception):
    def __init__(self, status: int, code: str, reason: str) -> None:
        super().__init__(reason)
        self.status, self.code, self.reason = status, code, reason


class LimitsMiddleware:
    """Pure ASGI (no buffering): wraps `receive` to count and time the body."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _has_nul(scope):
            await _refuse(send, _Refused(400, "invalid_request", "the path or query contains a NUL character"))
            return
        if _head_size(scope) > self.limits.header_bytes:
            await _refuse(send, _Refused(431, "headers_too_large",
                                         f"the request line and headers are larger than {self.limits.header_bytes} bytes"))
            return
        limit = self.limits.body_limit(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, _too_large(limit))
            return
        guard = _BodyGuard(receive, send, limit, self.limits)
        await self.app(scope, guard.receive, guard.send)


class _BodyGuard:
    def __init__(self, receive: Receive, send: Send, limit: int, limits: Limits) -> None:
        self._receive, self._send = receive, send
        self.limit, self.limits = limit, limits
        self.seen = 0
        self.deadline = time.monotonic() + limits.body_total_seconds
        self.refused = False
        self.started = False

    async def receive(self) -> Message:
        if self.refused:
            return {"type": "http.disconnect"}
        try:
            message = await self._next()
            if message["type"] == "http.request":
                self.seen += len(message.get("body", b""))
                if self.seen > self.limit:
                    raise _too_large(self.limit)
        except _Refused as refusal:
            self.refused = True
            if not self.started:
                await _refuse(self._send, refusal)
            return {"type": "http.disconnect"}
        return message

    async def _next(self) -> Message:
        wait = min(self.limits.body_idle_seconds, self.deadline - time.monotonic())
        try:
            return await asyncio.wait_for(self._receive(), timeout=max(wait, 0.0))
        except TimeoutError as exc:
            raise _Refused(408, "request_timeout", "the request body did not arrive in time") from exc

    async def send(self, message: Message) -> None:
        if self.refused:
            return  # we answered already; whatever the app says after that is dropped
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


def _too_large(limit: int) -> _Refused:
    return _Refused(413, "payload_too_large", f"the request body is larger than {limit} bytes")


def _has_nul(scope: Scope) -> bool:
    """A NUL in a path or query parameter reaches PostgreSQL as text it refuses (a 500)."""
    query = bytes(scope.get("query_string") or b"").lower()
    return "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query


def _head_size(scope: Scope) -> int:
    line = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
    return line + sum(len(name) + len(value) + 4 for name, value in scope.get("headers", []))


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Send, refusal: _Refused) -> None:
    body = json.dumps({"error": refusal.code, "reason": refusal.reason}).encode()
    await send({"type": "http.response.start", "status": refusal.status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
