"""Findings 6b and 7 over HTTP: group ids are unique per store (no squatting), and the join
endpoint needs the invite's join token and a member credential, is rate limited per member
and per address, deduplicates, and never holds more pending requests than seats left."""

from __future__ import annotations

import secrets
import time

import requests
from sqlalchemy import select

from central.models import Group
from tests.central.group_flow import TERMS, HonestGroup, counter, member_token
from tests.central.helpers import Seed


def _ask(seed: Seed, group_id: str, token: str | None, member: str | None,
         nonce: str | None = None, **body: object) -> requests.Response:
    headers = {"Authorization": f"Member {member}"} if member else {}
    payload: dict[str, object] = {"nonce": nonce or secrets.token_hex(16), **body}
    if token is not None:
        payload["join_token"] = token
    return requests.post(f"{seed.server.url}/v1/groups/{group_id}/join-requests", json=payload,
                         headers=headers, timeout=10)


def _opened(seed: Seed, store_id: str | None = None, name: str = "Counter 1", size: int = 4) -> HonestGroup:
    group = HonestGroup(counter(seed, name, store_id), {**TERMS, "group_size": size})
    group.launch()
    assert group.open()["status"] == "applied"
    return group


def test_a_join_request_needs_a_member_credential_and_the_invites_token(seed: Seed) -> None:
    group = _opened(seed)
    token = member_token(seed, seed.members[0])
    anonymous = _ask(seed, group.group_id, group.join_token, None)
    assert anonymous.status_code == 401 and anonymous.json()["error"] == "member_unauthorized"
    forged = _ask(seed, group.group_id, group.join_token, "psm_not-a-token")
    assert forged.status_code == 401
    body_member = _ask(seed, group.group_id, group.join_token, token, member_id=seed.members[1])
    assert body_member.status_code == 422  # the member comes from the credential only
    no_token = _ask(seed, group.group_id, None, token)
    assert no_token.status_code == 422
    real = group.join_token  # one character changed for sure (its last two may be "AA" already)
    wrong = _ask(seed, group.group_id, real[:10] + ("B" if real[10] != "B" else "C") + real[11:], token)
    assert wrong.status_code == 404 and "scan the printed QR code again" in wrong.json()["reason"]
    bad_nonce = _ask(seed, group.group_id, group.join_token, token, nonce="A" * 32)
    assert bad_nonce.status_code == 422
    ok = _ask(seed, group.group_id, group.join_token, token)
    assert ok.status_code == 200 and ok.json()["status"] == "pending"
    pulled = group.counter.client.pull()["join_requests"]
    assert [(r["request_id"], r["member_id"]) for r in pulled] == [(ok.json()["request_id"], seed.members[0])]


def test_sixty_requests_for_four_seats_from_one_member_and_from_sixty_members(seed: Seed) -> None:
    group = _opened(seed, size=4)
    token = member_token(seed, seed.members[0])
    started = time.monotonic()
    answers = [_ask(seed, group.group_id, group.join_token, token) for _ in range(60)]
    one_member = time.monotonic() - started
    ids = {a.json()["request_id"] for a in answers if a.status_code == 200}
    codes = [a.status_code for a in answers]
    assert len(ids) == 1 and codes[:5] == [200] * 5  # the same request back, not a second one
    assert set(codes[5:]) == {429}
    limited = answers[5]
    assert limited.json()["error"] == "rate_limited" and int(limited.headers["Retry-After"]) >= 1
    assert "from this member" in limited.json()["reason"]

    with seed.server.app.state.platform.tx() as session:
        from central.services.admin import create_member

        crowd = [create_member(session, f"1550000{i:04d}", f"M{i}") for i in range(60)]
    tokens = [member_token(seed, m) for m in crowd]
    started = time.monotonic()
    answers = [_ask(seed, group.group_id, group.join_token, t) for t in tokens]
    sixty_members = time.monotonic() - started
    codes = [a.status_code for a in answers]
    # 5 hits from this address so far: 25 more pass the address limit; 3 seats were left
    assert codes[:3] == [200] * 3 and set(codes[3:25]) == {409} and set(codes[25:]) == {429}
    assert answers[3].json()["error"] == "group_full" and "from this address" in answers[25].json()["reason"]
    pending = [r for r in group.counter.client.pull()["join_requests"] if r["status"] == "pending"]
    assert len(pending) == 4  # never more pending requests than seats
    print(f"60 from one member: {one_member:.2f} s, 1 request; 60 members: {sixty_members:.2f} s, "
          f"{codes.count(200)} accepted, {codes.count(409)} group_full, {codes.count(429)} rate limited")


