"""Deposits paid from the phone, through a payment-provider interface shaped like the real
ones (docs/phone.md): create an order -> the member pays on the provider's page -> the
provider sends a signed asynchronous notice -> the platform may also query the order. A paid
order becomes the member's join request (central/services/join_requests.py); a paid order that
cannot be seated (the group is full, closed or expired, or the owning terminal refused the
request) is refunded through the provider, automatically.

The development provider is a sandbox served by the platform itself (`/sandbox/pay/<order>`,
labelled as such: no money moves), with its own book (`sandbox_charges`) and its own HMAC key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from urllib.parse import quote

import requests
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from central.errors import ApiError
from central.models import Group, PaymentOrder, SandboxCharge
from central.services import join_requests

log = logging.getLogger("central.payments")


@dataclass(frozen=True)
class Notice:
    order_id: str
    amount_fen: int
    paid: bool


class PaymentProvider(Protocol):
    name: str

    def create(self, order_id: str, amount_fen: int, notify_url: str, return_url: str) -> str:
        """Open the order at the provider; returns the address of its payment page."""

    def parse_notice(self, body: bytes, signature: str) -> Notice | None:
        """A notice whose signature checks; None for anything else."""

    def query(self, order_id: str) -> Notice | None:
        """Ask the provider what became of an order (None: it does not know it)."""

    def refund(self, order_id: str, amount_fen: int) -> None:
        """Give the money back (idempotent)."""


class SandboxPayments:
    """The development provider: a labelled page on the platform, a book in the platform's
    database, notices signed with HMAC-SHA256 and sent from a thread after the payment."""

    name = "sandbox"

    def __init__(self, sessions: sessionmaker[Session], secret: bytes, clock: object,
                 notice_delay: float = 0.2) -> None:
        self.sessions = sessions
        self.secret = secret
        self.clock = clock
        self.notice_delay = notice_delay

    def _now(self) -> datetime:
        now: datetime = self.clock()  # type: ignore[operator]
        return now

    def create(self, order_id: str, amount_fen: int, notify_url: str, return_url: str) -> str:
        with self.sessions() as session, session.begin():
            if session.get(SandboxCharge, order_id) is None:
                session.add(SandboxCharge(order_id=order_id, amount_fen=amount_fen, state="unpaid",
                                          notify_url=notify_url[:500]))
        return f"/sandbox/pay/{order_id}?return={quote(return_url, safe='')}"

    def sign(self, body: bytes) -> str:
        return hmac.new(self.secret, body, hashlib.sha256).hexdigest()

    def notice_body(self, order_id: str, amount_fen: int) -> bytes:
        return json.dumps({"order_id": order_id, "amount_fen": amount_fen, "state": "paid"},
                          sort_keys=True).encode()

    def pay(self, order_id: str) -> SandboxCharge | None:
        """The member pressed Pay on the sandbox page: the charge is paid and the notice goes out."""
        with self.sessions() as session, session.begin():
            charge = session.get(SandboxCharge, order_id)
            if charge is None:
                return None
            if charge.state == "unpaid":
                charge.state, charge.paid_at = "paid", self._now()
            session.flush()  # written before the object leaves the session (expunge drops changes)
            session.expunge(charge)
        if charge.state == "paid":
            body = self.notice_body(order_id, charge.amount_fen)
            threading.Thread(target=self._deliver, args=(charge.notify_url, body), daemon=True,
                             name=f"sandbox-notice:{order_id}").start()
        return charge

    def _deliver(self, url: str, body: bytes) -> None:
        time.sleep(self.notice_delay)  # asynchronous, as a real provider's notice
        try:
            requests.post(url, data=body, timeout=5,
                          headers={"Content-Type": "application/json", "X-Sandbox-Signature": self.sign(body)})
        except requests.RequestException as exc:  # the phone's query picks the payment up
            log.warning("sandbox notice to %s failed: %s", url, exc)

    def parse_notice(self, body: bytes, signature: str) -> Notice | None:
        if not hmac.compare_digest(self.sign(body), signature or ""):
            return None
        try:
            data = json.loads(body)
            return Notice(str(data["order_id"]), int(data["amount_fen"]), data["state"] == "paid")
        except (ValueError, KeyError, TypeError):
            return None

    def query(self, order_id: str) -> Notice | None:
        with self.sessions() as session:
            charge = session.get(SandboxCharge, order_id)
            if charge is None:
                return None
            return Notice(order_id, charge.amount_fen, charge.state in ("paid", "refunded"))

    def refund(self, order_id: str, amount_fen: int) -> None:
        with self.sessions() as session, session.begin():
            charge = session.get(SandboxCharge, order_id)
            if charge is not None and charge.state == "paid":
                charge.state, charge.refunded_at = "refunded", self._now()


def new_order(session: Session, provider: PaymentProvider, member_id: str, store_id: str, group_id: str,
              nonce: str, amount_fen: int, now: datetime) -> PaymentOrder:
    order = PaymentOrder(id="P" + secrets.token_hex(12), provider=provider.name, member_id=member_id,
                         store_id=store_id, group_id=group_id, nonce=nonce, amount_fen=amount_fen,
                         status="created", notices=0, reason="", created_at=now)
    session.add(order)
    session.flush()
    return order


def apply_paid(session: Session, notice: Notice, now: datetime) -> PaymentOrder | None:
    """A verified notice (or query answer). Applied once: only the first moves `created` to
    `paid` (a guarded UPDATE, so two workers racing apply it once); every notice is counted.
    Then the join request is made; when the group cannot take it, the order is to be refunded."""
    order = session.get(PaymentOrder, notice.order_id, with_for_update=True)
    if order is None:
        return None
    order.notices += 1
    if not notice.paid or order.status != "created":
        return order
    if notice.amount_fen != order.amount_fen:
        log.error("payment notice for %s says %s fen, the order is %s fen", order.id, notice.amount_fen,
                  order.amount_fen)
        return order
    moved = _rows(session.execute(update(PaymentOrder).where(PaymentOrder.id == order.id,
                                                       PaymentOrder.status == "created")
                            .values(status="paid", paid_at=now)))
    if not moved:
        return order
    session.refresh(order)
    _make_request(session, order, now)
    return order


def _make_request(session: Session, order: PaymentOrder, now: datetime) -> None:
    group = session.get(Group, (order.store_id, order.group_id))
    try:
        if group is None:
            raise ApiError(404, "not_found", "the group is gone")
        with session.begin_nested():
            answer = join_requests.create_for_group(session, group, order.member_id, order.nonce, now)
        order.status, order.join_request_id = "requested", answer["request_id"]
    except ApiError as exc:
        order.status, order.reason = "refunding", f"{exc.code}: {exc.reason}"[:500]


def mark_refund(session: Session, request_id: str, reason: str) -> None:
    """The owning terminal refused the request (full, expired): its deposit goes back."""
    order = session.scalar(select(PaymentOrder).where(PaymentOrder.join_request_id == request_id))
    if order is not None and order.status == "requested":
        order.status, order.reason = "refunding", reason[:500]


def run_refunds(sessions: sessionmaker[Session], providers: dict[str, PaymentProvider], now: datetime,
                member_id: str | None = None) -> int:
    """Refund every order waiting for it (after the transaction that decided it). Returns how many."""
    with sessions() as session:
        query = select(PaymentOrder.id).where(PaymentOrder.status == "refunding")
        if member_id is not None:
            query = query.where(PaymentOrder.member_id == member_id)
        waiting = list(session.scalars(query.limit(100)))
    done = 0
    for order_id in waiting:
        with sessions() as session:
            order = session.get(PaymentOrder, order_id)
            if order is None or order.status != "refunding":
                continue
            provider, amount = order.provider, order.amount_fen
        chosen = providers.get(provider)
        if chosen is None:  # the provider that took the deposit is not configured any more
            log.error("deposit order %s waits for a refund through %s, which is not configured", order_id, provider)
            continue
        chosen.refund(order_id, amount)  # idempotent: no transaction held meanwhile
        with sessions() as session, session.begin():
            done += _rows(session.execute(update(PaymentOrder).where(
                PaymentOrder.id == order_id, PaymentOrder.status == "refunding"
            ).values(status="refunded", refunded_at=now)))
    return done


def _rows(result: object) -> int:
    """Rows an UPDATE changed (a CursorResult's rowcount)."""
    return int(getattr(result, "rowcount", 0))
