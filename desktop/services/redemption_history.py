"""The redemption history (what Meituan calls 验券记录) and the reversal of a redemption made
by mistake.

History: this store's redemptions between two days, filtered by text (product, voucher,
staff), with the daily totals; reversed redemptions are listed beside them, marked.

Reversal: within the window (setting, default one hour) after the redemption, by a manager
(or with a manager's approval) with a reason. One transaction moves the redemption row into
`redemption_reversals` (the UNIQUE voucher_id is free again: the voucher is redeemable),
writes the `redemption.reversed` op naming the op of the redemption it takes back, and the
audit record. The platform applies it once and refuses it when another terminal redeemed
the voucher since (docs/sync-protocol.md).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso, to_iso
from desktop.core.errors import InvalidTransition, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ops import OpKind
from desktop.core.settings_keys import REVERSAL_WINDOW
from desktop.core.staff import Permission
from desktop.core.vouchers import fallback_code
from desktop.services.base import Actor, ServiceBase, require
from desktop.services.shifts import CLOCK_SLACK, setting_int
from desktop.store.deal_models import Redemption
from desktop.store.shift_models import RedemptionReversal
from desktop.store.shift_queries import terminal_name

DEFAULT_WINDOW_MINUTES = 60


@dataclass(frozen=True)
class RedemptionLine:
    voucher_id: str
    code: str
    product: str
    group_id: str
    redeemed_at: datetime
    staff: str
    terminal: str
    reversed_at: datetime | None = None
    reversed_by: str = ""
    reason: str = ""

    @property
    def reversed(self) -> bool:
        return self.reversed_at is not None


@dataclass(frozen=True)
class RedemptionHistory:
    lines: list[RedemptionLine]
    per_day: dict[date, int]  # redemptions that stand (not reversed), by local day

    @property
    def total(self) -> int:
        return sum(self.per_day.values())


class RedemptionHistoryService(ServiceBase):
    def today(self) -> date:
        """Today at the counter (local day of the services' clock)."""
        return self.clock().astimezone().date()

    def window(self) -> timedelta:
        with self.db.read() as s:
            return timedelta(minutes=setting_int(s, REVERSAL_WINDOW, DEFAULT_WINDOW_MINUTES))

    def history(self, start: date, end: date, search: str = "") -> RedemptionHistory:
        """Redemptions from `start` to `end` (local days, both included), newest first."""
        low = to_iso(datetime.combine(start, datetime.min.time()).astimezone())
        high = to_iso(datetime.combine(end + timedelta(days=1), datetime.min.time()).astimezone())
        needle = search.strip().lower()
        with self.db.read() as s:
            standing = s.scalars(select(Redemption).where(Redemption.redeemed_at >= low,
                                                          Redemption.redeemed_at < high))
            lines = [RedemptionLine(r.voucher_id, fallback_code(r.voucher_id), r.product, r.group_id,
                                    from_iso(r.redeemed_at), r.staff, r.terminal) for r in standing]
            reversed_rows = s.scalars(select(RedemptionReversal).where(
                RedemptionReversal.redeemed_at >= low, RedemptionReversal.redeemed_at < high))
            lines += [RedemptionLine(r.voucher_id, fallback_code(r.voucher_id), r.product, r.group_id,
                                     from_iso(r.redeemed_at), r.redeemed_by, r.terminal,
                                     from_iso(r.reversed_at), r.reversed_by, r.reason) for r in reversed_rows]
        if needle:
            lines = [line for line in lines if needle in " ".join(
                (line.voucher_id, line.code, line.product, line.staff, line.terminal)).lower()]
        lines.sort(key=lambda line: line.redeemed_at, reverse=True)
        days = Counter(line.redeemed_at.astimezone().date() for line in lines if not line.reversed)
        return RedemptionHistory(lines, dict(sorted(days.items())))

    def reverse(self, actor: Actor, voucher_id: str, reason: str) -> None:
        require(actor, Permission.REVERSE_REDEMPTION)
        reason = " ".join(reason.split())[:500]
        if not reason:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say why the redemption is reversed (a reason)"))
        with self.transaction(actor) as tx:
            row = tx.session.scalars(select(Redemption).where(Redemption.voucher_id == voucher_id)).first()
            if row is None:
                raise InvalidTransition(QT_TRANSLATE_NOOP("errors", "This voucher is not redeemed: nothing to reverse"))
            if row.terminal != terminal_name(tx.session):
                raise InvalidTransition(QT_TRANSLATE_NOOP(
                    "errors", "Terminal {terminal} redeemed this voucher: only it can reverse the redemption"),
                    terminal=row.terminal)
            redeemed = from_iso(row.redeemed_at)
            window = timedelta(minutes=setting_int(tx.session, REVERSAL_WINDOW, DEFAULT_WINDOW_MINUTES))
            if tx.now + CLOCK_SLACK < redeemed:
                raise InvalidTransition(QT_TRANSLATE_NOOP(
                    "errors", "The clock reads a time before this redemption: set the clock right first"))
            if tx.now - redeemed > window:
                raise InvalidTransition(QT_TRANSLATE_NOOP(
                    "errors", "A redemption can be reversed within {minutes} minutes only; this one is older"),
                    minutes=int(window.total_seconds() // 60))
            op_id = _redemption_op(tx.session, voucher_id)
            tx.session.add(RedemptionReversal(
                voucher_id=row.voucher_id, redemption_op_id=op_id, redeemed_at=row.redeemed_at,
                redeemed_by=row.staff, terminal=row.terminal, product=row.product,
                group_id=row.group_id, entry_id=row.entry_id, reversed_at=tx.now_iso,
                reversed_by=actor.name, approver=actor.approved_by or actor.name, reason=reason))
            tx.session.delete(row)
            tx.session.flush()
            tx.emit(OpKind.REDEMPTION_REVERSED, {
                "voucher_id": voucher_id, "redemption_op_id": op_id, "redeemed_at": row.redeemed_at,
                "reversed_at": tx.now_iso, "staff": actor.name,
                "approver": actor.approved_by or actor.name, "reason": reason, "at": tx.now_iso})
            tx.audit("redemption.reversed", voucher_id=voucher_id, redeemed_at=row.redeemed_at,
                     reason=reason, approved_by=actor.approved_by or actor.name)


def _redemption_op(session: Session, voucher_id: str) -> str:
    """The op_id of the voucher.redeemed this terminal wrote for the standing redemption."""
    found = session.execute(text(
        "SELECT op_id FROM outbox WHERE kind = :kind AND json_extract(payload, '$.voucher_id') = :v "
        "ORDER BY seq DESC LIMIT 1"), {"kind": OpKind.VOUCHER_REDEEMED.value, "v": voucher_id}).scalar()
    if found is None:
        raise InvalidTransition(QT_TRANSLATE_NOOP(
            "errors", "This terminal has no record of redeeming the voucher: it cannot reverse it"))
    return str(found)
