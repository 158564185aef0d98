"""The bill's arithmetic (desktop.core.checkout): the coin cap, rounding to the jiao, tenders
and the cashier's discount limit, as properties over many bills (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.checkout import (
    CASH,
    CoinTerms,
    DiscountLimit,
    OrderLine,
    Tender,
    bill_totals,
    cap_fen,
    discounts_need_approval,
    max_coins,
    round_to_jiao,
    settle_tenders,
)
from desktop.core.errors import ValidationError

lines = st.lists(st.builds(OrderLine, name=st.just("item"), unit_price_fen=st.integers(0, 50_000),
                           quantity=st.integers(1, 20)), min_size=1, max_size=8)
terms = st.builds(CoinTerms, coin_cap_bp=st.integers(0, 10_000), coin_value_fen=st.integers(1, 100))


def test_the_example_of_the_rules() -> None:
    """A 204.00 bill, a 10% cap and a coin worth 0.10 CNY: at most 204 coins (20.40)."""
    totals = bill_totals([OrderLine("set", 20_400)], coins=204, available_coins=1000,
                         terms=CoinTerms(1000, 10))
    assert (totals.cap_fen, totals.max_coins, totals.coin_fen, totals.payable_fen) == (2040, 204, 2040, 18_360)
    with pytest.raises(ValidationError):
        bill_totals([OrderLine("set", 20_400)], coins=205, available_coins=1000, terms=CoinTerms(1000, 10))


@given(lines, st.integers(0, 10_000), terms, st.integers(0, 10**6), st.booleans(), st.data())
def test_coins_never_pay_beyond_the_cap_or_the_balance(bill: list[OrderLine], discount: int, t: CoinTerms,
                                                       available: int, jiao: bool, data: st.DataObject) -> None:
    subtotal = sum(line.amount_fen for line in bill)
    discount = min(discount, subtotal)
    most = bill_totals(bill, discount, available_coins=available, terms=t).max_coins
    coins = data.draw(st.integers(0, most))
    totals = bill_totals(bill, discount, coins=coins, available_coins=available, terms=t, round_jiao=jiao)
    assert totals.base_fen == subtotal - discount
    assert totals.cap_fen == totals.base_fen * t.coin_cap_bp // 10_000
    assert most == min(available, totals.cap_fen // t.coin_value_fen)
    assert totals.coin_fen == coins * t.coin_value_fen <= totals.cap_fen
    assert abs(totals.rounding_fen) <= 5 and (not jiao or totals.payable_fen % 10 == 0)
    assert totals.payable_fen == totals.base_fen - totals.coin_fen + totals.rounding_fen >= 0
    assert (most + 1) * t.coin_value_fen > totals.cap_fen or most == available  # the most, not less
    with pytest.raises(ValidationError):
        bill_totals(bill, discount, coins=most + 1, available_coins=available, terms=t)


@given(st.integers(0, 10**9))
def test_rounding_to_the_jiao_is_half_up_and_close(fen: int) -> None:
    rounded = round_to_jiao(fen)
    assert rounded % 10 == 0 and -5 <= fen - rounded < 5
    assert round_to_jiao(fen - fen % 10 + 5) == fen - fen % 10 + 10


@given(st.integers(0, 10**7), st.lists(st.tuples(st.sampled_from([CASH, "card", "wechat", "alipay"]),
                                                 st.integers(1, 10**7)), max_size=4))
def test_tenders_cover_exactly_and_only_cash_gives_change(payable: int, paid: list[tuple[str, int]]) -> None:
    tenders = [Tender(kind, amount) for kind, amount in paid]
    other = sum(a for k, a in paid if k != CASH)
    cash = sum(a for k, a in paid if k == CASH)
    if other > payable or other + cash < payable:
        with pytest.raises(ValidationError):
            settle_tenders(payable, tenders)
        return
    outcome = settle_tenders(payable, tenders)
    assert outcome.paid_fen - outcome.change_fen == payable
    assert 0 <= outcome.change_fen <= cash


@given(st.integers(0, 10**6), st.integers(0, 10_000))
def test_the_cap_is_floored(base: int, bp: int) -> None:
    assert cap_fen(base, bp) * 10_000 <= base * bp < (cap_fen(base, bp) + 1) * 10_000
    assert max_coins(base, None, 10**6) == 0


def test_discounts_beyond_the_limit_need_a_manager() -> None:
    limit = DiscountLimit(max_bp=1000, max_fen=5000)
    steak = OrderLine("steak", 9800, 1)
    assert not discounts_need_approval([steak], 980, limit)
    assert discounts_need_approval([steak], 981, limit)
    assert discounts_need_approval([OrderLine("steak", 9800, 1, discount_fen=1000)], 0, limit)
    assert discounts_need_approval([OrderLine("feast", 90_000, 1, discount_fen=5001)], 0, limit)


def test_absurd_quantities_and_discounts_are_refused() -> None:
    for bad in (OrderLine("tea", 1800, 0), OrderLine("tea", 1800, -1), OrderLine("tea", 1800, 1000),
                OrderLine("tea", 1800, 1, discount_fen=1801), OrderLine("tea", -1, 1)):
        with pytest.raises(ValidationError):
            bill_totals([bad])
