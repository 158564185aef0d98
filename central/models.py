"""The platform's own tables (SQLAlchemy 2 declarative). Migrations live in central/migrations.

`change_seq` on a row is the value of the global change counter (services/changes.py) of the
transaction that last wrote it; pull returns rows whose change_seq is above the cursor.
Times are stored as timezone-aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on both engines (SQLite would hand back naive datetimes)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the platform database")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class PlatformState(Base):
    """Single row: the change counter, the instance id (cursors of another DB reset) and key."""

    __tablename__ = "platform_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    instance_id: Mapped[str] = mapped_column(String(32))
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw Ed25519 private key


class Merchant(Base):
    __tablename__ = "merchants"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    # When the merchant left the alliance: the shares of members locked to it go to the
    # platform from then on (docs/settlement.md).
    left_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class Store(Base):
    __tablename__ = "stores"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    name: Mapped[str] = mapped_column(String(200))
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)


class PairingCode(Base):
    __tablename__ = "pairing_codes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    terminal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Terminal(Base):
    __tablename__ = "terminals"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the raw Ed25519 key
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # hex SHA-256
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    audit_length: Mapped[int] = mapped_column(BigInteger, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)


class SeenOpId(Base):
    """Every op_id ever received, kept for ever: the primary key is the duplicate guard."""

    __tablename__ = "seen_op_ids"
    op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))


class ReceivedOp(Base):
    """The outcome of every pushed seq, so a retried batch is answered from here."""

    __tablename__ = "received_ops"
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # the JSON as received
    status: Mapped[str] = mapped_column(String(16))  # applied | rejected | duplicate
    reason: Mapped[str] = mapped_column(Text, default="")
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Member(Base):
    __tablename__ = "members"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    home_merchant_id: Mapped[str | None] = mapped_column(ForeignKey("merchants.id"), nullable=True)
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    # The lock (docs/settlement.md): when and how the member was locked to home_merchant_id.
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    lock_reason: Mapped[str] = mapped_column(String(200), default="")
    # The member's credentials (central/services/members.py): the secret behind their rotating
    # member code, and the hash of the access token their phone signs in with.
    code_secret: Mapped[bytes] = mapped_column(LargeBinary)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)


class MemberContact(Base):
    """A store where a member was counted (enrolled in a group, registered at the counter, spent
    coins): the store's terminals may hold that member (pull); the first contact locks them."""

    __tablename__ = "member_contacts"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    first_at: Mapped[datetime] = mapped_column(UtcDateTime())
    kind: Mapped[str] = mapped_column(String(32))  # group_enrolment | counter_registration | coin_spend
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)


class MemberLockMove(Base):
    """A member's lock moved by the admin away from `from_merchant_id`: that merchant's
    terminals learn it in their next pull (central/services/pull.py, `members_gone` or the
    member's new row), even when the member is no longer theirs to hold."""

    __tablename__ = "member_lock_moves"
    __table_args__ = (Index("ix_member_lock_moves_from_seq", "from_merchant_id", "change_seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    from_merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    to_merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    moved_at: Mapped[datetime] = mapped_column(UtcDateTime())
    change_seq: Mapped[int] = mapped_column(BigInteger)


class MemberCodeUse(Base):
    """A rotating member code is good for one use: (member, step) is recorded when it is used."""

    __tablename__ = "member_code_uses"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), primary_key=True)
    step: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    used_at: Mapped[datetime] = mapped_column(UtcDateTime())
    purpose: Mapped[str] = mapped_column(String(64))


class CoinTransfer(Base):
    """Double-entry coin journal. UNIQUE(pending_id): a reservation is resolved exactly once."""

    __tablename__ = "coin_transfers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    debit: Mapped[str] = mapped_column(String(128), index=True)
    credit: Mapped[str] = mapped_column(String(128), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    pending_id: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    ref: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (CheckConstraint("amount > 0", name="ck_coin_transfers_positive"),)


class CoinBalance(Base):
    """Running balance per account, written in the same transaction as each transfer: its row
    lock serializes spenders and the CHECK makes a negative member balance impossible."""

    __tablename__ = "coin_balances"
    account: Mapped[str] = mapped_column(String(128), primary_key=True)
    posted: Mapped[int] = mapped_column(BigInteger, default=0)  # credits - debits, final
    reserved: Mapped[int] = mapped_column(BigInteger, default=0)  # open pending debits
    may_go_negative: Mapped[bool] = mapped_column(Boolean, default=False)  # the issuer only
    __table_args__ = (
        CheckConstraint("may_go_negative OR posted - reserved >= 0", name="ck_coin_balances_nonneg"),
    )


class CoinAuthorization(Base):
    __tablename__ = "coin_authorizations"
    token_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"))
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    max_coins: Mapped[int] = mapped_column(BigInteger)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())  # a capture may not pre-date it
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    pending_transfer_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))  # reserved | captured | expired | revoked
    captured_coins: Mapped[int] = mapped_column(BigInteger, default=0)
    capture_ref: Mapped[str] = mapped_column(String(128), default="")
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)


