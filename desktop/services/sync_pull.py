"""Apply one pull answer (docs/sync-protocol.md, Pull) together with its cursor, in ONE
transaction: either the copies and the cursor both move, or neither does.

The platform pages long pulls (a few thousand members a page): each page is one short
transaction (bulk upserts on the raw connection, no ORM object per member) that moves the
cursor with it, so the counter's own writes get the lock between pages and a pull interrupted
by a crash resumes after the last page applied. Before each page the pull lets a waiting
counter write go first (`Database.yield_to_writers`).

`reset: true` replaces the local copies of platform-owned data, page by page: a reset page
drops the local members of the id range it covers that it does not hold (so members never
vanish while the reset runs); the last page replaces the small tables. Attention items and
join requests are kept (they carry the manager's and the groups' own state) and merged.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso
from desktop.core.ed25519_keys import check_public_key
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.vouchers import key_id
from desktop.services.base import SYSTEM_ACTOR, ServiceBase, Transaction
from desktop.services.join_requests import record_join_request
from desktop.services.sync import CONFLICT, add_attention
from desktop.store.changes import note_tables
from desktop.store.deal_models import SigningKey
from desktop.store.raw_write import sqlite_of
from desktop.store.sync_models import (
    CoinAuthorizationRevocation,
    CommissionSchedule,
    PlatformJoinRequest,
    SyncState,
    TerminalKey,
)

log = logging.getLogger(__name__)
CONFLICT_ACTION = QT_TRANSLATE_NOOP(
    "attention", "Another terminal redeemed this voucher first; the platform kept that one. "
    "Check with the customer and the staff who served them; if the product was given twice, "
    "record it as a loss, then mark this resolved.")
HEAD_REGRESSED = "audit.head_regressed"  # central/services/audit_head.py
UNKNOWN_MEMBER = "sale.unknown_member"
UNKNOWN_MEMBER_ACTION = QT_TRANSLATE_NOOP(
    "attention", "The platform does not know the member this sale names, so no alliance share is "
    "due for it. Check the member on the receipt with the staff who rang it up; if it was a "
    "mistake, nothing else is needed. Then mark this resolved.")
Z_REPORT_ACTION = QT_TRANSLATE_NOOP(
    "attention", "The platform's figures differ from this Z report. Compare the Z report with the "
    "sales history of that shift and the platform's reconciliation, then mark this resolved.")
HEAD_REGRESSED_ACTION = QT_TRANSLATE_NOOP(
    "attention", "The platform holds a longer audit history of this terminal than the one it now "
    "sent: the terminal's data was restored from an older copy, or replaced. Find out which copy "
    "of the data this counter runs on and why, then mark this resolved.")
_RESET_TABLES = (CoinAuthorizationRevocation, CommissionSchedule, TerminalKey)  # members: swept by range
_UPSERT_MEMBER = (
    "INSERT INTO members (member_id, phone_masked, phone_hash, name, home_merchant_id, locked_at) "
    "VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (member_id) DO UPDATE SET phone_masked = excluded.phone_masked, "
    "phone_hash = excluded.phone_hash, name = excluded.name, home_merchant_id = excluded.home_merchant_id, "
    "locked_at = excluded.locked_at")
_SWEEP_MEMBERS = "DELETE FROM members WHERE member_id NOT IN (SELECT value FROM json_each(?))"


@dataclass(frozen=True)
class PullApplied:
    reset: bool
    members: int
    schedules: int
    terminal_keys: int
    join_requests: int
    conflicts: int


class SyncPullService(ServiceBase):
    def apply(self, answer: dict[str, Any]) -> PullApplied:
        """Apply one answer (one page) with its cursor, in one transaction."""
        self.db.yield_to_writers()
        with self.transaction(SYSTEM_ACTOR) as tx:
            session = tx.session
            known_rates = {(m, v) for m, v in session.execute(select(CommissionSchedule.merchant_id, CommissionSchedule.version))}
            reset = bool(answer.get("reset"))
            members = answer.get("members", [])
            if reset:
                _sweep_members(sqlite_of(session), members, answer.get("members_from"), answer.get("members_through"))
                if not answer.get("more"):  # the other sections come with the last page
                    for table in _RESET_TABLES:
                        session.execute(delete(table))
            _members(sqlite_of(session), members)
            _members_gone(sqlite_of(session), answer.get("members_gone", []))
            _revocations(session, answer.get("revoked_authorizations", []))
            _schedules(session, answer.get("commission_schedules", []))
            _audit_new_rates(tx, answer.get("commission_schedules", []), known_rates)
            _terminal_keys(session, answer.get("terminal_keys", []), tx.now_iso)
            _join_requests(session, answer.get("join_requests", []))
            _conflicts(session, answer.get("conflicts", []), tx.now_iso)
            state = session.get(SyncState, 1)
            _phone_key(state, answer.get("phone_key"))
            if state is not None:
                state.cursor = str(answer["cursor"])
        return PullApplied(reset, len(members), len(answer.get("commission_schedules", [])),
                           len(answer.get("terminal_keys", [])), len(answer.get("join_requests", [])),
                           len(answer.get("conflicts", [])))


def _members(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """The members this store needs, as the platform gives them: masked phone and keyed hash.
    One bulk upsert (a page holds thousands)."""
    conn.executemany(_UPSERT_MEMBER, [
        (m["member_id"], str(m.get("phone_masked", "")), m.get("phone_hash"), m["name"], m.get("home_merchant_id"),
         m.get("locked_at"))
        for m in rows])


def _members_gone(conn: sqlite3.Connection, gone: list[str]) -> None:
    """Members whose lock moved to another merchant and who are no longer this store's to
    hold: dropped, as a reset would drop them (a later visit brings them back, with the lock)."""
    if gone:
        conn.execute("DELETE FROM members WHERE member_id IN (SELECT value FROM json_each(?))",
                     [json.dumps([str(m) for m in gone])])
        note_tables("members")


def _sweep_members(conn: sqlite3.Connection, rows: list[dict[str, Any]], after: object, through: object) -> None:
    """A reset page covers the member ids in (after, through] (None: open; an answer without
    the bounds covers everything): local members there that it does not hold are dropped."""
    sql, params = _SWEEP_MEMBERS, [json.dumps([m["member_id"] for m in rows])]
    for bound, compare in ((after, ">"), (through, "<=")):
        if isinstance(bound, str):  # only the bounds it has: the range then scans the key's index
            sql += f" AND member_id {compare} ?"
            params.append(bound)
    conn.execute(sql, params)


def _phone_key(state: SyncState | None, key: object) -> None:
    if state is not None and isinstance(key, str) and key:
        state.phone_key = key


def _revocations(session: Session, rows: list[dict[str, Any]]) -> None:
    for r in rows:
        session.merge(CoinAuthorizationRevocation(token_id=r["token_id"], member_id=r["member_id"], state=r["state"]))


def _schedules(session: Session, rows: list[dict[str, Any]]) -> None:
    for r in rows:
        session.merge(CommissionSchedule(
            merchant_id=r["merchant_id"], version=int(r["version"]), effective_from=r["effective_from"],
            coin_settlement_bp=int(r["coin_settlement_bp"]),
            turnover_commission_bp=int(r.get("turnover_commission_bp", r["alliance_share_bp"])),
            deal_commission_bp=int(r["deal_commission_bp"]),
            alliance_share_bp=int(r["alliance_share_bp"]), coin_cap_bp=int(r["coin_cap_bp"]),
            coin_value_fen=int(r["coin_value_fen"])))


def _audit_new_rates(tx: Transaction, rows: list[dict[str, Any]], known: set[tuple[str, int]]) -> None:
    """A rate change is a sensitive action (docs/architecture.md, Domain rules: audit log): each new schedule version is audited."""
    for r in rows:
        if (r["merchant_id"], int(r["version"])) not in known:
            tx.audit("commission_schedule.received", merchant_id=r["merchant_id"], version=int(r["version"]),
                     effective_from=r["effective_from"], coin_settlement_bp=int(r["coin_settlement_bp"]),
                     turnover_commission_bp=int(r.get("turnover_commission_bp", r["alliance_share_bp"])),
                     deal_commission_bp=int(r["deal_commission_bp"]), alliance_share_bp=int(r["alliance_share_bp"]),
                     coin_cap_bp=int(r["coin_cap_bp"]), coin_value_fen=int(r["coin_value_fen"]))


def _terminal_keys(session: Session, rows: list[dict[str, Any]], now_iso: str) -> None:
    """Every key of the store's terminals (their history): weak or malformed keys are never
    stored; TerminalKey keeps each terminal's newest key, signing_keys every key with its bound."""
    for r in rows:
        raw = _trusted_raw(r)
        if raw is None:
            continue
        public_b64 = base64.b64encode(raw).decode("ascii")
        session.merge(TerminalKey(terminal_id=r["terminal_id"], name=r["name"], public_key=public_b64,
                                  revoked=bool(r["revoked"])))
        not_after = r.get("not_after")
        if not_after is None and "key_id" not in r and r["revoked"]:
            not_after = now_iso  # a platform from before key history: the time we heard of it
        _voucher_key(session, raw, r["terminal_id"], r.get("added_at") or now_iso, not_after)


