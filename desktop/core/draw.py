"""The fair draw `pinshang-draw-v1`: commit-reveal with a public, exactly specified algorithm.

Every step follows docs/draw.md to the byte, so that anyone with the proof
JSON can recompute the winners with a few lines of any language:

1. seed = 32 random bytes; commitment = hex(SHA-256(seed)), published when the group opens.
2. Entries (entry_id, nonce, eligible) in join order; nonce = lower-case hex of >= 16 bytes.
3. D = SHA-256(UTF-8(json.dumps([[entry_id, nonce], ...], separators=(",", ":"),
   ensure_ascii=False))) over all entries, eligible or not.
4. block_i = HMAC-SHA256(key=seed, msg=D || uint32_be(i)), read as uint64 big-endian words.
5. uniform(n): limit = 2**64 - 2**64 % n; draw words until x < limit; return x % n.
6. pool = eligible entry_ids in join order; for j < K: swap pool[j], pool[j + uniform(m - j)].

`pinshang-draw-v2` (desktop/core/beacon.py) keys the same stream with
K = HMAC-SHA256(seed, "pinshang-draw-v2" || beacon), the beacon being the platform's signature
over the group, its commitment and D. `verify_proof` checks a proof of either version and never
raises: it says in one sentence what does not match.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.beacon import BEACON_BYTES, KEY_BYTES, beacon_valid, stream_key
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

VERSION = "pinshang-draw-v1"
VERSION_V2 = "pinshang-draw-v2"
VERSIONS = (VERSION, VERSION_V2)
SEED_BYTES = 32
NONCE_BYTES = 16
MIN_NONCE_HEX = 2 * NONCE_BYTES
_WORD = 8  # bytes per uint64 read from the stream
_TWO_64 = 2**64
_HEX = frozenset("0123456789abcdef")

PROOF_FIELDS = ("v", "group_id", "commitment", "seed", "k", "entries", "winners")
PROOF_FIELDS_V2 = (*PROOF_FIELDS, "beacon", "platform_key")
ENTRY_FIELDS = ("entry_id", "nonce", "eligible")


@dataclass(frozen=True)
class Entry:
    """One seat in the draw, in join order. `eligible` is False only for an excluded leader."""

    entry_id: str
    nonce: str
    eligible: bool = True


def make_seed() -> bytes:
    return secrets.token_bytes(SEED_BYTES)


def commitment(seed: bytes) -> str:
    """What the owner publishes before anyone joins: hex(SHA-256(seed))."""
    return hashlib.sha256(seed).hexdigest()


def make_nonce() -> str:
    return secrets.token_hex(NONCE_BYTES)


def is_valid_nonce(nonce: object) -> bool:
    """Lower-case hex of whole bytes, at least 16 of them."""
    return (
        isinstance(nonce, str)
        and len(nonce) >= MIN_NONCE_HEX
        and len(nonce) % 2 == 0
        and set(nonce) <= _HEX
    )


def entries_digest(entries: Sequence[Entry]) -> bytes:
    """Step 3: D over every entry (eligible or not) in join order."""
    pairs = [[entry.entry_id, entry.nonce] for entry in entries]
    text = json.dumps(pairs, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).digest()


def random_words(seed: bytes, digest: bytes) -> Iterator[int]:
    """Step 4: the HMAC-SHA256 stream as consecutive unsigned 64-bit big-endian integers (v1's
    key is the seed; v2's is `beacon.stream_key(seed, beacon)`)."""
    counter = 0
    while True:
        block = hmac.new(seed, digest + counter.to_bytes(4, "big"), hashlib.sha256).digest()
        for start in range(0, len(block), _WORD):
            yield int.from_bytes(block[start : start + _WORD], "big")
        counter += 1


def uniform_below(n: int, words: Iterator[int]) -> int:
    """Step 5: an unbiased integer in [0, n) by rejecting the uneven top of the 64-bit range."""
    if n < 1:
        raise ValueError("n must be at least 1")
    limit = _TWO_64 - (_TWO_64 % n)
    for word in words:
        if word < limit:
            return word % n
    raise RuntimeError("the random stream ended")  # unreachable: the stream is endless


def eligible_pool(entries: Sequence[Entry]) -> list[str]:
    return [entry.entry_id for entry in entries if entry.eligible]


def draw_winners(seed: bytes, entries: Sequence[Entry], k: int,
                 beacon: bytes | None = None) -> list[str]:
    """Step 6: a partial Fisher-Yates shuffle of the eligible entry ids; winners in draw order.
    With the platform's `beacon` this is pinshang-draw-v2 (the stream keyed by seed and beacon)."""
    check_draw_input(seed, entries, k)
    pool = eligible_pool(entries)
    key = seed if beacon is None else stream_key(seed, beacon)
    words = random_words(key, entries_digest(entries))
    for j in range(k):
        r = uniform_below(len(pool) - j, words)
        pool[j], pool[j + r] = pool[j + r], pool[j]
    return pool[:k]


def check_draw_input(seed: bytes, entries: Sequence[Entry], k: int) -> None:
    """Refuse a draw the verifier would refuse: the owner learns it before, not after."""
    if len(seed) != SEED_BYTES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The draw seed must be 32 bytes"))
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry.entry_id, str) or not entry.entry_id or entry.entry_id in seen:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Entry id “{id}” is empty or not unique"),
                id=entry.entry_id,
            )
        if not is_valid_nonce(entry.nonce):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Entry {id} has a bad nonce"), id=entry.entry_id
            )
        seen.add(entry.entry_id)
    eligible = len(eligible_pool(entries))
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= eligible:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number of winners must be between 1 and {m}"),
            m=eligible,
        )


