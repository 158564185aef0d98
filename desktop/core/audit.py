"""The audit hash chain: h = SHA-256(prev_h || canonical row), rows appended only."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    actor: str
    action: str
    detail: str  # canonical JSON text
    prev_hash: str
    hash: str


def canonical_detail(detail: dict[str, Any]) -> str:
    return json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def row_hash(prev_hash: str, row_id: int, at: str, actor: str, action: str, detail: str) -> str:
    body = json.dumps([row_id, at, actor, action, detail], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(prev_hash.encode("ascii") + body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    length: int
    bad_row: int | None = None
    problem: str = ""


def verify_chain(rows: Iterable[AuditRow]) -> ChainCheck:
    """Walk the chain in id order; name the first row whose link or content does not match."""
    prev = GENESIS
    count = 0
    for row in rows:
        if row.prev_hash != prev:
            return ChainCheck(False, count, row.id, "its prev_hash does not match the row before")
        expected = row_hash(prev, row.id, row.at, row.actor, row.action, row.detail)
        if row.hash != expected:
            return ChainCheck(False, count, row.id, "its content does not match its hash")
        prev = row.hash
        count += 1
    return ChainCheck(True, count)