class CoinConsent(Base):
    """A member's consent given at one terminal (their member code, checked once): good for ONE
    coin capture or authorization at that terminal within a short window (services/coin_consents.py)."""

    __tablename__ = "coin_consents"
    consent_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class MerchantPhoneKey(Base):
    """The key of the phone hashes a merchant's terminals receive in pull (lookup of a typed phone)."""

    __tablename__ = "merchant_phone_keys"
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary)


class MemberLookup(Base):
    """One phone lookup by a terminal: the rate limit counts these."""

    __tablename__ = "member_lookups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (Index("ix_member_lookups_terminal_at", "terminal_id", "at"),)


class MemberCodeFailure(Base):
    """A wrong member code a terminal presented: too many lock further attempts (brute force)."""

    __tablename__ = "member_code_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[str] = mapped_column(String(64))  # as named by the code: may be no member
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (Index("ix_member_code_failures_member_at", "member_id", "at"),
                      Index("ix_member_code_failures_terminal_at", "terminal_id", "at"))


class IdempotentResponse(Base):
    __tablename__ = "idempotent_responses"
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)


class CommissionSchedule(Base):
    __tablename__ = "commission_schedules"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    version: Mapped[int] = mapped_column(Integer)
    effective_from: Mapped[datetime] = mapped_column(UtcDateTime())
    coin_settlement_bp: Mapped[int] = mapped_column(Integer)
    turnover_commission_bp: Mapped[int] = mapped_column(Integer, default=0)
    deal_commission_bp: Mapped[int] = mapped_column(Integer)
    alliance_share_bp: Mapped[int] = mapped_column(Integer)
    coin_cap_bp: Mapped[int] = mapped_column(Integer)
    coin_value_fen: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    __table_args__ = (UniqueConstraint("merchant_id", "version", name="uq_schedules_version"),)


class Deal(Base):
    """A deal a store launched (deal.launched); its terms are the latest version's."""

    __tablename__ = "store_deals"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    version: Mapped[int] = mapped_column(Integer)
    terms: Mapped[str] = mapped_column(Text)  # JSON of the latest version's terms
    launched_at: Mapped[datetime] = mapped_column(UtcDateTime())


class DealVersion(Base):
    """Every published version of a deal's terms and disclosure, kept for ever."""

    __tablename__ = "store_deal_versions"
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    deal_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    terms: Mapped[str] = mapped_column(Text)
    disclosure: Mapped[str] = mapped_column(Text)
    op_id: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (ForeignKeyConstraint(["store_id", "deal_id"], ["store_deals.store_id", "store_deals.id"]),)


class Group(Base):
    """A group as the platform knows it. Keyed by (store_id, id): two stores may print the
    same group id; the join token (its hash here) tells whose invite a phone holds."""

    __tablename__ = "store_groups"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    deal_id: Mapped[str] = mapped_column(String(64))
    commitment: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))  # open | drawn | settled | expired | cancelled
    winners: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of entry ids once drawn
    join_token_hash: Mapped[str] = mapped_column(String(64), default="", index=True)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime())


class GroupEntry(Base):
    """A seat whose group.joined the platform applied, in join order (`position`, from 1)."""

    __tablename__ = "store_group_entries"
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    nonce: Mapped[str] = mapped_column(String(128))
    member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    claimed_member_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    deposit_fen: Mapped[int] = mapped_column(BigInteger)
    request_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    coins_granted: Mapped[int] = mapped_column(BigInteger, default=0)
    op_id: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        ForeignKeyConstraint(["store_id", "group_id"], ["store_groups.store_id", "store_groups.id"]),
        UniqueConstraint("store_id", "group_id", "position", name="uq_store_group_entries_position"),
    )


