"""Privacy (finding 13): a terminal gets only the members it needs, phones masked, and looks a
typed phone up by hash or by asking the platform (rate-limited, this merchant's members only)."""

from __future__ import annotations

import json

import pytest

from central.services import admin, members
from central.services.member_privacy import LOOKUPS_PER_MINUTE
from desktop.core.phones import mask_phone, phone_hash
from desktop.sync.client import PlatformRejected
from tests.central.helpers import MovableClock, Seed, paired


def _all_phones(seed: Seed) -> list[str]:
    from sqlalchemy import select

    from central.models import Member

    with seed.server.app.state.platform.tx() as session:
        return list(session.scalars(select(Member.phone)))


def _stranger(seed: Seed, phone: str = "13900000009", merchant: str | None = None) -> str:
    """A member of no merchant of these stores (or of `merchant`)."""
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        return admin.create_member(session, phone, "Stranger", merchant)


def _count_at(seed: Seed, member_id: str, store_id: str) -> None:
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        members.record_contact(session, member_id, store_id, "group_enrolment", platform.clock())


def test_pull_has_no_full_phone_and_no_member_of_another_merchant(seed: Seed) -> None:
    other_merchant = _tea_merchant(seed)
    elsewhere = _stranger(seed, "13900000009", other_merchant)
    unlocked = _stranger(seed, "13900000008")
    client, _ = paired(seed)
    answer = client.pull()
    text = json.dumps(answer)
    for phone in _all_phones(seed):
        assert phone not in text, "a full phone number reached the terminal"
    ids = {m["member_id"] for m in answer["members"]}
    assert ids == set(seed.members) and elsewhere not in ids and unlocked not in ids
    first = next(m for m in answer["members"] if m["member_id"] == seed.members[0])
    assert first["phone_masked"] == "138****0000" and "phone" not in first
    key = bytes.fromhex(answer["phone_key"])
    assert first["phone_hash"] == phone_hash(key, "13800000000")
    tea, _ = paired(seed, "Tea counter", store_id=seed.other_store_id)
    tea_answer = tea.pull()
    assert {m["member_id"] for m in tea_answer["members"]} == {elsewhere}
    assert tea_answer["phone_key"] != answer["phone_key"]  # hashes of two merchants are unrelated


def _tea_merchant(seed: Seed) -> str:
    from central.models import Store

    with seed.server.app.state.platform.tx() as session:
        store = session.get(Store, seed.other_store_id)
        assert store is not None
        return store.merchant_id


def test_a_member_counted_at_the_store_appears_in_the_next_pull(seed: Seed) -> None:
    tea, _ = paired(seed, "Tea counter", store_id=seed.other_store_id)
    first = tea.pull()
    assert seed.members[0] not in {m["member_id"] for m in first["members"]}
    _count_at(seed, seed.members[0], seed.other_store_id)
    later = tea.pull(first["cursor"])
    assert [(m["member_id"], m["phone_masked"]) for m in later["members"]] == [(seed.members[0], "138****0000")]
    assert tea.pull(later["cursor"])["members"] == []
    assert seed.members[0] in {m["member_id"] for m in tea.pull()["members"]}  # and in a full reload


def test_lookup_answers_only_this_merchants_members_masked(seed: Seed) -> None:
    elsewhere = _stranger(seed, "13900000009", _tea_merchant(seed))
    client, _ = paired(seed)
    found = client.lookup_member("138 0000 0001")
    assert found == {"member_id": seed.members[1], "phone_masked": "138****0001", "name": "Member 1"}
    for phone in ("13900000009", "13700000000"):  # another merchant's member, and nobody: alike
        with pytest.raises(PlatformRejected) as refused:
            client.lookup_member(phone)
        assert refused.value.status == 404 and refused.value.code == "member_not_found"
    _count_at(seed, elsewhere, seed.store_id)  # once counted here, this store may know them
    assert client.lookup_member("+8613900000009")["member_id"] == elsewhere


def test_lookup_is_rate_limited_per_terminal(seed: Seed, clock: MovableClock) -> None:
    client, _ = paired(seed)
    second, _ = paired(seed, "Counter 2")
    refusals = 0
    for i in range(LOOKUPS_PER_MINUTE + 5):
        try:
            client.lookup_member(f"137{i:08d}")
        except PlatformRejected as exc:
            assert exc.code in ("member_not_found", "too_many_lookups")
            refusals += exc.code == "too_many_lookups"
    assert refusals == 5  # misses count too: no enumeration of the phone space
    assert second.lookup_member("13800000001")["member_id"] == seed.members[1]
    clock.advance(minutes=1, seconds=1)
    assert client.lookup_member("13800000001")["member_id"] == seed.members[1]


def test_masking() -> None:
    assert mask_phone("13800000001") == "138****0001"
    assert mask_phone("+86 138-0000-0001") == "138****0001"
    assert mask_phone("12345") == "*****"
