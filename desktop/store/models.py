"""SQLAlchemy models of the local store. Schema changes go through Alembic migrations."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, MetaData, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[str | None] = mapped_column(String(40), default=None)  # shown only
    created_at: Mapped[str] = mapped_column(String(40))
    # The lock as desktop.core.lockout measures it: time left at a monotonic anchor.
    lock_level: Mapped[int] = mapped_column(default=0)
    lock_left_ms: Mapped[int | None] = mapped_column(default=None)
    lock_mono: Mapped[float | None] = mapped_column(default=None)
    lock_boot: Mapped[str | None] = mapped_column(String(64), default=None)


class AuditRecord(Base):
    """Append-only hash chain: hash = SHA-256(prev_hash || canonical row)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class OutboxOp(Base):
    """What happened at the counter, to be pushed to the platform exactly once, in seq order."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))
    acked_at: Mapped[str | None] = mapped_column(String(40), default=None)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|applied|rejected
    reason: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (
        # Start-up and the status bar count unsent ops: keep that an index-only lookup.
        Index("ix_outbox_unacked", "seq", sqlite_where=text("acked_at IS NULL")),
        Index("ix_outbox_rejected", "seq", sqlite_where=text("status = 'rejected'")),
        {"sqlite_autoincrement": True},  # a seq is never reused, even after a delete
    )


class LedgerTransfer(Base):
    """A double-entry transfer (desktop.core.ledger.Transfer). Never updated, never deleted."""

    __tablename__ = "transfers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    debit: Mapped[str] = mapped_column(String(128), index=True)
    credit: Mapped[str] = mapped_column(String(128), index=True)
    amount: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(8))
    # UNIQUE: a pending transfer is posted or voided at most once, whatever the code does.
    pending_id: Mapped[str | None] = mapped_column(ForeignKey("transfers.id"), unique=True, default=None)
    ref: Mapped[str] = mapped_column(String(128), index=True, default="")
    created_at: Mapped[str] = mapped_column(String(40))
    # The shift whose drawer a cash movement went through (migration 0013_shifts); None for
    # transfers that do not touch the drawer, or an automatic refund made while no shift was open.
    shift_id: Mapped[int | None] = mapped_column(Integer, index=True, default=None)


class MenuItem(Base):
    """A catalogue item. Its price lives in versions (MenuItemPrice): a price change adds a
    version and moves `price_version`; a sale line keeps the version it was rung at. `price_fen`
    and `cost_fen` mirror the current version for quick reads."""

    __tablename__ = "menu_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128))  # zh_CN
    name_en: Mapped[str] = mapped_column(String(128), default="", server_default="")
    category: Mapped[str] = mapped_column(String(64), default="", server_default="")
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    sku: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    price_fen: Mapped[int] = mapped_column(Integer)
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)
    price_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    active: Mapped[bool] = mapped_column(default=True)  # disabled items are not sold
    # lowercase names, pinyin and codes (desktop.store.catalogue_keys); written with the terms
    search_text: Mapped[str] = mapped_column(String(512), default="", server_default="")

    __table_args__ = (Index("ix_menu_items_category", "category", text("active DESC"), "name"),)


class MenuItemPrice(Base):
    __tablename__ = "menu_item_prices"
    item_id: Mapped[int] = mapped_column(ForeignKey("menu_items.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    price_fen: Mapped[int] = mapped_column(Integer)
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[str] = mapped_column(String(40))


class MenuSearchTerm(Base):
    """One search term of an item (desktop.store.catalogue_keys): a typed word matches when it
    is a prefix of a term, through this table's primary key (a range, not a scan)."""

    __tablename__ = "menu_search_terms"
    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("menu_items.id"), primary_key=True, index=True)

    __table_args__ = ({"sqlite_with_rowid": False},)


# Register the other areas' tables on Base (imported last: they import Base from here).
from desktop.store import (  # noqa: E402
    deal_models,  # noqa: F401
    print_models,  # noqa: F401
    sale_models,  # noqa: F401
    settlement_models,  # noqa: F401
    shift_models,  # noqa: F401
    sync_models,  # noqa: F401
)