def _trusted_raw(r: dict[str, Any]) -> bytes | None:
    """The raw key of a pulled row, or None (logged) when it is malformed or weak."""
    try:
        raw = base64.b64decode(r["public_key"], validate=True)
        check_public_key(raw)
    except (binascii.Error, ValueError, TypeError) as exc:  # WeakKeyError is a ValueError
        log.warning("the platform sent a terminal key that is refused (%s): %r", exc, str(r.get("public_key"))[:20])
        return None
    if r.get("key_id") not in (None, key_id(raw)):
        log.warning("the platform sent a key whose key_id does not match: %r", r.get("key_id"))
        return None
    return raw


def _voucher_key(session: Session, raw: bytes, terminal_id: str, added_at: str, not_after: str | None) -> None:
    """Other terminals' keys also verify their vouchers offline: keep them in signing_keys, never
    deleted (a voucher signed before a revocation still verifies). A bound only ever tightens."""
    kid = key_id(raw)
    row = session.get(SigningKey, kid)
    if row is None:
        session.add(SigningKey(key_id=kid, public_key=raw.hex(), created_at=added_at, own=False,
                               terminal_id=terminal_id, not_after=not_after))
        return
    if row.public_key != raw.hex():
        log.warning("key id %s names another key here: the platform's key is not stored", kid)
        return
    row.terminal_id = row.terminal_id or terminal_id
    if not_after is not None and (row.not_after is None or from_iso(not_after) < from_iso(row.not_after)):
        row.not_after = not_after


