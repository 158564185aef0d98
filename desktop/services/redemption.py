"""Redeeming a winner voucher at the counter: scan (or typed fallback code) to verdict.

The hot path is one short write transaction on the raw SQLite connection (the ORM's unit of
work costs more than the commit itself; bench/redeem.py): verify the signature offline with
the voucher's key (parsed once, its bound `not_after` read fresh: a key retired or revoked at T
verifies only vouchers issued before T; a weak key never verifies), read the store id and terminal name (one query), insert the redemption
(UNIQUE voucher_id: single use whatever happens; a failed INSERT rolls back only itself), then
the outbox op (carrying the signed voucher text) and the audit record (desktop.store.raw_write, same rows as Transaction.emit
and .audit). A duplicate becomes the "already redeemed" verdict with when, where and by whom.
Refused scans write nothing.
"""

from __future__ import annotations

import platform
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from desktop.core.clock import Clock, from_iso, to_iso
from desktop.core.ops import OpKind
from desktop.core.phones import customer_label
from desktop.core.staff import Permission
from desktop.core.vouchers import (
    PREFIX,
    TrustedKey,
    Verdict,
    VoucherCheck,
    clean_scan,
    fallback_code,
    parse_fallback_code,
    verify_voucher,
)
from desktop.services.base import Actor, ServiceBase, require
from desktop.services.settings import STORE_ID, TERMINAL_NAME
from desktop.services.signing_keys import SigningKeyService
from desktop.store.db import Database
from desktop.store.raw_write import raw_audit, raw_emit, raw_read, raw_write
from desktop.store.redemption_sql import (
    RedemptionRow,
    insert_redemption,
    latest_redemptions,
    redemption_of,
    settings_values,
    voucher_customer,
    voucher_text_by_code,
)


class RedeemVerdict(StrEnum):
    REDEEMED = "redeemed"
    ALREADY_REDEEMED = "already_redeemed"
    EXPIRED = "expired"
    WRONG_STORE = "wrong_store"
    FORGED = "forged"
    REVOKED_KEY = "revoked_key"  # signed after its key was retired or its terminal revoked
    DAMAGED = "damaged"
    UNKNOWN_CODE = "unknown_code"  # a well-formed typed code no voucher here carries


