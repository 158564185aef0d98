"""Coins belong to members (finding 2) and captures may not be back-dated (finding 10): every
attack over HTTP against the real platform, beside the honest path."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
import requests

from desktop.sync.client import PlatformClient, PlatformRejected
from tests.central.helpers import MovableClock, Seed, op, paired


@pytest.fixture
def funded(seed: Seed) -> Seed:
    seed.grant(seed.members[0], 500)
    seed.grant(seed.members[1], 500)
    return seed


def _key() -> str:
    return uuid.uuid4().hex


def _refused(call: Any, *args: Any, **kwargs: Any) -> PlatformRejected:
    with pytest.raises(PlatformRejected) as refused:
        call(*args, **kwargs)
    assert refused.value.reason  # always a sentence saying why
    return refused.value


def _capture_op(seq: int, token: dict[str, Any], coins: int, **extra: Any) -> tuple:
    payload = {"token_id": token["token_id"], "member_id": token["member_id"], "coins": coins,
               "sale_id": f"s{seq}", "token": token["token"], "at": token["issued_at"], **extra}
    return op(seq, "coins.captured", payload)


def _me(seed: Seed, method: str, path: str, token: str | None, **kwargs: Any) -> requests.Response:
    headers = {"Authorization": f"Member {token}"} if token else {}
    return requests.request(method, seed.server.url + path, headers=headers, timeout=10, **kwargs)


# --- online capture ---------------------------------------------------------------------------


def test_another_merchants_terminal_cannot_capture_without_consent(funded: Seed) -> None:
    member = funded.members[0]  # locked to merchant A (the seed's Steak House)
    b_client, _ = paired(funded, "Tea counter", store_id=funded.other_store_id)
    refused = _refused(b_client.capture_coins, member, 100, "sale-1", _key())
    assert refused.status == 403 and refused.code == "consent_required"
    a_client, _ = paired(funded)  # nor the member's own merchant, on its own word
    assert _refused(a_client.capture_coins, member, 100, "sale-2", _key()).code == "consent_required"
    assert funded.balance(member) == 500


def test_with_the_members_fresh_code_the_capture_works_once(funded: Seed) -> None:
    member = funded.members[0]
    b_client, _ = paired(funded, "Tea counter", store_id=funded.other_store_id)
    code = funded.fresh_code(member)
    answer = b_client.capture_coins(member, 120, "sale-1", _key(), member_code=code)
    assert answer["captured_coins"] == 120 and answer["balance"] == 380
    replay = _refused(b_client.capture_coins, member, 120, "sale-2", _key(), member_code=code)
    assert replay.code == "member_code_used"
    other = funded.members[1]  # member 0's code never moves member 1's coins
    wrong = _refused(b_client.capture_coins, other, 10, "sale-3", _key(), member_code=funded.fresh_code(member))
    assert wrong.code == "member_code_invalid"
    stale = funded.member_code(member, at=funded.server.app.state.platform.clock() - timedelta(minutes=5))
    assert _refused(b_client.capture_coins, member, 10, "sale-4", _key(), member_code=stale).code \
        == "member_code_invalid"
    assert funded.balance(member) == 380 and funded.balance(other) == 500


def test_a_failed_capture_still_uses_up_the_code(funded: Seed) -> None:
    member = funded.members[0]
    client, _ = paired(funded)
    code = funded.fresh_code(member)
    assert _refused(client.capture_coins, member, 501, "sale-1", _key(), member_code=code).code \
        == "insufficient_coins"
    assert _refused(client.capture_coins, member, 5, "sale-1", _key(), member_code=code).code \
        == "member_code_used"
    assert funded.balance(member) == 500


def test_a_consent_shows_the_balance_and_covers_one_capture_at_its_terminal(funded: Seed,
                                                                            clock: MovableClock) -> None:
    member = funded.members[0]
    client, _ = paired(funded)
    second, _ = paired(funded, "Counter 2")
    consent = client.coin_consent(funded.fresh_code(member))
    assert consent["member_id"] == member and consent["available"] == 500
    assert client.coin_balance(member, consent["consent_id"]) == 500
    elsewhere = _refused(second.capture_coins, member, 10, "s1", _key(), consent_id=consent["consent_id"])
    assert elsewhere.code == "consent_invalid"  # bound to the terminal it was given at
    assert _refused(second.coin_balance, member, consent["consent_id"]).code == "consent_invalid"
    answer = client.capture_coins(member, 50, "s2", _key(), consent_id=consent["consent_id"])
    assert answer["balance"] == 450
    assert _refused(client.capture_coins, member, 50, "s3", _key(), consent_id=consent["consent_id"]).code \
        == "consent_used"
    late = client.coin_consent(funded.fresh_code(member))
    clock.advance(minutes=3)
    assert _refused(client.capture_coins, member, 50, "s4", _key(), consent_id=late["consent_id"]).code \
        == "consent_expired"
    assert funded.balance(member) == 450


def test_a_balance_read_without_consent_is_refused(funded: Seed) -> None:
    member = funded.members[0]
    client, _ = paired(funded, "Tea counter", store_id=funded.other_store_id)
    response = client.http.get(f"{funded.server.url}/v1/members/{member}/coins",
                               headers={"Authorization": f"Bearer {client.token}"}, timeout=10)
    assert response.status_code == 403 and response.json()["error"] == "consent_required"
    assert "available" not in response.json()
    forged = _refused(client.coin_balance, member, "0" * 32)
    assert forged.code == "consent_invalid"


def test_the_member_reads_their_own_coins_signed_in(funded: Seed) -> None:
    member = funded.members[0]
    token = funded.member_token(member)
    mine = _me(funded, "GET", "/v1/me/coins", token)
    assert mine.status_code == 200 and mine.json()["available"] == 500
    assert _me(funded, "GET", "/v1/me/coins", None).status_code == 401
    assert _me(funded, "GET", "/v1/me/coins", "psm_guessed").status_code == 401


# --- authorizations ---------------------------------------------------------------------------


def test_an_authorization_needs_consent_and_is_bounded(funded: Seed) -> None:
    member = funded.members[0]
    client, _ = paired(funded, "Tea counter", store_id=funded.other_store_id)
    assert _refused(client.authorize_coins, member, 500, 7 * 86400).status == 422  # 7 days: never
    assert _refused(client.authorize_coins, member, 500).code == "consent_required"
    week = _refused(client.authorize_coins, member, 500, 7 * 86400, member_code=funded.fresh_code(member))
    assert week.status == 422 and "ttl_seconds" in week.reason
    assert funded.balance(member) == 500
    default = client.authorize_coins(member, 100, member_code=funded.fresh_code(member))
    issued = funded.server.app.state.platform.clock()
    assert default["expires_at"] == (issued + timedelta(minutes=15)).replace(microsecond=0).isoformat()
    for _ in range(2):
        client.authorize_coins(member, 100, 86400, member_code=funded.fresh_code(member))
    fourth = _refused(client.authorize_coins, member, 10, member_code=funded.fresh_code(member))
    assert fourth.code == "too_many_authorizations"
    assert funded.balance(member) == 200


def test_a_member_authorizes_from_their_phone_for_one_merchant(funded: Seed) -> None:
    member = funded.members[0]
    token = funded.member_token(member)
    answer = _me(funded, "POST", "/v1/me/coin-authorizations", token,
                 json={"store_id": funded.store_id, "max_coins": 200, "ttl_seconds": 600})
    assert answer.status_code == 200, answer.text
    auth = answer.json()
    assert auth["merchant_id"] == funded.merchant_id and funded.balance(member) == 300
    assert _me(funded, "POST", "/v1/me/coin-authorizations", None,
               json={"store_id": funded.store_id, "max_coins": 1}).status_code == 401
    week = _me(funded, "POST", "/v1/me/coin-authorizations", token,
               json={"store_id": funded.store_id, "max_coins": 1, "ttl_seconds": 7 * 86400})
    assert week.status_code == 422

    b_client, b_terminal = paired(funded, "Tea counter", store_id=funded.other_store_id)
    online = _refused(b_client.capture_coins, member, 50, "s1", _key(), token=auth["token"])
    assert online.code == "wrong_scope"
    pushed = b_client.push(b_terminal, [_capture_op(1, auth, 50)])["results"][0]
    assert pushed["status"] == "rejected" and "another member or merchant" in pushed["reason"]
    assert funded.balance(member) == 300

    a_client, a_terminal = paired(funded)
    assert a_client.push(a_terminal, [_capture_op(1, auth, 150)])["results"][0]["status"] == "applied"
    assert funded.balance(member) == 350


def test_a_terminal_issued_authorization_is_scoped_to_its_merchant(funded: Seed) -> None:
    member = funded.members[0]
    a_client, _ = paired(funded)
    auth = a_client.authorize_coins(member, 100, member_code=funded.fresh_code(member))
    b_client, b_terminal = paired(funded, "Tea counter", store_id=funded.other_store_id)
    assert _refused(b_client.capture_coins, member, 10, "s1", _key(), token=auth["token"]).code == "wrong_scope"
    assert b_client.push(b_terminal, [_capture_op(1, auth, 10)])["results"][0]["status"] == "rejected"
    assert a_client.capture_coins(member, 10, "s2", _key(), token=auth["token"])["captured_coins"] == 10


def test_a_member_cancels_only_their_own_authorization(funded: Seed) -> None:
    member, other = funded.members[0], funded.members[1]
    token = funded.member_token(member)
    auth = _me(funded, "POST", "/v1/me/coin-authorizations", token,
               json={"store_id": funded.store_id, "max_coins": 100}).json()
    stranger = _me(funded, "DELETE", f"/v1/me/coin-authorizations/{auth['token_id']}", funded.member_token(other))
    assert stranger.status_code == 404 and funded.balance(member) == 400
    mine = _me(funded, "DELETE", f"/v1/me/coin-authorizations/{auth['token_id']}", token)
    assert mine.status_code == 200 and funded.balance(member) == 500
    client, _ = paired(funded)
    assert "revoked" in [r["state"] for r in client.pull()["revoked_authorizations"]]


# --- back-dated captures (finding 10) --------------------------------------------------------


def test_a_capture_dated_before_the_authorization_or_in_the_future_is_rejected(
        funded: Seed, clock: MovableClock) -> None:
    member = funded.members[0]
    client, terminal = paired(funded)
    clock.advance(hours=1)
    auth = client.authorize_coins(member, 100, 3600, member_code=funded.fresh_code(member))
    issued = clock.now
    results = client.push(terminal, [
        _capture_op(1, auth, 10, at="2000-01-01T00:00:00+00:00"),
        _capture_op(2, auth, 10, at=(issued - timedelta(minutes=30)).isoformat()),
        _capture_op(3, auth, 10, at=(issued + timedelta(minutes=30)).isoformat()),
        op(4, "coins.captured", {k: v for k, v in _capture_op(4, auth, 10)[3].items() if k != "token"}),
        op(5, "coins.captured", {k: v for k, v in _capture_op(5, auth, 10)[3].items() if k != "at"}),
    ])["results"]
    assert [r["status"] for r in results] == ["rejected"] * 5
    assert "before the coin authorization was issued" in results[0]["reason"]
    assert "before the coin authorization was issued" in results[1]["reason"]
    assert "in the future" in results[2]["reason"]
    assert "token: Field required" in results[3]["reason"] and "at: Field required" in results[4]["reason"]
    assert funded.balance(member) == 400  # still reserved, nothing captured
    clock.advance(minutes=10)
    honest = client.push(terminal, [_capture_op(6, auth, 10, at=(issued + timedelta(minutes=5)).isoformat())])
    assert honest["results"][0]["status"] == "applied" and funded.balance(member) == 490


def test_a_capture_records_the_members_contact_at_the_store(funded: Seed) -> None:
    member = funded.members[0]
    b_client, _ = paired(funded, "Tea counter", store_id=funded.other_store_id)
    first = b_client.pull()
    assert member not in [m["member_id"] for m in first["members"]]
    b_client.capture_coins(member, 10, "s1", _key(), member_code=funded.fresh_code(member))
    later = b_client.pull(first["cursor"])
    assert [m["member_id"] for m in later["members"]] == [member]


def test_the_client_speaks_the_same_protocol(funded: Seed) -> None:
    """PlatformClient (the counter's) against the real routes: consent, authorize, capture."""
    member = funded.members[0]
    client: PlatformClient = paired(funded)[0]
    consent = client.coin_consent(funded.fresh_code(member))
    auth = client.authorize_coins(member, consent["available"], 600, consent_id=consent["consent_id"])
    assert funded.balance(member) == 0
    captured = client.capture_coins(member, 499, "s1", _key(), token=auth["token"])
    assert captured == {"token_id": auth["token_id"], "captured_coins": 499, "released_coins": 1}


def test_a_stranger_gets_nothing(funded: Seed) -> None:
    member = funded.members[0]
    url = funded.server.url
    calls = [
        ("POST", "/v1/coins/consents", {"member_code": funded.fresh_code(member)}),
        ("POST", "/v1/coins/authorizations", {"member_id": member, "max_coins": 1,
                                              "member_code": funded.fresh_code(member)}),
        ("POST", "/v1/coins/capture", {"member_id": member, "coins": 1, "member_code": funded.fresh_code(member)}),
        ("GET", f"/v1/members/{member}/coins?consent_id={'0' * 32}", None),
        ("POST", "/v1/members/lookup", {"phone": "13800000000"}),
    ]
    for method, path, body in calls:
        answer = requests.request(method, url + path, json=body, timeout=10,
                                  headers={"Idempotency-Key": _key(), "Authorization": "Bearer guessed"})
        assert answer.status_code == 401 and answer.json()["error"] == "unauthorized", path
    assert funded.balance(member) == 500


def test_guessing_member_codes_locks_after_a_few_wrong_ones(funded: Seed, clock: MovableClock) -> None:
    """Beyond the list: one terminal answered ~470 wrong-code requests a second; 5 codes of 10^8
    are good at any time, so an unbounded guesser found a code in about 12 hours per member."""
    from central.services.coin_consents import WRONG_CODES_PER_MEMBER

    member = funded.members[0]
    b_client, _ = paired(funded, "Tea counter", store_id=funded.other_store_id)
    real = funded.fresh_code(member)
    digits = real.rsplit(":", 1)[1]
    wrong = [f"PSM1:{member}:{(int(digits) + 1 + i) % 10**8:08d}" for i in range(WRONG_CODES_PER_MEMBER)]
    codes = [e.code for e in (_refused(b_client.coin_consent, w) for w in wrong[:4])]
    codes += [_refused(b_client.capture_coins, member, 5, "s", _key(), member_code=w).code for w in wrong[4:7]]
    codes += [_refused(b_client.authorize_coins, member, 5, member_code=w).code for w in wrong[7:]]
    assert codes == ["member_code_invalid"] * WRONG_CODES_PER_MEMBER
    locked = _refused(b_client.coin_consent, real)  # now even the right code waits
    assert locked.status == 429 and locked.code == "member_code_locked"
    a_client, _ = paired(funded)
    assert _refused(a_client.coin_consent, funded.fresh_code(member)).code == "member_code_locked"
    clock.advance(minutes=11)
    assert a_client.coin_consent(funded.fresh_code(member))["available"] == 500
    assert funded.balance(member) == 500


def test_one_code_sent_by_ten_terminals_at_once_moves_coins_once(funded: Seed) -> None:
    """Beyond the list: the same fresh code raced from 10 terminals (threads, own connections)."""
    from concurrent.futures import ThreadPoolExecutor

    member = funded.members[0]
    clients = [paired(funded, f"Counter {i}")[0] for i in range(10)]
    code = funded.fresh_code(member)

    def attempt(client: PlatformClient) -> str:
        try:
            client.capture_coins(member, 100, "race", _key(), member_code=code)
            return "applied"
        except PlatformRejected as exc:
            return exc.code

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(attempt, clients))
    assert sorted(outcomes) == ["applied"] + ["member_code_used"] * 9
    assert funded.balance(member) == 400
