"""An HONEST group flow over HTTP against the real central, op by op as a counter sends it:
deal.launched, group.opened with a real join token, joins with nonces, a real draw proof
(desktop.core.draw), and the settlement. Attack tests change one step of it."""

from __future__ import annotations

import base64
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from central.services.members import issue_token
from desktop.core.draw import Entry, build_proof, commitment, draw_winners
from desktop.core.join_token import make_join_token
from desktop.core.vouchers import key_id
from desktop.sync.client import PlatformClient
from tests.central.helpers import Seed

TERMS: dict[str, Any] = {
    "product_name": "牛排套餐 Steak set", "market_value_fen": 9800, "cost_fen": 3000,
    "group_price_fen": 9800, "group_size": 4, "winners": 1, "leader_rule": "drawn",
    "consolation_cash_fen": 500, "consolation_coins": 10, "fill_window": 86400,
}
DISCLOSURE = {"zh_CN": "中奖名额 1 名", "en": "1 winner"}


@dataclass
class Counter:
    """A paired terminal whose voucher key we hold (it signs join tokens)."""

    seed: Seed
    client: PlatformClient
    terminal_id: str
    store_id: str
    key: Ed25519PrivateKey
    seq: int = 0

    @property
    def key_id(self) -> str:
        return key_id(self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Push one op; its result (status, reason)."""
        self.seq += 1
        answer = self.client.push(self.terminal_id, [(self.seq, uuid.uuid4().hex, kind, payload)])
        result: dict[str, Any] = answer["results"][0]
        return result

    def push_ok(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        result = self.push(kind, payload)
        assert result["status"] == "applied", result
        return result


def counter(seed: Seed, name: str = "Counter 1", store_id: str | None = None) -> Counter:
    key = Ed25519PrivateKey.generate()
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    client = PlatformClient(seed.server.url, timeout=10)
    answer = client.pair(seed.pairing_code(store_id), base64.b64encode(raw).decode(), name)
    return Counter(seed, client, answer["terminal_id"], answer["store"]["id"], key)


def member_token(seed: Seed, member_id: str) -> str:
    with seed.server.app.state.platform.tx() as session:
        return issue_token(session, member_id)


def balance(seed: Seed, member_id: str) -> int:
    """The member's posted coins, read from the platform's database."""
    from central.models import CoinBalance
    from central.services.coin_ledger import member_account

    with seed.server.app.state.platform.tx() as session:
        row = session.get(CoinBalance, member_account(member_id))
        return row.posted if row else 0


@dataclass
class HonestGroup:
    counter: Counter
    terms: dict[str, Any]
    deal_id: str = field(default_factory=lambda: "d" + uuid.uuid4().hex[:12])
    group_id: str = field(default_factory=lambda: "G" + uuid.uuid4().hex[:15])
    seed_bytes: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    entries: list[dict[str, Any]] = field(default_factory=list)  # the group.joined payloads
    winners: list[str] = field(default_factory=list)

    @property
    def commitment(self) -> str:
        return commitment(self.seed_bytes)

    @property
    def join_token(self) -> str:
        c = self.counter
        return make_join_token(c.key, c.store_id, self.group_id, self.commitment)

    def launch(self) -> dict[str, Any]:
        return self.counter.push("deal.launched", {"deal_id": self.deal_id, "terms": self.terms,
                                                   "disclosure": DISCLOSURE, "version": 1})

    def opened(self) -> dict[str, Any]:
        return {"group_id": self.group_id, "deal_id": self.deal_id, "commitment": self.commitment,
                "size": self.terms["group_size"], "winners": self.terms["winners"],
                "join_token": self.join_token, "key_id": self.counter.key_id}

    def open(self) -> dict[str, Any]:
        return self.counter.push("group.opened", self.opened())

    def joined(self, member_id: str | None = None, phone: str | None = None,
               nonce: str | None = None, **extra: Any) -> dict[str, Any]:
        payload: dict[str, Any] = {"group_id": self.group_id, "entry_id": "E" + uuid.uuid4().hex[:15],
                                   "nonce": nonce or secrets.token_hex(16), "member_id": member_id,
                                   "phone": phone, "deposit_fen": self.terms["group_price_fen"],
                                   "tender": "cash", **extra}
        return payload

    def join(self, member_id: str | None = None, phone: str | None = None, **extra: Any) -> dict[str, Any]:
        payload = self.joined(member_id, phone, **extra)
        result = self.counter.push("group.joined", payload)
        if result["status"] == "applied":
            self.entries.append(payload)
        return result

    def draw_entries(self, entries: list[dict[str, Any]] | None = None) -> list[Entry]:
        excluded = self.terms["leader_rule"] == "excluded"
        rows = self.entries if entries is None else entries
        return [Entry(e["entry_id"], e["nonce"], not (excluded and i == 0)) for i, e in enumerate(rows)]

    def proof(self, entries: list[Entry] | None = None, k: int | None = None) -> dict[str, Any]:
        chosen = self.draw_entries() if entries is None else entries
        k = self.terms["winners"] if k is None else k
        winners = draw_winners(self.seed_bytes, chosen, k)
        return build_proof(self.group_id, self.seed_bytes, chosen, k, winners)

    def draw(self, proof: dict[str, Any] | None = None) -> dict[str, Any]:
        proof = proof or self.proof()
        result = self.counter.push("group.drawn", {"group_id": self.group_id, "proof": proof})
        if result["status"] == "applied":
            self.winners = list(proof["winners"])
        return result

    def losers(self) -> list[dict[str, Any]]:
        excluded = self.terms["leader_rule"] == "excluded"
        return [e for i, e in enumerate(self.entries)
                if e["entry_id"] not in self.winners and not (excluded and i == 0)]

    def honest_grants(self) -> list[dict[str, Any]]:
        coins = self.terms["consolation_coins"]
        return [{"entry_id": e["entry_id"], "coins": coins,
                 **({"member_id": e["member_id"]} if e["member_id"] else {}),
                 **({"phone": e["phone"]} if e["phone"] else {})} for e in self.losers()] if coins else []

    def settled(self, grants: list[dict[str, Any]] | None = None, cash_fen: int | None = None) -> dict[str, Any]:
        cash = len(self.losers()) * self.terms["consolation_cash_fen"] if cash_fen is None else cash_fen
        return {"group_id": self.group_id, "coin_grants": self.honest_grants() if grants is None else grants,
                "cash_fen": cash}

    def settle(self, grants: list[dict[str, Any]] | None = None, cash_fen: int | None = None) -> dict[str, Any]:
        return self.counter.push("group.settled", self.settled(grants, cash_fen))


def honest_group(c: Counter, members: list[str | None], phones: list[str | None] | None = None,
                 **terms: Any) -> HonestGroup:
    """Launched, opened and filled (one entry per member id or phone); not drawn yet."""
    group = HonestGroup(c, {**TERMS, "group_size": len(members), **terms})
    group.launch()
    assert group.open()["status"] == "applied"
    for member_id, phone in zip(members, phones or [None] * len(members), strict=True):
        assert group.join(member_id, phone)["status"] == "applied"
    return group
