"""Shifts and the cash drawer: open with a counted float, cash in and out, the X report (any
time, nothing reset), close with a counted drawer into a numbered, immutable Z report.

One shift is open per terminal (a partial UNIQUE index backs the check). Every movement of
cash is a ledger transfer through `asset:drawer` recorded under the open shift; expected cash
is the float plus those transfers (desktop.core.drawer). Closing is one transaction: the
count, the Z report (next number of this terminal, UNIQUE(terminal, number)), the shift's
close, the `shift.closed` op and the audit record commit together or not at all, so a crash
leaves either no Z report or one. Logging out leaves the shift open; `switch_cashier` hands
the same drawer to the next person (docs/shifts.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso
from desktop.core.drawer import SAFE, CloseRule, count_of, over_short
from desktop.core.errors import InvalidTransition, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ledger import Accounts
from desktop.core.money import check_fen
from desktop.core.ops import OpKind
from desktop.core.settings_keys import CASH_MOVE_LIMIT, OVER_SHORT_LIMIT
from desktop.core.staff import Permission
from desktop.services.base import Actor, ServiceBase, Transaction, require
from desktop.services.shift_totals import shift_totals
from desktop.store.models import LedgerTransfer, Setting
from desktop.store.sale_models import ParkedOrder
from desktop.store.shift_models import CashMovement, Shift, ZReport
from desktop.store.shift_queries import open_shift, require_open_shift, terminal_name

DEFAULT_CASH_MOVE_LIMIT = 50_000
DEFAULT_OVER_SHORT_LIMIT = 200
CLOCK_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    terminal: str
    opened_by: str
    opened_at: str
    cashier: str
    float_fen: int
    closed_at: str | None


@dataclass(frozen=True)
class ZInfo:
    number: int
    shift_id: int
    totals: dict[str, Any]


def setting_int(session: Session, key: str, default: int) -> int:
    row = session.get(Setting, key)
    try:
        return int(row.value) if row is not None and row.value.strip() else default
    except ValueError:
        return default


def z_digest(totals: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(totals, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _info(shift: Shift) -> ShiftInfo:
    return ShiftInfo(shift.id, shift.terminal, shift.opened_by, shift.opened_at, shift.cashier,
                     shift.float_fen, shift.closed_at)


class ShiftService(ServiceBase):
    def limits(self) -> tuple[int, int]:
        """(cash in/out above which a manager approves, over/short beyond which a close needs
        a reason and a manager), in fen, from the settings."""
        with self.db.read() as s:
            return (setting_int(s, CASH_MOVE_LIMIT, DEFAULT_CASH_MOVE_LIMIT),
                    setting_int(s, OVER_SHORT_LIMIT, DEFAULT_OVER_SHORT_LIMIT))

    def current(self) -> ShiftInfo | None:
        with self.db.read() as s:
            shift = open_shift(s)
            return None if shift is None else _info(shift)

    def open(self, actor: Actor, counts: Mapping[int, int] | Mapping[str, int]) -> int:
        """Open this terminal's shift with the counted float; returns its id."""
        require(actor, Permission.SELL)
        count = count_of(counts)
        with self.transaction(actor) as tx:
            existing = open_shift(tx.session)
            if existing is not None:
                raise InvalidTransition(
                    QT_TRANSLATE_NOOP("errors", "A shift is open on this terminal already (opened by {name} at {at})"),
                    name=existing.opened_by, at=existing.opened_at[:16].replace("T", " "))
            shift = Shift(terminal=terminal_name(tx.session), opened_by=actor.label, opened_at=tx.now_iso,
                          cashier=actor.name, float_counts=json.dumps(count.as_dict()),
                          float_fen=count.total_fen, reason="", approver="")
            tx.session.add(shift)
            tx.session.flush()
            carried = self._carry_in(tx, shift.id)
            tx.audit("shift.opened", shift_id=shift.id, float_fen=shift.float_fen, carried_in=carried)
            return shift.id

    @staticmethod
    def _carry_in(tx: Transaction, shift_id: int) -> int:
        """Refunds the automatic expiry recorded while no shift was open: this shift pays them,
        so they count in its drawer (their amounts are never changed)."""
        result = tx.session.execute(
            update(LedgerTransfer).where(LedgerTransfer.shift_id.is_(None),
                                         LedgerTransfer.ref.like("drawer:%"))
            .values(shift_id=shift_id))
        return int(getattr(result, "rowcount", 0) or 0)

    def switch_cashier(self, actor: Actor) -> None:
        """The next cashier takes the same drawer (no count, no Z report; audited)."""
        require(actor, Permission.SELL)
        with self.transaction(actor) as tx:
            shift = require_open_shift(tx.session)
            before, shift.cashier = shift.cashier, actor.name
            tx.audit("shift.cashier_switched", shift_id=shift.id, before=before, after=actor.name)

    def cash_move(self, actor: Actor, direction: str, amount_fen: int, reason: str) -> int:
        """Cash in (from the safe) or out (to the safe or the bank); a reason always, a manager
        over the limit setting. Returns the movement's id."""
        require(actor, Permission.SELL)
        if direction not in ("in", "out"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Cash goes in or out of the drawer"))
        if check_fen(amount_fen) <= 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Type an amount above zero"))
        reason = " ".join(reason.split())[:500]
        if not reason:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say why the cash moves (a reason)"))
        with self.transaction(actor) as tx:
            shift = require_open_shift(tx.session)
            if amount_fen > setting_int(tx.session, CASH_MOVE_LIMIT, DEFAULT_CASH_MOVE_LIMIT):
                require(actor, Permission.MANAGE_CASH)
            if direction == "out":
                held = shift_totals(tx.session, shift, tx.now_iso)["expected_fen"]
                if amount_fen > held:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "The drawer should hold only {held}: {amount} cannot be taken out"),
                        held=_yuan(held), amount=_yuan(amount_fen))
            n = (tx.session.scalar(select(func.count()).select_from(CashMovement)) or 0) + 1
            tid = f"S{shift.id}:cash_{direction}:{n}"
            debit, credit = (Accounts.DRAWER, SAFE) if direction == "in" else (SAFE, Accounts.DRAWER)
            tx.session.add(LedgerTransfer(id=tid, debit=debit, credit=credit, amount=amount_fen,
                                          kind="plain", unit="fen", ref=f"cash_{direction}:{shift.id}",
                                          created_at=tx.now_iso, shift_id=shift.id))
            move = CashMovement(shift_id=shift.id, direction=direction, amount_fen=amount_fen,
                                reason=reason, staff=actor.name, approver=actor.approved_by or "",
                                transfer_id=tid, at=tx.now_iso)
            tx.session.add(move)
            tx.session.flush()
            tx.audit(f"drawer.cash_{direction}", shift_id=shift.id, amount_fen=amount_fen,
                     reason=reason, approved_by=actor.approved_by or "")
            return move.id

    def cash_move_record(self, move_id: int) -> dict[str, Any]:
        """One cash in / out as its slip prints it."""
        with self.db.read() as s:
            move = s.get(CashMovement, move_id)
            if move is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "No such cash movement"))
            return {"shift_id": move.shift_id, "direction": move.direction, "amount_fen": move.amount_fen,
                    "reason": move.reason, "staff": move.staff, "approver": move.approver, "at": move.at}

    def x_report(self, shift_id: int | None = None) -> dict[str, Any]:
        """The totals now (open shift) or of a given shift; nothing is reset or written."""
        with self.db.read() as s:
            shift = s.get(Shift, shift_id) if shift_id is not None else open_shift(s)
            if shift is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no open shift to report on"))
            return {"kind": "X", "number": None, **shift_totals(s, shift, self._now_iso())}

    def _now_iso(self) -> str:
        from desktop.core.clock import to_iso

        return to_iso(self.clock())

    def close(self, actor: Actor, counts: Mapping[int, int] | Mapping[str, int] | None,
              reason: str = "") -> ZInfo:
        """Close the open shift with the counted drawer: the Z report is numbered, stored for
        ever and pushed (shift.closed), all in one transaction."""
        require(actor, Permission.SELL)
        if counts is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Count the drawer before closing the shift"))
        count = count_of(counts)
        reason = " ".join(reason.split())[:500]
        with self.transaction(actor) as tx:
            shift = require_open_shift(tx.session)
            _check_clock(shift, tx)
            _check_nothing_parked(tx.session)
            totals = shift_totals(tx.session, shift, tx.now_iso)
            difference = over_short(count.total_fen, totals["expected_fen"])
            rule = CloseRule(setting_int(tx.session, OVER_SHORT_LIMIT, DEFAULT_OVER_SHORT_LIMIT))
            if rule.needs_reason(difference):
                if not reason:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "The drawer is {diff} off: say why before closing"),
                        diff=_yuan(difference))
                require(actor, Permission.MANAGE_CASH)
            approver = actor.approved_by or (actor.name if rule.needs_reason(difference) else "")
            shift.closed_at, shift.closed_by = tx.now_iso, actor.label
            shift.terminal = terminal_name(tx.session)  # as named at the close (pairing names it)
            shift.counted, shift.counted_fen = json.dumps(count.as_dict()), count.total_fen
            shift.expected_fen, shift.over_short_fen = totals["expected_fen"], difference
            shift.reason, shift.approver = reason, approver
            # Numbered per terminal: this database is the terminal's, whatever it was named.
            number = (tx.session.scalar(select(func.max(ZReport.number))) or 0) + 1
            z = {**shift_totals(tx.session, shift, tx.now_iso), "kind": "Z", "number": number,
                 "counted_fen": count.total_fen, "counted": count.as_dict(),
                 "over_short_fen": difference, "reason": reason, "approver": approver}
            tx.session.add(ZReport(terminal=z["terminal"], number=number, shift_id=shift.id,
                                   created_at=tx.now_iso, totals=json.dumps(z, ensure_ascii=False, sort_keys=True)))
            tx.session.flush()
            tx.emit(OpKind.SHIFT_CLOSED, _closed_payload(z, tx.now_iso))
            tx.audit("shift.closed", shift_id=shift.id, z_number=number, counted_fen=count.total_fen,
                     expected_fen=z["expected_fen"], over_short_fen=difference, reason=reason,
                     approved_by=approver)
            return ZInfo(number, shift.id, z)

    def z_report(self, number: int | None = None, shift_id: int | None = None) -> ZInfo:
        """A stored Z report of this terminal: by number, by shift, or the latest."""
        with self.db.read() as s:
            query = select(ZReport)
            if number is not None:
                query = query.where(ZReport.number == number)
            if shift_id is not None:
                query = query.where(ZReport.shift_id == shift_id)
            row = s.scalars(query.order_by(ZReport.number.desc())).first()
            if row is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no such Z report"))
            return ZInfo(row.number, row.shift_id, json.loads(row.totals))

    def z_numbers(self) -> list[int]:
        with self.db.read() as s:
            return list(s.scalars(select(ZReport.number).order_by(ZReport.number)))

    def history(self, limit: int = 50) -> list[ShiftInfo]:
        with self.db.read() as s:
            return [_info(r) for r in s.scalars(select(Shift).order_by(Shift.id.desc()).limit(limit))]


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen) // 100}.{abs(fen) % 100:02d}"


