"""Checkout at the counter (docs/checkout.md): ring up an order, identify the member, take
their coins (online: captured by the platform before the sale completes; offline: a
platform-signed coin authorization, captured on the next sync), tenders, and completion in ONE
transaction: the sale, its lines and tenders, the coins, the schedule version in force and what
it implies, the ledger transfers, the redeemed prize vouchers, the outbox ops and the audit
record. Printing comes after (desktop.services.sale_receipts)."""

from __future__ import annotations

import base64
import binascii
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.checkout import (
    BillTotals,
    CoinTerms,
    DiscountLimit,
    OrderLine,
    Tender,
    bill_totals,
    discounts_need_approval,
    settle_tenders,
)
from desktop.core.clock import Clock, to_iso
from desktop.core.coin_tokens import verify_token
from desktop.core.commission import Rates, sale_amounts
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.settings_keys import (
    CHECKOUT_ROUND_JIAO,
    CHECKOUT_TENDERS,
    DISCOUNT_LIMIT_BP,
    DISCOUNT_LIMIT_FEN,
)
from desktop.core.staff import Actor, Permission
from desktop.services.base import ServiceBase, Transaction, require
from desktop.services.checkout_order import CounterMember, Order
from desktop.services.checkout_writes import CompletedSale, write_sale
from desktop.services.members import member_by_phone
from desktop.services.redemption import RedeemVerdict, RedemptionService
from desktop.services.sync import schedule_in_force
from desktop.store.db import Database
from desktop.store.models import MenuItem, Setting
from desktop.store.raw_write import sqlite_of
from desktop.store.sale_models import AcceptedCoinToken, CoinCapture, ParkedOrder
from desktop.store.sale_queries import item_by_code, sellable_items
from desktop.store.sync_models import (
    CoinAuthorizationRevocation,
    CommissionSchedule,
    Member,
    SyncState,
)

if TYPE_CHECKING:  # cryptography is imported by the first coin authorization checked
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

DEFAULT_TENDERS = ("cash", "card", "wechat", "alipay")


@dataclass(frozen=True)
class CheckoutSettings:
    tenders: tuple[str, ...]
    round_jiao: bool
    limit: DiscountLimit


def rates_of(row: CommissionSchedule) -> Rates:
    """The schedule row as commission.Rates (its turnover rate arrives with settlement)."""
    return Rates(version=row.version, coin_settlement_bp=row.coin_settlement_bp,
                 turnover_commission_bp=int(getattr(row, "turnover_commission_bp", 0) or 0),
                 deal_commission_bp=row.deal_commission_bp, alliance_share_bp=row.alliance_share_bp,
                 coin_cap_bp=row.coin_cap_bp, coin_value_fen=row.coin_value_fen)


def checkout_settings(session: Session) -> CheckoutSettings:
    keys = (CHECKOUT_TENDERS, DISCOUNT_LIMIT_BP, DISCOUNT_LIMIT_FEN, CHECKOUT_ROUND_JIAO)
    values = {k: v for k, v in session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys))) if v}
    tenders = tuple(t.strip().lower() for t in values.get(CHECKOUT_TENDERS, ",".join(DEFAULT_TENDERS)).split(",")
                    if t.strip())
    if "cash" not in tenders:
        tenders = ("cash", *tenders)
    limit = DiscountLimit(int(values.get(DISCOUNT_LIMIT_BP, "1000")), int(values.get(DISCOUNT_LIMIT_FEN, "5000")))
    return CheckoutSettings(tenders, values.get(CHECKOUT_ROUND_JIAO, "") == "1", limit)


def _refused(message: str, **params: object) -> ValidationError:
    return ValidationError(message, **params)