_FROM_CHECK = {
    Verdict.EXPIRED: RedeemVerdict.EXPIRED,
    Verdict.WRONG_STORE: RedeemVerdict.WRONG_STORE,
    Verdict.FORGED: RedeemVerdict.FORGED,
    Verdict.REVOKED_KEY: RedeemVerdict.REVOKED_KEY,
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
    def __init__(self, db: Database, clock: Clock, keys: SigningKeyService) -> None:
        super().__init__(db, clock)
        self.keys = keys

    def redeem(self, actor: Actor, scanned: str) -> RedeemResult:
        require(actor, Permission.REDEEM)
        text = scanned if isinstance(scanned, str) else ""
        with raw_write(self.db) as conn:
            now = self.clock()
            if PREFIX not in "".join(text.split()).upper():  # clean_scan's test, at C speed
                code = parse_fallback_code(text)
                if code is None:
                    return RedeemResult(RedeemVerdict.DAMAGED)
                found = voucher_text_by_code(conn, code)
                if found is None:
                    return RedeemResult(RedeemVerdict.UNKNOWN_CODE, typed_code=code)
                text = found
            return self._redeem_checked(conn, actor, now, text)

    def check(self, actor: Actor, scanned: str) -> tuple[RedeemResult, str]:
        """Judge a voucher scanned into a sale without redeeming it: the verdict it would get
        now (REDEEMED means "redeemable") and its signed text, for `redeem_within` when the sale
        completes. Writes nothing."""
        require(actor, Permission.REDEEM)
        text = scanned if isinstance(scanned, str) else ""
        with raw_read(self.db) as conn:
            if PREFIX not in "".join(text.split()).upper():
                code = parse_fallback_code(text)
                found = voucher_text_by_code(conn, code) if code is not None else None
                if found is None:
                    verdict = RedeemVerdict.DAMAGED if code is None else RedeemVerdict.UNKNOWN_CODE
                    return RedeemResult(verdict, typed_code=code or ""), ""
                text = found
            settings = settings_values(conn, STORE_ID)
            check = self._verify(conn, text, settings.get(STORE_ID, ""), self.clock())
            if check.claims is None or check.verdict is not Verdict.VALID:
                return _refused(check), ""
            if redemption_of(conn, check.claims.voucher_id) is not None:
                return _already(conn, check), ""
            claims = check.claims
            return RedeemResult(RedeemVerdict.REDEEMED, claims.voucher_id, claims.product, claims.group_id,
                                claims.entry_id, _winner(conn, claims.voucher_id),
                                fallback_code(claims.voucher_id), claims.expires_at), clean_scan(text) or ""

    def redeem_within(self, conn: sqlite3.Connection, actor: Actor, now: datetime, text: str) -> RedeemResult:
        """Redeem inside another use case's transaction (a sale's): the same checks, rows, op
        and audit record as `redeem`, on that transaction's connection. A refusal writes
        nothing; the caller decides whether its transaction goes on."""
        require(actor, Permission.REDEEM)
        return self._redeem_checked(conn, actor, now, text)

    def _verify(self, conn: sqlite3.Connection, text: str, store_id: str,
                now: datetime) -> VoucherCheck:
        """Offline check against the local key table, read fresh for the voucher's key id (a
        key's bound from the last pull counts at once); weak keys never verify."""
        return verify_voucher(text, _KeyLookup(self.keys, conn), store_id, now)

    def _redeem_checked(self, conn: sqlite3.Connection, actor: Actor, now: datetime,
                        text: str) -> RedeemResult:
        settings = settings_values(conn, STORE_ID, TERMINAL_NAME)
        check = self._verify(conn, text, settings.get(STORE_ID, ""), now)
        claims = check.claims
        if claims is None or check.verdict is not Verdict.VALID:
            return _refused(check)
        terminal = settings.get(TERMINAL_NAME) or platform.node() or "counter"
        at = to_iso(now)
        try:
            insert_redemption(conn, claims.voucher_id, at, actor.label, terminal, claims.product,
                              claims.group_id, claims.entry_id)
        except sqlite3.IntegrityError:  # UNIQUE voucher_id: redeemed before, here or synced
            return _already(conn, check)
        # The signed text goes along: the platform verifies the voucher itself.
        raw_emit(conn, at, OpKind.VOUCHER_REDEEMED, {
            "voucher_id": claims.voucher_id, "redeemed_at": at, "staff": actor.label,
            "terminal": terminal, "at": at, "voucher": clean_scan(text)})
        raw_audit(conn, at, actor, "voucher.redeemed", voucher_id=claims.voucher_id,
                  group_id=claims.group_id, entry_id=claims.entry_id, product=claims.product)
        return RedeemResult(RedeemVerdict.REDEEMED, claims.voucher_id, claims.product,
                            claims.group_id, claims.entry_id, _winner(conn, claims.voucher_id),
                            fallback_code(claims.voucher_id), claims.expires_at, now,
                            actor.label, terminal)

    def history(self, limit: int = 20) -> list[RedeemResult]:
        """The latest redemptions at this store, newest first."""
        with raw_read(self.db) as conn:
            return [_from_row(conn, row) for row in latest_redemptions(conn, limit)]


class _KeyLookup(Mapping[str, TrustedKey]):
    """The key table as verify_voucher reads it: one key id, looked up when asked for."""

    def __init__(self, keys: SigningKeyService, conn: sqlite3.Connection) -> None:
        self.service, self.conn = keys, conn

    def __getitem__(self, kid: str) -> TrustedKey:
        found = self.service.trusted(self.conn, kid)
        if found is None:
            raise KeyError(kid)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _refused(check: VoucherCheck) -> RedeemResult:
    claims = check.claims
    if claims is None:
        return RedeemResult(RedeemVerdict.DAMAGED)
    return RedeemResult(_FROM_CHECK[check.verdict], claims.voucher_id, claims.product,
                        claims.group_id, claims.entry_id, expires_at=claims.expires_at,
                        typed_code=fallback_code(claims.voucher_id))


def _already(conn: sqlite3.Connection, check: VoucherCheck) -> RedeemResult:
    assert check.claims is not None
    row = redemption_of(conn, check.claims.voucher_id)
    assert row is not None  # the UNIQUE constraint just said so
    return replace(_from_row(conn, row), verdict=RedeemVerdict.ALREADY_REDEEMED)


def _from_row(conn: sqlite3.Connection, row: RedemptionRow) -> RedeemResult:
    voucher_id, product, group_id, entry_id, at, staff, terminal = row
    return RedeemResult(RedeemVerdict.REDEEMED, voucher_id, product, group_id, entry_id,
                        _winner(conn, voucher_id), fallback_code(voucher_id), None,
                        from_iso(at), staff, terminal)


def _winner(conn: sqlite3.Connection, voucher_id: str) -> str:
    return customer_label(voucher_customer(conn, voucher_id))