def build_proof(
    group_id: str, seed: bytes, entries: Sequence[Entry], k: int, winners: Sequence[str],
    beacon: bytes | None = None, platform_key: bytes | None = None,
) -> dict[str, Any]:
    """The proof JSON object of docs/draw.md (The proof), with exactly these field names; a v2
    proof when the platform's `beacon` and its `platform_key` are given."""
    proof: dict[str, Any] = {
        "v": VERSION if beacon is None else VERSION_V2,
        "group_id": group_id,
        "commitment": commitment(seed),
        "seed": seed.hex(),
        "k": k,
        "entries": [
            {"entry_id": e.entry_id, "nonce": e.nonce, "eligible": e.eligible} for e in entries
        ],
        "winners": list(winners),
    }
    if beacon is not None:
        if platform_key is None:
            raise ValueError("a v2 proof names the platform key of its beacon")
        proof["beacon"], proof["platform_key"] = beacon.hex(), platform_key.hex()
    return proof


def proof_to_json(proof: dict[str, Any]) -> str:
    """Canonical text: sorted keys, no spaces, UTF-8 characters kept as they are."""
    return json.dumps(proof, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def proof_digest(proof: dict[str, Any]) -> str:
    """Hex SHA-256 of the canonical JSON: what the draw slip's QR can carry."""
    return hashlib.sha256(proof_to_json(proof).encode("utf-8")).hexdigest()


# --- checking a proof ------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyResult:
    """`ok`, and when not ok the first thing that does not match, as one plain sentence.

    `template` is the English message marked for translation and `params` fills it in, so the
    UI can show it translated; `sentence` is the English text the CLI prints.
    """

    ok: bool
    template: str
    params: dict[str, Any]

    @property
    def sentence(self) -> str:
        return self.template.format(**self.params)


class _Reject(Exception):
    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template)
        self.template = template
        self.params = params


