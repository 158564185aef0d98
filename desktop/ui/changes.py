"""One change notification for every screen (as Anki's OpChanges / operation_did_execute).

A use case carries out what it changed (desktop.services.changes: the tables its transactions
committed, as `Change` kinds); `desktop.ui.operations.run_op` runs it and, when it is done,
the bus announces those changes once, and every screen that shows one of them refreshes (at
once if it is shown, else when it is shown next). The background work (the sync worker's
rounds, the groups' job) announces what it changed through desktop.ui.sync_status. No screen
polls the store for changes another screen, the worker or the job made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.changes import EVERYTHING, Change

__all__ = ["EVERYTHING", "Change", "ChangeBus"]


class ChangeBus(QObject):
    changed = Signal(object)  # frozenset[Change]

    def announce(self, changes: frozenset[Change] | set[Change]) -> None:
        if changes:
            self.changed.emit(frozenset(changes))