_VOUCHER_REFUSALS = {
    RedeemVerdict.ALREADY_REDEEMED: QT_TRANSLATE_NOOP("errors", "This prize voucher was already redeemed"),
    RedeemVerdict.EXPIRED: QT_TRANSLATE_NOOP("errors", "This prize voucher has expired"),
    RedeemVerdict.WRONG_STORE: QT_TRANSLATE_NOOP("errors", "This prize voucher is for another store"),
    RedeemVerdict.FORGED: QT_TRANSLATE_NOOP("errors", "This prize voucher is forged or altered: do not accept it"),
    RedeemVerdict.REVOKED_KEY: QT_TRANSLATE_NOOP(
        "errors", "This prize voucher was signed after its terminal was revoked: do not accept it"),
    RedeemVerdict.DAMAGED: QT_TRANSLATE_NOOP("errors", "Not a voucher we can read: scan again or type the code"),
    RedeemVerdict.UNKNOWN_CODE: QT_TRANSLATE_NOOP("errors", "No voucher has this code"),
}


class CheckoutService(ServiceBase):
    def __init__(self, db: Database, clock: Clock, redemption: RedemptionService) -> None:
        super().__init__(db, clock)
        self.redemption = redemption

    # --- reads ---------------------------------------------------------------------------

    def settings(self) -> CheckoutSettings:
        with self.db.read() as s:
            return checkout_settings(s)

    def coin_terms(self) -> CoinTerms | None:
        with self.db.read() as s:
            rates = self._rates(s, self.clock())
        return CoinTerms(rates.coin_cap_bp, rates.coin_value_fen) if rates else None

    def totals(self, order: Order) -> BillTotals:
        with self.db.read() as s:
            rates = self._rates(s, self.clock())
            settings = checkout_settings(s)
        terms = CoinTerms(rates.coin_cap_bp, rates.coin_value_fen) if rates else None
        available = order.member.available if order.member and order.member.may_pay_coins else 0
        return bill_totals(order.lines, order.bill_discount_fen, coins=order.coins,
                           available_coins=available, terms=terms, round_jiao=settings.round_jiao)

    def needs_approval(self, order: Order) -> bool:
        return discounts_need_approval(order.lines, order.bill_discount_fen, self.settings().limit)

    def items(self) -> list[MenuItem]:
        with self.db.read() as s:
            return sellable_items(s)

    def line_for_item(self, item_id: int, quantity: int = 1) -> OrderLine:
        with self.db.read() as s:
            item = s.get(MenuItem, item_id)
            if item is None or not item.active:
                raise _refused(QT_TRANSLATE_NOOP("errors", "This item is not on sale"))
            return _line(item, quantity)

    def line_for_code(self, code: str) -> OrderLine:
        """The item with this barcode or SKU; ValidationError for an unknown code."""
        with self.db.read() as s:
            item = item_by_code(s, code)
            if item is None:
                raise _refused(QT_TRANSLATE_NOOP("errors", "No item has the code {code}"), code=code.strip()[:40])
            return _line(item, 1)

    def member_for_phone(self, phone: str) -> CounterMember:
        """The member behind a typed phone (this store's members): no coins without consent."""
        with self.db.read() as s:
            member = member_by_phone(s, phone)
            if member is None:
                raise _refused(QT_TRANSLATE_NOOP("errors", "No member of this store has the phone number {phone}"),
                               phone=phone.strip()[:20])
            return _counter_member(member)

    def member_by_id(self, member_id: str) -> CounterMember:
        with self.db.read() as s:
            member = s.get(Member, member_id)
            return _counter_member(member) if member else CounterMember(member_id, member_id)

    def with_consent(self, member_id: str, consent_id: str, available: int, *,
                     home_merchant_id: str | None = None) -> CounterMember:
        """The member after the platform turned their member code into a consent (online); the
        platform's answer names the merchant they are locked to (the alliance share needs it)."""
        member = replace(self.member_by_id(member_id), consent_id=consent_id, available=max(0, available))
        return replace(member, home_merchant_id=home_merchant_id) if home_merchant_id else member

    def accept_authorization(self, text: str, member: CounterMember | None) -> CounterMember:
        """Check a coin authorization QR offline: signed by the platform this terminal is paired
        with, for this store and merchant, for the member at the counter (if one is), not
        expired, not cancelled, not used at this store before. ValidationError with the reason."""
        now = self.clock()
        with self.db.read() as s:
            state = s.get(SyncState, 1)
            if state is None:
                raise _refused(QT_TRANSLATE_NOOP(
                    "errors", "Pair this terminal with the platform before accepting coins"))
            check = verify_token(text, _platform_key(state.platform_public_key), now=now)
            token = check.token
            if token is None or not check.ok:
                raise _token_refusal(check.reason, token.expires_at if token else None)
            if token.store_id != state.store_id or token.merchant_id != state.merchant_id:
                raise _refused(QT_TRANSLATE_NOOP("errors", "This coin authorization is for another store"))
            if member is not None and member.member_id != token.member_id:
                raise _refused(QT_TRANSLATE_NOOP(
                    "errors", "This coin authorization belongs to another member"))
            if s.get(CoinAuthorizationRevocation, token.token_id) is not None:
                raise _refused(QT_TRANSLATE_NOOP(
                    "errors", "This coin authorization was cancelled or used: ask the member for a new one"))
            if s.get(AcceptedCoinToken, token.token_id) is not None:
                raise _refused(QT_TRANSLATE_NOOP("errors", "This coin authorization was already used at this store"))
            known = s.get(Member, token.member_id)
        base = _counter_member(known) if known else (member or CounterMember(token.member_id, token.member_id))
        return replace(base, consent_id="", available=token.max_coins, token_text=text.strip().upper(),
                       token_id=token.token_id, token_expires_at=to_iso(token.expires_at))

    def voucher_line(self, actor: Actor, scanned: str) -> OrderLine:
        """A winner's voucher as a zero-price line; redeemed when the sale completes."""
        result, text = self.redemption.check(actor, scanned)
        if result.verdict is not RedeemVerdict.REDEEMED or not text or result.voucher_id is None:
            raise _refused(_VOUCHER_REFUSALS[result.verdict])
        return OrderLine(name=f"🎁 {result.product}", unit_price_fen=0, quantity=1,
                         voucher_id=result.voucher_id, voucher_text=text)

    def parked(self) -> list[ParkedOrder]:
        with self.db.read() as s:
            return list(s.scalars(select(ParkedOrder).order_by(ParkedOrder.parked_at)))

    # --- writes --------------------------------------------------------------------------

    def park(self, actor: Actor, order: Order, label: str) -> int:
        """Hold the order (a table still eating); the member's consent is not kept (it lasts
        minutes), their identity is."""
        require(actor, Permission.SELL)
        if not order.lines:
            raise _refused(QT_TRANSLATE_NOOP("errors", "The bill is empty"))
        member = order.member
        kept = CounterMember(member.member_id, member.name, member.phone_masked, member.home_merchant_id) \
            if member else None
        cleaned = " ".join(label.split())[:64] or "—"
        held = replace(order, member=kept, coins=0, parked_label=cleaned)
        with self.transaction(actor) as tx:
            row = ParkedOrder(label=cleaned, parked_at=tx.now_iso, cashier=actor.label, order_json=held.to_json())
            tx.session.add(row)
            tx.session.flush()
            tx.audit("order.parked", parked_id=row.id, label=cleaned, lines=len(order.lines))
            return row.id

    def recall(self, actor: Actor, parked_id: int) -> Order:
        require(actor, Permission.SELL)
        with self.transaction(actor) as tx:
            row = tx.session.get(ParkedOrder, parked_id)
            if row is None:
                raise _refused(QT_TRANSLATE_NOOP("errors", "This order was recalled already"))
            order = Order.from_json(row.order_json)
            tx.session.delete(row)
            tx.audit("order.recalled", parked_id=parked_id, label=row.label)
            return order

    def begin_capture(self, actor: Actor, member_id: str, coins: int) -> tuple[str, str]:
        """The Idempotency-Key of an online capture, written before the platform is asked, and
        its state ("new", or "pending"/"captured" of an earlier try). A capture of the same
        member and coins not yet in a sale is reused: a retry after a lost answer looks it up
        and asks again with the same key."""
        require(actor, Permission.SELL)
        with self.transaction(actor) as tx:
            existing = tx.session.scalar(select(CoinCapture).where(
                CoinCapture.member_id == member_id, CoinCapture.coins == coins,
                CoinCapture.sale_id.is_(None), CoinCapture.state.in_(("pending", "captured"))))
            if existing is not None:
                return existing.key, existing.state
            key = f"cap-{uuid.uuid4().hex}"
            tx.session.add(CoinCapture(key=key, member_id=member_id, coins=coins, state="pending",
                                       created_at=tx.now_iso, reason=""))
            return key, "new"

    def unsold_captures(self) -> list[CoinCapture]:
        """Coins the platform took online for a bill that did not complete (the cashier gave up
        after the capture, or the completion failed): the order screen says so; the same
        member's next bill with the same coins completes with that capture."""
        with self.db.read() as s:
            return list(s.scalars(select(CoinCapture).where(CoinCapture.state == "captured",
                                                            CoinCapture.sale_id.is_(None))))

    def capture_state(self, key: str) -> str:
        with self.db.read() as s:
            row = s.get(CoinCapture, key)
            return row.state if row else ""

    def record_capture(self, actor: Actor, key: str, *, captured: bool, reason: str = "") -> None:
        """The platform's answer to the capture `key` (or to the lookup of it)."""
        with self.transaction(actor) as tx:
            row = tx.session.get(CoinCapture, key)
            if row is not None and row.sale_id is None:
                row.state, row.reason = ("captured", "") if captured else ("refused", reason[:500])

    def validate(self, actor: Actor, order: Order, tenders: Sequence[Tender], *,
                 approver: Actor | None = None) -> BillTotals:
        """Everything `complete` checks except where the coins come from, writing nothing: run
        before coins are captured online, so a bill that cannot complete takes no coins."""
        require(actor, Permission.SELL)
        if not order.lines:
            raise _refused(QT_TRANSLATE_NOOP("errors", "The bill is empty"))
        with self.db.read() as s:
            rates = self._rates(s, self.clock())
            settings = checkout_settings(s)
        self._check_discounts(order, settings, approver)
        terms = CoinTerms(rates.coin_cap_bp, rates.coin_value_fen) if rates else None
        member = order.member
        available = member.available if member is not None and member.may_pay_coins else 0
        totals = bill_totals(order.lines, order.bill_discount_fen, coins=order.coins, available_coins=available,
                             terms=terms, round_jiao=settings.round_jiao)
        _check_tender_kinds(tenders, settings)
        settle_tenders(totals.payable_fen, tenders)
        return totals

    def complete(self, actor: Actor, order: Order, tenders: Sequence[Tender], *,
                 capture_key: str | None = None, approver: Actor | None = None) -> CompletedSale:
        """Complete the sale in one transaction; ValidationError (nothing written) when the bill,
        the coins, a voucher or the tenders do not hold."""
        require(actor, Permission.SELL)
        if not order.lines:
            raise _refused(QT_TRANSLATE_NOOP("errors", "The bill is empty"))
        try:
            with self.transaction(actor) as tx:
                return self._complete(tx, order, list(tenders), capture_key, approver)
        except (IntegrityError, sqlite3.IntegrityError) as exc:  # the authorization, used by another sale
            if "accepted_coin_tokens" in str(exc):
                raise _refused(QT_TRANSLATE_NOOP(
                    "errors", "This coin authorization was already used at this store")) from exc
            raise

    def _complete(self, tx: Transaction, order: Order, tenders: list[Tender], capture_key: str | None,
                  approver: Actor | None) -> CompletedSale:
        s = tx.session
        state = s.get(SyncState, 1)
        rates = self._rates(s, tx.now)
        settings = checkout_settings(s)
        approved_by = self._check_discounts(order, settings, approver)
        coins, available = self._coin_source(s, order, capture_key)
        terms = CoinTerms(rates.coin_cap_bp, rates.coin_value_fen) if rates else None
        totals = bill_totals(order.lines, order.bill_discount_fen, coins=coins, available_coins=available,
                             terms=terms, round_jiao=settings.round_jiao)
        _check_tender_kinds(tenders, settings)
        outcome = settle_tenders(totals.payable_fen, tenders)
        member = order.member
        merchant = state.merchant_id if state else ""
        amounts = sale_amounts(member_sale_fen=totals.payable_fen, coin_fen=totals.coin_fen,
                               has_member=member is not None,
                               home_merchant_id=(member.home_merchant_id if member else "") or "",
                               selling_merchant_id=merchant, rates=rates) if rates else None
        self._redeem_vouchers(tx, order)
        return write_sale(tx, order, tenders, totals, outcome, rates.version if rates else None, amounts,
                          capture_key=capture_key if coins and capture_key else None, approved_by=approved_by)

    def _check_discounts(self, order: Order, settings: CheckoutSettings, approver: Actor | None) -> str:
        if not discounts_need_approval(order.lines, order.bill_discount_fen, settings.limit):
            return ""
        if approver is None or not approver.may(Permission.DISCOUNT_OVER_LIMIT):
            raise _refused(QT_TRANSLATE_NOOP(
                "errors", "The discount is beyond the cashier's limit: a manager must approve it"))
        return approver.approved_by or approver.name

    def _coin_source(self, s: Session, order: Order, capture_key: str | None) -> tuple[int, int]:
        """(coins, what they may be at most): captured online under `capture_key`, or an
        authorization accepted offline (checked again here: the UNIQUE token id decides)."""
        member = order.member
        if not order.coins:
            return 0, 0
        if member is None:
            raise _refused(QT_TRANSLATE_NOOP("errors", "Coins need a member"))
        if member.token_text:
            return order.coins, member.available
        row = s.get(CoinCapture, capture_key) if capture_key else None
        if row is None or row.state != "captured" or row.sale_id is not None \
                or row.member_id != member.member_id or row.coins != order.coins:
            raise _refused(QT_TRANSLATE_NOOP("errors", "The coins were not taken by the platform yet: try again"))
        return order.coins, order.coins

    def _redeem_vouchers(self, tx: Transaction, order: Order) -> None:
        conn = sqlite_of(tx.session)
        tx.session.flush()
        for line in order.lines:
            if line.voucher_id is None:
                continue
            result = self.redemption.redeem_within(conn, tx.actor, tx.now, line.voucher_text)
            if not result.ok or result.voucher_id != line.voucher_id:
                raise _refused(_VOUCHER_REFUSALS.get(result.verdict, _VOUCHER_REFUSALS[RedeemVerdict.DAMAGED]))

    def _rates(self, s: Session, at: datetime) -> Rates | None:
        state = s.get(SyncState, 1)
        row = schedule_in_force(s, state.merchant_id, at) if state else None
        return rates_of(row) if row else None