def _check_clock(shift: Shift, tx: Transaction) -> None:
    """A clock set back before the shift opened would date the Z report before its own sales."""
    if tx.now + CLOCK_SLACK < from_iso(shift.opened_at):
        raise InvalidTransition(QT_TRANSLATE_NOOP(
            "errors", "The clock reads {now}, before this shift opened ({opened}): set the clock right, then close"),
            now=tx.now_iso[:16].replace("T", " "), opened=shift.opened_at[:16].replace("T", " "))


def _check_nothing_parked(session: Session) -> None:
    """A parked bill is a sale still to be paid: the shift that took it must finish it."""
    parked = session.scalar(select(func.count()).select_from(ParkedOrder)) or 0
    if parked:
        raise InvalidTransition(QT_TRANSLATE_NOOP(
            "errors", "{n} parked bill(s) are still open: finish or cancel them before closing"), n=parked)


def _closed_payload(z: Mapping[str, Any], now_iso: str) -> dict[str, Any]:
    sales = z["sales"]
    refunds = sum(int(r.get("fen", 0)) for r in [*z["refunds"], *z["voids"]])
    return {
        "shift_id": z["shift_id"], "z_number": z["number"], "terminal": z["terminal"][:200],
        "opened_at": z["opened_at"], "closed_at": z["closed_at"] or now_iso,
        "opened_by": z["opened_by"][:200], "closed_by": (z["closed_by"] or "")[:200],
        "float_fen": z["float_fen"], "expected_fen": z["expected_fen"], "counted_fen": z["counted_fen"],
        "over_short_fen": z["over_short_fen"], "reason": z["reason"], "approver": z["approver"][:200],
        "sales_count": sales["count"], "sales_fen": sales["fen"], "refunds_fen": refunds,
        "tenders": [{"kind": k, "amount_fen": v} for k, v in z["tenders"].items()],
        "digest": z_digest(z), "at": now_iso,
    }
