"""Writing deal transfers (deposit holds, refunds, settlement) to the persisted ledger.

Before a transfer is written, the group's existing transfers are replayed into a core `Ledger`
so the two-phase rules hold (a hold is posted or voided once, with its own route and amount);
the UNIQUE `pending_id` column backs that up in the database.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.ledger import Kind, Ledger, Transfer, Unit
from desktop.store.models import LedgerTransfer


def to_transfer(row: LedgerTransfer) -> Transfer:
    return Transfer(
        id=row.id,
        debit=row.debit,
        credit=row.credit,
        amount=row.amount,
        kind=Kind(row.kind),
        unit=Unit(row.unit),
        pending_id=row.pending_id,
        ref=row.ref,
    )


def group_ledger(session: Session, group_id: str) -> Ledger:
    """The group's transfers (holds, posts, voids, rewards) replayed in creation order."""
    ledger = Ledger()
    rows = session.scalars(
        select(LedgerTransfer)
        .where(LedgerTransfer.ref == group_id)
        .order_by(LedgerTransfer.created_at, LedgerTransfer.id)
    )
    for row in rows:
        ledger.transfers[row.id] = to_transfer(row)
        if row.pending_id:
            ledger.resolved[row.pending_id] = row.id
    return ledger


def write_transfers(
    session: Session, ledger: Ledger, transfers: Iterable[Transfer], now_iso: str
) -> None:
    for transfer in transfers:
        ledger.apply(transfer)
        session.add(
            LedgerTransfer(
                id=transfer.id,
                debit=transfer.debit,
                credit=transfer.credit,
                amount=transfer.amount,
                kind=transfer.kind.value,
                unit=transfer.unit.value,
                pending_id=transfer.pending_id,
                ref=transfer.ref,
                created_at=now_iso,
            )
        )
    session.flush()


def all_transfers(session: Session) -> list[Transfer]:
    return [to_transfer(row) for row in session.scalars(select(LedgerTransfer))]
