"""Group state machine, seats and join requests; compliance guard and disclosure."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.compliance import (
    MAX_TOP_PRIZE_FEN,
    RETENTION_DAYS,
    check_amendment,
    check_launchable,
    disclosure,
)
from desktop.core.deals import DealTerms, LeaderRule
from desktop.core.errors import InvalidTransition, ValidationError
from desktop.core.groups import (
    GroupEvent,
    GroupState,
    JoinRequest,
    allowed_events,
    check_can_join,
    check_member_limit,
    is_expired,
    state_after_join,
    transition,
    triage_join_requests,
)

S, E = GroupState, GroupEvent
T0 = datetime(2025, 5, 1, 12, tzinfo=UTC)
DEAL = DealTerms("牛排套餐", 9800, 3000, 9800, 5, 1, consolation_cash_fen=500, consolation_coins=50)

ALLOWED = {
    (S.OPEN, E.FILL): S.FULL,
    (S.FULL, E.DRAW): S.DRAWN,
    (S.DRAWN, E.SETTLE): S.SETTLED,
    (S.OPEN, E.EXPIRE): S.EXPIRED,
    (S.EXPIRED, E.REFUND): S.REFUNDED,
    (S.OPEN, E.CANCEL): S.CANCELLED,
}


@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("event", list(E))
def test_only_the_listed_transitions_exist(state: GroupState, event: GroupEvent) -> None:
    if (state, event) in ALLOWED:
        assert transition(state, event) is ALLOWED[(state, event)]
        assert event in allowed_events(state)
        return
    with pytest.raises(InvalidTransition) as caught:
        transition(state, event)
    assert str(caught.value) == f"A group that is {state.value} cannot {event.value}"


def test_a_drawn_group_never_redraws() -> None:
    with pytest.raises(InvalidTransition, match="drawn cannot draw"):
        transition(S.DRAWN, E.DRAW)


def test_seats_and_limits() -> None:
    check_can_join(S.OPEN, 5, 4)
    assert state_after_join(5, 5) is S.FULL and state_after_join(5, 4) is S.OPEN
    with pytest.raises(InvalidTransition, match="The group is full"):
        check_can_join(S.OPEN, 5, 5)
    with pytest.raises(InvalidTransition, match="is full: nobody can join"):
        check_can_join(S.FULL, 5, 5)
    check_member_limit(0, 1)
    with pytest.raises(ValidationError, match="1 of 1"):
        check_member_limit(1, 1)


def test_expiry_is_at_the_deadline_and_only_when_open() -> None:
    deadline = T0 + timedelta(hours=24)
    assert not is_expired(S.OPEN, deadline, deadline - timedelta(microseconds=1))
    assert is_expired(S.OPEN, deadline, deadline)
    assert not is_expired(S.FULL, deadline, deadline + timedelta(days=1))


def test_join_requests_are_taken_in_arrival_order_until_full() -> None:
    requests = [
        JoinRequest("r3", "m3", T0 + timedelta(seconds=2)),
        JoinRequest("r1", "m1", T0),
        JoinRequest("r2b", "m2", T0 + timedelta(seconds=1), sequence=2),
        JoinRequest("r2a", "m1", T0 + timedelta(seconds=1), sequence=1),
        JoinRequest("r4", "m4", T0 + timedelta(seconds=3)),
    ]
    triage = triage_join_requests(requests, S.OPEN, 3, {"m1": 0}, per_member_limit=1)
    assert [r.request_id for r in triage.accepted] == ["r1", "r2b", "r3"]
    assert [(r.request_id, why) for r, why in triage.refused] == [
        ("r2a", "member limit reached"),
        ("r4", "group full"),
    ]
    closed = triage_join_requests(requests, S.FULL, 3, {}, 1)
    assert not closed.accepted and {why for _, why in closed.refused} == {"group not open"}


def test_prize_cap_counts_market_value() -> None:
    check_launchable(dataclasses.replace(DEAL, market_value_fen=MAX_TOP_PRIZE_FEN))
    with pytest.raises(
        ValidationError, match=r"CNY 50,000.01; a lottery prize may not exceed CNY 50,000.00"
    ):
        check_launchable(dataclasses.replace(DEAL, market_value_fen=MAX_TOP_PRIZE_FEN + 1))
    assert RETENTION_DAYS >= 730


@pytest.mark.parametrize(
    "change",
    [
        {"winners": 2},
        {"consolation_cash_fen": 600},
        {"consolation_coins": 80},
        {"redemption_days": 60},
        {"group_price_fen": 8800},
        {"cost_fen": 3500, "promotion_budget_fen": 100},
    ],
)
def test_amendments_in_the_customers_favour_pass(change: dict[str, int]) -> None:
    check_amendment(DEAL, dataclasses.replace(DEAL, **change))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"winners": 0}, "winners"),
        ({"group_size": 6}, "group_size"),
        ({"consolation_cash_fen": 400}, "consolation_cash_fen"),
        ({"redemption_days": 7}, "redemption_days"),
        ({"group_price_fen": 9900}, "group_price_fen"),
        ({"product_name": "鸡排"}, "product_name"),
        ({"market_value_fen": 12000}, "market_value_fen"),
        ({"leader_rule": LeaderRule.EXCLUDED}, "leader_rule"),
        ({"fill_window": timedelta(hours=48)}, "fill_window"),
    ],
)
def test_other_amendments_are_refused_naming_the_field(
    change: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_amendment(DEAL, dataclasses.replace(DEAL, **change))  # type: ignore[arg-type]
    assert caught.value.params["field"] == field
    assert "only changes in the customer's favour" in str(caught.value)


def test_more_winners_must_still_be_launchable() -> None:
    with pytest.raises(ValidationError, match="fewer winners"):
        check_amendment(DEAL, dataclasses.replace(DEAL, winners=5))


def test_disclosure_states_everything_the_rules_require() -> None:
    zh = disclosure(DEAL, "品尚牛排", "021-5555 0000", "成团后立即开奖", "本店前台", "zh_CN")
    for needed in (
        "牛排套餐",
        "￥98.00",
        "共 1 名",
        "1/5",
        "5 人成团",
        "成团后立即开奖",
        "pinshang-draw-v1",
        "pinshang-draw-v2",  # the rules are frozen before the draw: they name both versions
        "本店前台",
        "30 天",
        "021-5555 0000",
        "￥5.00",
        "50 购物币",
    ):
        assert needed in zh, needed
    en = disclosure(
        DEAL,
        "Pinshang Steak",
        "021-5555 0000",
        "as soon as the group is full",
        "the front desk",
        "en",
    )
    for needed in (
        "Prize: 牛排套餐",
        "odds 1 in 5",
        "CNY 98.00",
        "within 24 hours",
        "commitment published when the group opens, seed revealed after the draw",
        "(pinshang-draw-v2",
        "merchant randomness only (pinshang-draw-v1)",
        "the front desk, within 30 days",
        "contact 021-5555 0000",
    ):
        assert needed in en, needed
    excluded = dataclasses.replace(DEAL, leader_rule=LeaderRule.EXCLUDED, leader_reward_fen=1000)
    assert "odds 1 in 4" in disclosure(excluded, "s", "c", "t", "p", "en")
    with pytest.raises(ValidationError, match="redemption place"):
        disclosure(DEAL, "s", "c", "t", " ", "en")
