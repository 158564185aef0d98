"""Draw and settle a full group in one transaction (staff press Draw; never automatic).

pinshang-draw-v1 with the stored seed and the entries in join order; the proof (seed
revealed) is stored and sent (group.drawn); then the settlement plan: winners' holds posted
and vouchers issued, losers refunded with their consolation, coin grants queued for the
platform (group.settled), leader and formation rewards. A drawn group never re-draws: the
state machine refuses it and `draws.group_id` is the primary key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.core import groups as rules
from desktop.core.beacon import beacon_valid
from desktop.core.clock import from_iso
from desktop.core.commission import deal_commission_fen
from desktop.core.deals import DealTerms, LeaderRule
from desktop.core.draw import (
    Entry,
    build_proof,
    draw_winners,
    entries_digest,
    proof_digest,
    proof_to_json,
)
from desktop.core.errors import ValidationError
from desktop.core.groups import GroupEvent, GroupState
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ledger import Unit
from desktop.core.ops import OpKind
from desktop.core.settlement import SettlementPlan, settle_group
from desktop.core.staff import Permission
from desktop.services.base import Actor, ServiceBase, Transaction, require
from desktop.services.deal_ledger import group_ledger, write_transfers
from desktop.services.drawer_moves import payouts, write_counter_transfers
from desktop.services.seating import seats_of
from desktop.services.settings import STORE_ID
from desktop.services.signing_keys import SigningKeyService
from desktop.services.vouchers import VoucherInfo, issue_vouchers, voucher_info
from desktop.store.deal_models import Draw, Group, GroupEntry
from desktop.store.group_queries import entries_of, get_group, group_terms
from desktop.store.models import Setting
from desktop.store.settlement_queries import rates_in_force


@dataclass(frozen=True)
class Beacon:
    """The platform's beacon for a group (pinshang-draw-v2), and the key it is signed under."""

    beacon: bytes
    platform_key: bytes


@dataclass(frozen=True)
class BeaconQuestion:
    """What the terminal asks the platform for: the group's commitment and entries digest D."""

    group_id: str
    commitment: str
    digest: str  # hex


@dataclass(frozen=True)
class DrawOutcome:
    group_id: str
    winners: list[str]  # entry ids, in draw order
    proof_json: str
    digest: str
    vouchers: list[VoucherInfo]


class DrawService(ServiceBase):
    def __init__(self, db: Any, clock: Any, keys: SigningKeyService) -> None:
        super().__init__(db, clock)
        self.keys = keys

    def beacon_question(self, group_id: str) -> BeaconQuestion:
        """D over the group's entries in join order, to ask the platform for its beacon."""
        with self.db.read() as s:
            group = get_group(s, group_id)
            terms = group_terms(s, group)
            digest = entries_digest(_draw_entries(terms, entries_of(s, group.id)))
            return BeaconQuestion(group.id, group.commitment, digest.hex())

    def draw_and_settle(self, actor: Actor, group_id: str, beacon: Beacon | None = None) -> DrawOutcome:
        """pinshang-draw-v2 with the platform's `beacon` (checked here against the group's
        commitment and entries under the key pinned at pairing), else v1."""
        require(actor, Permission.DRAW)
        with self.transaction(actor) as tx:
            group = get_group(tx.session, group_id)
            state = rules.transition(GroupState(group.state), GroupEvent.DRAW)
            terms = group_terms(tx.session, group)
            entries = entries_of(tx.session, group.id)
            proof, winners = _draw(tx, group, terms, entries, beacon)
            group.state = state.value
            plan = settle_group(group.id, terms, seats_of(entries), winners)
            vouchers = self._settle(tx, group, plan)
            group.state = rules.transition(state, GroupEvent.SETTLE).value
            group.closed_at = tx.now_iso
            return DrawOutcome(group.id, winners, proof_to_json(proof), proof_digest(proof),
                               [voucher_info(v) for v in vouchers])

    def _settle(self, tx: Transaction, group: Group, plan: SettlementPlan) -> list[Any]:
        write_transfers(tx.session, group_ledger(tx.session, group.id), plan.transfers, tx.now_iso)
        # Losers' deposits and consolation cash paid at the counter, through the open shift.
        write_counter_transfers(tx, payouts(group.id, entries_of(tx.session, group.id), plan.transfers))
        store = tx.session.get(Setting, STORE_ID)
        vouchers = issue_vouchers(tx, self.keys, store.value if store else "", plan.vouchers)
        excluded = group_terms(tx.session, group).leader_rule is LeaderRule.EXCLUDED
        grants = _grants(entries_of(tx.session, group.id), plan, excluded)
        cash = sum(t.amount for t in plan.transfers
                   if t.unit is Unit.FEN and ":consolation:" in t.id)
        tx.emit(OpKind.GROUP_SETTLED, {"group_id": group.id, "coin_grants": grants,
                                       "cash_fen": cash, "at": tx.now_iso,
                                       **_deal_commission(tx, group, plan)})
        tx.audit("group.settled", group_id=group.id, vouchers=[v.id for v in vouchers],
                 consolation_cash_fen=cash, coin_grants=grants)
        return vouchers

    def export_proof(self, group_id: str) -> str:
        """The stored proof JSON (seed revealed); ValidationError before the draw."""
        with self.db.read() as s:
            draw = s.get(Draw, group_id)
            if draw is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Group {id} has not been drawn yet"), id=group_id
                )
            return draw.proof


