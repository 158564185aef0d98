"""pinshang-draw-v1: fairness (chi-square over 100,000 draws), helpers, and garbage input."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.draw import (
    Entry,
    build_proof,
    commitment,
    draw_winners,
    make_nonce,
    make_seed,
    proof_to_json,
    uniform_below,
    verify_proof,
)
from desktop.core.errors import ValidationError

DRAWS = 100_000
# Chi-square critical values at p = 0.001 (upper tail), by degrees of freedom.
CHI2_CRITICAL_P001 = {3: 16.266, 4: 18.467}


def five_seats(leader_excluded: bool) -> list[Entry]:
    rng = random.Random(5)
    return [
        Entry(f"seat{i}", rng.randbytes(16).hex(), not (leader_excluded and i == 0))
        for i in range(5)
    ]


def chi_square(counts: Counter[str], seats: list[str], total: int) -> float:
    expected = total / len(seats)
    return sum((counts[seat] - expected) ** 2 / expected for seat in seats)


@pytest.mark.parametrize("leader_excluded", [False, True])
def test_every_eligible_seat_wins_equally_often(leader_excluded: bool) -> None:
    entries = five_seats(leader_excluded)
    rng = random.Random(2024 + leader_excluded)  # a fresh seed per draw, reproducible run
    counts = Counter(draw_winners(rng.randbytes(32), entries, 1)[0] for _ in range(DRAWS))
    eligible = [e.entry_id for e in entries if e.eligible]
    statistic = chi_square(counts, eligible, DRAWS)
    assert statistic < CHI2_CRITICAL_P001[len(eligible) - 1], (statistic, counts)
    if leader_excluded:
        assert counts["seat0"] == 0


def test_uniform_below_rejects_the_uneven_top_of_the_range() -> None:
    n = 3
    limit = 2**64 - 2**64 % n
    words = iter([limit, 2**64 - 1, limit - 1, 7])
    assert uniform_below(n, words) == (limit - 1) % n
    assert uniform_below(n, words) == 7 % 3
    assert uniform_below(1, iter([2**64 - 1])) == 0


def test_helpers_have_the_published_shapes() -> None:
    seed = make_seed()
    nonce = make_nonce()
    assert len(seed) == 32 and make_seed() != seed
    assert len(nonce) == 32 and nonce == nonce.lower() and int(nonce, 16) >= 0
    assert len(commitment(seed)) == 64


def test_draw_refuses_what_the_verifier_would_refuse() -> None:
    seed = make_seed()
    good = [Entry("a", make_nonce()), Entry("b", make_nonce())]
    with pytest.raises(ValidationError, match="between 1 and"):
        draw_winners(seed, good, 3)
    with pytest.raises(ValidationError, match="not unique"):
        draw_winners(seed, [good[0], good[0]], 1)
    with pytest.raises(ValidationError, match="bad nonce"):
        draw_winners(seed, [Entry("a", "ABCDEF" * 6)], 1)
    with pytest.raises(ValidationError, match="32 bytes"):
        draw_winners(b"short", good, 1)


@given(
    seed=st.binary(min_size=32, max_size=32),
    size=st.integers(min_value=2, max_value=12),
    data=st.data(),
)
def test_any_honest_draw_verifies_and_canonical_json_is_stable(
    seed: bytes, size: int, data: st.DataObject
) -> None:
    entries = [Entry(f"e{i}", seed[i % 32 :].hex()[:32].ljust(32, "0"), True) for i in range(size)]
    k = data.draw(st.integers(min_value=1, max_value=size))
    winners = draw_winners(seed, entries, k)
    assert len(set(winners)) == k
    proof = build_proof("g", seed, entries, k, winners)
    text = proof_to_json(proof)
    assert json.loads(text) == proof
    assert verify_proof(text).ok


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(st.binary(max_size=300) | st.text(max_size=300))
def test_random_bytes_and_text_never_raise_never_pass(data: bytes | str) -> None:
    result = verify_proof(data)
    assert not result.ok and result.sentence


@given(
    st.dictionaries(
        st.sampled_from(["v", "group_id", "commitment", "seed", "k", "entries", "winners"]),
        json_values,
    )
)
def test_random_proof_shaped_objects_never_raise_never_pass(data: dict[str, object]) -> None:
    result = verify_proof(data)
    assert not result.ok and result.sentence