class JoinRequest(Base):
    """A member's online request to join a group (the phone showed the invite's join token).
    One per member and group: asking again answers the same request."""

    __tablename__ = "group_join_requests"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(64))
    store_id: Mapped[str] = mapped_column(String(64), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    nonce: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16))  # pending | accepted | refused
    entry_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # once seated
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    __table_args__ = (
        ForeignKeyConstraint(["store_id", "group_id"], ["store_groups.store_id", "store_groups.id"]),
        UniqueConstraint("store_id", "group_id", "member_id", name="uq_group_join_requests_member"),
    )


class RateHit(Base):
    """One counted request per bucket ("member:<id>", "address:<ip>"), for limits that hold
    across several platform workers (rows counted in a time window)."""

    __tablename__ = "rate_hits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bucket: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (Index("ix_rate_hits_bucket_at", "bucket", "at"),)


class TerminalKey(Base):
    """Every voucher key a terminal ever registered (pairing, signing_key.added), kept for ever so
    a terminal paired later still verifies old vouchers. A key verifies only vouchers issued
    before its `not_after`: the earlier of its retirement (a newer key of the terminal) and the
    terminal's revocation."""

    __tablename__ = "terminal_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"), index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"))
    key_id: Mapped[str] = mapped_column(String(8))
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32 bytes
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    __table_args__ = (
        UniqueConstraint("terminal_id", "key_id", name="uq_terminal_keys_terminal_key"),
        Index("ix_terminal_keys_store_key", "store_id", "key_id"),
    )

    @property
    def not_after(self) -> datetime | None:
        ends = [t for t in (self.retired_at, self.revoked_at) if t is not None]
        return min(ends) if ends else None


class VoucherIssue(Base):
    """A voucher.issued the platform received: the proof that a voucher existed before its key
    was revoked (a revoked key can back-date `issued_at`, never this row's `received_at`)."""

    __tablename__ = "voucher_issues"
    __table_args__ = (Index("ix_voucher_issues_entry", "store_id", "group_id", "entry_id"),)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    voucher_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    op_id: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # The winning entry the voucher is for (from the op), so a member's vouchers are found by
    # their entries without reading every op (None only if an old op lacked them).
    group_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    entry_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class VoucherRedemption(Base):
    """First redemption to arrive wins, per store: the (store_id, voucher_id) primary key
    enforces it, so no other store can take a voucher id first."""

    __tablename__ = "voucher_redemptions"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    voucher_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    op_id: Mapped[str] = mapped_column(String(64))
    redeemed_at: Mapped[str] = mapped_column(String(40))


class ZReportReceived(Base):
    """A terminal's Z report (shift.closed): numbered per terminal; a number comes once."""

    __tablename__ = "z_reports"
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    shift_id: Mapped[int] = mapped_column(Integer)
    op_id: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))
    expected_fen: Mapped[int] = mapped_column(BigInteger)
    counted_fen: Mapped[int] = mapped_column(BigInteger)
    over_short_fen: Mapped[int] = mapped_column(BigInteger)
    sales_fen: Mapped[int] = mapped_column(BigInteger)
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())
    payload: Mapped[str] = mapped_column(Text)


class VoucherReversal(Base):
    """A redemption taken back (redemption.reversed): once per redemption op."""

    __tablename__ = "voucher_reversals"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    redemption_op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    voucher_id: Mapped[str] = mapped_column(String(64), index=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    op_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    approver: Mapped[str] = mapped_column(String(200))
    reversed_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Conflict(Base):
    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # voucher.double_redemption
    subject_id: Mapped[str] = mapped_column(String(64))
    winner_op_id: Mapped[str] = mapped_column(String(64))
    winner_terminal_id: Mapped[str] = mapped_column(String(64))
    loser_op_id: Mapped[str] = mapped_column(String(64))
    loser_terminal_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)


class PlatformLine(Base):
    """What the platform recorded for reconciliation, one line per money-carrying op."""

    __tablename__ = "platform_lines"
    op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"))
    terminal_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64))
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    coins: Mapped[int] = mapped_column(BigInteger, default=0)
    schedule_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (Index("ix_platform_lines_store_time", "store_id", "occurred_at"),)


