"""Groups on the platform (docs/sync-protocol.md): opened by a store with a published
commitment and a join token its terminal signed, entries recorded in join order as their
group.joined ops arrive, and refunds checked against the deposits pushed."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.errors import ApiError, OpRejected
from central.models import Group, GroupEntry, JoinRequest, Member, TerminalKey
from central.platform import TerminalContext
from central.services import deals
from central.services.admin import create_member
from central.services.changes import next_change_seq
from central.services.members import record_contact
from desktop.core import op_contracts as contracts
from desktop.core.deals import DealTerms
from desktop.core.draw import is_valid_nonce
from desktop.core.ed25519_keys import is_trusted_key
from desktop.core.join_token import token_hash, verify_join_token
from desktop.core.phones import normalize_phone


def terminal_key(session: Session, terminal_id: str, key_id: str,
                 at: datetime | None = None) -> Ed25519PublicKey | None:
    """The terminal's registered voucher key with this id (central/services/keys.py history),
    if it was in force at `at` (not revoked, not retired by then); else None."""
    for row in store_keys_of_terminal(session, terminal_id, key_id):
        bound = min((t for t in (row.retired_at, row.revoked_at) if t is not None), default=None)
        if bound is not None and (at is None or at >= bound):
            continue
        try:
            raw = base64.b64decode(row.public_key, validate=True)
            if not is_trusted_key(raw):
                continue
            return Ed25519PublicKey.from_public_bytes(raw)
        except (binascii.Error, ValueError):
            continue
    return None


def store_keys_of_terminal(session: Session, terminal_id: str, key_id: str) -> list[TerminalKey]:
    return list(session.scalars(select(TerminalKey).where(
        TerminalKey.terminal_id == terminal_id, TerminalKey.key_id == key_id).order_by(TerminalKey.id)))


def store_group(session: Session, terminal: TerminalContext, group_id: str) -> Group:
    """This store's group, or OpRejected: a group op must name a group the store opened."""
    group = session.get(Group, (terminal.store_id, group_id))
    if group is None:
        raise OpRejected(f"group {group_id} was never opened on the platform by this store "
                         "(no commitment published)")
    return group


def owns(session: Session, group: Group, terminal_id: str) -> bool:
    """The terminal that opened the group, or the same counter paired again: a pairing makes a
    new terminal id but sends the counter's current voucher key (desktop/sync/pairing.py), so a
    terminal of the store that registered a key the opening terminal registered is that
    counter. Another terminal of the store, with its own key, is not."""
    if group.terminal_id == terminal_id:
        return True
    opener_keys = select(TerminalKey.public_key).where(TerminalKey.terminal_id == group.terminal_id)
    shared = session.execute(select(TerminalKey.id).where(
        TerminalKey.terminal_id == terminal_id, TerminalKey.store_id == group.store_id,
        TerminalKey.public_key.in_(opener_keys)).limit(1)).first()
    return shared is not None


def group_deal_terms(session: Session, group: Group) -> DealTerms:
    terms = deals.latest_terms(session, group.store_id, group.deal_id)
    if terms is None:
        raise OpRejected(f"group {group.id} names deal {group.deal_id}, which this store never launched")
    return terms


def entries_of(session: Session, group: Group) -> list[GroupEntry]:
    return list(session.scalars(select(GroupEntry).where(
        GroupEntry.store_id == group.store_id, GroupEntry.group_id == group.id
    ).order_by(GroupEntry.position)))


def open_group(session: Session, terminal: TerminalContext, data: contracts.GroupOpened,
               at: datetime) -> str:
    """Record the opening; returns a note for the op's reason ("" when nothing to say)."""
    if session.get(Group, (terminal.store_id, data.group_id)) is not None:
        raise OpRejected(f"group {data.group_id} was opened already by this store")
    terms = deals.latest_terms(session, terminal.store_id, data.deal_id)
    if terms is None:
        raise OpRejected(f"deal {data.deal_id} was never launched by this store")
    if data.size != terms.group_size:
        raise OpRejected(f"size {data.size} differs from the deal's group size {terms.group_size}")
    if data.winners is not None and data.winners != terms.winners:
        raise OpRejected(f"winners {data.winners} differs from the deal's {terms.winners}")
    note, hashed = "", ""
    if data.join_token is None:
        note = "no join token: this group takes no online join requests"
    else:
        key = terminal_key(session, terminal.terminal_id, data.key_id or "", at)
        if key is None:
            raise OpRejected(f"key {data.key_id} is not this terminal's registered key")
        if not verify_join_token(key, data.join_token, terminal.store_id, data.group_id, data.commitment):
            raise OpRejected("the join token is not this terminal's signature over this store, "
                             "group and commitment")
        hashed = token_hash(data.join_token)
    session.add(Group(store_id=terminal.store_id, id=data.group_id, terminal_id=terminal.terminal_id,
                      deal_id=data.deal_id, commitment=data.commitment, size=data.size, state="open",
                      winners="[]", join_token_hash=hashed, opened_at=at))
    session.flush()
    return note


