"""What the phone pages show, read from the platform's tables. Other people's phones are never
sent: an entry shows its seat number and a masked phone (138****0001); the signed-in member's
own entries are marked."""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any

import qrcode
import qrcode.image.svg
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.models import (
    CoinTransfer,
    DealVersion,
    DrawProof,
    Group,
    GroupEntry,
    JoinRequest,
    Member,
    MemberContact,
    Merchant,
    PaymentOrder,
    ReceivedOp,
    Store,
    VoucherIssue,
)
from central.services import coin_ledger, deals
from central.services.groups import pending_requests
from central.services.join_requests import deadline_of
from central.services.members import current_code
from desktop.core.member_codes import STEP_SECONDS
from desktop.core.phones import mask_phone


def qr_svg(text: str) -> str:
    """An SVG QR code (made here: no script or image from anyone else)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue().decode("utf-8")


def _terms(session: Session, group: Group) -> Any:
    terms = deals.latest_terms(session, group.store_id, group.deal_id)
    if terms is None:
        raise ApiError(404, "not_found", "this group's deal is not known to the platform")
    return terms


def _taken(session: Session, group: Group) -> int:
    return int(session.scalar(select(func.count()).select_from(GroupEntry).where(
        GroupEntry.store_id == group.store_id, GroupEntry.group_id == group.id)) or 0)


def seats(session: Session, group: Group, now: datetime | None = None) -> dict[str, Any]:
    """The live part of the join page (polled): seats taken, being paid for, left; the state
    ("expired" once an open group is past its deadline at `now`, before its terminal says so)."""
    taken = _taken(session, group)
    pending = pending_requests(session, group)
    state = group.state
    if state == "open" and now is not None:
        deadline = deadline_of(session, group)
        if deadline is not None and now >= deadline:
            state = "expired"
    return {"state": state, "size": group.size, "taken": taken, "pending": pending,
            "left": max(0, group.size - taken - pending)}


def group_page(session: Session, group: Group, member_id: str | None,
               now: datetime | None = None) -> dict[str, Any]:
    terms = _terms(session, group)
    store = session.get(Store, group.store_id)
    merchant = session.get(Merchant, store.merchant_id) if store else None
    disclosure = session.scalar(select(DealVersion.disclosure).where(
        DealVersion.store_id == group.store_id, DealVersion.deal_id == group.deal_id
    ).order_by(DealVersion.version.desc()).limit(1)) or ""
    return {
        "group_id": group.id, "store_id": group.store_id, "store": store.name if store else "",
        "merchant": merchant.name if merchant else "", "commitment": group.commitment,
        "deal": {"product": terms.product_name, "price_fen": terms.group_price_fen,
                 "market_value_fen": terms.market_value_fen, "size": terms.group_size,
                 "winners": terms.winners, "leader_rule": terms.leader_rule.value,
                 "consolation_cash_fen": terms.consolation_cash_fen,
                 "consolation_coins": terms.consolation_coins, "redemption_days": terms.redemption_days},
        "disclosure": disclosure,
        "deadline": (group.opened_at + terms.fill_window).isoformat(),
        "seats": seats(session, group, now),
        "mine": mine(session, group, member_id) if member_id else None,
        "signed_in": member_id is not None,
    }


# Why a deposit went back, as a code the page words in its language: the owning terminal's
# refusal reasons (desktop/core/groups.py, desktop/services/join_requests.py) and the platform's
# own error codes (payments._make_request stores "code: reason").
REFUND_CODES = {"group full": "group_full", "member limit reached": "member_limit",
                "group not open": "group_closed", "invalid nonce": "bad_nonce"}
PLATFORM_CODES = ("group_full", "group_closed", "group_expired", "not_found")


def refund_code(reason: str) -> str:
    if reason in REFUND_CODES:
        return REFUND_CODES[reason]
    code = reason.partition(":")[0]
    return code if code in PLATFORM_CODES else "other"


def mine(session: Session, group: Group, member_id: str) -> dict[str, Any]:
    """The member's deposit order, join request and seat in this group."""
    order = session.scalar(select(PaymentOrder).where(
        PaymentOrder.store_id == group.store_id, PaymentOrder.group_id == group.id,
        PaymentOrder.member_id == member_id))
    request = session.scalar(select(JoinRequest).where(
        JoinRequest.store_id == group.store_id, JoinRequest.group_id == group.id,
        JoinRequest.member_id == member_id))
    entry = None
    if request is not None and request.entry_id is not None:
        entry = session.get(GroupEntry, (group.store_id, group.id, request.entry_id))
    return {
        "order": None if order is None else {"order_id": order.id, "status": order.status,
                                              "reason": order.reason, "reason_code": refund_code(order.reason),
                                              "nonce": order.nonce,
                                              "amount_fen": order.amount_fen},
        "request": None if request is None else {"status": request.status, "entry_id": request.entry_id},
        "entry": None if entry is None else {"entry_id": entry.entry_id, "position": entry.position,
                                              "nonce": entry.nonce},
    }


