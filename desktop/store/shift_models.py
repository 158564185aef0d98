"""Shifts, the drawer's cash in/out, Z reports and redemption reversals (migration 0013_shifts).

The drawer's money itself is in the ledger (`transfers`, account asset:drawer), each transfer
naming the shift it happened in (`transfers.shift_id`). A Z report is written once, in the
transaction that closes its shift: numbered without gaps per terminal (UNIQUE(terminal,
number)), and SQLite triggers refuse any UPDATE or DELETE of it.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class Shift(Base):
    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal: Mapped[str] = mapped_column(String(128))
    opened_by: Mapped[str] = mapped_column(String(128))
    opened_at: Mapped[str] = mapped_column(String(40))
    cashier: Mapped[str] = mapped_column(String(128))  # who has the drawer now (switch cashier)
    float_counts: Mapped[str] = mapped_column(Text)  # JSON {"10000": 2, ...}
    float_fen: Mapped[int] = mapped_column(Integer)
    closed_by: Mapped[str | None] = mapped_column(String(128), default=None)
    closed_at: Mapped[str | None] = mapped_column(String(40), default=None)
    counted: Mapped[str | None] = mapped_column(Text, default=None)
    counted_fen: Mapped[int | None] = mapped_column(Integer, default=None)
    expected_fen: Mapped[int | None] = mapped_column(Integer, default=None)
    over_short_fen: Mapped[int | None] = mapped_column(Integer, default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    approver: Mapped[str] = mapped_column(String(128), default="")

    __table_args__ = (
        # One open shift per terminal (the database is the terminal's), whatever the code does.
        Index("ux_shifts_one_open", text("(closed_at IS NULL)"), unique=True, sqlite_where=text("closed_at IS NULL")),
    )


class CashMovement(Base):
    """Cash put in or taken out of the drawer outside a sale (change float, bank drop)."""

    __tablename__ = "cash_movements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    direction: Mapped[str] = mapped_column(String(4))  # in | out
    amount_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    staff: Mapped[str] = mapped_column(String(128))
    approver: Mapped[str] = mapped_column(String(128), default="")
    transfer_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(40))


class ZReport(Base):
    __tablename__ = "z_reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal: Mapped[str] = mapped_column(String(128))
    number: Mapped[int] = mapped_column(Integer)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), unique=True)
    created_at: Mapped[str] = mapped_column(String(40))
    totals: Mapped[str] = mapped_column(Text)  # JSON snapshot (desktop.services.shift_totals)

    __table_args__ = (UniqueConstraint("terminal", "number", name="uq_z_reports_terminal_number"),)


class RedemptionReversal(Base):
    """A redemption taken back within the window: the redemption row moves here (so the
    voucher is redeemable again) with who reversed it, who approved and why."""

    __tablename__ = "redemption_reversals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    voucher_id: Mapped[str] = mapped_column(String(20), index=True)
    redemption_op_id: Mapped[str] = mapped_column(String(36), unique=True)
    redeemed_at: Mapped[str] = mapped_column(String(40))
    redeemed_by: Mapped[str] = mapped_column(String(128))
    terminal: Mapped[str] = mapped_column(String(128))
    product: Mapped[str] = mapped_column(String(128))
    group_id: Mapped[str] = mapped_column(String(32))
    entry_id: Mapped[str] = mapped_column(String(32))
    reversed_at: Mapped[str] = mapped_column(String(40))
    reversed_by: Mapped[str] = mapped_column(String(128))
    approver: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(Text)

