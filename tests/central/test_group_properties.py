"""Property tests where coins and tokens are involved: whatever grants a terminal sends for a
drawn group, no member gets more than the deal's coins per loser seat they hold; a join token
verifies only for the exact store, group, commitment and key it was signed for."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.join_token import make_join_token, verify_join_token
from tests.central.group_flow import balance, counter, honest_group
from tests.central.helpers import Seed

KEY = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()
ids = st.text("abcdefgABC0123456789-_.:", min_size=1, max_size=20)


@given(store=ids, group=ids, commit=st.text("0123456789abcdef", min_size=64, max_size=64),
       flip=st.integers(min_value=0, max_value=85), other_store=ids)
def test_a_join_token_verifies_only_for_what_it_was_signed_for(store: str, group: str, commit: str,
                                                                flip: int, other_store: str) -> None:
    token = make_join_token(KEY, store, group, commit)
    assert len(token) == 86 and verify_join_token(KEY.public_key(), token, store, group, commit)
    assert not verify_join_token(OTHER.public_key(), token, store, group, commit)
    if other_store != store:
        assert not verify_join_token(KEY.public_key(), token, other_store, group, commit)
    assert not verify_join_token(KEY.public_key(), token, store, group + "x", commit)
    changed = token[:flip] + ("A" if token[flip] != "A" else "B") + token[flip + 1:]
    assert not verify_join_token(KEY.public_key(), changed, store, group, commit)  # canonical text only


grant = st.fixed_dictionaries({"who": st.integers(0, 6), "coins": st.sampled_from([10, 10, 10, 1, 11, 2**32 - 1]),
                               "form": st.sampled_from(["entry", "member", "phone", "stranger"])})


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grants=st.lists(grant, max_size=10))
def test_random_grants_never_credit_more_than_the_losers_consolation(seed: Seed, grants: list[dict]) -> None:
    c = counter(seed)
    phones = [None, None, "13700000501", "13700000502"]
    group = honest_group(c, [seed.members[0], seed.members[1], None, None], phones)
    before = {m: balance(seed, m) for m in seed.members}
    group.draw()
    payload = []
    for g in grants:
        if g["form"] == "stranger" or g["who"] >= len(group.entries):
            payload.append({"member_id": seed.members[2], "coins": g["coins"]})
            continue
        entry = group.entries[g["who"]]
        if g["form"] == "entry":
            payload.append({"entry_id": entry["entry_id"], "coins": g["coins"]})
        elif entry["member_id"] and g["form"] == "member":
            payload.append({"member_id": entry["member_id"], "coins": g["coins"]})
        else:
            payload.append({"member_id": entry["phone"] or entry["member_id"], "coins": g["coins"]})
    result = group.settle(grants=payload)
    assert result["status"] == "applied"
    losers = {e["entry_id"] for e in group.losers()}
    for i, entry in enumerate(group.entries[:2]):
        gained = balance(seed, seed.members[i]) - before[seed.members[i]]
        assert gained in ((0, 10) if entry["entry_id"] in losers else (0,))
    assert balance(seed, seed.members[2]) == before[seed.members[2]]  # never joined