def test_seats_taken_at_the_counter_and_answered_requests_count(seed: Seed) -> None:
    group = _opened(seed, size=2)
    first = member_token(seed, seed.members[0])
    answer = _ask(seed, group.group_id, group.join_token, first).json()
    group.join(phone="13700000001")  # the counter seats someone: no seat left for another request
    late = _ask(seed, group.group_id, group.join_token, member_token(seed, seed.members[1]))
    assert late.status_code == 409 and late.json()["error"] == "group_full"
    request = next(r for r in group.counter.client.pull()["join_requests"] if r["request_id"] == answer["request_id"])
    seated = group.join(member_id=seed.members[0], nonce=request["nonce"], request_id=request["request_id"],
                        tender="platform")
    assert seated["status"] == "applied"
    accepted = group.counter.push("join_request.accepted", {"request_id": request["request_id"],
                                                            "group_id": group.group_id,
                                                            "entry_id": group.entries[-1]["entry_id"]})
    assert accepted["status"] == "applied"
    group.draw()
    closed = _ask(seed, group.group_id, group.join_token, member_token(seed, seed.members[2]))
    assert closed.status_code == 409 and closed.json()["error"] == "group_closed"


def test_a_join_must_match_its_pending_request(seed: Seed) -> None:
    group = _opened(seed)
    answer = _ask(seed, group.group_id, group.join_token, member_token(seed, seed.members[0])).json()
    request = group.counter.client.pull()["join_requests"][0]
    other_nonce = group.join(member_id=seed.members[0], request_id=answer["request_id"])
    assert other_nonce["status"] == "rejected" and "another member or nonce" in other_nonce["reason"]
    other_member = group.join(member_id=seed.members[1], nonce=request["nonce"], request_id=answer["request_id"])
    assert other_member["status"] == "rejected"
    unknown = group.join(member_id=seed.members[0], nonce=request["nonce"], request_id="J-none")
    assert "not a pending request" in unknown["reason"]
    early = group.counter.push("join_request.accepted", {"request_id": answer["request_id"],
                                                         "group_id": group.group_id, "entry_id": "E1"})
    assert early["status"] == "rejected" and "push its group.joined first" in early["reason"]
    assert group.join(member_id=seed.members[0], nonce=request["nonce"],
                      request_id=answer["request_id"])["status"] == "applied"


# --- finding 6b: group id squatting ---------------------------------------------------------


def test_a_squatted_group_id_neither_blocks_the_owner_nor_gets_its_join_requests(seed: Seed) -> None:
    a = HonestGroup(counter(seed, "A"), TERMS)
    a.launch()
    b = HonestGroup(counter(seed, "B", seed.other_store_id), TERMS, group_id=a.group_id)
    b.launch()
    # B read A's printed invite (group id and token) before A synced, and pushes it first
    copied = b.counter.push("group.opened", a.opened() | {"deal_id": b.deal_id, "key_id": b.counter.key_id})
    assert copied["status"] == "rejected" and "not this terminal's signature" in copied["reason"]
    assert b.open()["status"] == "applied"  # B's own group of the same id, in B's store only
    assert a.open()["status"] == "applied"  # A is not blocked
    with seed.server.app.state.platform.tx() as session:
        stores = set(session.scalars(select(Group.store_id).where(Group.id == a.group_id)))
    assert stores == {seed.store_id, seed.other_store_id}
    ask = _ask(seed, a.group_id, a.join_token, member_token(seed, seed.members[0]))
    assert ask.status_code == 200
    assert [r["request_id"] for r in a.counter.client.pull()["join_requests"]] == [ask.json()["request_id"]]
    assert b.counter.client.pull()["join_requests"] == []
    # and B cannot seat or draw A's customers through the shared id: its group is its own
    b_join = b.join(member_id=seed.members[0], request_id=ask.json()["request_id"])
    assert b_join["status"] == "rejected" and "not a pending request" in b_join["reason"]


def test_simultaneous_requests_never_take_more_seats_than_left(seed: Seed) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from central.services.admin import create_member

    group = _opened(seed, size=4)
    with seed.server.app.state.platform.tx() as session:
        crowd = [create_member(session, f"1560000{i:04d}", f"M{i}") for i in range(24)]
    tokens = [member_token(seed, m) for m in crowd]
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda t: _ask(seed, group.group_id, group.join_token, t), tokens))
    codes = sorted(a.status_code for a in answers)
    assert codes.count(200) == 4 and set(codes) <= {200, 409}
    pending = [r for r in group.counter.client.pull()["join_requests"] if r["status"] == "pending"]
    assert len(pending) == 4
