"""The development providers (SMS codes in the log, the payment sandbox) only when asked for:
`pinshang central` without `--dev-providers` answers the phone's sign-in and deposit with 503
`not_configured` and logs no code; with it (and for the demo's and the tests' in-process
platform) they work. The sandbox's order page is only for the member who made the order."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import func, select

from central.models import SmsMessage
from central.phone import signin
from central.server import start_in_thread
from central.services import admin
from tests.central.group_flow import TERMS, HonestGroup, counter
from tests.phone.test_phone_attacks import browser_session, post, signed_in

ROOT = Path(__file__).resolve().parents[2]


def test_a_platform_without_development_providers_says_they_are_not_configured(tmp_path: Path) -> None:
    server = start_in_thread(f"sqlite:///{tmp_path / 'central.db'}", dev_providers=False)
    try:
        http, csrf = browser_session(server.url)
        answer = post(http, f"{server.url}/p/api/sms", csrf, {"phone": "13900000001"})
        assert answer.status_code == 503 and answer.json()["error"] == "not_configured"
        assert "not configured" in answer.json()["reason"]
        platform = server.app.state.platform
        with platform.tx() as session:
            assert session.scalar(select(func.count()).select_from(SmsMessage)) == 0  # no code made or logged
            merchant = admin.create_merchant(session, "牛排馆 Steak House")
            member = admin.create_member(session, "13900000002", "Member", merchant)
            token = signin.open_session(session, member, platform.clock())
        http.cookies.set(signin.SESSION_COOKIE, token)
        order = post(http, f"{server.url}/p/api/groups/G0000000000000001/orders", csrf,
                     {"t": "x", "nonce": "ab" * 16})
        assert order.status_code == 503 and order.json()["error"] == "not_configured"
        assert requests.get(f"{server.url}/p/api/sandbox/P1", cookies={signin.SESSION_COOKIE: token},
                            timeout=5).status_code == 404  # no sandbox at all
        assert post(http, f"{server.url}/sandbox/pay/P1", csrf).status_code == 404
    finally:
        server.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _sms_answer(tmp_path: Path, *flags: str) -> int:
    """Start `pinshang central` with `flags`, ask it for a sign-in code, stop it."""
    port = _free_port()
    db = f"sqlite:///{tmp_path / ('central' + '-'.join(flags) + '.db')}"
    process = subprocess.Popen([sys.executable, "-m", "desktop", "central", "--db", db, "--port", str(port), *flags],
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                http, csrf = browser_session(f"http://127.0.0.1:{port}")
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.2)
        return post(http, f"http://127.0.0.1:{port}/p/api/sms", csrf, {"phone": "13900000001"}).status_code
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_pinshang_central_has_the_development_providers_only_with_the_flag(tmp_path: Path) -> None:
    assert _sms_answer(tmp_path) == 503
    assert _sms_answer(tmp_path, "--dev-providers") == 200


def test_the_sandbox_order_is_shown_only_to_its_member(server, seed) -> None:
    shop = counter(seed)
    group = HonestGroup(shop, {**TERMS, "group_size": 4})
    group.launch()
    assert group.open()["status"] == "applied"
    http, csrf = signed_in(server, "13900000007")
    order = post(http, f"{server.url}/p/api/groups/{group.group_id}/orders", csrf,
                 {"t": group.join_token, "nonce": "cd" * 16}).json()
    url = f"{server.url}/p/api/sandbox/{order['order_id']}"
    stranger = requests.get(url, timeout=5)
    assert stranger.status_code == 401 and stranger.json()["error"] == "member_unauthorized"
    other, other_csrf = signed_in(server, "13900000008")
    assert other.get(url, timeout=5).status_code == 404  # another member's order: not theirs to see
    assert post(other, f"{server.url}/sandbox/pay/{order['order_id']}", other_csrf).status_code == 404
    mine: Any = http.get(url, timeout=5)
    assert mine.status_code == 200 and mine.json()["amount_fen"] == TERMS["group_price_fen"]
