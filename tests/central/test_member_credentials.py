"""Members' credentials: the rotating member code (consent) and the phone's access token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from central.errors import ApiError
from central.models import Member, MemberContact, Store
from central.services import members
from central.services.admin import create_member
from desktop.core.member_codes import (
    STEP_SECONDS,
    STEPS_AHEAD,
    STEPS_BEHIND,
    code_for,
    matching_step,
    member_code_text,
    parse_member_code,
    step_at,
)
from tests.central.helpers import Seed

T0 = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)


@given(secret=st.binary(min_size=32, max_size=32), offset=st.integers(-20, 20),
       seconds=st.integers(0, 10**9))
def test_a_code_matches_only_inside_its_window(secret: bytes, offset: int, seconds: int) -> None:
    now = datetime.fromtimestamp(1_900_000_000 + seconds, UTC)
    step = step_at(now) + offset
    code = code_for(secret, "U1", step)
    found = matching_step(secret, "U1", code, now)
    if -STEPS_BEHIND <= offset <= STEPS_AHEAD:
        assert found is not None and code_for(secret, "U1", found) == code
    elif found is not None:  # another step in the window happens to share the 8 digits
        assert found != step


@given(secret=st.binary(min_size=32, max_size=32))
def test_codes_are_bound_to_the_member(secret: bytes) -> None:
    assert code_for(secret, "U1", 5) != code_for(secret, "U2", 5) or code_for(secret, "U1", 6) != code_for(secret, "U2", 6)


def test_the_shown_text_parses_back() -> None:
    text = member_code_text(b"k" * 32, "Uabc", T0)
    parsed = parse_member_code(f"  {text}\n")
    assert parsed is not None and parsed.member_id == "Uabc" and len(parsed.code) == 8
    for bad in ("", "PSM1:Uabc:1234567", "PSM1::12345678", "PSM2:Uabc:12345678", "PSM1:U a:12345678"):
        assert parse_member_code(bad) is None


def _secret(seed: Seed, member_id: str) -> bytes:
    with seed.server.app.state.platform.tx() as session:
        row = session.get(Member, member_id)
        assert row is not None
        return bytes(row.code_secret)


def test_a_member_code_is_good_once_and_only_for_its_member(seed: Seed) -> None:
    platform = seed.server.app.state.platform
    member, other = seed.members[0], seed.members[1]
    now = platform.clock()
    text = member_code_text(_secret(seed, member), member, now)
    with platform.tx() as session:
        assert members.consume_code(session, text, "test", now, member_id=member) == member
    with pytest.raises(ApiError) as replay, platform.tx() as session:
        members.consume_code(session, text, "test", now)
    assert replay.value.code == "member_code_used"
    fresh = member_code_text(_secret(seed, member), member, now + timedelta(seconds=STEP_SECONDS))
    with pytest.raises(ApiError) as wrong_member, platform.tx() as session:
        members.consume_code(session, fresh, "test", now, member_id=other)
    assert wrong_member.value.code == "member_code_invalid"
    stale = member_code_text(_secret(seed, member), member, now - timedelta(minutes=10))
    with pytest.raises(ApiError) as expired, platform.tx() as session:
        members.consume_code(session, stale, "test", now)
    assert expired.value.code == "member_code_invalid"
    guessed = f"PSM1:{member}:00000000"
    with pytest.raises(ApiError), platform.tx() as session:
        members.consume_code(session, guessed, "test", now)


def test_every_member_has_a_secret_of_its_own(seed: Seed) -> None:
    secrets_seen = {_secret(seed, m) for m in seed.members}
    assert len(secrets_seen) == len(seed.members) and all(len(s) == 32 for s in secrets_seen)


def test_member_tokens_replace_each_other(seed: Seed) -> None:
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        first = members.issue_token(session, seed.members[0])
    with platform.tx() as session:
        second = members.issue_token(session, seed.members[0])
    with platform.tx() as session:
        assert members.member_by_token(session, first) is None
        found = members.member_by_token(session, second)
        assert found is not None and found.member_id == seed.members[0]
        assert members.member_by_token(session, "psm_guess") is None
    assert requests.get(f"{seed.server.url}/v1/health", timeout=5).status_code == 200


def test_the_first_counted_contact_locks_the_member(seed: Seed) -> None:
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        fresh = create_member(session, "13900000009", "New")
    with platform.tx() as session:
        members.record_contact(session, fresh, seed.other_store_id, "coin_spend", platform.clock())
    with platform.tx() as session:
        members.record_contact(session, fresh, seed.store_id, "group_enrolment", platform.clock())
        members.record_contact(session, fresh, seed.store_id, "group_enrolment", platform.clock())
    with platform.tx() as session:
        row = session.get(Member, fresh)
        other_merchant = session.get(Store, seed.other_store_id).merchant_id  # type: ignore[union-attr]
        assert row is not None and row.home_merchant_id == other_merchant
        contacts = session.query(MemberContact).filter_by(member_id=fresh).all()
        assert sorted(c.store_id for c in contacts) == sorted([seed.store_id, seed.other_store_id])