class SettlementLine(Base):
    """One amount of one kind for one merchant (docs/settlement.md). `amount_fen` and
    `schedule_version` are the platform's, recomputed from its own data; `client_fen` and
    `client_version` what the terminal recorded (None: it sent none). `booked_at` files the line
    in a statement: the event's time, or the start of the first open period for a late op of a
    closed period (`adjusts` then names the period and op it came from)."""

    __tablename__ = "settlement_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    store_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    terminal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    op_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    source: Mapped[str] = mapped_column(String(16))  # sale | refund | group | coins | fee | alliance
    ref: Mapped[str] = mapped_column(String(64), default="")  # sale, refund, group or token id
    kind: Mapped[str] = mapped_column(String(32))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    schedule_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    client_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    client_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    differs: Mapped[bool] = mapped_column(Boolean, default=False)
    counterparty: Mapped[str] = mapped_column(String(64), default="")  # the other merchant, or "platform"
    note: Mapped[str] = mapped_column(Text, default="")
    adjusts: Mapped[str] = mapped_column(String(200), default="")
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())
    booked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (
        Index("ix_settlement_lines_merchant_booked", "merchant_id", "booked_at"),
        Index("ix_settlement_lines_ref", "store_id", "ref"),
    )


class SettlementSale(Base):
    """What the platform knows of a sale to recompute its refunds: what it paid, its coins and
    the amounts the platform found, and how much was refunded so far."""

    __tablename__ = "settlement_sales"
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sale_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    home_merchant_id: Mapped[str] = mapped_column(String(64), default="")
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    coin_fen: Mapped[int] = mapped_column(BigInteger)
    coin_reimbursement_fen: Mapped[int] = mapped_column(BigInteger)
    turnover_commission_fen: Mapped[int] = mapped_column(BigInteger)
    alliance_share_fen: Mapped[int] = mapped_column(BigInteger)
    schedule_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    refunded_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    coins_refunded_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    # What its refunds reversed so far (positive), so the last one reverses exactly the rest.
    reversed_reimbursement_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    reversed_commission_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    reversed_share_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SettlementClosure(Base):
    """A closed period of a merchant: its statement as it was closed, never changed."""

    __tablename__ = "settlement_closures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    period_start: Mapped[datetime] = mapped_column(UtcDateTime())
    period_end: Mapped[datetime] = mapped_column(UtcDateTime())
    label: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    statement: Mapped[str] = mapped_column(Text)  # the JSON answer as closed
    __table_args__ = (UniqueConstraint("merchant_id", "period_end", name="uq_settlement_closure_end"),)


class AdminAction(Base):
    """What the platform's admin changed by hand (moved locks, entry fees, closures, schedule
    changes, merchants leaving), with the reason given."""

    __tablename__ = "admin_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")


class StoreSale(Base):
    """A sale a store's terminal pushed (sale.completed), keyed per store: what its refunds are
    checked against. The coins came from the capture `coin_capture_key` (online, that terminal's
    Idempotency-Key) or the authorization `coin_token_id` (offline); each backs one sale."""

    __tablename__ = "store_sales"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    sale_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"))
    op_id: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    total_fen: Mapped[int] = mapped_column(BigInteger)
    coins: Mapped[int] = mapped_column(BigInteger)
    coin_fen: Mapped[int] = mapped_column(BigInteger)
    coin_capture_key: Mapped[str | None] = mapped_column(String(128), nullable=True)
    coin_token_id: Mapped[str | None] = mapped_column(String(32), nullable=True, unique=True)
    refunded_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    coins_returned: Mapped[int] = mapped_column(BigInteger, default=0)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    sold_at: Mapped[datetime] = mapped_column(UtcDateTime())
    __table_args__ = (UniqueConstraint("terminal_id", "coin_capture_key", name="uq_store_sales_capture"),)


class StoreSaleRefund(Base):
    """A refund or void of a store's sale (sale.refunded / sale.voided), applied once."""

    __tablename__ = "store_sale_refunds"
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    refund_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sale_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    op_id: Mapped[str] = mapped_column(String(64))
    total_fen: Mapped[int] = mapped_column(BigInteger)
    coins_returned: Mapped[int] = mapped_column(BigInteger)
    coin_transfer_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())


from central.models_phone import (  # noqa: E402  the phone's tables, part of Base.metadata
    DrawBeacon,
    DrawProof,
    PaymentOrder,
    PhoneOtp,
    PhoneSession,
    SandboxCharge,
    SmsMessage,
)

__all__ = ["DrawBeacon", "DrawProof", "PaymentOrder", "PhoneOtp", "PhoneSession", "SandboxCharge",
           "SmsMessage"]
