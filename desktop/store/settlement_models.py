"""The counter's own settlement lines (docs/settlement.md): written by the `outbox_settlement_lines`
trigger (migration 0014_settlement) in the transaction that writes the op, one per amount the op
carries; kept when sent ops are pruned from the outbox."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class SettlementLine(Base):
    __tablename__ = "settlement_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), index=True)
    source: Mapped[str] = mapped_column(String(16))  # sale | refund | group | coins
    ref: Mapped[str] = mapped_column(String(64))  # the sale, refund, group or authorization id
    kind: Mapped[str] = mapped_column(String(32))  # desktop.core.statement.KINDS
    fen: Mapped[int] = mapped_column(Integer)
    schedule_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[str] = mapped_column(String(40))  # the event's time (the op's `at`)
    __table_args__ = ({"sqlite_autoincrement": True},)