def _check_tender_kinds(tenders: Sequence[Tender], settings: CheckoutSettings) -> None:
    unknown = [t.kind for t in tenders if t.kind not in settings.tenders]
    if unknown:
        raise _refused(QT_TRANSLATE_NOOP("errors", "{kind} is not a payment this store takes"), kind=unknown[0])


def _line(item: MenuItem, quantity: int) -> OrderLine:
    return OrderLine(name=item.name, unit_price_fen=item.price_fen, quantity=quantity, item_id=item.id,
                     price_version=item.price_version)


def _counter_member(member: Member) -> CounterMember:
    return CounterMember(member.member_id, member.name, member.phone_masked or "", member.home_merchant_id or "")


def _platform_key(text: str) -> list[Ed25519PublicKey]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        return [Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))]
    except (binascii.Error, ValueError):
        return []


def _token_refusal(reason: str, expires_at: datetime | None) -> ValidationError:
    if "expired" in reason and expires_at is not None:
        return _refused(QT_TRANSLATE_NOOP(
            "errors", "This coin authorization expired at {time}: ask the member for a new one"),
            time=expires_at.astimezone().strftime("%H:%M"))
    if "signature" in reason:
        return _refused(QT_TRANSLATE_NOOP(
            "errors", "This coin authorization is forged, altered or from another platform: do not accept it"))
    return _refused(QT_TRANSLATE_NOOP("errors", "This is not a coin authorization we can read"))