def verify_proof(data: str | bytes | dict[str, Any],
                 platform_key: bytes | None = None) -> VerifyResult:
    """Check a `pinshang-draw-v1` or `-v2` proof: commitment, inputs, the beacon's signature
    (v2; under `platform_key` when given: a beacon signed under any other key is refused), and
    every winner recomputed.

    Never raises, whatever `data` holds; the result names exactly what fails.
    """
    try:
        proof = _parse(data)
        winners = _check_and_draw(proof, platform_key)
        _compare_winners(winners, proof["winners"])
    except _Reject as reject:
        return VerifyResult(False, reject.template, reject.params)
    except ValidationError as error:  # belt and braces: the checks above mirror draw_winners'
        return VerifyResult(False, error.message, error.params)
    return VerifyResult(
        True,
        QT_TRANSLATE_NOOP("errors", "The draw proof checks out: winners {winners}"),
        {"winners": ", ".join(winners)},
    )


def _parse(data: object) -> dict[str, Any]:
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise _Reject(QT_TRANSLATE_NOOP("errors", "The proof is not UTF-8 text")) from None
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except (ValueError, RecursionError):
            raise _Reject(QT_TRANSLATE_NOOP("errors", "The proof is not valid JSON")) from None
    if not isinstance(data, dict):
        raise _Reject(QT_TRANSLATE_NOOP("errors", "The proof must be a JSON object"))
    return data


def _check_and_draw(proof: dict[str, Any], expected_key: bytes | None) -> list[str]:
    if proof.get("v") not in VERSIONS:
        raise _Reject(
            QT_TRANSLATE_NOOP("errors", "Wrong version {found!r}: this checker knows {expected}"),
            found=proof.get("v"),
            expected=" and ".join(VERSIONS),
        )
    v2 = proof["v"] == VERSION_V2
    _check_fields(proof, v2)
    seed = _check_seed(proof["seed"], proof["commitment"])
    entries = _check_entries(proof["entries"])
    _check_k(proof["k"], entries)
    beacon = _check_beacon(proof, entries, expected_key) if v2 else None
    return draw_winners(seed, entries, proof["k"], beacon)


def _check_beacon(proof: dict[str, Any], entries: list[Entry], expected_key: bytes | None) -> bytes:
    key = _hex_field(proof, "platform_key", KEY_BYTES)
    if expected_key is not None and key != expected_key:
        raise _Reject(
            QT_TRANSLATE_NOOP(
                "errors",
                "The beacon is signed under the key {found}, not the platform's key {expected}",
            ),
            found=key.hex(),
            expected=expected_key.hex(),
        )
    beacon = _hex_field(proof, "beacon", BEACON_BYTES)
    if not beacon_valid(key, beacon, proof["group_id"], proof["commitment"], entries_digest(entries)):
        raise _Reject(
            QT_TRANSLATE_NOOP(
                "errors",
                "The beacon is not the platform key's signature over this group, commitment and entries",
            )
        )
    return beacon


def _hex_field(proof: dict[str, Any], name: str, size: int) -> bytes:
    value = proof[name]
    if len(value) != 2 * size or not set(value) <= _HEX:
        raise _Reject(
            QT_TRANSLATE_NOOP(
                "errors", "The field “{field}” must be {digits} lower-case hex digits ({size} bytes)"
            ),
            field=name,
            digits=2 * size,
            size=size,
        )
    return bytes.fromhex(value)


def _check_fields(proof: dict[str, Any], v2: bool) -> None:
    expected_types: dict[str, tuple[type, str]] = {
        "group_id": (str, "a string"),
        "commitment": (str, "a string"),
        "seed": (str, "a string"),
        "k": (int, "an integer"),
        "entries": (list, "a list"),
        "winners": (list, "a list"),
    }
    if v2:
        expected_types |= {"beacon": (str, "a string"), "platform_key": (str, "a string")}
    for name, (kind, kind_text) in expected_types.items():
        if name not in proof:
            raise _Reject(QT_TRANSLATE_NOOP("errors", "The field “{field}” is missing"), field=name)
        value = proof[name]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _Reject(
                QT_TRANSLATE_NOOP("errors", "The field “{field}” must be {kind}"),
                field=name,
                kind=kind_text,
            )
    extra = sorted(set(proof) - set(PROOF_FIELDS_V2 if v2 else PROOF_FIELDS))
    if extra:
        raise _Reject(QT_TRANSLATE_NOOP("errors", "Unexpected field “{field}”"), field=extra[0])
    if not all(isinstance(winner, str) for winner in proof["winners"]):
        raise _Reject(QT_TRANSLATE_NOOP("errors", "Every winner must be an entry id string"))


