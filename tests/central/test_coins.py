from __future__ import annotations

import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.coin_tokens import decode_unverified, encode_token, verify_token
from desktop.sync.client import PlatformRejected
from tests.central.helpers import MovableClock, Seed, op, paired


def _capture(seq: int, token: dict[str, str], member: str, coins: int, **extra: object) -> tuple:
    payload = {"token_id": token["token_id"], "member_id": member, "coins": coins, "sale_id": f"s{seq}",
               "token": token["token"], "at": token.get("issued_at"), **extra}
    return op(seq, "coins.captured", payload)


@pytest.fixture
def funded(seed: Seed) -> Seed:
    seed.grant(seed.members[0], 500)
    return seed


def test_authorization_reserves_and_verifies_offline(funded: Seed, signing_key: Ed25519PrivateKey,
                                                     clock: MovableClock) -> None:
    client, _ = paired(funded)
    member = funded.members[0]
    token = client.authorize_coins(member, 200, ttl_seconds=600, member_code=funded.fresh_code(member))
    assert token["token"].startswith("PSC1") and token["token"].isalnum()
    check = verify_token(token["token"], signing_key.public_key(), now=clock())
    assert check.ok and check.token is not None and check.token.max_coins == 200
    assert funded.balance(member) == 300
    with pytest.raises(PlatformRejected) as refused:
        client.authorize_coins(member, 301, member_code=funded.fresh_code(member))
    assert refused.value.code == "insufficient_coins"


def test_capture_up_to_the_amount_releases_the_rest_and_only_once(funded: Seed) -> None:
    client, terminal = paired(funded)
    member = funded.members[0]
    token = client.authorize_coins(member, 200, member_code=funded.fresh_code(member))
    results = client.push(terminal, [
        _capture(1, token, member, 201),
        _capture(2, token, member, 150),
        _capture(3, token, member, 10),
    ])["results"]
    assert results[0]["status"] == "rejected" and "beyond" in results[0]["reason"]
    assert results[1]["status"] == "applied"
    assert results[2]["status"] == "rejected" and "already captured" in results[2]["reason"]
    assert funded.balance(member) == 350


def test_capture_after_expiry_is_rejected_and_coins_come_back(funded: Seed, clock: MovableClock) -> None:
    client, terminal = paired(funded)
    member = funded.members[0]
    token = client.authorize_coins(member, 100, ttl_seconds=60, member_code=funded.fresh_code(member))
    late = (clock.now.replace(microsecond=0)).isoformat()
    clock.advance(minutes=2)
    late_sale = _capture(1, token, member, 50, at=clock.now.isoformat())
    assert client.push(terminal, [late_sale])["results"][0]["status"] == "rejected"
    clock.advance(hours=2)  # beyond the grace: the reservation lapses on the next read
    in_time_but_too_late = _capture(2, token, member, 50, at=late)
    result = client.push(terminal, [in_time_but_too_late])["results"][0]
    assert result["status"] == "rejected" and "expired" in result["reason"]
    assert funded.balance(member) == 500


def test_forged_or_altered_token_is_rejected(funded: Seed, clock: MovableClock) -> None:
    client, terminal = paired(funded)
    member = funded.members[0]
    token = client.authorize_coins(member, 100, member_code=funded.fresh_code(member))
    genuine = decode_unverified(token["token"])
    assert genuine is not None
    forged = encode_token(genuine, Ed25519PrivateKey.generate())
    altered = token["token"][:-3] + ("AAA" if token["token"][-3:] != "AAA" else "BBB")
    results = client.push(terminal, [
        _capture(1, {**token, "token": forged}, member, 50),
        _capture(2, {**token, "token": altered}, member, 50),
        _capture(3, {**token, "token_id": uuid.uuid4().hex, "token": forged}, member, 50),
    ])["results"]
    assert all(r["status"] == "rejected" for r in results)
    assert "forged" in results[0]["reason"]
    assert funded.balance(member) == 400  # still reserved, nothing captured


def test_online_capture_is_idempotent_by_key(funded: Seed) -> None:
    client, _ = paired(funded)
    member = funded.members[0]
    code = funded.fresh_code(member)
    first = client.capture_coins(member, 40, "sale-1", idempotency_key="key-0001", member_code=code)
    again = client.capture_coins(member, 40, "sale-1", idempotency_key="key-0001", member_code=code)
    assert first == again and funded.balance(member) == 460
    with pytest.raises(PlatformRejected):
        client.capture_coins(member, 41, "sale-1", idempotency_key="key-0001", member_code=code)
    code = funded.fresh_code(member)
    with pytest.raises(PlatformRejected) as refused:
        client.capture_coins(member, 1000, "sale-2", idempotency_key="key-0002", member_code=code)
    assert refused.value.code == "insufficient_coins"
    with pytest.raises(PlatformRejected) as again_refused:  # the stored refusal is answered again, not retried
        client.capture_coins(member, 1000, "sale-2", idempotency_key="key-0002", member_code=code)
    assert again_refused.value.code == "insufficient_coins"
    assert funded.balance(member) == 460


def test_online_capture_of_a_token_and_then_offline_capture_refused(funded: Seed) -> None:
    client, terminal = paired(funded)
    member = funded.members[0]
    token = client.authorize_coins(member, 100, member_code=funded.fresh_code(member))
    answer = client.capture_coins(member, 60, "sale-9", "key-0003", token=token["token"])
    assert answer["captured_coins"] == 60 and answer["released_coins"] == 40
    assert client.push(terminal, [_capture(1, token, member, 60)])["results"][0]["status"] == "rejected"
    assert funded.balance(member) == 440
    revoked = client.pull()["revoked_authorizations"]
    assert revoked[0]["token_id"] == token["token_id"]
