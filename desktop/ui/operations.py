"""`run_op`: how a screen runs a use case that writes.

The work runs off the UI thread through `run_task`, inside `desktop.services.changes.recording`:
the use case carries out what it changed (the tables its transactions committed, as `Change`
kinds). While it runs, the `busy` widgets are disabled (a double click cannot start it twice).
When it is done the change bus announces what it changed, once, then `on_success` runs; on
failure `on_failure` gets the text to show (the one error split of desktop.ui.messages: a
UserError's message, or "something went wrong" with the bug logged). What committed before a
refusal is announced too (a wrong PIN counts towards the lock and is audited).

`run_write` is the same for the windows that have a bus or none (the login gate, the first
run, the manager-approval and pairing dialogs): `run_op(ctx, …)` is `run_write(ctx.bus, …)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from desktop.services.changes import OpChanges, recording
from desktop.ui.changes import ChangeBus
from desktop.ui.context import UiContext
from desktop.ui.messages import describe
from desktop.ui.tasks import run_task

Failure = Callable[[str, BaseException], None]


def run_op(ctx: UiContext, work: Callable[[], Any],
           on_success: Callable[[Any], None] | None = None,
           on_failure: Failure | None = None,
           *, busy: Iterable[QWidget] = (), doing: str = "", pool: QThreadPool | None = None) -> None:
    run_write(ctx.bus, work, on_success, on_failure, busy=busy, doing=doing, pool=pool)


def run_write(bus: ChangeBus | None, work: Callable[[], Any],
              on_success: Callable[[Any], None] | None = None,
              on_failure: Failure | None = None,
              *, busy: Iterable[QWidget] = (), doing: str = "", pool: QThreadPool | None = None) -> None:
    owners = list(busy)  # the screen's widgets: gone (logged out) means nobody to tell
    widgets = [w for w in owners if w.isEnabled()]
    for widget in widgets:
        widget.setEnabled(False)
    changed = OpChanges()

    def recorded() -> Any:
        with recording(changed):
            return work()

    def release() -> None:
        for widget in widgets:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)

    def alive() -> bool:
        return all(shiboken6.isValid(w) for w in owners)

    def announce() -> None:
        if bus is not None and shiboken6.isValid(bus):
            bus.announce(changed.changes)

    def succeeded(result: Any) -> None:
        release()
        announce()  # the other screens hear it even when the one that asked is gone
        if alive() and on_success is not None:
            on_success(result)

    def failed(exc: BaseException) -> None:
        release()
        text = describe(exc, doing)
        announce()
        if alive() and on_failure is not None:
            on_failure(text, exc)

    run_task(recorded, succeeded, failed, pool)
