"""The browser's verifier (central/phone/static/drawcheck.js, written from docs/draw.md) agrees
with `pinshang verify-draw` (desktop.core.draw.verify_proof) on 1,000 random proofs of both
versions, valid and tampered: the same verdict and the same sentence. Run in node for the bulk."""

from __future__ import annotations

import json
import os
import random
import secrets
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.core import ed25519_keys as ed
from desktop.core.beacon import sign_beacon
from desktop.core.draw import (
    Entry,
    build_proof,
    draw_winners,
    entries_digest,
    proof_to_json,
    verify_proof,
)

HERE = Path(__file__).parent
NODE = shutil.which("node") or "/usr/bin/node"
KEY = Ed25519PrivateKey.generate()
RAW_KEY = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
# Keys nobody holds a private key for (docs/draw.md "Trusted keys"): the identity (small order),
# the order-2 point (0, -1), y = p + 1 (not canonical), x = 0 with the sign bit set, and an
# honest key plus the order-2 point (a small-order component). Under the identity the forged
# beacon R = identity, S = 0 verifies for any message.
IDENTITY_KEY = "01" + "00" * 31
FORGED_BEACON = "01" + "00" * 63
ORDER_TWO = "ec" + "ff" * 30 + "7f"


def _encode(point: tuple[int, int, int, int]) -> str:
    x, y, z, _ = point
    inv = pow(z, -1, ed.P)
    x, y = x * inv % ed.P, y * inv % ed.P
    return (y | (x & 1) << 255).to_bytes(32, "little").hex()


WEAK_KEYS = [IDENTITY_KEY, ORDER_TWO, "ee" + "ff" * 30 + "7f", "01" + "00" * 30 + "80",
             _encode(ed.add(ed.decode_point(RAW_KEY), ed.decode_point(bytes.fromhex(ORDER_TWO))))]
IDS = ["E1", "b", "张三", "e-9", "x\"y", "Ω", "a b", "seat/7"]


def random_proof(rng: random.Random, v2: bool) -> dict[str, Any]:
    size = rng.randint(2, 8)
    ids = rng.sample(IDS, size)
    excluded = rng.random() < 0.5
    entries = [Entry(i, rng.randbytes(rng.choice((16, 16, 20))).hex(), not (excluded and n == 0))
               for n, i in enumerate(ids)]
    k = rng.randint(1, size - (1 if excluded else 0))
    seed = rng.randbytes(32)
    group_id = f"G{rng.randint(1, 10**6)}"
    beacon = None
    if v2:
        beacon = sign_beacon(KEY, group_id, build_proof(group_id, seed, entries, 1, [])["commitment"],
                             entries_digest(entries))
    winners = draw_winners(seed, entries, k, beacon)
    return build_proof(group_id, seed, entries, k, winners, beacon, RAW_KEY if v2 else None)


def tamper(rng: random.Random, proof: dict[str, Any]) -> dict[str, Any]:
    p = json.loads(json.dumps(proof))
    choice = rng.randrange(16)
    if choice == 0:
        p["seed"] = secrets.token_hex(32)
    elif choice == 1:
        p["entries"][rng.randrange(len(p["entries"]))]["nonce"] = secrets.token_hex(16)
    elif choice == 2:
        p["winners"] = [*reversed(p["winners"]), "zz"]
    elif choice == 3:
        p["k"] = len(p["entries"]) + 1
    elif choice == 4:
        p["entries"] = p["entries"][1:] + p["entries"][:1]
    elif choice == 5:
        p["v"] = "pinshang-draw-v9"
    elif choice == 6:
        p["note"] = "x"
    elif choice == 7:
        p["entries"][0]["nonce"] = "ABCD" * 8
    elif choice == 8 and "beacon" in p:
        p["beacon"] = secrets.token_hex(64)
    elif choice == 9 and "platform_key" in p:
        p["platform_key"] = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    elif choice == 10:
        p["group_id"] = p["group_id"] + "x"
    elif choice == 11 and "beacon" in p:  # a weak key and the beacon that verifies under it
        p["platform_key"], p["beacon"] = IDENTITY_KEY, FORGED_BEACON
    elif choice == 12 and "platform_key" in p:
        p["platform_key"] = rng.choice(WEAK_KEYS)
    elif choice == 13:
        p["k"] = float(p["k"])  # 1.0 is not an integer, in Python as in the page
    elif choice == 14:
        p["k"] = rng.choice((10**30, -(10**20), True))
    else:
        del p["winners"]
    return p


def test_the_javascript_verifier_agrees_with_the_python_one_on_1000_proofs() -> None:
    if not Path(NODE).exists():
        if os.environ.get("CI"):  # dev.py installs Debian's nodejs: in CI this must never be skipped
            pytest.fail("node is not installed (dev.py's DEBIAN_PACKAGES has nodejs)")
        pytest.skip("node is not installed (python3 dev.py setup installs it)")
    rng = random.Random(20261201)
    items: list[dict[str, Any]] = []
    for n in range(1000):
        proof = random_proof(rng, v2=n % 2 == 1)
        if n % 3:
            proof = tamper(rng, proof)
        key = RAW_KEY.hex() if n % 5 == 0 else ""
        items.append({"proof": proof_to_json(proof) if n % 2 else proof, "key": key})
    done = subprocess.run([NODE, str(HERE / "crosscheck.js")], input=json.dumps(items, ensure_ascii=False),
                          capture_output=True, text=True, timeout=120, check=True)
    answers = json.loads(done.stdout)
    oks = 0
    for item, js in zip(items, answers, strict=True):
        py = verify_proof(item["proof"], bytes.fromhex(item["key"]) if item["key"] else None)
        assert (js["ok"], js["sentence"]) == (py.ok, py.sentence), item
        oks += py.ok
    assert 250 < oks < 600  # both kinds are well represented
