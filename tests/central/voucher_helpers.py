"""Terminals paired with a private key the test holds, and vouchers signed with it, so voucher
ops can be pushed over HTTP as a real counter pushes them (desktop.core.vouchers format)."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.vouchers import (
    VoucherClaims,
    key_id,
    new_voucher_id,
    public_key_bytes,
    sign_voucher,
)
from desktop.sync.client import PlatformClient
from tests.central.helpers import Seed


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


@dataclass
class KeyedTerminal:
    client: PlatformClient
    terminal_id: str
    store_id: str
    key: Ed25519PrivateKey
    seq: int = 0

    def push(self, *ops: tuple[str, dict[str, Any]]) -> list[dict[str, Any]]:
        batch = []
        for kind, payload in ops:
            self.seq += 1
            batch.append((self.seq, uuid.uuid4().hex, kind, payload))
        return list(self.client.push(self.terminal_id, batch)["results"])

    def voucher(self, issued_at: datetime, voucher_id: str | None = None, store_id: str | None = None,
                key: Ed25519PrivateKey | None = None) -> tuple[str, str]:
        """(voucher id, signed text) as desktop.services.vouchers issues them."""
        signer = key or self.key
        vid = voucher_id or new_voucher_id()
        at = issued_at.replace(microsecond=0)
        claims = VoucherClaims(vid, store_id or self.store_id, "g1", "e1", key_id(public_key_bytes(signer)),
                               at, at + timedelta(days=30), "Steak set")
        return vid, sign_voucher(claims, signer)


def keyed_terminal(seed: Seed, name: str = "Counter", store_id: str | None = None,
                   key: Ed25519PrivateKey | None = None) -> KeyedTerminal:
    private = key or Ed25519PrivateKey.generate()
    client = PlatformClient(seed.server.url, timeout=10)
    store = store_id or seed.store_id
    answer = client.pair(seed.pairing_code(store), b64(public_key_bytes(private)), name)
    return KeyedTerminal(client, answer["terminal_id"], store, private)


def issued(voucher_id: str, at: datetime) -> tuple[str, dict[str, Any]]:
    return "voucher.issued", {"voucher_id": voucher_id, "group_id": "g1", "entry_id": "e1",
                              "expires_at": (at + timedelta(days=30)).isoformat(), "at": at.isoformat()}


def redeemed(voucher_id: str, text: str | None, at: datetime) -> tuple[str, dict[str, Any]]:
    payload: dict[str, Any] = {"voucher_id": voucher_id, "redeemed_at": at.isoformat(), "staff": "s1"}
    if text is not None:
        payload["voucher"] = text
    return "voucher.redeemed", payload
