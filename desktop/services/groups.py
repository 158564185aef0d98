"""Groups of a launched deal: open (leader = first entry, seed kept, commitment published),
enrol at the counter with a deposit hold, expire past the deadline, cancel (manager).

Every use case writes its rows, ledger transfers, outbox op and audit record in one
transaction; the state machine is desktop.core.groups.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import groups as rules
from desktop.core.clock import from_iso, to_iso
from desktop.core.deals import DealTerms
from desktop.core.draw import commitment, make_nonce, make_seed
from desktop.core.errors import InvalidTransition, ValidationError
from desktop.core.groups import GroupEvent, GroupState
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.join_token import make_join_token
from desktop.core.ops import OpKind
from desktop.core.settlement import Seat, hold_deposit, refund_group
from desktop.core.staff import Permission
from desktop.core.vouchers import key_id, public_key_bytes
from desktop.services.base import SYSTEM_ACTOR, Actor, ServiceBase, Transaction, require
from desktop.services.deal_ledger import group_ledger, write_transfers
from desktop.services.deals import ACTIVE_GROUP_STATES, LAUNCHED, terms_from_json
from desktop.services.members import member_by_phone
from desktop.services.settings import STORE_ID
from desktop.services.signing_keys import SigningKeyService
from desktop.store.deal_models import Deal, Group, GroupEntry
from desktop.store.models import OutboxOp, Setting

TENDERS = ("cash", "card", "platform")
_PHONE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
_MEMBER = re.compile(r"^(U[0-9a-f]{15})$")


@dataclass(frozen=True)
class Customer:
    key: str  # the ledger account suffix: member id, else the phone number
    member_id: str | None = None
    phone: str | None = None


def parse_customer(text: str) -> Customer:
    """A scanned member code (U + 15 hex digits) or a typed mainland mobile number."""
    squeezed = "".join(ch for ch in text if ch.isalnum() or ch == "+")
    phone = _PHONE.match(squeezed)
    if phone:
        return Customer(phone.group(1), phone=phone.group(1))
    member = _MEMBER.match(squeezed[:1].upper() + squeezed[1:].lower())
    if member:
        return Customer(member.group(1), member_id=member.group(1))
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "errors", "“{text}” is neither a member code nor a mobile phone number"
        ),
        text=text.strip()[:40],
    )


def known_member(session: Session, customer: Customer) -> Customer:
    """A typed phone of a member this store holds is that member; any other phone enrols by
    phone, as before (the platform resolves it)."""
    if customer.member_id or not customer.phone:
        return customer
    member = member_by_phone(session, customer.phone)
    return customer if member is None else Customer(member.member_id, member.member_id, customer.phone)


def check_tender(tender: str) -> str:
    if tender not in TENDERS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown tender {tender}"), tender=tender)
    return tender


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
            group = Group(id=_new_id("G"), deal_id=deal_id, state=GroupState.OPEN.value,
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
            refunded = _release_all(tx, group)
            tx.emit(OpKind.GROUP_EXPIRED, {"group_id": group.id, "refunded_fen": refunded,
                                           "at": tx.now_iso})
            tx.audit("group.expired", group_id=group.id, refunded_fen=refunded)
            return True


# --- shared helpers (also used by draws and join requests) ---------------------------------


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


def _new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:15]


def get_group(session: Session, group_id: str) -> Group:
    group = session.get(Group, group_id)
    if group is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no group {id}"), id=group_id)
    return group


def group_terms(session: Session, group: Group) -> DealTerms:
    deal = session.get(Deal, group.deal_id)
    assert deal is not None  # foreign key
    return terms_from_json(deal.terms)


def entries_of(session: Session, group_id: str) -> list[GroupEntry]:
    return list(session.scalars(
        select(GroupEntry).where(GroupEntry.group_id == group_id).order_by(GroupEntry.position)
    ))


def seats_of(entries: list[GroupEntry]) -> list[Seat]:
    return [Seat(e.id, e.customer, e.deposit_fen, e.hold_id, e.is_leader) for e in entries]


def add_entry(tx: Transaction, group: Group, terms: DealTerms, customer: Customer, tender: str,
              *, leader: bool = False, nonce: str | None = None,
              request_id: str | None = None) -> GroupEntry:
    """Seat one customer: entry row, deposit hold, group.joined op, audit; FULL when filled."""
    customer = known_member(tx.session, customer)
    entries = entries_of(tx.session, group.id)
    rules.check_can_join(GroupState(group.state), terms.group_size, len(entries))
    rules.check_member_limit(sum(e.customer == customer.key for e in entries),
                             terms.per_member_limit)
    entry = GroupEntry(id=_new_id("E"), group_id=group.id, position=len(entries) + 1,
                       customer=customer.key, member_id=customer.member_id, phone=customer.phone,
                       nonce=nonce or make_nonce(), tender=tender,
                       deposit_fen=terms.group_price_fen, is_leader=leader,
                       request_id=request_id, joined_at=tx.now_iso)
    entry.hold_id = f"{group.id}:hold:{entry.id}"
    tx.session.add(entry)
    hold = hold_deposit(entry.hold_id, group.id, customer.key, terms.group_price_fen)
    write_transfers(tx.session, group_ledger(tx.session, group.id), [hold], tx.now_iso)
    group.state = rules.state_after_join(terms.group_size, len(entries) + 1).value
    joined: dict[str, Any] = {
        "group_id": group.id, "entry_id": entry.id, "nonce": entry.nonce,
        "member_id": customer.member_id, "phone": customer.phone,
        "deposit_fen": entry.deposit_fen, "tender": tender, "at": tx.now_iso}
    if request_id is not None:
        joined["request_id"] = request_id  # the platform matches it to the member's request
    tx.emit(OpKind.GROUP_JOINED, joined)
    tx.audit("group.joined", group_id=group.id, entry_id=entry.id, customer=customer.key,
             deposit_fen=entry.deposit_fen, tender=tender, position=entry.position)
    return entry


def _launched_deal(session: Session, deal_id: str) -> Deal:
    deal = session.get(Deal, deal_id)
    if deal is None or deal.state != LAUNCHED:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "Only a launched deal can open groups")
        )
    return deal


def _check_open_limit(session: Session, deal_id: str, terms: DealTerms) -> None:
    active = session.scalar(select(func.count()).select_from(Group).where(
        Group.deal_id == deal_id, Group.state.in_(ACTIVE_GROUP_STATES))) or 0
    if active >= terms.max_open_groups:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "This deal already has {count} open groups, its maximum"),
            count=active,
        )


def _release_all(tx: Transaction, group: Group) -> int:
    """Void every open deposit hold of the group (expired or cancelled)."""
    ledger = group_ledger(tx.session, group.id)
    open_holds = {t.id for t in ledger.open_pending()}
    seats = [s for s in seats_of(entries_of(tx.session, group.id)) if s.hold_id in open_holds]
    write_transfers(tx.session, ledger, refund_group(group.id, seats), tx.now_iso)
    group.closed_at = tx.now_iso
    return sum(seat.deposit_fen for seat in seats)
