"""Attacks on the phone's endpoints, over real HTTP against the real platform: guessing sign-in
codes is limited, a replayed payment notice is applied once, a join token of another group is
refused, a beacon asked twice is the same one and never a second for other entries."""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from central.models import JoinRequest, PaymentOrder
from central.phone.payments import SandboxPayments
from desktop.core.draw import build_proof, draw_winners, entries_digest, verify_proof
from desktop.sync.client import PlatformRejected
from tests.central.group_flow import TERMS, HonestGroup, counter
from tests.phone.test_scan_to_seated import sms_code


def browser_session(url: str) -> tuple[requests.Session, str]:
    http = requests.Session()
    page = http.get(f"{url}/signin", timeout=5)
    match = re.search(r'name="csrf" content="([0-9a-f]+)"', page.text)
    assert match is not None and "Content-Security-Policy" in page.headers
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    return http, match.group(1)


def post(http: requests.Session, url: str, csrf: str, body: Any = None) -> requests.Response:
    return http.post(url, json=body, headers={"X-CSRF-Token": csrf}, timeout=5)


def signed_in(server: Any, phone: str) -> tuple[requests.Session, str]:
    http, csrf = browser_session(server.url)
    assert post(http, f"{server.url}/p/api/sms", csrf, {"phone": phone}).status_code == 200
    answer = post(http, f"{server.url}/p/api/signin", csrf, {"phone": phone, "code": sms_code(server, phone)})
    assert answer.status_code == 200, answer.text
    assert "httponly" in answer.headers["set-cookie"].lower() and "samesite=lax" in answer.headers["set-cookie"].lower()
    return http, csrf


def test_a_state_change_without_the_csrf_token_is_refused(server) -> None:
    http, _csrf = browser_session(server.url)
    answer = http.post(f"{server.url}/p/api/sms", json={"phone": "13900000001"}, timeout=5)
    assert answer.status_code == 403 and answer.json()["error"] == "csrf"
    assert post(http, f"{server.url}/p/api/sms", "0" * 64, {"phone": "13900000001"}).status_code == 403


def test_guessing_the_code_is_limited(server) -> None:
    http, csrf = browser_session(server.url)
    phone = "13900000002"
    assert post(http, f"{server.url}/p/api/sms", csrf, {"phone": phone}).status_code == 200
    right = sms_code(server, phone)
    wrong = [f"{n:06d}" for n in range(1000) if f"{n:06d}" != right][:6]
    codes = [post(http, f"{server.url}/p/api/signin", csrf, {"phone": phone, "code": c}).status_code for c in wrong]
    assert codes == [403] * 6
    # five wrong tries killed the code: even the right one no longer signs in
    assert post(http, f"{server.url}/p/api/signin", csrf, {"phone": phone, "code": right}).status_code == 403
    sends = [post(http, f"{server.url}/p/api/sms", csrf, {"phone": phone}).status_code for _ in range(3)]
    assert sends == [200, 200, 429]  # three codes per 10 minutes per phone
    for _ in range(4):
        post(http, f"{server.url}/p/api/signin", csrf, {"phone": phone, "code": wrong[0]})
    fresh = sms_code(server, phone)  # the newest live code, right, after 10 wrong tries this hour
    assert post(http, f"{server.url}/p/api/signin", csrf, {"phone": phone, "code": fresh}).status_code == 429


def test_parallel_guesses_cannot_outrun_the_count(server) -> None:
    """300 wrong guesses at once from 64 threads: at most CODE_TRIES of them are compared with
    the code, at most WRONG_PER_PHONE answered "wrong code", every other one "too many wrong
    codes" (the try is counted in the transaction that checks it, docs/phone.md)."""
    from concurrent.futures import ThreadPoolExecutor

    from central.models import PhoneOtp
    from central.phone.signin import CODE_TRIES, WRONG_PER_PHONE

    http, csrf = browser_session(server.url)
    phone = "13900000009"
    assert post(http, f"{server.url}/p/api/sms", csrf, {"phone": phone}).status_code == 200
    right = sms_code(server, phone)
    wrong = [f"{n:06d}" for n in range(400) if f"{n:06d}" != right][:300]
    cookies = http.cookies.get_dict()

    def guess(code: str) -> tuple[int, str]:
        with requests.Session() as mine:
            mine.cookies.update(cookies)
            answer = post(mine, f"{server.url}/p/api/signin", csrf, {"phone": phone, "code": code})
            return answer.status_code, answer.json().get("limit", "")

    with ThreadPoolExecutor(64) as pool:
        answers = list(pool.map(guess, wrong))
    assert {a for a in answers} <= {(403, ""), (429, "sms_wrong")}, set(answers)
    assert sum(a == (403, "") for a in answers) == WRONG_PER_PHONE.per_window
    with server.app.state.platform.tx() as session:
        attempts = session.scalars(select(PhoneOtp.attempts).where(PhoneOtp.phone == phone)).all()
    assert attempts == [CODE_TRIES]
    limited = post(http, f"{server.url}/p/api/signin", csrf, {"phone": phone, "code": right})
    assert limited.status_code == 429 and limited.json()["reason"].startswith("too many wrong sign-in codes")


