"""The owner's reports for a period (today, this week, any days): sales by hour and by day, by
tender, top items, coin discounts, and the group deals (groups opened, filled, expired,
cancelled, drawn; deposits taken and held; consolation paid; redemptions).

Everything is read from the ledger and the deal tables in one read transaction; days and hours
are local (the counter's time zone). Sales are the completed sales (the
checkout's sales table); money by tender is read from the ledger, like the Z reports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso, to_iso
from desktop.core.drawer import tender_of_account
from desktop.core.groups import GroupState
from desktop.core.staff import Permission
from desktop.services.base import Actor, ServiceBase, require
from desktop.services.shift_totals import deposits_held_fen
from desktop.store.deal_models import Draw, Group, Redemption
from desktop.store.models import LedgerTransfer
from desktop.store.sale_models import Sale, SaleLineRow


@dataclass(frozen=True)
class PeriodReport:
    start: date
    end: date
    by_hour: list[tuple[int, int, int]]  # hour 0-23, sales, fen
    by_day: list[tuple[date, int, int]]  # every day of the period, sales, fen
    by_tender: list[tuple[str, int]]  # tender, fen (sales and deposits taken, net of refunds)
    top_items: list[tuple[str, int, int]]  # item, quantity, fen (best first)
    coin_discounts: tuple[int, int, int]  # sales with coins, coins, fen
    groups: dict[str, int] = field(default_factory=dict)  # opened, filled, drawn, expired, cancelled
    deposits_taken_fen: int = 0
    deposits_held_fen: int = 0
    consolation_paid_fen: int = 0
    redemptions: int = 0

    @property
    def sales_count(self) -> int:
        return sum(n for _, n, _ in self.by_day)

    @property
    def sales_fen(self) -> int:
        return sum(fen for _, _, fen in self.by_day)


def _bounds(start: date, end: date) -> tuple[str, str]:
    low = datetime.combine(start, datetime.min.time()).astimezone()
    high = datetime.combine(end + timedelta(days=1), datetime.min.time()).astimezone()
    return to_iso(low), to_iso(high)


class ReportService(ServiceBase):
    def today(self) -> date:
        """Today at the counter (local day of the services' clock)."""
        return self.clock().astimezone().date()

    def period(self, actor: Actor, start: date, end: date) -> PeriodReport:
        require(actor, Permission.VIEW_REPORTS)
        if end < start:
            start, end = end, start
        low, high = _bounds(start, end)
        with self.db.read() as s:
            rows = list(s.scalars(select(LedgerTransfer).where(
                LedgerTransfer.created_at >= low, LedgerTransfer.created_at < high, LedgerTransfer.unit == "fen")))
            by_hour, by_day = _sales(s, low, high, start, end)
            return PeriodReport(
                start, end, by_hour, by_day, _tenders(rows), _top_items(s, low, high), _coins(s, low, high),
                _groups(s, low, high),
                deposits_taken_fen=sum(r.amount for r in rows if r.ref.startswith("drawer:") and r.id.endswith(":paid")),
                deposits_held_fen=deposits_held_fen(s),
                consolation_paid_fen=sum(r.amount for r in rows if ":consolation_paid:" in r.id),
                redemptions=s.scalar(select(func.count()).select_from(Redemption).where(
                    Redemption.redeemed_at >= low, Redemption.redeemed_at < high)) or 0)


def _sales(s: Session, low: str, high: str, start: date, end: date) -> tuple[list[tuple[int, int, int]],
                                                                           list[tuple[date, int, int]]]:
    """Completed sales (what the tenders paid) by local hour and by day of the period."""
    hours: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    days: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for sold_at, fen in s.execute(select(Sale.sold_at, Sale.total_fen).where(Sale.sold_at >= low, Sale.sold_at < high)):
        at = from_iso(sold_at).astimezone()
        for bucket in (hours[at.hour], days[at.date()]):
            bucket[0] += 1
            bucket[1] += fen
    span = (end - start).days + 1
    return ([(h, hours[h][0], hours[h][1]) for h in range(24)],
            [(d, days[d][0], days[d][1]) for d in (start + timedelta(days=i) for i in range(span))])


def _tenders(rows: list[LedgerTransfer]) -> list[tuple[str, int]]:
    by: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.kind not in ("plain", "post_pending") or r.ref.startswith(("cash_in:", "cash_out:")):
            continue
        debit, credit = tender_of_account(r.debit), tender_of_account(r.credit)
        if debit:
            by[debit] += r.amount
        if credit:
            by[credit] -= r.amount
    return sorted(by.items(), key=lambda kv: -kv[1])


def _top_items(s: Session, low: str, high: str) -> list[tuple[str, int, int]]:
    """Best sellers by amount (the ten first)."""
    amount = func.sum(SaleLineRow.amount_fen)
    found = s.execute(select(SaleLineRow.name, func.sum(SaleLineRow.quantity), amount)
                      .join(Sale, Sale.id == SaleLineRow.sale_id)
                      .where(Sale.sold_at >= low, Sale.sold_at < high)
                      .group_by(SaleLineRow.name).order_by(amount.desc()).limit(10)).all()
    return [(str(name), int(qty or 0), int(fen or 0)) for name, qty, fen in found]


def _coins(s: Session, low: str, high: str) -> tuple[int, int, int]:
    row = s.execute(select(func.count(), func.coalesce(func.sum(Sale.coins), 0), func.coalesce(func.sum(Sale.coin_fen), 0))
                    .where(Sale.coins > 0, Sale.sold_at >= low, Sale.sold_at < high)).one()
    return (int(row[0]), int(row[1]), int(row[2]))


def _groups(s: Session, low: str, high: str) -> dict[str, int]:
    def count(*where: object) -> int:
        return s.scalar(select(func.count()).select_from(Group).where(*where)) or 0  # type: ignore[arg-type]

    closed = (Group.closed_at >= low, Group.closed_at < high)
    return {
        "opened": count(Group.opened_at >= low, Group.opened_at < high),
        "filled": count(Group.opened_at >= low, Group.opened_at < high,
                        Group.state.in_((GroupState.FULL, GroupState.DRAWN, GroupState.SETTLED))),
        "drawn": s.scalar(select(func.count()).select_from(Draw).where(Draw.drawn_at >= low, Draw.drawn_at < high)) or 0,
        "expired": count(Group.state.in_((GroupState.EXPIRED, GroupState.REFUNDED)), *closed),
        "cancelled": count(Group.state == GroupState.CANCELLED, *closed),
    }