def join(session: Session, terminal: TerminalContext, data: contracts.GroupJoined, op_id: str,
         at: datetime) -> str:
    """Seat one entry; returns a note for the op's reason."""
    group = store_group(session, terminal, data.group_id)
    if not owns(session, group, terminal.terminal_id):
        raise OpRejected(f"group {group.id} was opened by another terminal: only it seats entries")
    if group.state != "open":
        raise OpRejected(f"group {group.id} is {group.state}: it takes no entries")
    terms = group_deal_terms(session, group)
    entries = entries_of(session, group)
    if len(entries) >= group.size:
        raise OpRejected(f"group {group.id} is full ({group.size} seats)")
    if any(e.entry_id == data.entry_id for e in entries):
        raise OpRejected(f"entry {data.entry_id} is in group {group.id} already")
    if data.deposit_fen != terms.group_price_fen:
        raise OpRejected(f"deposit {data.deposit_fen} fen differs from the deal's price "
                         f"{terms.group_price_fen} fen")
    if data.nonce is None or not is_valid_nonce(data.nonce):
        raise OpRejected("nonce must be lower-case hex of at least 16 random bytes")
    member_id, note = _resolve_member(session, terminal, data, at)
    note = note or _member_limit_note(entries, member_id, terms)
    if data.request_id is not None:
        _seat_request(session, group, data, member_id)
    session.add(GroupEntry(store_id=group.store_id, group_id=group.id, entry_id=data.entry_id,
                           position=len(entries) + 1, nonce=data.nonce, member_id=member_id,
                           phone=data.phone, claimed_member_id=data.member_id,
                           deposit_fen=data.deposit_fen, request_id=data.request_id,
                           coins_granted=0, op_id=op_id))
    session.flush()
    return note


def _resolve_member(session: Session, terminal: TerminalContext, data: contracts.GroupJoined,
                    at: datetime) -> tuple[str | None, str]:
    """The platform member behind the entry: by member id, else by phone (a new member is
    registered for a phone the platform does not know). Counted at this store either way."""
    member_id: str | None = None
    note = ""
    if data.member_id is not None:
        if session.get(Member, data.member_id) is not None:
            member_id = data.member_id
        else:
            note = f"member {data.member_id} is not known to the platform: the seat is kept without a member"
    if member_id is None and data.phone is not None:
        return member_for_phone(session, data.phone, terminal.store_id, at), ""
    if member_id is not None:
        record_contact(session, member_id, terminal.store_id, "group_enrolment", at)
    return member_id, note


def member_for_phone(session: Session, phone: str, store_id: str, at: datetime) -> str | None:
    """The member with this phone, registered at the counter when new (the counter's one way to
    register a member: seating a customer by phone); counted at the store (which locks an
    unlocked member to its merchant, `counter_registration` or `group_enrolment`). The phone is matched as stored:
    normalized (a "+86" form is the same member as its 11 digits)."""
    phone = normalize_phone(phone)
    member_id = session.scalar(select(Member.id).where(Member.phone == phone))
    kind = "group_enrolment"
    if member_id is None:
        try:
            with session.begin_nested():
                member_id = create_member(session, phone, f"{phone[:3]}****{phone[-4:]}")
                kind = "counter_registration"  # the cashier typed a phone the platform did not know
        except ApiError:
            member_id = session.scalar(select(Member.id).where(Member.phone == phone))
    if member_id is not None:
        record_contact(session, member_id, store_id, kind, at)
    return member_id


def _member_limit_note(entries: list[GroupEntry], member_id: str | None, terms: DealTerms) -> str:
    """A note, not a refusal: the counter keys a customer by what was scanned or typed (a
    member code, a phone), so one member may hold seats under both; the seat was paid."""
    held = sum(1 for e in entries if member_id and e.member_id == member_id)
    if held < terms.per_member_limit:
        return ""
    return (f"member {member_id} holds {held + 1} entries: more than the deal's "
            f"{terms.per_member_limit} per member (recorded)")


def _seat_request(session: Session, group: Group, data: contracts.GroupJoined,
                  member_id: str | None) -> None:
    request = session.get(JoinRequest, data.request_id)
    if (request is None or request.store_id != group.store_id or request.group_id != group.id
            or request.status != "pending" or request.entry_id is not None):
        raise OpRejected(f"join request {data.request_id} is not a pending request of group {group.id}")
    if request.nonce != data.nonce or request.member_id != member_id:
        raise OpRejected(f"join request {data.request_id} has another member or nonce than this entry")
    request.entry_id = data.entry_id
    request.change_seq = next_change_seq(session)


def refund(session: Session, terminal: TerminalContext, data: contracts.GroupRefunded,
           state: str) -> tuple[int, str]:
    """Expired or cancelled: an open group of this store. Returns the deposits the platform
    holds for it (what the line records) and a note when the pushed refund differs."""
    group = store_group(session, terminal, data.group_id)
    if group.state != "open":
        raise OpRejected(f"group {group.id} is {group.state}: it cannot become {state}")
    group.state = state
    held = sum(e.deposit_fen for e in entries_of(session, group))
    note = "" if held == data.refunded_fen else (
        f"refunded_fen {data.refunded_fen} differs from the {held} fen of deposits pushed: "
        "recorded as a difference for reconciliation")
    return held, note


def pending_requests(session: Session, group: Group) -> int:
    return int(session.scalar(select(func.count()).select_from(JoinRequest).where(
        JoinRequest.store_id == group.store_id, JoinRequest.group_id == group.id,
        JoinRequest.status == "pending", JoinRequest.entry_id.is_(None))) or 0)