def _deal_commission(tx: Transaction, group: Group, plan: SettlementPlan) -> dict[str, int]:
    """What the settled group kept (the winners' deposits) and the deal commission on it under
    the schedule version in force now (docs/settlement.md); nothing before a schedule is pulled."""
    winners = {v.entry_id for v in plan.vouchers}
    kept = sum(e.deposit_fen for e in entries_of(tx.session, group.id) if e.id in winners)
    rates = rates_in_force(tx.session, from_iso(tx.now_iso))
    if rates is None:
        return {}
    return {"kept_fen": kept, "deal_commission_fen": deal_commission_fen(kept, rates),
            "schedule_version": rates.version}


def _draw_entries(terms: DealTerms, entries: list[GroupEntry]) -> list[Entry]:
    excluded = terms.leader_rule is LeaderRule.EXCLUDED
    return [Entry(e.id, e.nonce, not (excluded and e.is_leader)) for e in entries]


def _draw(tx: Transaction, group: Group, terms: DealTerms, entries: list[GroupEntry],
          beacon: Beacon | None) -> tuple[dict[str, Any], list[str]]:
    draw_entries = _draw_entries(terms, entries)
    seed = bytes.fromhex(group.seed_hex)
    if beacon is not None and not beacon_valid(beacon.platform_key, beacon.beacon, group.id,
                                               group.commitment, entries_digest(draw_entries)):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The platform's beacon does not match this group's entries: draw again"))
    raw = beacon.beacon if beacon else None
    winners = draw_winners(seed, draw_entries, terms.winners, raw)
    proof = build_proof(group.id, seed, draw_entries, terms.winners, winners, raw,
                        beacon.platform_key if beacon else None)
    tx.session.add(Draw(group_id=group.id, proof=proof_to_json(proof),
                        digest=proof_digest(proof), winners=json.dumps(winners),
                        drawn_at=tx.now_iso, drawn_by=tx.actor.label))
    tx.session.flush()
    tx.emit(OpKind.GROUP_DRAWN, {"group_id": group.id, "proof": proof, "at": tx.now_iso})
    tx.audit("group.drawn", group_id=group.id, winners=winners, digest=proof_digest(proof))
    return proof, winners


def _grants(entries: list[GroupEntry], plan: SettlementPlan, leader_excluded: bool) -> list[dict[str, Any]]:
    """One grant per loser entry, naming the entry (the platform resolves its member). The
    plan lists the losers' grants in join order, so the n-th grant is the n-th loser's."""
    winners = {v.entry_id for v in plan.vouchers}
    pending = list(plan.coin_grants)
    grants: list[dict[str, Any]] = []
    for entry in entries:
        if entry.id in winners or (leader_excluded and entry.is_leader):
            continue
        if not pending or pending[0].customer != entry.customer:
            continue
        grant = pending.pop(0)
        item: dict[str, Any] = {"entry_id": entry.id, "coins": grant.coins}
        if entry.member_id:
            item["member_id"] = entry.member_id
        if entry.phone:
            item["phone"] = entry.phone
        grants.append(item)
    return grants
