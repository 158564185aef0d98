"""Cross-check of pinshang-draw-v1 and -v2 against the spec's steps written out by hand (no
draw.py), plus the golden vectors of both versions published in docs/draw.md."""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.core.beacon import sign_beacon
from desktop.core.draw import (
    Entry,
    build_proof,
    draw_winners,
    entries_digest,
    proof_digest,
    verify_proof,
)

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


# --- pinshang-draw-v2: the worked example of docs/draw.md, by hand (hashlib, hmac, json, and
# an Ed25519 implementation, here the cryptography package's) and by the module -----------------

V2_PLATFORM_SECRET = bytes(range(32, 64))  # the example's platform key pair (RFC 8032 seed)
V2_PLATFORM_KEY = "29acbae141bccaf0b22e1a94d34d0bc7361e526d0bfe12c89794bc9322966dd7"
V2_BEACON = ("6df80db2989f2ded0d83e2b7e4fa165b820c9fc382fcbf14aee03d4469697067"
             "e9c09aa8ea13c60fcc0da22be381b894c93a61b38dded53c292a2c41303fd20d")
V2_STREAM_KEY = "b88a83dc785d5ba2eb43e6c8bf36467e10f21029c883b324e0c5a1863a3f43d6"
V2_WINNERS = ["张三", "e"]  # also printed in docs/draw.md
V2_DIGEST = "ff2efcedfc8c623574db5359bf95af82a72296624e4487fb1634bd11a2dd4e03"


def hand_proof_v2() -> dict[str, Any]:
    """docs/draw.md's v2 steps, literally: M, the beacon, K, then v1's steps 4-6 keyed by K."""
    group_id = "G-2024-0001"
    commitment = hashlib.sha256(GOLDEN_SEED).hexdigest()
    text = json.dumps([[e, n] for e, n, _ in GOLDEN_ENTRIES], separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    message = f"pinshang-beacon-v2\n{group_id}\n{commitment}\n".encode() + digest
    secret = Ed25519PrivateKey.from_private_bytes(V2_PLATFORM_SECRET)
    beacon = secret.sign(message)
    key = hmac.new(GOLDEN_SEED, b"pinshang-draw-v2" + beacon, hashlib.sha256).digest()
    assert key.hex() == V2_STREAM_KEY
    return {
        "v": "pinshang-draw-v2", "group_id": group_id, "commitment": commitment,
        "seed": GOLDEN_SEED.hex(), "k": GOLDEN_K,
        "entries": [{"entry_id": e, "nonce": n, "eligible": g} for e, n, g in GOLDEN_ENTRIES],
        "winners": hand_draw(key, GOLDEN_ENTRIES, GOLDEN_K),
        "beacon": beacon.hex(),
        "platform_key": secret.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex(),
    }


def test_v2_golden_vector_matches_hand_computation_and_module() -> None:
    proof = hand_proof_v2()
    assert (proof["platform_key"], proof["beacon"], proof["winners"]) == (V2_PLATFORM_KEY, V2_BEACON, V2_WINNERS)
    entries = [Entry(e, n, g) for e, n, g in GOLDEN_ENTRIES]
    beacon = sign_beacon(Ed25519PrivateKey.from_private_bytes(V2_PLATFORM_SECRET), "G-2024-0001",
                         proof["commitment"], entries_digest(entries))
    assert beacon.hex() == V2_BEACON  # Ed25519 is deterministic: the platform has one beacon to give
    assert draw_winners(GOLDEN_SEED, entries, GOLDEN_K, beacon) == V2_WINNERS
    module_proof = build_proof("G-2024-0001", GOLDEN_SEED, entries, GOLDEN_K, V2_WINNERS, beacon,
                               bytes.fromhex(V2_PLATFORM_KEY))
    assert module_proof == proof
    assert proof_digest(module_proof) == V2_DIGEST
    assert verify_proof(proof, bytes.fromhex(V2_PLATFORM_KEY)).ok


V2_ALTERATIONS = [
    (("beacon",), "00" * 64, "The beacon is not the platform key's signature"),
    (("group_id",), "G-2024-0002", "The beacon is not the platform key's signature"),  # in M: bound
    (("platform_key",), "01" + "00" * 31, "The beacon is not the platform key's signature"),
    (("k",), 2.0, "The field “k” must be an integer"),
    (("winners",), ["d", "c"], "Winner 1 differs: expected 张三, the proof says d"),  # v1's winners
]


@pytest.mark.parametrize(("path", "value", "sentence"), V2_ALTERATIONS)
def test_altering_a_v2_proof_fails_with_the_right_sentence(path: tuple[Any, ...], value: Any, sentence: str) -> None:
    proof = hand_proof_v2()
    proof[path[0]] = value
    result = verify_proof(proof)
    assert not result.ok
    assert result.sentence.startswith(sentence), result.sentence


def test_a_weak_key_and_its_forged_beacon_are_refused() -> None:
    """Under the identity point 01 00…00, R = identity and S = 0 is a valid Ed25519 signature of
    every message (docs/draw.md "Trusted keys"): without the weak-key rule anyone could forge."""
    proof = hand_proof_v2() | {"platform_key": "01" + "00" * 31, "beacon": "01" + "00" * 63}
    result = verify_proof(proof)
    assert result.sentence == ("The beacon is not the platform key's signature over this group, "
                               "commitment and entries")