def draw_page(session: Session, group: Group, member_id: str | None) -> dict[str, Any]:
    proof_row = session.get(DrawProof, (group.store_id, group.id))
    proof = json.loads(proof_row.proof) if proof_row else None
    winners = json.loads(group.winners or "[]")
    rows = session.scalars(select(GroupEntry).where(
        GroupEntry.store_id == group.store_id, GroupEntry.group_id == group.id).order_by(GroupEntry.position))
    phones = {m.id: m.phone for m in session.scalars(select(Member).where(Member.id.in_(
        select(GroupEntry.member_id).where(GroupEntry.store_id == group.store_id,
                                           GroupEntry.group_id == group.id))))}
    entries = []
    for e in rows:
        phone = e.phone or phones.get(e.member_id or "", "")
        entries.append({"entry_id": e.entry_id, "position": e.position, "nonce": e.nonce,
                        "who": mask_phone(phone) if phone else "",
                        "mine": member_id is not None and e.member_id == member_id,
                        "winner": e.entry_id in winners})
    store = session.get(Store, group.store_id)
    return {"group_id": group.id, "store_id": group.store_id, "store": store.name if store else "",
            "state": group.state, "commitment": group.commitment, "winners": winners,
            "version": proof_row.version if proof_row else None, "proof": proof, "entries": entries,
            "signed_in": member_id is not None}


def member_page(session: Session, member_id: str) -> dict[str, Any]:
    member = session.get(Member, member_id)
    if member is None:
        raise ApiError(401, "member_unauthorized", "sign in again")
    account = coin_ledger.member_account(member_id)
    history = [{"at": t.created_at.isoformat(), "coins": t.amount if t.credit == account else -t.amount,
                "kind": t.kind, "where": _where(session, t.credit if t.debit == account else t.debit),
                "account": (t.credit if t.debit == account else t.debit).partition(":")[0]}
               for t in session.scalars(select(CoinTransfer).where(
                   (CoinTransfer.debit == account) | (CoinTransfer.credit == account))
                   .order_by(CoinTransfer.created_at.desc()).limit(50))]
    merchant = session.get(Merchant, member.home_merchant_id) if member.home_merchant_id else None
    stores = [{"store_id": s.id, "name": s.name} for s in session.scalars(
        select(Store).join(MemberContact, MemberContact.store_id == Store.id)
        .where(MemberContact.member_id == member_id).order_by(Store.name))]
    return {"member_id": member_id, "phone": mask_phone(member.phone),
            "coins": coin_ledger.available(session, account), "history": history,
            "locked_merchant": None if merchant is None else {"merchant_id": merchant.id, "name": merchant.name},
            "stores": stores, "vouchers": _vouchers(session, member_id)}


def _where(session: Session, other: str) -> str:
    """A counter-account in words: the merchant's name, or the kind of account."""
    kind, _, ident = other.partition(":")
    if kind == "merchant":
        merchant = session.get(Merchant, ident)
        return merchant.name if merchant else ident
    return kind


def _vouchers(session: Session, member_id: str) -> list[dict[str, Any]]:
    """The member's winning entries' vouchers, as the issuing terminal signed them: the voucher
    issues of this member's entries only (an index on the entry), each with its own op."""
    rows = session.execute(
        select(VoucherIssue.voucher_id, VoucherIssue.group_id, ReceivedOp.payload)
        .join(GroupEntry, (GroupEntry.store_id == VoucherIssue.store_id)
              & (GroupEntry.group_id == VoucherIssue.group_id) & (GroupEntry.entry_id == VoucherIssue.entry_id))
        .join(ReceivedOp, (ReceivedOp.terminal_id == VoucherIssue.terminal_id) & (ReceivedOp.op_id == VoucherIssue.op_id))
        .where(GroupEntry.member_id == member_id)
        .order_by(VoucherIssue.received_at.desc()).limit(50)).all()
    out: list[dict[str, Any]] = []
    for voucher_id, group_id, payload in rows:
        data = json.loads(payload)
        text = data.get("voucher")
        out.append({"voucher_id": voucher_id, "group_id": group_id, "expires_at": data.get("expires_at"),
                    "svg": qr_svg(text) if isinstance(text, str) else None})
    return out


def member_code(session: Session, member_id: str, now: datetime) -> dict[str, Any]:
    code = current_code(session, member_id, now)
    return {"code": code, "svg": qr_svg(code), "step_seconds": STEP_SECONDS}
