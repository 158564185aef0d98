"""The arithmetic of a bill at the counter (docs/checkout.md): lines, discounts, the coin cap,
rounding and tenders. Pure: integer fen, basis points, no I/O.

- A line is quantity x unit price - line discount; a winner's voucher is a line at price 0.
- `base_fen` is the bill after line and bill discounts (and voucher lines, which add 0): the
  coin cap's base. `cap_fen = floor(base_fen * coin_cap_bp / 10000)`;
  `max_coins = min(balance_or_authorization, floor(cap_fen / coin_value_fen))`;
  the coins pay `coins * coin_value_fen`.
- What the tenders pay: `base_fen - coin_fen`, rounded half-up to the jiao (0.10) only where
  the store's setting says so (the difference is `rounding_fen`).
- Tenders cover the bill exactly; cash alone may be more, and the difference is the change.
- A cashier's discounts stay within a limit (basis points of the line or bill, and fen);
  beyond it a manager approves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import BP_WHOLE, MAX_FEN, format_fen

MAX_QUANTITY = 999  # more of one item on one bill is a typing slip, not an order
MAX_LINES = 500
CASH = "cash"
JIAO = 10


@dataclass(frozen=True)
class OrderLine:
    """One line as rung. `item_id` None with `voucher_id`: a winner's prize at price 0."""

    name: str
    unit_price_fen: int
    quantity: int = 1
    discount_fen: int = 0
    item_id: int | None = None
    price_version: int = 0
    voucher_id: str | None = None
    voucher_text: str = ""  # the scanned voucher: redeemed when the sale completes

    @property
    def gross_fen(self) -> int:
        return self.quantity * self.unit_price_fen

    @property
    def amount_fen(self) -> int:
        return self.gross_fen - self.discount_fen


def check_quantity(quantity: int) -> int:
    if not isinstance(quantity, int) or isinstance(quantity, bool) or not 1 <= quantity <= MAX_QUANTITY:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A quantity is a whole number from 1 to {most}"), most=MAX_QUANTITY)
    return quantity


def check_line(line: OrderLine) -> OrderLine:
    check_quantity(line.quantity)
    if not 0 <= line.unit_price_fen <= MAX_FEN // (MAX_QUANTITY * 10):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The price is out of range"))
    if not 0 <= line.discount_fen <= line.gross_fen:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A discount on {name} must be between 0 and {most}"),
            name=line.name, most=format_fen(line.gross_fen))
    if line.voucher_id is not None and (line.unit_price_fen != 0 or line.quantity != 1):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A prize voucher is one line at price 0"))
    return line


@dataclass(frozen=True)
class CoinTerms:
    """The schedule's terms for coins at the counter."""

    coin_cap_bp: int
    coin_value_fen: int


def cap_fen(base_fen: int, coin_cap_bp: int) -> int:
    """The most the coins may pay of a bill: floor(base * cap / 10000)."""
    return max(base_fen, 0) * coin_cap_bp // BP_WHOLE


