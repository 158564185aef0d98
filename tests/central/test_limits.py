"""Finding 9: limits, over real sockets on 127.0.0.1 (a raw socket where a client library would
not misbehave as an attacker does): body size by Content-Length and while streaming, head size,
slow bodies and slow heads, push batch caps."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
import requests
from sqlalchemy import func, select

from central.limits import MIB, Limits
from central.models import ReceivedOp
from central.server import RunningServer, start_in_thread
from tests.central.helpers import MovableClock, Seed, op, paired, seed_platform

FAST = Limits(body_idle_seconds=1.0, body_total_seconds=2.5, header_seconds=1.0)


@pytest.fixture
def quick(db_url: str, clock: MovableClock) -> Iterator[RunningServer]:
    """A server with short timeouts, so slow requests are dropped within the test's patience."""
    running = start_in_thread(db_url, clock=clock, capture_grace=timedelta(hours=1), limits=FAST)
    try:
        yield running
    finally:
        running.stop()


def _exchange(port: int, data: bytes, *, then: list[bytes] | None = None, wait: float = 5.0) -> tuple[bytes, float]:
    """Send `data` (then each of `then`), read until the server closes; (answer, seconds)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.settimeout(wait)
        conn.sendall(data)
        for chunk in then or []:
            try:
                conn.sendall(chunk)
            except OSError:  # the server refused and closed: what we are testing
                break
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except (TimeoutError, ConnectionResetError):
            pass
    return answer, time.monotonic() - started


def _status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


def _body(answer: bytes) -> dict[str, str]:
    return json.loads(answer.split(b"\r\n\r\n", 1)[1])


def _head(path: str, *lines: str) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "".join(f"{line}\r\n" for line in lines) + "\r\n").encode()


def test_a_10_mb_unauthenticated_body_is_refused_before_it_is_read(server: RunningServer) -> None:
    answer, seconds = _exchange(server.port, _head("/v1/pair", "Content-Length: 10000000"))
    assert _status(answer) == 413 and seconds < 2  # answered without waiting for the body
    assert _body(answer) == {"error": "payload_too_large", "reason": "the request body is larger than 65536 bytes"}
    pushed, _ = _exchange(server.port, _head("/v1/push", f"Content-Length: {9 * MIB}", "Authorization: Bearer x"))
    assert _status(pushed) == 413 and "8388608 bytes" in _body(pushed)["reason"]


def test_a_chunked_body_is_counted_while_it_streams(server: RunningServer) -> None:
    chunk = b"%x\r\n%s\r\n" % (16 * 1024, b" " * 16 * 1024)
    answer, _ = _exchange(server.port, _head("/v1/pair", "Transfer-Encoding: chunked"),
                          then=[chunk] * 200)  # 3.2 MB offered, refused after 64 KiB
    assert _status(answer) == 413 and _body(answer)["error"] == "payload_too_large"
    small = b'{"code": "nope", "public_key": "AAAA", "name": "x"}'
    honest, _ = _exchange(server.port, _head("/v1/pair", "Transfer-Encoding: chunked", "Connection: close"),
                          then=[b"%x\r\n%s\r\n0\r\n\r\n" % (len(small), small)])
    assert _status(honest) in (401, 404, 422) and "error" in _body(honest)  # read and answered


def test_a_10_mb_push_payload_is_refused_and_not_stored(seed: Seed) -> None:
    client, terminal = paired(seed)
    big = {"sale_id": "s1", "total_fen": 1, "note": "x" * (10 * MIB)}
    with pytest.raises(requests.RequestException) as refused:
        client.http.post(seed.server.url + "/v1/push", json={"terminal_id": terminal, "batch": [
            {"seq": 1, "op_id": "a" * 32, "kind": "sale.completed", "payload": big}]},
            headers={"Authorization": f"Bearer {client.token}"}, timeout=10).raise_for_status()
    response = getattr(refused.value, "response", None)
    assert response is None or response.status_code == 413
    # Under the body limit but over the payload limit: the op is rejected, and not stored whole.
    answer = client.push(terminal, [op(1, "sale.completed", dict(big, note="x" * (3 * MIB)))])
    assert answer["results"][0]["status"] == "rejected" and "2 MiB" in answer["results"][0]["reason"]
    assert answer["last_seq"] == 1
    with seed.server.app.state.platform.tx() as session:
        stored = session.execute(select(func.max(func.length(ReceivedOp.payload)))).scalar_one()
    assert stored < 100_000


def test_a_64_kb_header_is_refused(server: RunningServer) -> None:
    answer, _ = _exchange(server.port, _head("/v1/health", "X-Padding: " + "a" * 64 * 1024, "Content-Length: 0"))
    assert _status(answer) == 431 and _body(answer)["error"] == "headers_too_large"
    trickled, _ = _exchange(server.port, b"GET /v1/health HTTP/1.1\r\nHost: x\r\n",
                            then=[b"X-Pad-%d: %s\r\n" % (i, b"a" * 1000) for i in range(40)])
    assert _status(trickled) == 400  # h11 refuses a head still incomplete past 16 KiB
    assert _body(trickled)["error"] == "invalid_request"
    garbage, _ = _exchange(server.port, b"NOT HTTP AT ALL\r\n\r\n")
    assert _status(garbage) == 400 and _body(garbage)["error"] == "invalid_request"
    ok = requests.get(server.url + "/v1/health", headers={"X-Small": "a" * 8000}, timeout=5)
    assert ok.status_code == 200


def test_a_body_that_never_arrives_is_dropped(quick: RunningServer) -> None:
    answer, seconds = _exchange(quick.port, _head("/v1/pair", "Content-Length: 100") + b'{"code":')
    assert _status(answer) == 408 and _body(answer)["error"] == "request_timeout"
    assert 0.9 < seconds < 3


def test_a_body_that_drips_is_dropped_at_the_total_deadline(quick: RunningServer) -> None:
    with socket.create_connection(("127.0.0.1", quick.port)) as conn:
        conn.settimeout(6)
        conn.sendall(_head("/v1/pair", "Content-Length: 1000"))
        started, answer = time.monotonic(), b""
        for _ in range(10):  # one byte every 0.5 s: each within the idle timeout
            try:
                conn.sendall(b" ")
            except OSError:
                break
            time.sleep(0.5)
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except (TimeoutError, ConnectionResetError):
            pass
    assert _status(answer) == 408 and time.monotonic() - started < 6


def test_a_head_that_never_ends_is_dropped(quick: RunningServer) -> None:
    answer, seconds = _exchange(quick.port, b"GET /v1/health HTTP/1.1\r\nHost: x\r\n")
    assert answer == b"" and 0.9 < seconds < 3
    silent, seconds = _exchange(quick.port, b"")
    assert silent == b"" and seconds < 3
    ok = requests.get(quick.url + "/v1/health", timeout=5)  # an honest client is not affected
    assert ok.status_code == 200


def test_push_batch_is_capped(quick: RunningServer) -> None:
    seed = seed_platform(quick)
    client, terminal = paired(seed)
    batch = [{"seq": i, "op_id": f"op{i}", "kind": "x.y", "payload": None} for i in range(1, 1002)]
    response = client.http.post(quick.url + "/v1/push", json={"terminal_id": terminal, "batch": batch},
                                headers={"Authorization": f"Bearer {client.token}"}, timeout=10)
    assert response.status_code == 422 and "batch" in response.json()["reason"]
    assert client.push(terminal, [(b["seq"], b["op_id"], b["kind"], None) for b in batch[:1000]])["last_seq"] == 1000
