"""The draw beacon of pinshang-draw-v2 (docs/draw.md, docs/sync-protocol.md): the platform's
Ed25519 signature over (group id, commitment, entries digest D), issued to the owning terminal
only for the entries the platform holds, and at most once per group: asked again with the same
D it answers the same beacon; with any other D it refuses (no second beacon to choose from)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.models import DrawBeacon, DrawProof, Group
from central.platform import TerminalContext
from central.services.groups import entries_of, group_deal_terms, owns
from desktop.core.beacon import sign_beacon
from desktop.core.deals import LeaderRule
from desktop.core.draw import Entry, entries_digest


def public_key_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def platform_digest(session: Session, group: Group) -> bytes:
    """D over the entries the platform holds (pushed joins, in join order)."""
    return entries_digest([Entry(e.entry_id, e.nonce) for e in entries_of(session, group)])


def issue(session: Session, key: Ed25519PrivateKey, terminal: TerminalContext, group_id: str,
          commitment: str, digest_hex: str, now: datetime) -> dict[str, Any]:
    group = session.get(Group, (terminal.store_id, group_id), with_for_update=True)
    if group is None or not owns(session, group, terminal.terminal_id):
        raise ApiError(404, "not_found", f"group {group_id} was not opened by this terminal")
    if group.commitment != commitment:
        raise ApiError(409, "commitment_mismatch", "the commitment differs from the one published at opening")
    existing = session.get(DrawBeacon, (group.store_id, group.id))
    if existing is not None:
        if existing.digest != digest_hex:
            raise ApiError(409, "beacon_issued", "this group's beacon was issued for other entries: "
                           "a group gets one beacon")
        return _answer(existing, key)
    if group.state != "open":
        raise ApiError(409, "group_closed", f"group {group_id} is {group.state}: no beacon")
    if len(entries_of(session, group)) != group.size:
        raise ApiError(409, "entries_missing", "push every entry of the full group before asking for the beacon")
    mine = platform_digest(session, group).hex()
    if mine != digest_hex:
        raise ApiError(409, "digest_mismatch", "the entries digest differs from the entries the platform "
                       "holds: push every join first")
    row = DrawBeacon(store_id=group.store_id, group_id=group.id, commitment=commitment, digest=mine,
                     beacon=sign_beacon(key, group.id, commitment, bytes.fromhex(mine)).hex(), issued_at=now)
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # issued meanwhile by another worker: answer that one
        row = session.get(DrawBeacon, (group.store_id, group.id))  # type: ignore[assignment]
        if row is None or row.digest != mine:
            raise ApiError(409, "beacon_issued", "this group's beacon was issued for other entries") from None
    return _answer(row, key)


def _answer(row: DrawBeacon, key: Ed25519PrivateKey) -> dict[str, Any]:
    return {"group_id": row.group_id, "commitment": row.commitment, "digest": row.digest,
            "beacon": row.beacon, "platform_key": public_key_hex(key)}


def beacon_problem(session: Session, group: Group, proof: dict[str, Any], key: Ed25519PrivateKey) -> str:
    """Why the platform refuses this proof's version ("" when it is fine): a v2 proof carries
    the beacon issued for the group under this platform's key; a v1 proof is refused once a
    beacon was issued (the owner does not get to choose between two draws)."""
    issued = session.get(DrawBeacon, (group.store_id, group.id))
    if proof.get("v") == "pinshang-draw-v2":
        if proof.get("platform_key") != public_key_hex(key):
            return "the proof's beacon is signed under another key than this platform's"
        if issued is None or proof.get("beacon") != issued.beacon:
            return "the proof's beacon is not the one the platform issued for this group"
        return ""
    if issued is not None:
        return "a beacon was issued for this group: its draw must be pinshang-draw-v2 with that beacon"
    return ""


def store_proof(session: Session, group: Group, proof: dict[str, Any], now: datetime) -> None:
    session.merge(DrawProof(store_id=group.store_id, group_id=group.id, version=str(proof.get("v")),
                            proof=json.dumps(proof, ensure_ascii=False, sort_keys=True), recorded_at=now))


def leader_excluded(session: Session, group: Group) -> bool:
    return group_deal_terms(session, group).leader_rule is LeaderRule.EXCLUDED
