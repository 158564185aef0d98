"""Draws and settlements the platform vouches for (docs/sync-protocol.md).

A draw is checked against what the platform holds, not only against itself: the group was
opened by this store (commitment published), every seat was pushed, the proof's entries are
exactly the pushed entries in join order with their nonces, eligibility follows the deal's
leader rule, K is the deal's, and the proof recomputes. A settlement credits consolation coins
only to the drawn group's losers, the deal's amount each, once; a grant that cannot be applied
is refused alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from central.errors import OpRejected
from central.models import GroupEntry
from central.platform import TerminalContext
from central.services import beacons, coin_ledger
from central.services.groups import entries_of, group_deal_terms, member_for_phone, store_group
from desktop.core import op_contracts as contracts
from desktop.core.deals import DealTerms, LeaderRule
from desktop.core.draw import verify_proof


def verify(proof: dict[str, Any]) -> tuple[bool, str]:
    result = verify_proof(proof)
    return bool(result.ok), str(result.sentence)


def record_draw(session: Session, terminal: TerminalContext, group_id: str, proof: dict[str, Any],
                key: Ed25519PrivateKey | None = None, now: datetime | None = None) -> None:
    group = store_group(session, terminal, group_id)
    if group.state != "open":
        raise OpRejected(f"group {group_id} is {group.state}: a group is drawn once")
    if proof.get("group_id") != group_id:
        raise OpRejected("the draw proof is for another group")
    if group.commitment != proof.get("commitment"):
        raise OpRejected("the draw proof's commitment differs from the one published at opening")
    terms = group_deal_terms(session, group)
    entries = entries_of(session, group)
    if len(entries) != group.size:
        raise OpRejected(f"group {group_id} has {len(entries)} of {group.size} entries pushed: "
                         "only a full group is drawn")
    _check_entries(proof.get("entries"), entries, terms)
    if proof.get("k") != terms.winners:
        raise OpRejected(f"the proof draws k={proof.get('k')!r}: the deal says {terms.winners}")
    if key is not None:
        problem = beacons.beacon_problem(session, group, proof, key)
        if problem:
            raise OpRejected(problem)
    ok, reason = verify(proof)
    if not ok:
        raise OpRejected(f"the draw proof does not verify: {reason}")
    group.state, group.winners = "drawn", json.dumps(proof["winners"])
    if now is not None:
        beacons.store_proof(session, group, proof, now)


def _check_entries(claimed: Any, entries: list[GroupEntry], terms: DealTerms) -> None:
    if not isinstance(claimed, list) or len(claimed) != len(entries):
        count = len(claimed) if isinstance(claimed, list) else 0
        raise OpRejected(f"the proof has {count} entries: the platform holds {len(entries)} "
                         "pushed entries")
    excluded = terms.leader_rule is LeaderRule.EXCLUDED
    for position, (raw, entry) in enumerate(zip(claimed, entries, strict=True), start=1):
        expected = {"entry_id": entry.entry_id, "nonce": entry.nonce,
                    "eligible": not (excluded and position == 1)}
        if raw != expected:
            raise OpRejected(f"proof entry {position} is not the pushed entry {entry.entry_id} "
                             "with its nonce and eligibility (leader rule)")


@dataclass(frozen=True)
class Settlement:
    coins: int  # credited
    cash_fen: int  # what the platform expects: losers x consolation cash
    refused: list[str]  # one sentence per refused grant
    cash_note: str


def settle(session: Session, terminal: TerminalContext, data: contracts.GroupSettled, op_id: str,
           now: datetime) -> Settlement:
    group = store_group(session, terminal, data.group_id)
    if group.state != "drawn":
        raise OpRejected(f"group {group.id} is {group.state}: only a drawn group is settled")
    group.state = "settled"
    terms = group_deal_terms(session, group)
    winners = set(json.loads(group.winners))
    entries = entries_of(session, group)
    excluded = terms.leader_rule is LeaderRule.EXCLUDED
    losers = {e.entry_id: e for e in entries
              if e.entry_id not in winners and not (excluded and e.position == 1)}
    for entry in losers.values():
        if entry.member_id is None and entry.phone:  # seated before the platform resolved phones
            entry.member_id = member_for_phone(session, entry.phone, group.store_id, now)
    refused: list[str] = []
    credited = 0
    for number, grant in enumerate(data.coin_grants, start=1):
        problem = _grant_problem(grant, losers, terms)
        if problem:
            refused.append(f"grant {number}: {problem}")
            continue
        matched = _match(grant, losers)
        assert matched is not None and matched.member_id is not None  # checked by _grant_problem
        # The merchant whose deal gives the coins pays for them: its coin account is debited
        # (it may go negative: what it owes the platform), never the platform's issuer.
        coin_ledger.move(session, coin_ledger.merchant_account(terminal.merchant_id),
                         coin_ledger.member_account(matched.member_id), grant.coins, f"op:{op_id}", now)
        matched.coins_granted = grant.coins
        credited += grant.coins
    expected_cash = len(losers) * terms.consolation_cash_fen
    cash_note = "" if expected_cash == data.cash_fen else (
        f"cash_fen {data.cash_fen} differs from {len(losers)} losers x {terms.consolation_cash_fen} "
        f"fen = {expected_cash} fen: recorded as a difference for reconciliation")
    return Settlement(credited, expected_cash, refused, cash_note)


def _match(grant: contracts.CoinGrant, losers: dict[str, GroupEntry]) -> GroupEntry | None:
    """The loser entry a grant names: by entry id; an old-format grant (no entry id) by member
    id or phone, the first loser of that customer not granted yet."""
    if grant.entry_id is not None:
        return losers.get(grant.entry_id)
    keys = {k for k in (grant.member_id, grant.phone) if k}
    for entry in losers.values():
        if entry.coins_granted == 0 and keys & {entry.member_id, entry.phone, entry.claimed_member_id}:
            return entry
    return None


def _grant_problem(grant: contracts.CoinGrant, losers: dict[str, GroupEntry], terms: DealTerms) -> str:
    who = grant.entry_id or grant.member_id or grant.phone or "?"
    entry = _match(grant, losers)
    if entry is None:
        return f"{who} is not a loser entry of this group"
    if entry.coins_granted:
        return f"entry {entry.entry_id} was granted its coins already"
    if grant.coins != terms.consolation_coins:
        return f"{grant.coins} coins for entry {entry.entry_id}: the deal gives {terms.consolation_coins}"
    if entry.member_id is None:
        return f"entry {entry.entry_id} has no platform member to credit"
    return ""

