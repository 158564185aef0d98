"""One change notification for every screen (as Anki's OpChanges / operation_did_execute).

A use case that writes runs through `desktop.ui.operations.run_op` with the set of things
it changes; when it succeeds the bus announces that set once, and every screen that shows
one of those things refreshes (at once if it is shown, else when it is shown next). No
screen polls the store for changes another screen made.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class Change(StrEnum):
    DEALS = "deals"
    GROUPS = "groups"  # groups, their seats, draws, refunds
    VOUCHERS = "vouchers"  # issued and redeemed
    STAFF = "staff"
    PRINT_JOBS = "print_jobs"
    PRINTERS = "printers"
    SETTINGS = "settings"
    SYNC = "sync"  # outbox, pairing, attention items
    AUDIT = "audit"
    MENU = "menu"  # catalogue items, prices, enabled
    SALES = "sales"  # sales, refunds, voids, parked orders


EVERYTHING = frozenset(Change)


class ChangeBus(QObject):
    changed = Signal(object)  # frozenset[Change]

    def announce(self, changes: frozenset[Change] | set[Change]) -> None:
        if changes:
            self.changed.emit(frozenset(changes) | {Change.AUDIT})  # every write is audited
