"""Redeeming a winner voucher at the counter: scan (or typed fallback code) to verdict.

The hot path is one short write transaction: verify the signature offline with cached public
keys, read the store id and terminal name (one query), insert the redemption under a savepoint
(UNIQUE voucher_id: single use whatever happens), then the outbox op and the audit record.
A duplicate insert becomes the "already redeemed" verdict with when, where and by whom.
Refused scans write nothing.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso
from desktop.core.ops import OpKind
from desktop.core.staff import Permission
from desktop.core.vouchers import (
    Verdict,
    VoucherCheck,
    clean_scan,
    fallback_code,
    parse_fallback_code,
    verify_voucher,
)
from desktop.services.base import Actor, ServiceBase, Transaction, require
from desktop.services.settings import STORE_ID
from desktop.services.signing_keys import SigningKeyService
from desktop.store.deal_models import Redemption, Voucher
from desktop.store.models import Setting

TERMINAL_NAME = "terminal.name"


class RedeemVerdict(StrEnum):
    REDEEMED = "redeemed"
    ALREADY_REDEEMED = "already_redeemed"
    EXPIRED = "expired"
    WRONG_STORE = "wrong_store"
    FORGED = "forged"
    DAMAGED = "damaged"
    UNKNOWN_CODE = "unknown_code"  # a well-formed typed code no voucher here carries


_FROM_CHECK = {
    Verdict.EXPIRED: RedeemVerdict.EXPIRED,
    Verdict.WRONG_STORE: RedeemVerdict.WRONG_STORE,
    Verdict.FORGED: RedeemVerdict.FORGED,
    Verdict.DAMAGED: RedeemVerdict.DAMAGED,
}


@dataclass(frozen=True)
class RedeemResult:
    verdict: RedeemVerdict
    voucher_id: str | None = None
    product: str = ""
    group_id: str = ""
    entry_id: str = ""
    winner: str = ""  # masked phone or member id, when this terminal issued the voucher
    typed_code: str = ""
    expires_at: datetime | None = None
    redeemed_at: datetime | None = None  # now, or when it was first redeemed
    staff: str = ""
    terminal: str = ""

    @property
    def ok(self) -> bool:
        return self.verdict is RedeemVerdict.REDEEMED


class RedemptionService(ServiceBase):
    def __init__(self, db: object, clock: object, keys: SigningKeyService) -> None:
        super().__init__(db, clock)  # type: ignore[arg-type]
        self.keys = keys

    def redeem(self, actor: Actor, scanned: str) -> RedeemResult:
        require(actor, Permission.REDEEM)
        with self.transaction(actor) as tx:
            text = scanned if isinstance(scanned, str) else ""
            if clean_scan(text) is None:
                code = parse_fallback_code(text)
                if code is None:
                    return RedeemResult(RedeemVerdict.DAMAGED)
                found = tx.session.scalar(select(Voucher.qr_text).where(Voucher.fallback_code == code))
                if found is None:
                    return RedeemResult(RedeemVerdict.UNKNOWN_CODE, typed_code=code)
                text = found
            return self._redeem_checked(tx, text)

    def _redeem_checked(self, tx: Transaction, text: str) -> RedeemResult:
        settings = _settings(tx.session, STORE_ID, TERMINAL_NAME)
        check = self._verify(tx.session, text, settings.get(STORE_ID, ""))
        claims = check.claims
        if claims is None or check.verdict is not Verdict.VALID:
            return _refused(check)
        terminal = settings.get(TERMINAL_NAME) or platform.node() or "counter"
        row = Redemption(voucher_id=claims.voucher_id, redeemed_at=tx.now_iso,
                         staff=tx.actor.label, terminal=terminal, product=claims.product,
                         group_id=claims.group_id, entry_id=claims.entry_id)
        try:
            with tx.session.begin_nested():
                tx.session.add(row)
        except IntegrityError:
            return _already(tx.session, check)
        tx.emit(OpKind.VOUCHER_REDEEMED, {"voucher_id": claims.voucher_id,
                                          "redeemed_at": tx.now_iso, "staff": tx.actor.label,
                                          "terminal": terminal, "at": tx.now_iso})
        tx.audit("voucher.redeemed", voucher_id=claims.voucher_id, group_id=claims.group_id,
                 entry_id=claims.entry_id, product=claims.product)
        return RedeemResult(RedeemVerdict.REDEEMED, claims.voucher_id, claims.product,
                            claims.group_id, claims.entry_id, _winner(tx.session, claims.voucher_id),
                            fallback_code(claims.voucher_id), claims.expires_at, tx.now,
                            tx.actor.label, terminal)

    def _verify(self, session: Session, text: str, store_id: str) -> VoucherCheck:
        check = verify_voucher(text, self.keys.public_keys(session, wanted=""), store_id,
                               self.clock())
        unknown_key = check.claims is not None and check.claims.key_id not in self.keys.cached
        if check.verdict is Verdict.FORGED and unknown_key:  # a key we have not loaded yet
            keys = self.keys.public_keys(session, wanted=check.claims.key_id)  # type: ignore[union-attr]
            check = verify_voucher(text, keys, store_id, self.clock())
        return check

    def history(self, limit: int = 20) -> list[RedeemResult]:
        """The latest redemptions at this store, newest first."""
        with self.db.read() as s:
            rows = s.scalars(select(Redemption).order_by(Redemption.id.desc()).limit(limit))
            return [_from_row(s, row) for row in rows]


def _settings(session: Session, *keys: str) -> dict[str, str]:
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys)))
    return {key: value for key, value in rows}


def _refused(check: VoucherCheck) -> RedeemResult:
    claims = check.claims
    if claims is None:
        return RedeemResult(RedeemVerdict.DAMAGED)
    return RedeemResult(_FROM_CHECK[check.verdict], claims.voucher_id, claims.product,
                        claims.group_id, claims.entry_id, expires_at=claims.expires_at,
                        typed_code=fallback_code(claims.voucher_id))


def _already(session: Session, check: VoucherCheck) -> RedeemResult:
    assert check.claims is not None
    row = session.scalar(select(Redemption).where(Redemption.voucher_id == check.claims.voucher_id))
    assert row is not None  # the UNIQUE constraint just said so
    result = _from_row(session, row)
    return RedeemResult(RedeemVerdict.ALREADY_REDEEMED, **{
        k: v for k, v in result.__dict__.items() if k != "verdict"})


def _from_row(session: Session, row: Redemption) -> RedeemResult:
    return RedeemResult(RedeemVerdict.REDEEMED, row.voucher_id, row.product, row.group_id,
                        row.entry_id, _winner(session, row.voucher_id), fallback_code(row.voucher_id),
                        None, from_iso(row.redeemed_at), row.staff, row.terminal)


def _winner(session: Session, voucher_id: str) -> str:
    customer = session.scalar(select(Voucher.customer).where(Voucher.id == voucher_id))
    if not customer:
        return ""
    if customer.isdigit() and len(customer) == 11:
        return f"{customer[:3]}****{customer[-4:]}"
    return customer
