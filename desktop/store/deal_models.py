"""Tables of lottery group deals: deals, groups, entries, join requests, draws, vouchers,
redemptions and voucher signing keys (migration 0003).

Records of deals, groups, draws and redemptions are kept at least two years
(desktop.core.compliance.RETENTION_DAYS): no code path deletes them.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class Deal(Base):
    """A deal template. `terms` is the JSON of desktop.core.deals.DealTerms; after launch the
    disclosure is frozen and the terms change only through a checked amendment."""

    __tablename__ = "deals"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    product_name: Mapped[str] = mapped_column(String(128))
    menu_item_id: Mapped[int | None] = mapped_column(Integer, default=None)
    terms: Mapped[str] = mapped_column(Text)
    contact: Mapped[str] = mapped_column(String(128), default="")
    redemption_place: Mapped[str] = mapped_column(String(255), default="")
    state: Mapped[str] = mapped_column(String(16), default="draft")  # draft | launched
    disclosure_zh: Mapped[str | None] = mapped_column(Text, default=None)
    disclosure_en: Mapped[str | None] = mapped_column(Text, default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(40))
    launched_at: Mapped[str | None] = mapped_column(String(40), default=None)


class Group(Base):
    __tablename__ = "deal_groups"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    deal_id: Mapped[str] = mapped_column(ForeignKey("deals.id"))
    state: Mapped[str] = mapped_column(String(16), index=True)
    seed_hex: Mapped[str] = mapped_column(String(64))  # secret until the draw reveals it
    commitment: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[str] = mapped_column(String(40))
    deadline: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[str | None] = mapped_column(String(40), default=None)
    # desktop.core.join_token: signed at opening, sent in group.opened, on the invite's QR
    join_token: Mapped[str | None] = mapped_column(String(128), default=None)


class GroupEntry(Base):
    """One seat, in join order (`position`). The deposit is the pending ledger transfer
    `hold_id`; tender is cash, card or platform (online joins: the platform holds it)."""

    __tablename__ = "group_entries"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the draw's entry_id
    group_id: Mapped[str] = mapped_column(ForeignKey("deal_groups.id"))
    position: Mapped[int] = mapped_column(Integer)
    customer: Mapped[str] = mapped_column(String(64))  # member id or phone: the ledger account
    member_id: Mapped[str | None] = mapped_column(String(64), default=None)
    phone: Mapped[str | None] = mapped_column(String(32), default=None)
    nonce: Mapped[str] = mapped_column(String(128))
    tender: Mapped[str] = mapped_column(String(16))
    deposit_fen: Mapped[int] = mapped_column(Integer)
    hold_id: Mapped[str] = mapped_column(String(64), unique=True)
    is_leader: Mapped[bool] = mapped_column(default=False)
    request_id: Mapped[str | None] = mapped_column(String(64), default=None)
    joined_at: Mapped[str] = mapped_column(String(40))

    __table_args__ = (UniqueConstraint("group_id", "position", name="uq_group_entries_group_id"),)


class JoinRequest(Base):
    """An online join request pulled from the platform; accepted in arrival order."""

    __tablename__ = "join_requests"
    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(32), index=True)
    member_id: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(128))
    arrived_at: Mapped[str] = mapped_column(String(40))
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|accepted|refused
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    entry_id: Mapped[str | None] = mapped_column(String(32), default=None)
    decided_at: Mapped[str | None] = mapped_column(String(40), default=None)


class Draw(Base):
    """The draw of a group: one row at most (a drawn group never re-draws)."""

    __tablename__ = "draws"
    group_id: Mapped[str] = mapped_column(ForeignKey("deal_groups.id"), primary_key=True)
    proof: Mapped[str] = mapped_column(Text)  # pinshang-draw-v1 proof JSON, seed revealed
    digest: Mapped[str] = mapped_column(String(64))
    winners: Mapped[str] = mapped_column(Text)  # JSON list of entry ids, in draw order
    drawn_at: Mapped[str] = mapped_column(String(40))
    drawn_by: Mapped[str] = mapped_column(String(128))


class Voucher(Base):
    __tablename__ = "vouchers"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(32), index=True)
    entry_id: Mapped[str] = mapped_column(String(32), unique=True)
    store_id: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(8))
    product: Mapped[str] = mapped_column(String(128))
    customer: Mapped[str] = mapped_column(String(64))
    qr_text: Mapped[str] = mapped_column(Text)
    fallback_code: Mapped[str] = mapped_column(String(16), unique=True)
    issued_at: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[str] = mapped_column(String(40))


class Redemption(Base):
    """UNIQUE voucher_id: single use, whatever the code does (no FK: a voucher issued by
    another terminal of the store is redeemed here without a local voucher row)."""

    __tablename__ = "redemptions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    voucher_id: Mapped[str] = mapped_column(String(20), unique=True)
    redeemed_at: Mapped[str] = mapped_column(String(40))
    staff: Mapped[str] = mapped_column(String(128))
    terminal: Mapped[str] = mapped_column(String(128))
    product: Mapped[str] = mapped_column(String(128))
    group_id: Mapped[str] = mapped_column(String(32))
    entry_id: Mapped[str] = mapped_column(String(32))


class SigningKey(Base):
    """Every voucher public key this terminal ever used or received from the platform; kept for
    ever so old vouchers verify (migrations 0003, 0006). The private key lives in the OS
    keychain, never here."""

    __tablename__ = "signing_keys"
    key_id: Mapped[str] = mapped_column(String(8), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # hex of the raw 32 bytes
    created_at: Mapped[str] = mapped_column(String(40))
    retired_at: Mapped[str | None] = mapped_column(String(40), default=None)
    own: Mapped[bool] = mapped_column(default=True)  # False: another terminal of the store
    # The platform's bound (pull): vouchers issued at or after it are refused (the key retired,
    # or its terminal revoked). The verifier uses the earlier of this and retired_at.
    not_after: Mapped[str | None] = mapped_column(String(40), default=None)
    terminal_id: Mapped[str | None] = mapped_column(String(64), default=None)  # the platform's


Index("ix_deal_groups_deal_state", Group.deal_id, Group.state)
