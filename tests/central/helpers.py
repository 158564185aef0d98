"""Helpers for the central tests: a movable clock, seeding, pairing, a lossy transport, and
a draw proof built by hand from docs/draw.md (independent of desktop.core.draw)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import struct
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from requests.adapters import HTTPAdapter

from central.server import RunningServer
from central.services import admin, coin_ledger, members, pairing
from central.services.schedules import Rates, add_schedule
from desktop.core.member_codes import STEP_SECONDS
from desktop.sync.client import PlatformClient


class MovableClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Seed:
    server: RunningServer
    merchant_id: str
    store_id: str
    other_store_id: str
    members: list[str] = field(default_factory=list)

    def pairing_code(self, store_id: str | None = None, ttl: timedelta = timedelta(hours=1)) -> str:
        platform = self.server.app.state.platform
        with platform.tx() as session:
            return pairing.create_pairing_code(session, store_id or self.store_id, platform.clock(), ttl)

    def grant(self, member_id: str, coins: int) -> None:
        platform = self.server.app.state.platform
        with platform.tx() as session:
            admin.grant_coins(session, member_id, coins, "test grant", platform.clock())

    def member_code(self, member_id: str, at: datetime | None = None) -> str:
        """The code the member's phone shows at `at` (default: now on the platform's clock)."""
        platform = self.server.app.state.platform
        with platform.tx() as session:
            return members.current_code(session, member_id, at or platform.clock())

    def fresh_code(self, member_id: str) -> str:
        """A code of a step not used yet: advance the platform clock one step first (a member
        shows one code per 30 s)."""
        platform = self.server.app.state.platform
        platform.clock.advance(seconds=STEP_SECONDS)
        return self.member_code(member_id)

    def member_token(self, member_id: str) -> str:
        platform = self.server.app.state.platform
        with platform.tx() as session:
            return members.issue_token(session, member_id)

    def balance(self, member_id: str) -> int:
        """The member's available coins, read from the platform's ledger (not over HTTP)."""
        platform = self.server.app.state.platform
        with platform.tx() as session:
            return coin_ledger.available(session, coin_ledger.member_account(member_id))


def seed_platform(server: RunningServer) -> Seed:
    platform = server.app.state.platform
    with platform.tx() as session:
        merchant = admin.create_merchant(session, "Steak House")
        store = admin.create_store(session, merchant, "Branch 1")
        other = admin.create_store(session, admin.create_merchant(session, "Tea Shop"), "Tea 1")
        members = [admin.create_member(session, f"1380000000{i}", f"Member {i}", merchant) for i in range(3)]
        rates = Rates(2000, 500, 200, 1000, 1)
        add_schedule(session, merchant, platform.clock() - timedelta(days=30), rates, platform.clock())
    return Seed(server, merchant, store, other, members)


def new_public_key() -> str:
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def paired(seed: Seed, name: str = "Counter 1", store_id: str | None = None) -> tuple[PlatformClient, str]:
    client = PlatformClient(seed.server.url, timeout=10)
    answer = client.pair(seed.pairing_code(store_id), new_public_key(), name)
    return client, answer["terminal_id"]


def op(seq: int, kind: str, payload: Any, op_id: str | None = None) -> tuple[int, str, str, Any]:
    return (seq, op_id or uuid.uuid4().hex, kind, payload)


def sale(seq: int, total_fen: int = 9800, **extra: Any) -> tuple[int, str, str, Any]:
    return op(seq, "sale.completed", {"sale_id": f"sale-{seq}", "total_fen": total_fen, **extra})


class LoseResponseAdapter(HTTPAdapter):
    """Sends the request for real (the server commits), then drops the answer on the floor."""

    def __init__(self, lose: int = 1) -> None:
        super().__init__()
        self.lose = lose

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        response = super().send(request, **kwargs)
        if self.lose > 0:
            self.lose -= 1
            raise requests.ConnectionError("connection reset after the server answered")
        return response


# --- pinshang-draw-v1, by hand from the spec -------------------------------------------------


def _uniform(stream: Any, n: int) -> int:
    limit = 2**64 - (2**64 % n)
    while True:
        x = next(stream)
        if x < limit:
            return x % n


def _words(seed: bytes, digest: bytes) -> Any:
    i = 0
    while True:
        block = hmac.new(seed, digest + struct.pack(">I", i), hashlib.sha256).digest()
        yield from struct.unpack(">4Q", block)
        i += 1


def hand_made_proof(group_id: str, people: int, k: int) -> tuple[dict[str, Any], str]:
    """A valid proof and its commitment, computed straight from docs/draw.md."""
    seed = secrets.token_bytes(32)
    entries = [{"entry_id": f"e{i}", "nonce": secrets.token_hex(16), "eligible": True} for i in range(people)]
    pairs = [[e["entry_id"], e["nonce"]] for e in entries]
    digest = hashlib.sha256(json.dumps(pairs, separators=(",", ":"), ensure_ascii=False).encode()).digest()
    pool = [e["entry_id"] for e in entries if e["eligible"]]
    stream = _words(seed, digest)
    for j in range(k):
        r = _uniform(stream, len(pool) - j)
        pool[j], pool[j + r] = pool[j + r], pool[j]
    commitment = hashlib.sha256(seed).hexdigest()
    proof = {"v": "pinshang-draw-v1", "group_id": group_id, "commitment": commitment,
             "seed": seed.hex(), "k": k, "entries": entries, "winners": pool[:k]}
    return proof, commitment
