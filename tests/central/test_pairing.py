from __future__ import annotations

from datetime import timedelta

import pytest
import requests

from desktop.sync.client import PlatformClient, PlatformRejected
from tests.central.helpers import MovableClock, Seed, new_public_key, paired


def test_pairing_returns_identity_and_a_working_token(seed: Seed) -> None:
    client = PlatformClient(seed.server.url)
    answer = client.pair(seed.pairing_code(), new_public_key(), "Counter 1")
    assert answer["store"]["id"] == seed.store_id
    assert answer["merchant"]["id"] == seed.merchant_id
    assert len(answer["platform_public_key"]) == 44
    assert client.pull()["reset"] is True


def test_a_pairing_code_works_once(seed: Seed) -> None:
    code = seed.pairing_code()
    PlatformClient(seed.server.url).pair(code, new_public_key(), "first")
    with pytest.raises(PlatformRejected) as refused:
        PlatformClient(seed.server.url).pair(code, new_public_key(), "second")
    assert refused.value.status == 403 and "already used" in refused.value.reason


def test_an_expired_pairing_code_is_refused(seed: Seed, clock: MovableClock) -> None:
    code = seed.pairing_code(ttl=timedelta(minutes=5))
    clock.advance(minutes=6)
    with pytest.raises(PlatformRejected) as refused:
        PlatformClient(seed.server.url).pair(code, new_public_key(), "late")
    assert "expired" in refused.value.reason


def test_bad_public_key_is_refused_and_code_stays_usable(seed: Seed) -> None:
    code = seed.pairing_code()
    with pytest.raises(PlatformRejected) as refused:
        PlatformClient(seed.server.url).pair(code, "bm90IGEga2V5", "bad")
    assert refused.value.status == 422
    PlatformClient(seed.server.url).pair(code, new_public_key(), "good")


def test_every_other_endpoint_needs_a_valid_token(seed: Seed) -> None:
    response = requests.get(seed.server.url + "/v1/pull", timeout=5)
    assert response.status_code == 401 and response.json()["reason"] == "missing bearer token"
    with pytest.raises(PlatformRejected) as refused:
        PlatformClient(seed.server.url, token="forged").pull()
    assert refused.value.status == 401


def test_revoked_token_is_refused(seed: Seed) -> None:
    from central.services.pairing import revoke_terminal

    client, terminal_id = paired(seed)
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        revoke_terminal(session, terminal_id, platform.clock())
    with pytest.raises(PlatformRejected) as refused:
        client.pull()
    assert refused.value.code == "token_revoked"
