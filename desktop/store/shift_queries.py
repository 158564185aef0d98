"""The shared reads of shifts and the drawer: which shift is open on this terminal, the one
check that cash may move ("open a shift first"), and a shift's drawer transfers.

A database belongs to one terminal; the terminal's name is the setting written at pairing
(the redemptions record the same name). Checkout, the group services and the shift service
all call `require_open_shift` / `current_shift_id` here, inside their own transaction.
"""

from __future__ import annotations

import platform

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidTransition
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ledger import Accounts
from desktop.core.settings_keys import TERMINAL_NAME
from desktop.store.models import LedgerTransfer, Setting
from desktop.store.shift_models import Shift


def terminal_name(session: Session) -> str:
    row = session.get(Setting, TERMINAL_NAME)
    return (row.value if row is not None else "") or platform.node() or "counter"


def open_shift(session: Session) -> Shift | None:
    """This terminal's open shift, if any (at most one: a partial UNIQUE index). The database
    is the terminal's: its name may change (pairing names it), its shift does not."""
    return session.scalars(select(Shift).where(Shift.closed_at.is_(None))).first()


def current_shift_id(session: Session) -> int | None:
    """The id of the open shift, for a transfer through the drawer (None: no shift open)."""
    shift = open_shift(session)
    return None if shift is None else shift.id


def require_open_shift(session: Session) -> Shift:
    """The open shift; InvalidTransition when none is: sales, deposits, refunds and payouts
    move cash, and cash moves only through the drawer of an open shift."""
    shift = open_shift(session)
    if shift is None:
        raise InvalidTransition(QT_TRANSLATE_NOOP(
            "errors", "Open a shift first: count the float into the drawer, then take or pay money"))
    return shift


def drawer_rows(session: Session, shift_id: int) -> list[LedgerTransfer]:
    """The shift's transfers through the drawer, in the order they were written."""
    query = (select(LedgerTransfer).where(LedgerTransfer.shift_id == shift_id)
             .where(or_(LedgerTransfer.debit == Accounts.DRAWER, LedgerTransfer.credit == Accounts.DRAWER))
             .order_by(LedgerTransfer.created_at, LedgerTransfer.id))
    return list(session.scalars(query))


def shift_rows(session: Session, shift_id: int) -> list[LedgerTransfer]:
    """Every transfer recorded under the shift (drawer and the non-cash tenders)."""
    query = (select(LedgerTransfer).where(LedgerTransfer.shift_id == shift_id)
             .order_by(LedgerTransfer.created_at, LedgerTransfer.id))
    return list(session.scalars(query))
