"""Deal terms validation and the per-group economics (docs/deals.md, worked examples A-D)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.deals import DealTerms, LeaderRule, divide_half_up, economics, validate_terms
from desktop.core.errors import ValidationError

NOW = datetime(2025, 5, 1, 12, tzinfo=UTC)
YUAN = 100


def terms(**overrides: object) -> DealTerms:
    base = DealTerms(
        "牛排套餐", 98 * YUAN, 30 * YUAN, 98 * YUAN, 5, 1, consolation_cash_fen=5 * YUAN
    )
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]


def test_example_a_nets_22_yuan() -> None:
    a = terms(
        market_value_fen=100 * YUAN,
        cost_fen=20 * YUAN,
        group_price_fen=100 * YUAN,
        formation_reward_fen=2 * YUAN,
        promotion_budget_fen=30 * YUAN,
    )
    result = economics(a)
    assert result.formation_reward_fen == 8 * YUAN
    assert result.net_fen == 2200 * 1  # 22 CNY in fen
    assert result.net_fen == 22 * YUAN
    assert result.min_group_price_fen == 78 * YUAN
    assert result.max_consolation_per_loser_fen == 1050


def test_example_b() -> None:
    b = terms(
        cost_fen=0,
        group_price_fen=99 * YUAN,
        market_value_fen=99 * YUAN,
        group_size=100,
        winners=3,
        consolation_cash_fen=1 * YUAN,
    )
    result = economics(b)
    assert (result.losers, result.kept_fen, result.consolation_cash_fen) == (
        97,
        297 * YUAN,
        97 * YUAN,
    )
    assert result.net_fen == 200 * YUAN


def test_example_c_counts_coins_apart_from_money() -> None:
    c = terms(
        cost_fen=250 * YUAN,
        group_price_fen=1000 * YUAN,
        market_value_fen=1000 * YUAN,
        group_size=100,
        winners=2,
        consolation_cash_fen=12 * YUAN,
        consolation_coins=100,
    )
    result = economics(c)
    assert result.net_fen == 2000 * YUAN - 500 * YUAN - 98 * 12 * YUAN == 324 * YUAN
    assert result.consolation_coins == 9800
    assert result.refunds_fen == 98 * 1000 * YUAN


def test_example_d_restaurant_nets_48_yuan() -> None:
    result = economics(terms())
    assert result.net_fen == 4800 * 1 == 98 * YUAN - 30 * YUAN - 4 * 5 * YUAN
    assert result.net_per_participant_fen == 960


def test_excluded_leader_gets_reward_not_consolation() -> None:
    result = economics(terms(leader_rule=LeaderRule.EXCLUDED, leader_reward_fen=10 * YUAN))
    assert result.losers == 3
    assert result.net_fen == 98 * YUAN - 30 * YUAN - 3 * 5 * YUAN - 10 * YUAN


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"winners": 5}, "fewer winners (5) than people (5)"),
        ({"winners": 0}, "at least 1 winner"),
        ({"group_size": 1, "winners": 1}, "at least 2 people"),
        ({"cost_fen": -1}, "product cost cannot be negative"),
        ({"group_price_fen": 0}, "group price must be more than zero"),
        ({"product_name": "  "}, "needs a name"),
        ({"leader_reward_fen": 100}, "leader to be excluded"),
        ({"leader_rule": LeaderRule.EXCLUDED, "group_size": 2, "winners": 1}, None),
        ({"fill_window": timedelta(0)}, "fill deadline"),
        ({"redemption_days": 0}, "redemption period in days must be at least 1"),
        ({"per_member_limit": 6}, "per-member limit cannot exceed"),
        ({"group_size": 5.0}, "group size must be a whole number"),
        ({"draw_method": ""}, "draw method"),
    ],
)
def test_validation_names_the_problem(overrides: dict[str, object], message: str | None) -> None:
    candidate = terms(**overrides)
    if message is None:
        validate_terms(candidate, NOW)
        return
    with pytest.raises(ValidationError) as caught:
        validate_terms(candidate, NOW)
    assert message in str(caught.value)


def test_float_money_is_refused() -> None:
    with pytest.raises(TypeError):
        validate_terms(terms(cost_fen=30.0), NOW)


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError):
        validate_terms(terms(), datetime(2025, 5, 1))


def test_divide_half_up() -> None:
    assert [divide_half_up(a, 4) for a in (2, 1, -2, -1, 6, 7)] == [1, 0, -1, 0, 2, 2]


@st.composite
def any_terms(draw: st.DrawFn) -> DealTerms:
    n = draw(st.integers(2, 200))
    excluded = draw(st.booleans())
    k = draw(st.integers(1, n - 1))
    money = st.integers(0, 10**7)
    return DealTerms(
        product_name="x",
        market_value_fen=draw(money),
        cost_fen=draw(money),
        group_price_fen=draw(st.integers(1, 10**7)),
        group_size=n,
        winners=k,
        leader_rule=LeaderRule.EXCLUDED if excluded else LeaderRule.DRAWN,
        leader_reward_fen=draw(money) if excluded else 0,
        consolation_cash_fen=draw(money),
        consolation_coins=draw(st.integers(0, 10**5)),
        formation_reward_fen=draw(money),
        promotion_budget_fen=draw(money),
    )


@given(any_terms())
def test_economics_is_integer_and_adds_up(deal: DealTerms) -> None:
    result = economics(deal)
    for field in dataclasses.fields(result):
        value = getattr(result, field.name)
        assert value is None or type(value) is int, field.name
    assert result.money_in_fen - result.refunds_fen == deal.winners * deal.group_price_fen
    assert result.net_fen == result.kept_fen - result.costs_fen
    assert result.losers == deal.eligible_seats - deal.winners


@given(any_terms())
def test_break_even_figures_are_tight(deal: DealTerms) -> None:
    at_min = economics(
        dataclasses.replace(deal, group_price_fen=economics(deal).min_group_price_fen)
    )
    assert at_min.net_fen >= 0
    if economics(deal).min_group_price_fen > 1:
        below = dataclasses.replace(deal, group_price_fen=economics(deal).min_group_price_fen - 1)
        assert economics(below).net_fen < 0
    best = economics(deal).max_consolation_per_loser_fen
    if best is not None and best >= 0:
        assert economics(dataclasses.replace(deal, consolation_cash_fen=best)).net_fen >= 0
        assert economics(dataclasses.replace(deal, consolation_cash_fen=best + 1)).net_fen < 0
