"""The lockout rule and the PIN rules as pure functions (issue 8, finding 14)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.lockout import LOCKOUTS, LockState, Reading, clock_jump, lockout_for, same_boot
from desktop.core.pins import (
    LEGACY_COST,
    ScryptCost,
    check_pin_guessable,
    hash_pin,
    needs_rehash,
    pin_matches,
)

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
walls = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC))


def locked_at(reading: Reading, level: int = 0) -> LockState:
    state = LockState(level=level)
    for _ in range(5):
        state = state.after_failure(reading)
    return state


@given(level=st.integers(0, 8), wall=walls, measured=st.floats(0, 1e9, allow_nan=False), rebooted=st.booleans())
def test_no_wall_clock_ends_a_lock_before_its_measured_time(level, wall, measured, rebooted) -> None:
    state = locked_at(Reading(T0, 5000.0, "boot-1"), level)
    length = lockout_for(level + 1)
    now = Reading(wall, 5000.0 + measured, "boot-2" if rebooted else "boot-1")
    expected = length if rebooted else max(length - timedelta(seconds=measured), timedelta(0))
    assert state.left_at(now) == expected  # whatever the wall clock says
    assert state.is_locked(now) == (expected > timedelta(0))


@given(steps=st.lists(st.tuples(walls, st.floats(0, 600, allow_nan=False), st.booleans()), max_size=30))
def test_a_lock_only_runs_out_on_time_measured_on_one_boot(steps) -> None:
    """Any sequence of attempts, clock changes and reboots: the lock is still on while the
    monotonic time measured (summed over boots) is shorter than its length."""
    mono, boot, boots = 100.0, 0, 0
    state = locked_at(Reading(T0, mono, "b0"))
    measured = 0.0
    for wall, elapsed, reboot in steps:
        if reboot:
            boots += 1
            mono, boot = 10.0, boots
        else:
            mono += elapsed
            measured += elapsed
        now = Reading(wall, mono, f"b{boot}")
        assert state.is_locked(now) == (measured < LOCKOUTS[0].total_seconds())
        state = state.reanchored(now)


def test_locks_escalate_and_stop_at_a_day() -> None:
    assert [lockout_for(n) for n in range(1, 8)] == [timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1),
                                                    timedelta(hours=4), timedelta(hours=24), timedelta(hours=24),
                                                    timedelta(hours=24)]


def test_boot_estimates_match_within_two_minutes_and_real_ids_exactly() -> None:
    assert same_boot("~1000", "~1100") and not same_boot("~1000", "~1200")
    assert same_boot("abc", "abc") and not same_boot("abc", "~abc") and not same_boot(None, "abc")


def test_clock_jumps_are_told_on_one_boot_and_backwards_across_a_reboot() -> None:
    last = Reading(T0, 100.0, "b")
    assert clock_jump(last, Reading(T0 + timedelta(minutes=3), 280.0, "b")) is None
    assert clock_jump(last, Reading(T0 + timedelta(hours=2), 160.0, "b")) == timedelta(hours=2, seconds=-60)
    assert clock_jump(last, Reading(T0 - timedelta(hours=1), 160.0, "b")) == -timedelta(hours=1, seconds=60)
    assert clock_jump(last, Reading(T0 + timedelta(days=3), 5.0, "c")) is None  # a night off: cannot be told
    assert clock_jump(last, Reading(T0 - timedelta(hours=1), 5.0, "c")) == -timedelta(hours=1)


@pytest.mark.parametrize("pin", ["0000", "7777", "12345678", "3210", "8901", "6543210", "1212", "123123", "2580",
                                 "5201314", "1314520", "9527", "147258"])
def test_guessable_pins(pin: str) -> None:
    with pytest.raises(ValidationError, match="too easy to guess"):
        check_pin_guessable(pin)


@given(st.text("0123456789", min_size=4, max_size=8))
def test_the_rule_refuses_exactly_runs_repeats_and_the_list(pin: str) -> None:
    from desktop.core.pins import COMMON_PINS

    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    repeats = any(len(pin) % k == 0 and pin == pin[:k] * (len(pin) // k) for k in range(1, len(pin) // 2 + 1))
    guessable = steps in ({1}, {9}) or repeats or pin in COMMON_PINS
    try:
        check_pin_guessable(pin)
    except ValidationError:
        assert guessable
    else:
        assert not guessable


def test_hashes_name_their_cost_and_weaker_ones_need_rehashing() -> None:
    cheap = ScryptCost(2**10, 8, 1)
    stored = hash_pin("5829", cheap)
    assert stored.startswith("scrypt$1024$8$1$") and pin_matches("5829", stored) and not pin_matches("5828", stored)
    assert needs_rehash(stored, LEGACY_COST) and not needs_rehash(stored, cheap)
    assert needs_rehash("not-a-hash") and not pin_matches("5829", "scrypt$3$8$1$AAAA$AAAA")  # N not a power of 2
