"""`run_op`: how a screen runs a use case that writes.

The work runs off the UI thread through `run_task`; while it runs, the `busy` widgets are
disabled (a double click cannot start it twice); on success the change bus announces what
it changed, then `on_success` runs; on failure `on_failure` gets the text to show (the one
error split of desktop.ui.messages: a UserError's message, or "something went wrong" with the
bug logged).

`run_write` is the same for the windows that have a bus or none (the login gate, the first
run, the manager-approval and pairing dialogs): `run_op(ctx, …)` is `run_write(ctx.bus, …)`.
A use case that commits something before it refuses (a wrong PIN counts towards the lock and
is audited) names that in `refused_changes`: announced when it fails with a UserError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget

from desktop.core.errors import UserError
from desktop.ui.changes import Change, ChangeBus
from desktop.ui.context import UiContext
from desktop.ui.messages import describe
from desktop.ui.tasks import run_task


def run_op(ctx: UiContext, work: Callable[[], Any], changes: Iterable[Change],
           on_success: Callable[[Any], None] | None = None,
           on_failure: Callable[[str, BaseException], None] | None = None,
           *, busy: Iterable[QWidget] = (), doing: str = "",
           refused_changes: Iterable[Change] = ()) -> None:
    run_write(ctx.bus, work, changes, on_success, on_failure, busy=busy, doing=doing,
              refused_changes=refused_changes)


def run_write(bus: ChangeBus | None, work: Callable[[], Any], changes: Iterable[Change],
              on_success: Callable[[Any], None] | None = None,
              on_failure: Callable[[str, BaseException], None] | None = None,
              *, busy: Iterable[QWidget] = (), doing: str = "",
              refused_changes: Iterable[Change] = ()) -> None:
    owners = list(busy)  # the screen's widgets: gone (logged out) means nobody to tell
    widgets = [w for w in owners if w.isEnabled()]
    for widget in widgets:
        widget.setEnabled(False)
    wanted, refused = frozenset(changes), frozenset(refused_changes)

    def release() -> None:
        for widget in widgets:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)

    def alive() -> bool:
        return all(shiboken6.isValid(w) for w in owners)

    def succeeded(result: Any) -> None:
        release()
        if not alive():
            return
        if bus is not None:
            bus.announce(wanted)
        if on_success is not None:
            on_success(result)

    def failed(exc: BaseException) -> None:
        release()
        text = describe(exc, doing)
        if not alive():
            return
        if bus is not None and isinstance(exc, UserError):
            bus.announce(refused)
        if on_failure is not None:
            on_failure(text, exc)

    run_task(work, succeeded, failed)
