"""Deal terms of a lottery group deal, their validation, and the per-group economics preview.

Accounting of one filled group (all integer fen; docs/deals.md, worked examples):

    money in        = N × price                      every seat pays the deposit
    refunds         = (N − K) × price                every seat that does not win is refunded
    kept            = money in − refunds = K × price  the winners' deposits pay for the product
    product cost    = K × cost
    consolation     = losers × consolation cash      losers = eligible seats that did not win
    leader reward   = leader reward (only when the leader is excluded from the draw)
    formation       = (N − 1) × formation reward     paid to the leader per person who joined
    net             = kept − product cost − consolation − leader reward − formation − budget

Example A: 100 − 20 − 4×5 − 8 − 30 = 22 CNY; example D: 98 − 30 − 4×5 = 48 CNY.
An excluded leader pays a deposit too, cannot win, gets it back and the leader reward instead
of a consolation. Consolation coins are counted (the platform credits them), never priced here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import Fen, check_fen

DRAW_METHOD = "pinshang-draw-v1 commit-reveal, verifiable"
MAX_FILL_WINDOW = timedelta(days=30)
MAX_REDEMPTION_DAYS = 3650
MAX_PRODUCT_NAME = 60


class DealState(StrEnum):
    DRAFT = "draft"  # editable; no groups
    LAUNCHED = "launched"  # rules frozen (amendments only in the customer's favour); opens groups


class LeaderRule(StrEnum):
    DRAWN = "drawn"  # the leader takes part in the draw like anyone else
    EXCLUDED = "excluded"  # the leader cannot win and gets the leader reward instead


@dataclass(frozen=True)
class DealTerms:
    product_name: str
    market_value_fen: Fen  # what the prize is worth to the customer (compliance cap)
    cost_fen: Fen  # what one product costs the merchant
    group_price_fen: Fen  # the deposit each seat pays
    group_size: int  # N
    winners: int  # K
    leader_rule: LeaderRule = LeaderRule.DRAWN
    leader_reward_fen: Fen = 0  # only with LeaderRule.EXCLUDED
    consolation_cash_fen: Fen = 0  # per loser
    consolation_coins: int = 0  # per loser
    formation_reward_fen: Fen = 0  # per joiner, paid to the leader
    promotion_budget_fen: Fen = 0  # per group
    fill_window: timedelta = timedelta(hours=24)  # a group not full by then expires
    max_open_groups: int = 1
    per_member_limit: int = 1  # entries one member may hold in one group
    redemption_days: int = 30  # voucher validity after the draw
    draw_method: str = DRAW_METHOD

    @property
    def eligible_seats(self) -> int:
        return self.group_size - (1 if self.leader_rule is LeaderRule.EXCLUDED else 0)

    @property
    def losers(self) -> int:
        """Seats that take part in the draw and do not win: each gets the consolation."""
        return self.eligible_seats - self.winners


def terms_from_dict(data: Mapping[str, Any]) -> DealTerms:
    """Terms from their JSON form (as the counter stores them and the deal.launched payload
    carries them): leader_rule as its value, fill_window in seconds."""
    fields = dict(data)
    fields["leader_rule"] = LeaderRule(str(fields["leader_rule"]))
    fields["fill_window"] = timedelta(seconds=int(fields["fill_window"]))
    return DealTerms(**fields)


def validate_terms(terms: DealTerms, now: datetime) -> None:
    """Raise ValidationError naming the first problem; `now` must be timezone-aware."""
    check_structure(terms)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    try:
        now + terms.fill_window + timedelta(days=terms.redemption_days)
    except OverflowError:
        _refuse(QT_TRANSLATE_NOOP("errors", "The deal ends too far in the future"))


def check_structure(terms: DealTerms) -> None:
    """All rules that do not depend on the time of day."""
    _check_text(terms)
    _check_amounts(terms)
    _check_seats(terms)
    _check_limits(terms)


def _refuse(message: str, **params: object) -> None:
    raise ValidationError(message, **params)


def _check_text(terms: DealTerms) -> None:
    name = terms.product_name.strip()
    if not name:
        _refuse(QT_TRANSLATE_NOOP("errors", "The product needs a name"))
    if len(name) > MAX_PRODUCT_NAME:
        _refuse(
            QT_TRANSLATE_NOOP("errors", "The product name is longer than {max} characters"),
            max=MAX_PRODUCT_NAME,
        )
    if not terms.draw_method.strip():
        _refuse(QT_TRANSLATE_NOOP("errors", "The draw method must be stated"))


_AMOUNT_LABELS = {
    "market_value_fen": QT_TRANSLATE_NOOP("errors", "market value"),
    "cost_fen": QT_TRANSLATE_NOOP("errors", "product cost"),
    "group_price_fen": QT_TRANSLATE_NOOP("errors", "group price"),
    "leader_reward_fen": QT_TRANSLATE_NOOP("errors", "leader reward"),
    "consolation_cash_fen": QT_TRANSLATE_NOOP("errors", "consolation cash"),
    "consolation_coins": QT_TRANSLATE_NOOP("errors", "consolation coins"),
    "formation_reward_fen": QT_TRANSLATE_NOOP("errors", "formation reward"),
    "promotion_budget_fen": QT_TRANSLATE_NOOP("errors", "promotion budget"),
}


def _check_amounts(terms: DealTerms) -> None:
    for name, label in _AMOUNT_LABELS.items():
        value = getattr(terms, name)
        check_fen(value)
        if value < 0:
            _refuse(QT_TRANSLATE_NOOP("errors", "The {what} cannot be negative"), what=label)
    if terms.group_price_fen == 0:
        _refuse(QT_TRANSLATE_NOOP("errors", "The group price must be more than zero"))
    if terms.leader_rule is LeaderRule.DRAWN and terms.leader_reward_fen:
        _refuse(
            QT_TRANSLATE_NOOP(
                "errors", "A leader reward needs the leader to be excluded from the draw"
            )
        )


def _check_seats(terms: DealTerms) -> None:
    _check_int(terms.group_size, "group size")
    _check_int(terms.winners, "number of winners")
    if terms.group_size < 2:
        _refuse(QT_TRANSLATE_NOOP("errors", "A group needs at least 2 people"))
    if terms.winners < 1:
        _refuse(QT_TRANSLATE_NOOP("errors", "A draw needs at least 1 winner"))
    if terms.winners >= terms.group_size:
        _refuse(
            QT_TRANSLATE_NOOP("errors", "There must be fewer winners ({k}) than people ({n})"),
            k=terms.winners,
            n=terms.group_size,
        )
    if terms.winners > terms.eligible_seats:
        _refuse(
            QT_TRANSLATE_NOOP(
                "errors", "With the leader excluded, at most {m} of {n} people can win"
            ),
            m=terms.eligible_seats,
            n=terms.group_size,
        )


def _check_limits(terms: DealTerms) -> None:
    if not timedelta(0) < terms.fill_window <= MAX_FILL_WINDOW:
        _refuse(QT_TRANSLATE_NOOP("errors", "The fill deadline must be between now and 30 days"))
    for value, label in (
        (terms.max_open_groups, QT_TRANSLATE_NOOP("errors", "maximum of open groups")),
        (terms.per_member_limit, QT_TRANSLATE_NOOP("errors", "per-member limit")),
        (terms.redemption_days, QT_TRANSLATE_NOOP("errors", "redemption period in days")),
    ):
        _check_int(value, label)
        if value < 1:
            _refuse(QT_TRANSLATE_NOOP("errors", "The {what} must be at least 1"), what=label)
    if terms.per_member_limit > terms.group_size:
        _refuse(QT_TRANSLATE_NOOP("errors", "The per-member limit cannot exceed the group size"))
    if terms.redemption_days > MAX_REDEMPTION_DAYS:
        _refuse(QT_TRANSLATE_NOOP("errors", "The redemption period is longer than 10 years"))


def _check_int(value: object, label: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        _refuse(QT_TRANSLATE_NOOP("errors", "The {what} must be a whole number"), what=label)


@dataclass(frozen=True)
class Economics:
    """One filled group's money flows; every field is integer fen unless named coins/count."""

    money_in_fen: Fen
    refunds_fen: Fen
    kept_fen: Fen
    product_cost_fen: Fen
    consolation_cash_fen: Fen
    consolation_coins: int
    leader_reward_fen: Fen
    formation_reward_fen: Fen
    promotion_budget_fen: Fen
    net_fen: Fen
    net_per_participant_fen: Fen  # net / N, rounded half-up (away from zero) to the fen
    losers: int
    # Break-even consolation per loser (floor). Negative: a loss even with no consolation.
    # None when nobody loses (every eligible seat wins).
    max_consolation_per_loser_fen: Fen | None
    min_group_price_fen: Fen  # the lowest price that keeps net >= 0, other terms unchanged

    @property
    def costs_fen(self) -> Fen:
        return (
            self.product_cost_fen
            + self.consolation_cash_fen
            + self.leader_reward_fen
            + self.formation_reward_fen
            + self.promotion_budget_fen
        )


