"""Cross-check of pinshang-draw-v1 against the spec's steps written out by hand (no draw.py),
plus the golden vector published in docs/draw.md."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from typing import Any

import pytest

from desktop.core.draw import Entry, build_proof, draw_winners, proof_digest, verify_proof

GOLDEN_SEED = bytes(range(32))
GOLDEN_ENTRIES = [
    ("leader", "000102030405060708090a0b0c0d0e0f", False),
    ("b", "101112131415161718191a1b1c1d1e1f", True),
    ("c", "202122232425262728292a2b2c2d2e2f", True),
    ("d", "303132333435363738393a3b3c3d3e3f", True),
    ("e", "404142434445464748494a4b4c4d4e4f", True),
    ("张三", "505152535455565758595a5b5c5d5e5f", True),
]
GOLDEN_K = 2
GOLDEN_DIGEST = "6b319eea129e2f95ef09a3c1d4d609cab20999d91d51d29df305ee02aa4e58bc"
GOLDEN_WINNERS = ["d", "c"]  # also printed in docs/draw.md


def hand_draw(seed: bytes, entries: list[tuple[str, str, bool]], k: int) -> list[str]:
    """docs/draw.md steps 3-6, literally."""
    text = json.dumps([[e, n] for e, n, _ in entries], separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    words: list[int] = []
    counter = 0

    def next_word() -> int:
        nonlocal counter
        if not words:
            block = hmac.new(seed, digest + counter.to_bytes(4, "big"), hashlib.sha256).digest()
            words.extend(int.from_bytes(block[i : i + 8], "big") for i in range(0, 32, 8))
            counter += 1
        return words.pop(0)

    def uniform(n: int) -> int:
        limit = 2**64 - (2**64 % n)
        while True:
            x = next_word()
            if x < limit:
                return x % n

    pool = [e for e, _, eligible in entries if eligible]
    for j in range(k):
        r = uniform(len(pool) - j)
        pool[j], pool[j + r] = pool[j + r], pool[j]
    return pool[:k]


def hand_proof() -> dict[str, Any]:
    return {
        "v": "pinshang-draw-v1",
        "group_id": "G-2024-0001",
        "commitment": hashlib.sha256(GOLDEN_SEED).hexdigest(),
        "seed": GOLDEN_SEED.hex(),
        "k": GOLDEN_K,
        "entries": [{"entry_id": e, "nonce": n, "eligible": g} for e, n, g in GOLDEN_ENTRIES],
        "winners": hand_draw(GOLDEN_SEED, GOLDEN_ENTRIES, GOLDEN_K),
    }


def test_golden_vector_matches_hand_computation_and_module() -> None:
    entries = [Entry(e, n, g) for e, n, g in GOLDEN_ENTRIES]
    assert hand_draw(GOLDEN_SEED, GOLDEN_ENTRIES, GOLDEN_K) == GOLDEN_WINNERS
    assert draw_winners(GOLDEN_SEED, entries, GOLDEN_K) == GOLDEN_WINNERS
    module_proof = build_proof("G-2024-0001", GOLDEN_SEED, entries, GOLDEN_K, GOLDEN_WINNERS)
    assert module_proof == hand_proof()
    assert proof_digest(module_proof) == GOLDEN_DIGEST


def test_hand_made_proof_is_accepted_as_dict_text_and_bytes() -> None:
    proof = hand_proof()
    text = json.dumps(proof, ensure_ascii=False, indent=2)
    for form in (proof, text, text.encode("utf-8")):
        result = verify_proof(form)
        assert result.ok, result.sentence


def _alter(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    proof = copy.deepcopy(hand_proof())
    target: Any = proof
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return proof


OTHER_SEED = bytes(32)
ALTERATIONS = [
    (("seed",), OTHER_SEED.hex(), "Commitment mismatch: SHA-256 of the seed is "),
    (("commitment",), "ab" * 32, "Commitment mismatch"),
    (("entries", 1, "nonce"), "f" * 32, "Winner 1 differs: expected "),
    (("entries", 1, "nonce"), "F" * 32, "Entry b has a bad nonce"),
    (("entries", 1, "nonce"), "ab" * 15, "Entry b has a bad nonce"),
    (("entries", 2, "entry_id"), "b", "Duplicate entry id “b”"),
    (("entries", 0, "eligible"), True, "Winner 1 differs: expected "),
    (("k",), 1, "Wrong number of winners: the proof lists 2, k is 1"),
    (("k",), 6, "k is 6, out of range: it must be between 1 and the 5 eligible entries"),
    (("k",), 0, "k is 0, out of range"),
    (("k",), "2", "The field “k” must be an integer"),
    (("winners", 0), "c", "Winner 1 differs: expected d, the proof says c"),
    (("winners", 1), "leader", "Winner 2 differs: expected c, the proof says leader"),
    (("winners",), ["d"], "Wrong number of winners: the proof lists 1, k is 2"),
    (("v",), "pinshang-draw-v3", "Wrong version 'pinshang-draw-v3'"),
]


@pytest.mark.parametrize(("path", "value", "sentence"), ALTERATIONS)
def test_altering_one_field_fails_with_the_right_sentence(
    path: tuple[Any, ...], value: Any, sentence: str
) -> None:
    result = verify_proof(_alter(path, value))
    assert not result.ok
    assert result.sentence.startswith(sentence), result.sentence


def test_reordering_entries_changes_the_draw() -> None:
    proof = hand_proof()
    entries = proof["entries"]
    entries[1], entries[2] = entries[2], entries[1]  # b and c swap places in the join order
    result = verify_proof(proof)
    assert not result.ok
    assert result.sentence.startswith("Winner 1 differs: expected "), result.sentence


def test_group_id_is_a_label_not_an_input() -> None:
    """docs/draw.md binds a draw to its group through the published commitment, not through group_id:
    docs/draw.md says so plainly."""
    assert verify_proof(_alter(("group_id",), "another group")).ok
    assert not verify_proof(_alter(("group_id",), 7)).ok


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        ("{not json", "The proof is not valid JSON"),
        (b"\xff\xfe", "The proof is not UTF-8 text"),
        ("[1, 2]", "The proof must be a JSON object"),
        ('{"v": "pinshang-draw-v1"}', "The field “group_id” is missing"),
        ("[" * 100_000, "The proof is not valid JSON"),
    ],
)
def test_garbage_gets_a_sentence(data: Any, sentence: str) -> None:
    result = verify_proof(data)
    assert not result.ok
    assert result.sentence == sentence


def test_missing_and_extra_fields_are_named() -> None:
    proof = hand_proof()
    del proof["seed"]
    assert verify_proof(proof).sentence == "The field “seed” is missing"
    extra = hand_proof() | {"note": "hi"}
    assert verify_proof(extra).sentence == "Unexpected field “note”"
    bad_entry = _alter(("entries", 3), {"entry_id": "d", "nonce": "a" * 32})
    assert verify_proof(bad_entry).sentence.startswith("Entry 4 must be an object")
