from __future__ import annotations

import base64
import secrets
from datetime import timedelta

from central.services.schedules import Rates, add_schedule
from tests.central.group_flow import TERMS, HonestGroup, counter, member_token
from tests.central.helpers import MovableClock, Seed, paired
from tests.central.voucher_helpers import keyed_terminal, redeemed


def test_double_redemption_across_terminals_one_stands_one_conflict(seed: Seed, clock: MovableClock) -> None:
    first = keyed_terminal(seed, "Counter 1")
    second = keyed_terminal(seed, "Counter 2")
    voucher_id, text = first.voucher(clock.now)
    a = first.push(redeemed(voucher_id, text, clock.now))[0]
    b = second.push(redeemed(voucher_id, text, clock.now))[0]
    assert (a["status"], a["conflict"]) == ("applied", False)
    assert (b["status"], b["conflict"]) == ("applied", True) and "conflict" in b["reason"]
    for client in (first.client, second.client):
        conflicts = client.pull()["conflicts"]
        assert len(conflicts) == 1
        assert conflicts[0]["winner_terminal_id"] == first.terminal_id
        assert conflicts[0]["loser_terminal_id"] == second.terminal_id
        assert conflicts[0]["subject_id"] == voucher_id
    outsider, _ = paired(seed, "Tea counter", store_id=seed.other_store_id)
    assert outsider.pull()["conflicts"] == []


def test_cursor_is_monotonic_and_returns_only_changes(seed: Seed, clock: MovableClock) -> None:
    client, _ = paired(seed)
    full = client.pull()
    assert full["reset"] and len(full["members"]) == 3 and len(full["commission_schedules"]) == 1
    quiet = client.pull(full["cursor"])
    assert not quiet["reset"] and quiet["members"] == [] and quiet["cursor"] == full["cursor"]
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        add_schedule(session, seed.merchant_id, clock() + timedelta(days=1), Rates(1500, 500, 200, 1000, 1), clock())
    changed = client.pull(full["cursor"])
    assert [s["version"] for s in changed["commission_schedules"]] == [2]
    assert _seq(changed["cursor"]) > _seq(full["cursor"])


def _seq(cursor: str) -> int:
    import json

    return int(json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["s"])


def test_unknown_or_malformed_cursor_means_full_reload(seed: Seed) -> None:
    client, _ = paired(seed)
    for cursor in ("garbage!!", base64.urlsafe_b64encode(b'{"v":1,"i":"other","s":1}').decode(),
                   base64.urlsafe_b64encode(b'{"v":1}').decode(), "W10"):
        answer = client.pull(cursor)
        assert answer["reset"] is True and len(answer["members"]) == 3


def test_future_cursor_means_full_reload(seed: Seed) -> None:
    client, _ = paired(seed)
    cursor = client.pull()["cursor"]
    import json

    data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    data["s"] += 1000
    future = base64.urlsafe_b64encode(json.dumps(data).encode()).decode()
    assert client.pull(future)["reset"] is True


def test_other_terminals_keys_and_online_join_requests(seed: Seed) -> None:
    c = counter(seed, "Counter 1")
    owner, owner_id = c.client, c.terminal_id
    _, second_id = paired(seed, "Counter 2")
    keys = {k["terminal_id"] for k in owner.pull()["terminal_keys"]}
    assert {owner_id, second_id} <= keys
    group = HonestGroup(c, {**TERMS, "group_size": 3})
    group.launch()
    group.open()
    cursor = owner.pull()["cursor"]
    nonce = secrets.token_hex(16)
    request = owner.request_join(group.group_id, group.join_token, nonce, member_token(seed, seed.members[1]))
    pulled = owner.pull(cursor)
    assert [r["request_id"] for r in pulled["join_requests"]] == [request["request_id"]]
    seated = group.join(member_id=seed.members[1], nonce=nonce, request_id=request["request_id"])
    assert seated["status"] == "applied"
    accepted = {"request_id": request["request_id"], "group_id": group.group_id,
                "entry_id": group.entries[-1]["entry_id"]}
    assert c.push("join_request.accepted", accepted)["status"] == "applied"
    assert owner.pull(pulled["cursor"])["join_requests"][0]["status"] == "accepted"