def max_coins(base_fen: int, terms: CoinTerms | None, available: int) -> int:
    """min(balance or authorization, floor(cap_fen / coin_value_fen)); 0 without terms."""
    if terms is None or terms.coin_value_fen < 1:
        return 0
    return max(0, min(available, cap_fen(base_fen, terms.coin_cap_bp) // terms.coin_value_fen))


def round_to_jiao(fen: int) -> int:
    """Half-up to the jiao (0.10 CNY): 12.34 -> 12.30, 12.35 -> 12.40."""
    return (fen + JIAO // 2) // JIAO * JIAO


@dataclass(frozen=True)
class BillTotals:
    gross_fen: int  # before any discount
    line_discount_fen: int
    bill_discount_fen: int
    base_fen: int  # after line and bill discounts: the coin cap's base
    cap_fen: int
    max_coins: int
    coins: int
    coin_fen: int
    rounding_fen: int  # + or -, at most half a jiao
    payable_fen: int  # what the tenders pay

    @property
    def subtotal_fen(self) -> int:
        """After line discounts, before the bill discount."""
        return self.gross_fen - self.line_discount_fen


def bill_totals(lines: Sequence[OrderLine], bill_discount_fen: int = 0, *, coins: int = 0,
                available_coins: int = 0, terms: CoinTerms | None = None,
                round_jiao: bool = False) -> BillTotals:
    """The totals of a bill; ValidationError for a bill discount beyond the bill or more coins
    than the bill allows."""
    if len(lines) > MAX_LINES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A bill has at most {most} lines"), most=MAX_LINES)
    for line in lines:
        check_line(line)
    gross = sum(line.gross_fen for line in lines)
    line_discount = sum(line.discount_fen for line in lines)
    subtotal = gross - line_discount
    if not 0 <= bill_discount_fen <= subtotal:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The bill discount must be between 0 and {most}"), most=format_fen(subtotal))
    base = subtotal - bill_discount_fen
    allowed = max_coins(base, terms, available_coins)
    if not 0 <= coins <= allowed:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This bill allows at most {most} coins"), most=allowed)
    coin_fen = coins * terms.coin_value_fen if terms is not None and coins else 0
    due = base - coin_fen
    payable = round_to_jiao(due) if round_jiao else due
    return BillTotals(gross, line_discount, bill_discount_fen, base,
                      cap_fen(base, terms.coin_cap_bp) if terms else 0, allowed, coins, coin_fen,
                      payable - due, payable)


@dataclass(frozen=True)
class DiscountLimit:
    """How far a cashier may discount without a manager: at most `max_bp` of what is
    discounted and at most `max_fen` in all on one bill."""

    max_bp: int = 1000
    max_fen: int = 5000

    def allows(self, discount_fen: int, of_fen: int) -> bool:
        return discount_fen <= self.max_fen and discount_fen * BP_WHOLE <= of_fen * self.max_bp


def discounts_need_approval(lines: Sequence[OrderLine], bill_discount_fen: int, limit: DiscountLimit) -> bool:
    """Is any discount of the bill beyond the cashier's limit (each line's against its
    gross, the bill's against the subtotal, and all of them together against max_fen)?"""
    if any(not limit.allows(line.discount_fen, line.gross_fen) for line in lines if line.discount_fen):
        return True
    subtotal = sum(line.amount_fen for line in lines)
    if bill_discount_fen and not limit.allows(bill_discount_fen, subtotal):
        return True
    return sum(line.discount_fen for line in lines) + bill_discount_fen > limit.max_fen


@dataclass(frozen=True)
class Tender:
    kind: str  # cash, card, wechat, alipay, or another from the store's list
    amount_fen: int
    reference: str = ""


@dataclass(frozen=True)
class TenderOutcome:
    paid_fen: int  # what the tenders hand over
    change_fen: int  # cash given back


def tendered(tenders: Sequence[Tender]) -> int:
    return sum(t.amount_fen for t in tenders)


def still_due(payable_fen: int, tenders: Sequence[Tender]) -> int:
    return max(0, payable_fen - tendered(tenders))


def settle_tenders(payable_fen: int, tenders: Sequence[Tender]) -> TenderOutcome:
    """The tenders cover the bill exactly; only cash may be more (the change is the cash over
    the bill, never more than the cash itself). ValidationError otherwise."""
    for tender in tenders:
        if not isinstance(tender.amount_fen, int) or not 0 < tender.amount_fen <= MAX_FEN:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A payment must be more than 0"))
    other = sum(t.amount_fen for t in tenders if t.kind != CASH)
    cash = sum(t.amount_fen for t in tenders if t.kind == CASH)
    if other > payable_fen:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Card and app payments cannot be more than the bill ({total}): only cash gives change"),
            total=format_fen(payable_fen))
    if other + cash < payable_fen:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{due} is still due"),
                              due=format_fen(payable_fen - other - cash))
    change = other + cash - payable_fen
    if payable_fen == 0 and not tenders:
        return TenderOutcome(0, 0)
    return TenderOutcome(other + cash, change)


def scan_kind(text: str) -> str:
    """What the order screen's scan field got, by its prefix: "member" (a member code PSM1),
    "coins" (a coin authorization PSC1), "voucher" (a winner's voucher PSV1), else "code" (an
    item's barcode or SKU, or a voucher's typed code when no item has it)."""
    squeezed = "".join(text.split()).upper()
    if squeezed.startswith("PSM1:"):
        return "member"
    if squeezed.startswith("PSC1"):
        return "coins"
    if "PSV1" in squeezed:
        return "voucher"
    return "code"