def _check_seed(seed_hex: str, published: str) -> bytes:
    if len(seed_hex) != 2 * SEED_BYTES or not set(seed_hex) <= _HEX:
        raise _Reject(
            QT_TRANSLATE_NOOP("errors", "The seed must be 64 lower-case hex digits (32 bytes)")
        )
    seed = bytes.fromhex(seed_hex)
    if commitment(seed) != published:
        raise _Reject(
            QT_TRANSLATE_NOOP(
                "errors",
                "Commitment mismatch: SHA-256 of the seed is {actual}, the proof's commitment is {published}",
            ),
            actual=commitment(seed),
            published=published,
        )
    return seed


def _check_entries(raw_entries: list[Any]) -> list[Entry]:
    entries: list[Entry] = []
    seen: set[str] = set()
    for position, raw in enumerate(raw_entries, start=1):
        entry = _check_entry(position, raw)
        if entry.entry_id in seen:
            raise _Reject(
                QT_TRANSLATE_NOOP("errors", "Duplicate entry id “{id}”"), id=entry.entry_id
            )
        seen.add(entry.entry_id)
        entries.append(entry)
    return entries


def _check_entry(position: int, raw: Any) -> Entry:
    if not isinstance(raw, dict) or set(raw) != set(ENTRY_FIELDS):
        raise _Reject(
            QT_TRANSLATE_NOOP(
                "errors", "Entry {n} must be an object with entry_id, nonce and eligible"
            ),
            n=position,
        )
    entry_id, nonce, eligible = raw["entry_id"], raw["nonce"], raw["eligible"]
    if not isinstance(entry_id, str) or not entry_id:
        raise _Reject(
            QT_TRANSLATE_NOOP("errors", "Entry {n} has an empty or non-string entry_id"), n=position
        )
    if not isinstance(eligible, bool):
        raise _Reject(
            QT_TRANSLATE_NOOP("errors", "Entry {id}: eligible must be true or false"), id=entry_id
        )
    if not is_valid_nonce(nonce):
        raise _Reject(
            QT_TRANSLATE_NOOP(
                "errors",
                "Entry {id} has a bad nonce: it must be lower-case hex of at least 16 bytes",
            ),
            id=entry_id,
        )
    return Entry(entry_id, nonce, eligible)


def _check_k(k: int, entries: list[Entry]) -> None:
    eligible = len(eligible_pool(entries))
    if not 1 <= k <= eligible:
        raise _Reject(
            QT_TRANSLATE_NOOP(
                "errors",
                "k is {k}, out of range: it must be between 1 and the {m} eligible entries",
            ),
            k=k,
            m=eligible,
        )


def _compare_winners(expected: list[str], claimed: list[str]) -> None:
    for index, (mine, theirs) in enumerate(zip(expected, claimed, strict=False), start=1):
        if mine != theirs:
            raise _Reject(
                QT_TRANSLATE_NOOP(
                    "errors", "Winner {i} differs: expected {expected}, the proof says {found}"
                ),
                i=index,
                expected=mine,
                found=theirs,
            )
    if len(expected) != len(claimed):
        raise _Reject(
            QT_TRANSLATE_NOOP(
                "errors", "Wrong number of winners: the proof lists {found}, k is {k}"
            ),
            found=len(claimed),
            k=len(expected),
        )
