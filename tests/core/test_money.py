from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.money import (
    apply_rate,
    check_fen,
    format_fen,
    format_rate,
    parse_fen,
    parse_rate,
)


@pytest.mark.parametrize(
    ("typed", "fen"),
    [("12.5", 1250), ("12.50", 1250), ("￥12.50", 1250), ("¥ 12", 1200), ("12元", 1200),
     ("0.05", 5), (".5", 50), ("1,234.56", 123456), (" 7 ", 700), ("CNY 3.10", 310)],
)
def test_parses_what_a_cashier_types(typed: str, fen: int) -> None:
    assert parse_fen(typed) == fen


@pytest.mark.parametrize("garbage", ["", "abc", "12.345", "1.2.3", "--5", "1e3", "١٢", "12,5x", "￥"])
def test_garbage_is_a_clear_error(garbage: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_fen(garbage)
    assert "not an amount" in str(caught.value)


def test_negative_only_when_allowed() -> None:
    with pytest.raises(ValidationError, match="negative"):
        parse_fen("-3")
    assert parse_fen("-3.20", allow_negative=True) == -320


def test_formats_per_locale() -> None:
    assert format_fen(123456) == "￥1,234.56"
    assert format_fen(123456, "en") == "CNY 1,234.56"
    assert format_fen(-5) == "-￥0.05"
    assert format_fen(700, symbol=False) == "7.00"


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_format_then_parse_round_trips(fen: int) -> None:
    assert parse_fen(format_fen(fen), allow_negative=True) == fen


@pytest.mark.parametrize(("fen", "bp", "expected"), [
    (1000, 2000, 200), (5, 1000, 1), (4, 1250, 1), (3, 1250, 0), (-5, 1000, -1), (9999, 10000, 9999),
])
def test_rate_rounds_half_up_to_the_fen(fen: int, bp: int, expected: int) -> None:
    assert apply_rate(fen, bp) == expected


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10_000))
def test_rate_matches_exact_rational_rounding(fen: int, bp: int) -> None:
    from fractions import Fraction

    exact = Fraction(fen * bp, 10_000)
    result = apply_rate(fen, bp)
    assert isinstance(result, int)
    assert abs(Fraction(result) - exact) <= Fraction(1, 2)
    assert result - exact != Fraction(-1, 2)  # ties go up, never down


def test_floats_are_refused_near_money() -> None:
    with pytest.raises(TypeError):
        check_fen(12.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        apply_rate(100, 12.5)  # type: ignore[arg-type]


def test_rates_parse_and_format() -> None:
    assert parse_rate("20%") == 2000
    assert parse_rate("12.5") == 1250
    assert parse_rate("0.25%") == 25
    assert format_rate(1250) == "12.5%"
    assert format_rate(2000) == "20%"
    with pytest.raises(ValidationError):
        parse_rate("120%")
    with pytest.raises(ValidationError):
        parse_rate("ten")