def _opened(shop: Any, size: int = 4) -> HonestGroup:
    group = HonestGroup(shop, {**TERMS, "group_size": size})
    group.launch()
    assert group.open()["status"] == "applied"
    return group


def test_a_replayed_payment_notice_is_applied_once_and_another_groups_token_is_refused(server, seed) -> None:
    shop = counter(seed)
    one, two = _opened(shop), _opened(shop)
    first, token, other_token = one.group_id, one.join_token, two.join_token
    http, csrf = signed_in(server, "13900000003")
    nonce = "ab" * 16
    refused = post(http, f"{server.url}/p/api/groups/{first}/orders", csrf, {"t": other_token, "nonce": nonce})
    assert refused.status_code == 404  # the other group's token opens nothing of this one
    order = post(http, f"{server.url}/p/api/groups/{first}/orders", csrf, {"t": token, "nonce": nonce}).json()
    sandbox = server.app.state.phone.payments["sandbox"]
    assert isinstance(sandbox, SandboxPayments)
    sandbox.notice_delay = 3600.0  # deliver the notice by hand below
    post(http, f"{server.url}/sandbox/pay/{order['order_id']}", csrf)
    body = sandbox.notice_body(order["order_id"], 9800)
    forged = requests.post(f"{server.url}/p/payments/sandbox/notify", data=body,
                           headers={"X-Sandbox-Signature": "0" * 64}, timeout=5)
    assert forged.status_code == 403
    for _ in range(3):
        answer = requests.post(f"{server.url}/p/payments/sandbox/notify", data=body,
                               headers={"X-Sandbox-Signature": sandbox.sign(body)}, timeout=5)
        assert answer.status_code == 200 and answer.json()["status"] == "requested"
    with server.app.state.platform.tx() as session:
        row = session.get(PaymentOrder, order["order_id"])
        assert row is not None and row.notices == 3 and row.status == "requested"
        assert session.scalar(select(func.count()).select_from(JoinRequest).where(
            JoinRequest.group_id == first)) == 1


def test_a_beacon_asked_twice_is_the_same_and_never_a_second_for_other_entries(seed) -> None:
    group = _opened(counter(seed))
    for _ in range(4):
        assert group.join()["status"] == "applied"
    entries = group.draw_entries()
    digest = entries_digest(entries).hex()
    ask = group.counter.client.beacon
    first = ask(group.group_id, group.commitment, digest)
    assert ask(group.group_id, group.commitment, digest) == first
    other = entries_digest(list(reversed(entries))).hex()
    with pytest.raises(PlatformRejected) as refused:
        ask(group.group_id, group.commitment, other)
    assert refused.value.code == "beacon_issued"
    v1 = group.proof()
    assert group.counter.push("group.drawn", {"group_id": group.group_id, "proof": v1})["status"] == "rejected"
    beacon, key = bytes.fromhex(first["beacon"]), bytes.fromhex(first["platform_key"])
    winners = draw_winners(group.seed_bytes, entries, v1["k"], beacon)
    v2 = build_proof(group.group_id, group.seed_bytes, entries, v1["k"], winners, beacon, key)
    assert verify_proof(v2, key).ok
    assert group.counter.push("group.drawn", {"group_id": group.group_id, "proof": v2})["status"] == "applied"


def test_a_stranger_and_a_group_not_full_get_no_beacon(seed) -> None:
    group = _opened(counter(seed))
    group.join()
    digest = entries_digest(group.draw_entries()).hex()
    with pytest.raises(PlatformRejected) as early:
        group.counter.client.beacon(group.group_id, group.commitment, digest)
    assert early.value.code == "entries_missing"
    stranger = counter(seed, "Counter 2")
    with pytest.raises(PlatformRejected) as other:
        stranger.client.beacon(group.group_id, group.commitment, digest)
    assert other.value.status == 404