def _join_requests(session: Session, rows: list[dict[str, Any]]) -> None:
    """Mirror the platform's view (platform_join_requests) and hand new pending requests, in
    the order the platform received them, to the groups' queue (join_requests)."""
    for r in rows:
        known = session.get(PlatformJoinRequest, r["request_id"])
        session.merge(PlatformJoinRequest(request_id=r["request_id"], group_id=r["group_id"],
                                          member_id=r["member_id"], nonce=r["nonce"], status=r["status"],
                                          created_at=r["created_at"]))
        if known is None and r["status"] == "pending":
            record_join_request(session, r["request_id"], r["group_id"], r["member_id"], r["nonce"],
                                r["created_at"])


def _conflicts(session: Session, rows: list[dict[str, Any]], now_iso: str) -> None:
    for c in rows:
        if c.get("kind") == HEAD_REGRESSED:
            add_attention(session, CONFLICT, str(c["conflict_id"]), "audit", str(c.get("detail", "")),
                          HEAD_REGRESSED_ACTION, now_iso)
            continue
        # A record, in English like the platform's own detail: the action below is translated.
        kind, detail = str(c.get("kind", "")), str(c.get("detail", ""))
        if kind == UNKNOWN_MEMBER:
            reason, action = "Sale {subject}: {detail}", UNKNOWN_MEMBER_ACTION
        elif kind.startswith("z_report."):
            reason, action = "{detail}", Z_REPORT_ACTION
        else:
            reason, action = "Voucher {subject} was redeemed twice: {detail}", CONFLICT_ACTION
        add_attention(session, CONFLICT, str(c["conflict_id"]), str(c["subject_id"]),
                      reason.format(subject=c["subject_id"], detail=detail), action, now_iso)
