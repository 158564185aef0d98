"""Tables of the sync with the platform (docs/sync-protocol.md): pairing state and pull cursor, the
platform-owned copies a pull refreshes, and the manager's attention queue.

The API token and the terminal's private key are NOT here: they live in the OS keychain.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class SyncState(Base):
    """One row (id = 1) once the terminal is paired."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    terminal_name: Mapped[str] = mapped_column(String(200))
    store_id: Mapped[str] = mapped_column(String(64))
    store_name: Mapped[str] = mapped_column(String(200))
    merchant_id: Mapped[str] = mapped_column(String(64))
    platform_url: Mapped[str] = mapped_column(String(500))
    platform_public_key: Mapped[str] = mapped_column(String(100))
    # Outbox seq of the last op sent before this pairing: push seq = outbox seq - seq_base,
    # so a re-paired terminal starts at 1 as the platform expects.
    seq_base: Mapped[int] = mapped_column(Integer, default=0)
    cursor: Mapped[str | None] = mapped_column(Text, default=None)
    paired_at: Mapped[str] = mapped_column(String(40))
    last_success_at: Mapped[str | None] = mapped_column(String(40), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    last_error_at: Mapped[str | None] = mapped_column(String(40), default=None)
    phone_key: Mapped[str | None] = mapped_column(String(64), default=None)  # hex, from pull


class Member(Base):
    __tablename__ = "members"
    member_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Never the full number (docs/security.md): as the counter shows it, and a keyed hash
    # (desktop/core/phones.py) to match a typed number.
    phone_masked: Mapped[str] = mapped_column(String(32), server_default="")
    phone_hash: Mapped[str | None] = mapped_column(String(64), index=True, default=None)
    name: Mapped[str] = mapped_column(String(200))
    home_merchant_id: Mapped[str | None] = mapped_column(String(64), default=None)
    locked_at: Mapped[str | None] = mapped_column(String(40), default=None)  # when the lock was set


class CoinAuthorizationRevocation(Base):
    """Coin authorizations the platform says may no longer be accepted offline."""

    __tablename__ = "coin_authorization_revocations"
    token_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))  # revoked | expired | captured


class CommissionSchedule(Base):
    """Every version is kept: the one in force at a time is the latest effective_from <= time."""

    __tablename__ = "commission_schedules"
    merchant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective_from: Mapped[str] = mapped_column(String(40))
    coin_settlement_bp: Mapped[int] = mapped_column(Integer)
    turnover_commission_bp: Mapped[int] = mapped_column(Integer, default=0)
    deal_commission_bp: Mapped[int] = mapped_column(Integer)
    alliance_share_bp: Mapped[int] = mapped_column(Integer)
    coin_cap_bp: Mapped[int] = mapped_column(Integer)
    coin_value_fen: Mapped[int] = mapped_column(Integer)


class TerminalKey(Base):
    """Public keys of the store's terminals, to verify their vouchers offline."""

    __tablename__ = "terminal_keys"
    terminal_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[str] = mapped_column(String(100))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class PlatformJoinRequest(Base):
    """Online join requests as the platform delivered them (the owning terminal answers them)."""

    __tablename__ = "platform_join_requests"
    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(64), index=True)
    member_id: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[str] = mapped_column(String(40))


class AttentionItem(Base):
    """Something a manager must look at: an op the platform rejected, or a conflict."""

    __tablename__ = "attention_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # rejected_op | conflict
    ref: Mapped[str] = mapped_column(String(64))  # op_id, or the platform's conflict id
    subject: Mapped[str] = mapped_column(String(200), default="")  # e.g. "sale.completed", voucher id
    reason: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)  # what to do, in English (translated on display)
    created_at: Mapped[str] = mapped_column(String(40))
    resolved_at: Mapped[str | None] = mapped_column(String(40), default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(128), default=None)

    # The same rejection or conflict is never queued twice (a pull may deliver it again).
    __table_args__ = (UniqueConstraint("kind", "ref"),)
