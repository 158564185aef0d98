"""desktop.core.collector.paused: no automatic collection inside, the collector as it was after."""

from __future__ import annotations

import gc
import threading

import pytest

from desktop.core import collector


def test_no_collection_runs_inside_and_the_collector_is_back_on_after() -> None:
    runs: list[str] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(phase)

    gc.callbacks.append(note)
    try:
        assert gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
            rows = [(n, [n]) for n in range(50_000)]  # enough containers for many collections
            assert not runs
        assert gc.isenabled() and len(rows) == 50_000
        with pytest.raises(RuntimeError):
            with collector.paused():
                raise RuntimeError("a failure inside")
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(note)


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pauses_on_two_threads_share_one_pause_and_the_last_switches_the_collector_back_on() -> None:
    """Thread B enters while A is inside, A leaves first: still paused until B leaves; then on.
    (With each block saving and restoring the state on its own, B would have seen the collector
    off and left it off for good.)"""
    a_inside, b_inside, a_left, b_leave = (threading.Event() for _ in range(4))
    seen: list[bool] = []

    def b() -> None:
        a_inside.wait(5)
        with collector.paused():
            b_inside.set()
            a_left.wait(5)
            seen.append(gc.isenabled())  # A has left, B is still inside
            b_leave.wait(5)

    other = threading.Thread(target=b)
    other.start()
    with collector.paused():
        a_inside.set()
        b_inside.wait(5)
    a_left.set()
    b_leave.set()
    other.join(5)
    assert seen == [False]
    assert gc.isenabled()
