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


def test_pauses_on_two_threads_never_leave_the_collector_off() -> None:
    inside, leave = threading.Barrier(2), threading.Event()

    def pause() -> None:
        with collector.paused():
            inside.wait()
            leave.wait(5)

    other = threading.Thread(target=pause)
    other.start()
    with collector.paused():
        inside.wait()  # both inside
    leave.set()
    other.join(5)
    assert gc.isenabled()