def economics(terms: DealTerms) -> Economics:
    """The per-group preview the deal editor shows (see the module docstring for the sums)."""
    check_structure(terms)
    n, k, losers = terms.group_size, terms.winners, terms.losers
    formation = (n - 1) * terms.formation_reward_fen
    consolation = losers * terms.consolation_cash_fen
    fixed_costs = (
        k * terms.cost_fen + terms.leader_reward_fen + formation + terms.promotion_budget_fen
    )
    kept = k * terms.group_price_fen
    net = kept - fixed_costs - consolation
    return Economics(
        money_in_fen=n * terms.group_price_fen,
        refunds_fen=(n - k) * terms.group_price_fen,
        kept_fen=kept,
        product_cost_fen=k * terms.cost_fen,
        consolation_cash_fen=consolation,
        consolation_coins=losers * terms.consolation_coins,
        leader_reward_fen=terms.leader_reward_fen,
        formation_reward_fen=formation,
        promotion_budget_fen=terms.promotion_budget_fen,
        net_fen=net,
        net_per_participant_fen=divide_half_up(net, n),
        losers=losers,
        max_consolation_per_loser_fen=(kept - fixed_costs) // losers if losers else None,
        min_group_price_fen=max(1, -(-(fixed_costs + consolation) // k)),
    )


def divide_half_up(amount: int, parts: int) -> int:
    """amount / parts rounded half away from zero, in integers only."""
    quotient, remainder = divmod(abs(amount), parts)
    if 2 * remainder >= parts:
        quotient += 1
    return -quotient if amount < 0 else quotient
