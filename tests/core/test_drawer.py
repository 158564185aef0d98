"""Counting the drawer and what it should hold (desktop.core.drawer)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.drawer import (
    DENOMINATIONS,
    CloseRule,
    count_of,
    drawer_delta,
    drawer_line,
    expected_cash,
    expected_from_transfers,
    over_short,
    parse_count,
)
from desktop.core.errors import ValidationError
from desktop.core.ledger import Accounts, Kind, Transfer, trial_balance


def test_a_count_by_denomination_is_fen() -> None:
    count = count_of({10000: 2, 5000: 1, 50: 3, 10: 7})
    assert count.total_fen == 25220
    assert count.as_dict() == {"10000": 2, "5000": 1, "50": 3, "10": 7}
    assert count_of(count.as_dict()) == count


@pytest.mark.parametrize("pieces, message", [
    ({10000: -1}, "cannot be negative"),
    ({300: 1}, "Unknown denomination"),
    ({"abc": 1}, "Unknown denomination"),
    ({100: 1.5}, "whole notes"),
    ({100: True}, "whole notes"),
    ({100: 10**7}, "more than a drawer holds"),
])
def test_bad_counts_are_refused(pieces, message) -> None:
    with pytest.raises(ValidationError, match=message):
        count_of(pieces)


def test_typed_counts() -> None:
    assert parse_count({10000: "3", 50: "", 10: " 4 "}).total_fen == 30040
    with pytest.raises(ValidationError, match="cannot be negative"):
        parse_count({10000: "-2"})
    with pytest.raises(ValidationError, match="not a number of pieces"):
        parse_count({10000: "两"})


def test_over_short_and_the_reason_rule() -> None:
    assert over_short(49650, 50000) == -350
    rule = CloseRule(200)
    assert rule.needs_reason(-350) and rule.needs_reason(201) and not rule.needs_reason(-200)


def _move(n: int, fen: int) -> Transfer:
    if fen > 0:
        return Transfer(f"t{n}", Accounts.DRAWER, Accounts.SALES, fen, ref=f"sale{n}")
    return Transfer(f"t{n}", Accounts.SALES, Accounts.DRAWER, -fen, ref=f"sale{n}")


@given(float_counts=st.dictionaries(st.sampled_from(DENOMINATIONS), st.integers(0, 500)),
       moves=st.lists(st.integers(-10**7, 10**7).filter(bool), max_size=60))
def test_expected_cash_is_the_float_plus_every_movement(float_counts, moves) -> None:
    float_fen = count_of(float_counts).total_fen
    transfers = [_move(n, fen) for n, fen in enumerate(moves)]
    assert expected_from_transfers(float_fen, transfers) == float_fen + sum(moves)
    assert expected_cash(float_fen, moves) == float_fen + sum(moves)
    assert trial_balance(transfers) == 0  # every movement is a balanced double entry


def test_only_final_fen_transfers_of_the_drawer_count() -> None:
    hold = Transfer("h", Accounts.DRAWER, Accounts.DEPOSITS_HELD, 500, kind=Kind.PENDING)
    other = Transfer("o", Accounts.CONSOLATION, Accounts.customer("x"), 500)
    assert drawer_delta(hold) == 0 and drawer_delta(other) == 0


def test_report_lines_of_drawer_transfers() -> None:
    assert drawer_line(Transfer("G1:hold:E1:paid", Accounts.DRAWER, "customer:x", 1, ref="drawer:G1")) == "deposit"
    assert drawer_line(Transfer("G1:refund_paid:E1", "customer:x", Accounts.DRAWER, 1, ref="drawer:G1")) \
        == "deposit_refund"
    assert drawer_line(Transfer("G1:consolation_paid:E1", "customer:x", Accounts.DRAWER, 1,
                                ref="drawer:G1")) == "consolation"
    assert drawer_line(Transfer("S1:cash_out:1", "asset:safe", Accounts.DRAWER, 1, ref="cash_out:1")) == "cash_out"
    assert drawer_line(_move(1, 100)) == "sale" and drawer_line(_move(2, -100)) == "change"
