"""Settlement lines and statements (docs/settlement.md): the same rules on the counter, which
records its lines, and on the platform, which recomputes them and makes the statement.

A line holds one amount of one kind, as its formula gives it (`desktop.core.commission`:
rounded half-up to the fen on the line itself); a refund's lines are the negated lines of what
it reverses. The statement applies each kind's direction (+ the platform owes the merchant,
- the merchant owes the platform, 0 a memo line that moves nothing) and sums lines; totals are
never recomputed from a total. Periods are calendar days, ISO weeks and months in the
platform's business time zone (China Standard Time, UTC+8, no daylight saving).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, NamedTuple

from desktop.core.commission import Rates, SaleAmounts, coin_reimbursement_fen, deal_commission_fen
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

COIN_REIMBURSEMENT = "coin_reimbursement"
TURNOVER_COMMISSION = "turnover_commission"
DEAL_COMMISSION = "deal_commission"
ALLIANCE_SHARE_EARNED = "alliance_share_earned"
ALLIANCE_SHARE_PAID = "alliance_share_paid"
ENTRY_FEE = "entry_fee"
KINDS = (COIN_REIMBURSEMENT, TURNOVER_COMMISSION, DEAL_COMMISSION, ALLIANCE_SHARE_EARNED,
         ALLIANCE_SHARE_PAID, ENTRY_FEE)

# +1: the platform owes the merchant; -1: the merchant owes the platform; 0: a memo (the share
# of this merchant's turnover commission the platform passed on to the member's home merchant).
DIRECTION = {COIN_REIMBURSEMENT: 1, TURNOVER_COMMISSION: -1, DEAL_COMMISSION: -1,
             ALLIANCE_SHARE_EARNED: 1, ALLIANCE_SHARE_PAID: 0, ENTRY_FEE: -1}

# What people read (never op kinds): 销售 / 购物币抵扣 / 拼团佣金 / 联盟分成 ...
KIND_LABELS = {
    COIN_REIMBURSEMENT: QT_TRANSLATE_NOOP("settlement", "Coins taken (reimbursed)"),
    TURNOVER_COMMISSION: QT_TRANSLATE_NOOP("settlement", "Sale commission"),
    DEAL_COMMISSION: QT_TRANSLATE_NOOP("settlement", "Group deal commission"),
    ALLIANCE_SHARE_EARNED: QT_TRANSLATE_NOOP("settlement", "Alliance share earned"),
    ALLIANCE_SHARE_PAID: QT_TRANSLATE_NOOP("settlement", "Alliance share passed on"),
    ENTRY_FEE: QT_TRANSLATE_NOOP("settlement", "Entry fee"),
}
SOURCE_SALE, SOURCE_REFUND, SOURCE_GROUP, SOURCE_COINS, SOURCE_FEE, SOURCE_ALLIANCE = (
    "sale", "refund", "group", "coins", "fee", "alliance")
SOURCE_LABELS = {
    SOURCE_SALE: QT_TRANSLATE_NOOP("settlement", "Sale"),
    SOURCE_REFUND: QT_TRANSLATE_NOOP("settlement", "Refund"),
    SOURCE_GROUP: QT_TRANSLATE_NOOP("settlement", "Group deal"),
    SOURCE_COINS: QT_TRANSLATE_NOOP("settlement", "Coins"),
    SOURCE_FEE: QT_TRANSLATE_NOOP("settlement", "Platform fee"),
    SOURCE_ALLIANCE: QT_TRANSLATE_NOOP("settlement", "Alliance"),
}

PLATFORM_ZONE = timezone(timedelta(hours=8), "CST")
PERIODS = ("day", "week", "month")


class ClientLine(NamedTuple):
    """One settlement line as the counter recorded it (desktop/store/settlement_queries.py); a
    tuple: a month of a busy store is 100,000 of them."""

    seq: int  # the order the lines were written in
    op_id: str
    status: str  # the op's: pending | applied | rejected (applied once pruned from the outbox)
    source: str  # sale | refund | group | coins
    ref: str
    kind: str
    fen: int
    schedule_version: int | None
    at: datetime


# The statement's page keys that are not its head (docs/sync-protocol.md, Statements).
_PAGE_KEYS = ("lines", "rows", "line_fields", "more", "cursor", "counterparty_names")


@dataclass
class StatementRows:
    """A whole statement in the compact form, as its pages arrive: the first page's head
    (balances, totals, counts), the line fields, every line as one row (a list in `fields`
    order: a month of a busy store is 100,000 of them, kept as the JSON gave them) and the
    counterparties' names."""

    head: dict[str, Any]
    fields: tuple[str, ...]
    rows: list[Sequence[Any]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of_first_page(cls, page: dict[str, Any]) -> StatementRows:
        whole = cls({k: v for k, v in page.items() if k not in _PAGE_KEYS}, tuple(page["line_fields"]))
        whole.add_page(page)
        return whole

    def add_page(self, page: dict[str, Any]) -> None:
        if tuple(page["line_fields"]) != self.fields:
            raise ValueError(f"a page of the statement has other fields: {page['line_fields']}")
        self.rows.extend(page["rows"])
        self.names.update(page.get("counterparty_names") or {})

    def position(self, name: str) -> int:
        return self.fields.index(name)

    def lines(self) -> list[dict[str, Any]]:
        """The rows as whole lines: `signed_fen` from the kind's direction (a kind not known
        here moves nothing), `occurred_at` from `booked_at` when null, the counterparty's name."""
        lines = []
        for row in self.rows:
            line = dict(zip(self.fields, row, strict=True))
            line["signed_fen"] = DIRECTION.get(line["kind"], 0) * int(line["fen"])
            line["occurred_at"] = line["occurred_at"] or line["booked_at"]
            line["counterparty_name"] = self.names.get(line["counterparty"], line["counterparty"])
            lines.append(line)
        return lines


@dataclass(frozen=True)
class LineAmount:
    kind: str
    fen: int


def sale_lines(amounts: SaleAmounts) -> list[LineAmount]:
    """The selling merchant's lines of a sale (or, with negated amounts, of its refund); zero
    amounts make no line. The home merchant's `alliance_share_earned` line mirrors the memo."""
    found = [LineAmount(COIN_REIMBURSEMENT, amounts.coin_reimbursement_fen),
             LineAmount(TURNOVER_COMMISSION, amounts.turnover_commission_fen),
             LineAmount(ALLIANCE_SHARE_PAID, amounts.alliance_share_fen)]
    return [line for line in found if line.fen]


def group_lines(kept_fen: int, rates: Rates) -> list[LineAmount]:
    """A settled group: deal commission on what it kept (the winners' payments)."""
    fen = deal_commission_fen(kept_fen, rates)
    return [LineAmount(DEAL_COMMISSION, fen)] if fen else []


def capture_lines(coin_fen: int, rates: Rates) -> list[LineAmount]:
    """Coins captured outside a sale (a sale books its own coins' reimbursement)."""
    fen = coin_reimbursement_fen(coin_fen, rates)
    return [LineAmount(COIN_REIMBURSEMENT, fen)] if fen else []


def refund_share(sale: SaleAmounts, reversed_before: SaleAmounts, *, paid_fen: int, coin_fen: int,
                 refunded_before_fen: int, refunded_fen: int, coins_before_fen: int,
                 coins_returned_fen: int) -> SaleAmounts:
    """What a refund reverses of its sale's amounts, negated (`reversed_before`: what earlier
    refunds reversed, as positive amounts). The refund that completes the sale (all its money
    and coins back) reverses exactly the rest; an earlier, partial one its share, floored: the
    money refunded over the money paid for commission and share, the coins given back over the
    coins taken for the reimbursement. So refunds reverse exactly what their sale implied."""
    if refunded_before_fen + refunded_fen >= paid_fen and coins_before_fen + coins_returned_fen >= coin_fen:
        return SaleAmounts(sale.coin_reimbursement_fen - reversed_before.coin_reimbursement_fen,
                           sale.turnover_commission_fen - reversed_before.turnover_commission_fen,
                           sale.alliance_share_fen - reversed_before.alliance_share_fen,
                           sale.home_merchant_id).negated()

    def share(whole: int, part: int, of: int) -> int:
        return whole * part // of if of else 0

    return SaleAmounts(share(sale.coin_reimbursement_fen, coins_returned_fen, coin_fen),
                       share(sale.turnover_commission_fen, refunded_fen, paid_fen),
                       share(sale.alliance_share_fen, refunded_fen, paid_fen),
                       sale.home_merchant_id).negated()


@dataclass
class KindTotal:
    count: int = 0
    fen: int = 0


@dataclass
class Totals:
    """Per-kind sums of lines and the signed net they make for the merchant."""

    by_kind: dict[str, KindTotal] = field(default_factory=lambda: {k: KindTotal() for k in KINDS})

    def add(self, kind: str, fen: int) -> None:
        bucket = self.by_kind[kind]
        bucket.count += 1
        bucket.fen += fen

    @property
    def net_fen(self) -> int:
        """Positive: the platform pays the merchant (receivable); negative: payable."""
        return sum(DIRECTION[k] * t.fen for k, t in self.by_kind.items())


def totals_of(lines: Iterable[tuple[str, int]]) -> Totals:
    totals = Totals()
    for kind, fen in lines:
        totals.add(kind, fen)
    return totals


def signed(kind: str, fen: int) -> int:
    return DIRECTION[kind] * fen


def check_kind(kind: str) -> str:
    if kind not in DIRECTION:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown kind of settlement line."))
    return kind


def period_bounds(period: str, day: date) -> tuple[datetime, datetime]:
    """[start, end) in UTC of the day, ISO week (Monday first) or month holding `day`."""
    if period == "day":
        first, last = day, day + timedelta(days=1)
    elif period == "week":
        first = day - timedelta(days=day.weekday())
        last = first + timedelta(days=7)
    elif period == "month":
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1)
    else:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A period is a day, a week or a month."))
    return (datetime.combine(first, time(), PLATFORM_ZONE).astimezone(UTC),
            datetime.combine(last, time(), PLATFORM_ZONE).astimezone(UTC))


def period_label(start: datetime, end: datetime) -> str:
    """How a period is named on statements and adjustment lines: 2026-11, 2026-W48, 2026-11-30,
    or first..last day for another span."""
    first = start.astimezone(PLATFORM_ZONE).date()
    last = (end.astimezone(PLATFORM_ZONE) - timedelta(microseconds=1)).date()
    if first == last:
        return first.isoformat()
    if (first.day == 1 and (last + timedelta(days=1)).day == 1
            and first.month == last.month and first.year == last.year):
        return f"{first.year:04d}-{first.month:02d}"
    if first.weekday() == 0 and (last - first).days == 6:
        year, week, _ = first.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return f"{first.isoformat()}..{last.isoformat()}"


def local_day(moment: datetime) -> date:
    return moment.astimezone(PLATFORM_ZONE).date()
