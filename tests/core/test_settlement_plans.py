"""Settlement and refund plans applied to a real Ledger: balanced, no hold left open."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.deals import DealTerms, LeaderRule
from desktop.core.errors import ValidationError
from desktop.core.ledger import Accounts, Ledger, Unit, trial_balance
from desktop.core.settlement import Seat, hold_deposit, refund_group, settle_group

DEAL = DealTerms(
    "牛排套餐",
    9800,
    3000,
    9800,
    5,
    1,
    consolation_cash_fen=500,
    consolation_coins=50,
    formation_reward_fen=200,
)


def seats_for(size: int, price: int, leader: bool = True) -> list[Seat]:
    return [
        Seat(f"e{i}", f"m{i}", price, f"hold-{i}", is_leader=leader and i == 0) for i in range(size)
    ]


def held_ledger(group_id: str, seats: list[Seat]) -> Ledger:
    ledger = Ledger()
    for seat in seats:
        ledger.apply(hold_deposit(seat.hold_id, group_id, seat.customer, seat.deposit_fen))
    return ledger


def apply_all(ledger: Ledger, plan_transfers: list) -> None:  # type: ignore[type-arg]
    for transfer in plan_transfers:
        ledger.apply(transfer)


def test_restaurant_group_settles_as_example_d() -> None:
    seats = seats_for(5, 9800)
    ledger = held_ledger("g1", seats)
    plan = settle_group("g1", DEAL, seats, ["e3"])
    apply_all(ledger, plan.transfers)
    balances = ledger.balances()
    assert balances[Accounts.DEAL_REVENUE].posted == 9800
    assert balances[Accounts.CONSOLATION].posted == -4 * 500
    assert balances[Accounts.REWARDS].posted == -4 * 200
    assert balances[Accounts.customer("m0")].posted == 500 + 800  # consolation + formation
    assert balances[Accounts.customer("m3")].posted == -9800  # paid for the meal
    assert balances[Accounts.DEPOSITS_HELD].posted == 0
    assert ledger.open_pending() == []
    coins = ledger.balances(Unit.COIN)
    assert coins[Accounts.COINS_TO_GRANT].posted == 4 * 50
    assert sorted(g.customer for g in plan.coin_grants) == ["m0", "m1", "m2", "m4"]
    assert [(v.entry_id, v.customer, v.product) for v in plan.vouchers] == [
        ("e3", "m3", "牛排套餐")
    ]


def test_excluded_leader_gets_reward_and_refund_but_no_consolation() -> None:
    deal = dataclasses.replace(DEAL, leader_rule=LeaderRule.EXCLUDED, leader_reward_fen=1000)
    seats = seats_for(5, 9800)
    ledger = held_ledger("g2", seats)
    plan = settle_group("g2", deal, seats, ["e1"])
    apply_all(ledger, plan.transfers)
    assert ledger.balances()[Accounts.customer("m0")].posted == 1000 + 800
    assert "m0" not in {g.customer for g in plan.coin_grants}
    with pytest.raises(ValidationError, match="not an eligible seat"):
        settle_group("g2", deal, seats, ["e0"])


@pytest.mark.parametrize(
    ("seats", "winners", "message"),
    [
        (seats_for(4, 9800), ["e1"], "Only a full group is settled: 4 of 5 seats"),
        (seats_for(5, 9800), ["e1", "e2"], "1 different winners"),
        (seats_for(5, 9800), ["zz"], "Winner zz is not an eligible seat"),
        ([*seats_for(4, 9800), Seat("e0", "x", 9800, "h")], ["e1"], "its own entry and hold"),
        (seats_for(5, 0), ["e1"], "must have paid a deposit"),
    ],
)
def test_inconsistent_input_is_refused(seats: list[Seat], winners: list[str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        settle_group("g", DEAL, seats, winners)


def test_refund_voids_every_hold_and_moves_nothing_else() -> None:
    seats = seats_for(3, 9800)
    ledger = held_ledger("g3", seats)
    apply_all(ledger, refund_group("g3", seats))
    assert ledger.open_pending() == []
    assert all(b.posted == 0 and b.pending == 0 for b in ledger.balances().values())


@st.composite
def drawn_groups(draw: st.DrawFn) -> tuple[DealTerms, list[Seat], list[str]]:
    n = draw(st.integers(2, 30))
    excluded = draw(st.booleans())
    k = draw(st.integers(1, n - 1))
    deal = DealTerms(
        "x",
        100,
        draw(st.integers(0, 10**6)),
        draw(st.integers(1, 10**6)),
        n,
        k,
        leader_rule=LeaderRule.EXCLUDED if excluded else LeaderRule.DRAWN,
        leader_reward_fen=draw(st.integers(0, 10**5)) if excluded else 0,
        consolation_cash_fen=draw(st.integers(0, 10**5)),
        consolation_coins=draw(st.integers(0, 10**4)),
        formation_reward_fen=draw(st.integers(0, 10**4)),
    )
    seats = seats_for(n, deal.group_price_fen, leader=excluded or draw(st.booleans()))
    eligible = [s.entry_id for s in seats if not (excluded and s.is_leader)]
    winners = draw(st.permutations(eligible))[:k]
    return deal, seats, winners


@given(drawn_groups())
def test_every_plan_balances_and_resolves_every_hold(
    group: tuple[DealTerms, list[Seat], list[str]],
) -> None:
    deal, seats, winners = group
    ledger = held_ledger("g", seats)
    plan = settle_group("g", deal, seats, winners)
    apply_all(ledger, plan.transfers)
    assert trial_balance(plan.transfers, Unit.FEN) == 0
    assert trial_balance(ledger.transfers.values(), Unit.FEN) == 0
    assert trial_balance(ledger.transfers.values(), Unit.COIN) == 0
    assert ledger.open_pending() == []
    assert ledger.balances()[Accounts.DEAL_REVENUE].posted == deal.winners * deal.group_price_fen
    assert len(plan.vouchers) == deal.winners
    assert sum(g.coins for g in plan.coin_grants) == deal.losers * deal.consolation_coins
    refunds = held_ledger("r", seats)
    apply_all(refunds, refund_group("r", seats))
    assert refunds.open_pending() == []
