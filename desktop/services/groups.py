"""Groups of a launched deal: open (leader = first entry, seed kept, commitment published),
enrol at the counter with a deposit hold, expire past the deadline, cancel (manager).

Every use case writes its rows, ledger transfers, outbox op and audit record in one
transaction; the state machine is desktop.core.groups.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import groups as rules
from desktop.core.clock import from_iso, to_iso
from desktop.core.deals import DealState, DealTerms
from desktop.core.draw import commitment, make_seed
from desktop.core.errors import InvalidTransition
from desktop.core.groups import ACTIVE_STATES, GroupEvent, GroupState
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.join_token import make_join_token
from desktop.core.ops import OpKind
from desktop.core.settlement import refund_group
from desktop.core.staff import Permission
from desktop.core.vouchers import key_id, public_key_bytes
from desktop.services.base import SYSTEM_ACTOR, Actor, ServiceBase, Transaction, require
from desktop.services.deal_ledger import group_ledger, write_transfers
from desktop.services.drawer_moves import payouts, write_counter_transfers
from desktop.services.seating import (
    add_entry,
    check_tender,
    new_id,
    parse_customer,
    seats_of,
)
from desktop.services.settings import STORE_ID
from desktop.services.signing_keys import SigningKeyService
from desktop.store.deal_models import Deal, Group
from desktop.store.group_queries import entries_of, get_group, group_terms, terms_from_json
from desktop.store.models import OutboxOp, Setting


class GroupService(ServiceBase):
    def __init__(self, db: Any, clock: Any, keys: SigningKeyService | None = None) -> None:
        super().__init__(db, clock)
        self.keys = keys or SigningKeyService(db, clock)

    def open_group(self, actor: Actor, deal_id: str, leader: str, tender: str = "cash") -> str:
        """Open a group of a launched deal with its leader as the first entry."""
        require(actor, Permission.ENROL)
        customer, tender = parse_customer(leader), check_tender(tender)
        with self.transaction(actor) as tx:
            deal = _launched_deal(tx.session, deal_id)
            terms = terms_from_json(deal.terms)
            _check_open_limit(tx.session, deal_id, terms)
            seed = make_seed()
            group = Group(id=new_id("G"), deal_id=deal_id, state=GroupState.OPEN.value,
                          seed_hex=seed.hex(), commitment=commitment(seed),
                          opened_at=tx.now_iso, deadline=to_iso(tx.now + terms.fill_window))
            token, kid = sign_join_token(tx.session, self.keys, group)
            group.join_token = token
            tx.session.add(group)
            tx.session.flush()
            tx.emit(OpKind.GROUP_OPENED, {
                "group_id": group.id, "deal_id": deal_id, "commitment": group.commitment,
                "deadline": group.deadline, "size": terms.group_size, "winners": terms.winners,
                "join_token": token, "key_id": kid, "at": tx.now_iso})
            tx.audit("group.opened", group_id=group.id, deal_id=deal_id,
                     commitment=group.commitment)
            add_entry(tx, group, terms, customer, tender, leader=True)
            return group.id

    def resign_for_pairing(self, store_id: str) -> int:
        """Re-sign the join tokens of groups whose opening was not sent yet (see
        resign_unsent_openings); the pairing flow calls it before recording the pairing."""
        with self.transaction(SYSTEM_ACTOR) as tx:
            count = resign_unsent_openings(tx.session, self.keys, store_id)
            if count:
                tx.audit("group.join_tokens_resigned", store_id=store_id, groups=count)
            return count

    def enrol(self, actor: Actor, group_id: str, who: str, tender: str = "cash") -> str:
        """Take a seat with a deposit hold; returns the entry id. A full group takes no one."""
        require(actor, Permission.ENROL)
        customer, tender = parse_customer(who), check_tender(tender)
        with self.transaction(actor) as tx:
            group = get_group(tx.session, group_id)
            if rules.is_expired(GroupState(group.state), from_iso(group.deadline), tx.now):
                raise InvalidTransition(
                    QT_TRANSLATE_NOOP("errors", "The group's deadline has passed: nobody can join")
                )
            terms = group_terms(tx.session, group)
            return add_entry(tx, group, terms, customer, tender).id

    def cancel(self, actor: Actor, group_id: str, reason: str = "") -> int:
        """Cancel an open group (manager); every deposit is released. Returns fen refunded."""
        require(actor, Permission.CANCEL_GROUP)
        with self.transaction(actor) as tx:
            group = get_group(tx.session, group_id)
            group.state = rules.transition(GroupState(group.state), GroupEvent.CANCEL).value
            refunded = _release_all(tx, group)
            tx.emit(OpKind.GROUP_CANCELLED, {"group_id": group.id, "refunded_fen": refunded,
                                             "reason": reason.strip(), "at": tx.now_iso})
            tx.audit("group.cancelled", group_id=group.id, refunded_fen=refunded,
                     reason=reason.strip())
            return refunded

    def expire_due(self, now: datetime | None = None) -> list[str]:
        """Expire every open group past its deadline and refund it; returns their ids."""
        moment = now or self.clock()
        with self.db.read() as s:
            due = s.scalars(select(Group.id).where(Group.state == GroupState.OPEN.value)
                            .where(Group.deadline <= to_iso(moment))).all()
        return [group_id for group_id in due if self._expire(group_id, moment)]

    def _expire(self, group_id: str, moment: datetime) -> bool:
        with self.transaction(SYSTEM_ACTOR) as tx:
            group = get_group(tx.session, group_id)
            state = GroupState(group.state)
            if not rules.is_expired(state, from_iso(group.deadline), moment):
                return False  # filled or cancelled meanwhile
            state = rules.transition(state, GroupEvent.EXPIRE)
            group.state = rules.transition(state, GroupEvent.REFUND).value
            refunded = _release_all(tx, group, automatic=True)
            tx.emit(OpKind.GROUP_EXPIRED, {"group_id": group.id, "refunded_fen": refunded,
                                           "at": tx.now_iso})
            tx.audit("group.expired", group_id=group.id, refunded_fen=refunded)
            return True


# --- join tokens (also used by pairing) ----------------------------------------------------


def sign_join_token(session: Session, keys: SigningKeyService, group: Group,
                    store_id: str | None = None) -> tuple[str, str]:
    """The group's join token under the store's id (the setting unless given) and the
    terminal's current key, and the key's id (desktop.core.join_token)."""
    private = keys.current_key(session)
    if store_id is None:
        store = session.get(Setting, STORE_ID)
        store_id = store.value if store else ""
    token = make_join_token(private, store_id, group.id, group.commitment)
    return token, key_id(public_key_bytes(private))


def resign_unsent_openings(session: Session, keys: SigningKeyService, store_id: str) -> int:
    """On pairing (a new store id, maybe a new key): groups opened before carry a token the
    platform would refuse. Their group.opened ops were never sent, so each is re-signed for
    `store_id` (group row and its unsent op, in the caller's transaction). Returns how many;
    an invite printed before pairing must be printed again to take online joins."""
    count = 0
    rows = session.scalars(select(OutboxOp).where(OutboxOp.kind == OpKind.GROUP_OPENED.value,
                                                  OutboxOp.acked_at.is_(None))).all()
    for row in rows:
        payload = json.loads(row.payload)
        group = session.get(Group, payload.get("group_id"))
        if group is None:
            continue
        token, kid = sign_join_token(session, keys, group, store_id)
        if payload.get("join_token") != token or payload.get("key_id") != kid:
            group.join_token = token
            row.payload = json.dumps({**payload, "join_token": token, "key_id": kid},
                                     ensure_ascii=False, sort_keys=True)
            count += 1
    return count





def _launched_deal(session: Session, deal_id: str) -> Deal:
    deal = session.get(Deal, deal_id)
    if deal is None or deal.state != DealState.LAUNCHED:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Only a launched deal can open groups")
        )
    return deal


def _check_open_limit(session: Session, deal_id: str, terms: DealTerms) -> None:
    active = session.scalar(select(func.count()).select_from(Group).where(
        Group.deal_id == deal_id, Group.state.in_(ACTIVE_STATES))) or 0
    if active >= terms.max_open_groups:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "This deal already has {count} open groups, its maximum"),
            count=active,
        )


def _release_all(tx: Transaction, group: Group, *, automatic: bool = False) -> int:
    """Void every open deposit hold of the group (expired or cancelled) and give the deposits
    taken at the counter back through the drawer (desktop.services.drawer_moves)."""
    ledger = group_ledger(tx.session, group.id)
    open_holds = {t.id for t in ledger.open_pending()}
    entries = entries_of(tx.session, group.id)
    seats = [s for s in seats_of(entries) if s.hold_id in open_holds]
    plan = refund_group(group.id, seats)
    write_transfers(tx.session, ledger, plan, tx.now_iso)
    write_counter_transfers(tx, payouts(group.id, entries, plan), automatic=automatic)
    group.closed_at = tx.now_iso
    return sum(seat.deposit_fen for seat in seats)
