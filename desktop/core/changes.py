"""What a use case changed, in the words the screens refresh by (as Anki's `OpChanges`).

A write records the tables it committed (desktop.store.changes); the services turn them into
these kinds (desktop.services.changes: every table has its kinds); the UI announces them once
on its change bus, and every screen that shows one of them refreshes.
"""

from __future__ import annotations

from enum import StrEnum


class Change(StrEnum):
    DEALS = "deals"
    GROUPS = "groups"  # groups, their seats, draws, refunds, join requests
    VOUCHERS = "vouchers"  # issued and redeemed
    STAFF = "staff"
    PRINT_JOBS = "print_jobs"
    PRINTERS = "printers"
    SETTINGS = "settings"
    SYNC = "sync"  # outbox, pairing, pulled data, attention items, the worker's state
    AUDIT = "audit"
    MENU = "menu"  # the catalogue: items and their prices


EVERYTHING = frozenset(Change)
