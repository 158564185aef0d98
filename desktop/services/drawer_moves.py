"""Money through the drawer (and the other counter tenders) for the group deals: a deposit
taken at enrolment, a deposit given back (a loser, a cancelled or expired group), the
consolation cash paid to a loser. Each is a ledger transfer recorded under the open shift.

Routes (desktop.core.drawer.tender_account: cash is `asset:drawer`, a card `asset:tender:card`):
- deposit taken: tender account → customer (the customer has paid; the hold then moves it on);
- deposit given back or consolation paid: customer → tender account.
The "platform" tender moves nothing here: the platform holds those deposits.

Cash moves only in an open shift (desktop.store.shift_queries.require_open_shift), except
the automatic expiry, which runs with nobody at the counter: its refunds are recorded
without a shift and the next shift to open takes them over (desktop.services.shifts).
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.drawer import COUNTER_TENDERS, tender_account
from desktop.core.ledger import Accounts, Kind, Transfer
from desktop.services.base import Transaction
from desktop.store.deal_models import GroupEntry
from desktop.store.models import LedgerTransfer
from desktop.store.shift_queries import current_shift_id, require_open_shift


def drawer_ref(group_id: str) -> str:
    """The `ref` of a group's counter money (not the group id: the group's own ledger replay
    reads only its holds, posts, voids and rewards)."""
    return f"drawer:{group_id}"


def write_counter_transfers(tx: Transaction, transfers: Iterable[Transfer], *,
                            automatic: bool = False) -> None:
    """Write transfers through the counter's tenders under the open shift. `automatic`
    (the expiry job) records them without a shift when none is open."""
    items = list(transfers)
    if not items:
        return
    shift_id = current_shift_id(tx.session) if automatic else require_open_shift(tx.session).id
    for transfer in items:
        tx.session.add(LedgerTransfer(
            id=transfer.id, debit=transfer.debit, credit=transfer.credit, amount=transfer.amount,
            kind=transfer.kind.value, unit=transfer.unit.value, pending_id=None, ref=transfer.ref,
            created_at=tx.now_iso, shift_id=shift_id))
    tx.session.flush()


def deposit_taken(tx: Transaction, entry: GroupEntry) -> None:
    if entry.tender not in COUNTER_TENDERS:
        return
    write_counter_transfers(tx, [Transfer(
        id=f"{entry.hold_id}:paid", debit=tender_account(entry.tender),
        credit=Accounts.customer(entry.customer), amount=entry.deposit_fen,
        kind=Kind.PLAIN, ref=drawer_ref(entry.group_id))])


def payouts(group_id: str, entries: Iterable[GroupEntry], plan: Iterable[Transfer]) -> list[Transfer]:
    """What the counter hands back for a plan: each voided hold (the deposit) and each
    consolation cash transfer, to the customer, through the tender they paid with (consolation
    cash always in cash)."""
    by_id = {e.id: e for e in entries}
    out: list[Transfer] = []
    for t in plan:
        entry_id = t.id.rsplit(":", 1)[-1]
        entry = by_id.get(entry_id)
        if entry is None or entry.tender not in COUNTER_TENDERS:
            continue
        if t.kind is Kind.VOID_PENDING:
            out.append(Transfer(id=f"{group_id}:refund_paid:{entry_id}", debit=t.debit,
                                credit=tender_account(entry.tender), amount=t.amount,
                                ref=drawer_ref(group_id)))
        elif t.id == f"{group_id}:consolation:{entry_id}":
            out.append(Transfer(id=f"{group_id}:consolation_paid:{entry_id}", debit=t.credit,
                                credit=Accounts.DRAWER, amount=t.amount, ref=drawer_ref(group_id)))
    return out
