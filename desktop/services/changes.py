"""What a use case changed: every use case carries its changes out (as Anki's `OpChanges`).

Nobody declares them by hand: the store records the tables each committed transaction wrote
(desktop.store.changes) and `TABLE_CHANGES` says what each table is, in the kinds the screens
refresh by (desktop.core.changes.Change). Whoever runs a use case and wants to tell others
(the UI's task helper, the sync worker, the groups' job) runs it inside `recording()`:

    with recording() as changed:
        services.groups.enrol(actor, group_id, who, tender)
    changed.changes  # frozenset({Change.GROUPS, Change.SYNC, Change.AUDIT})

What committed before a refusal counts too (a wrong manager PIN is counted and audited, then
refused: STAFF and AUDIT). A table missing from `TABLE_CHANGES` (a test checks every model's
table is in it) counts as everything, so no screen can miss it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from desktop.core.changes import EVERYTHING, Change
from desktop.store.changes import TableRecord
from desktop.store.changes import recording as _recording_tables

__all__ = ["TABLE_CHANGES", "Change", "OpChanges", "changes_of", "recording"]

_G, _S = Change.GROUPS, Change.SYNC
TABLE_CHANGES: dict[str, frozenset[Change]] = {
    "settings": frozenset({Change.SETTINGS}),
    "staff": frozenset({Change.STAFF}),
    "audit_log": frozenset({Change.AUDIT}),
    "outbox": frozenset({_S}),
    "transfers": frozenset({_G}),  # the ledger: deposits held, refunds, rewards
    "menu_items": frozenset({Change.MENU}),
    "menu_item_prices": frozenset({Change.MENU}),
    "menu_search_terms": frozenset({Change.MENU}),
    "settlement_lines": frozenset({_S}),  # filled by a trigger on the outbox: what reconciliation compares
    "shifts": frozenset({Change.SHIFTS}),
    "cash_movements": frozenset({Change.SHIFTS}),
    "z_reports": frozenset({Change.SHIFTS}),
    "redemption_reversals": frozenset({Change.SHIFTS, Change.VOUCHERS}),
    "receipt_counters": frozenset({Change.SALES}),
    "sales": frozenset({Change.SALES}),
    "sale_lines": frozenset({Change.SALES}),
    "sale_tenders": frozenset({Change.SALES}),
    "sale_refunds": frozenset({Change.SALES}),
    "sale_refund_lines": frozenset({Change.SALES}),
    "sale_refund_tenders": frozenset({Change.SALES}),
    "parked_orders": frozenset({Change.SALES}),
    "coin_captures": frozenset({Change.SALES}),
    "accepted_coin_tokens": frozenset({Change.SALES}),
    "printers": frozenset({Change.PRINTERS}),
    "printer_routes": frozenset({Change.PRINTERS}),
    "print_jobs": frozenset({Change.PRINT_JOBS}),
    "deals": frozenset({Change.DEALS}),
    "deal_groups": frozenset({_G}),
    "group_entries": frozenset({_G}),
    "join_requests": frozenset({_G}),
    "draws": frozenset({_G}),
    "vouchers": frozenset({Change.VOUCHERS}),
    "redemptions": frozenset({Change.VOUCHERS}),
    "signing_keys": frozenset({_S}),
    "sync_state": frozenset({_S}),
    "members": frozenset({_S}),
    "coin_authorization_revocations": frozenset({_S}),
    "commission_schedules": frozenset({_S}),
    "terminal_keys": frozenset({_S}),
    "platform_join_requests": frozenset({_G, _S}),
    "attention_items": frozenset({_S}),
}


def changes_of(tables: Iterable[str]) -> frozenset[Change]:
    found: set[Change] = set()
    for table in tables:
        found |= TABLE_CHANGES.get(table, EVERYTHING)
    return frozenset(found)


class OpChanges:
    """The changes of the work run inside `recording()`: readable during and after it."""

    def __init__(self) -> None:
        self._tables = TableRecord()

    @property
    def changes(self) -> frozenset[Change]:
        return changes_of(self._tables.tables)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self._tables.tables)

    def __bool__(self) -> bool:
        return bool(self._tables.tables)


@contextmanager
def recording(into: OpChanges | None = None) -> Iterator[OpChanges]:
    """Record what the work inside the block commits (on this thread)."""
    changed = into if into is not None else OpChanges()
    with _recording_tables(changed._tables):
        yield changed
