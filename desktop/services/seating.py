"""Seating a customer in a group: who a scanned code or typed phone is, and the one write that
takes a seat (entry row, deposit hold, group.joined op, audit). Shared by the counter's
enrolment (desktop.services.groups) and the online join requests (desktop.services.join_requests).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop.core import groups as rules
from desktop.core.deals import DealTerms
from desktop.core.draw import make_nonce
from desktop.core.errors import ValidationError
from desktop.core.groups import GroupState
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ops import OpKind
from desktop.core.settlement import Seat, hold_deposit
from desktop.services.base import Transaction
from desktop.services.deal_ledger import group_ledger, write_transfers
from desktop.services.drawer_moves import deposit_taken
from desktop.services.members import member_by_phone
from desktop.store.deal_models import Group, GroupEntry
from desktop.store.group_queries import entries_of

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


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:15]


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
    entry = GroupEntry(id=new_id("E"), group_id=group.id, position=len(entries) + 1,
                       customer=customer.key, member_id=customer.member_id, phone=customer.phone,
                       nonce=nonce or make_nonce(), tender=tender,
                       deposit_fen=terms.group_price_fen, is_leader=leader,
                       request_id=request_id, joined_at=tx.now_iso)
    entry.hold_id = f"{group.id}:hold:{entry.id}"
    tx.session.add(entry)
    hold = hold_deposit(entry.hold_id, group.id, customer.key, terms.group_price_fen)
    write_transfers(tx.session, group_ledger(tx.session, group.id), [hold], tx.now_iso)
    deposit_taken(tx, entry)  # cash or card at the counter: through the open shift
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
