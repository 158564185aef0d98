"""The platform's tables for the customer's phone (central/phone/): SMS sign-in codes, the
development SMS provider's outbox, phone sessions, deposit payment orders and the sandbox
provider's charges, the draw beacons of pinshang-draw-v2 and the proofs of drawn groups.
Imported by central/models.py, so that they are part of `Base.metadata`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from central.models import Base, UtcDateTime


class PhoneOtp(Base):
    """A one-time sign-in code sent to a phone: only its hash is kept; a few wrong tries kill it."""

    __tablename__ = "phone_otps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    phone: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    __table_args__ = (Index("ix_phone_otps_phone_created", "phone", "created_at"),)


class SmsMessage(Base):
    """What the development SMS provider "sent" (read by `pinshang central admin sms`)."""

    __tablename__ = "sms_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    phone: Mapped[str] = mapped_column(String(32), index=True)
    text: Mapped[str] = mapped_column(String(500))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())


class PhoneSession(Base):
    """A signed-in phone: the cookie holds the token, the table its hash."""

    __tablename__ = "phone_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())


class PaymentOrder(Base):
    """A member's deposit for one seat: created -> paid (the provider's signed notice or a query)
    -> requested (the join request made) ; refunding -> refunded when it cannot be seated."""

    __tablename__ = "payment_orders"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    provider: Mapped[str] = mapped_column(String(16))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    store_id: Mapped[str] = mapped_column(String(64))
    group_id: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(128))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    join_request_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    notices: Mapped[int] = mapped_column(Integer, default=0)  # signed notices received
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    refunded_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    __table_args__ = (UniqueConstraint("store_id", "group_id", "member_id", name="uq_payment_orders_member"),)


class SandboxCharge(Base):
    """The development payment provider's own book (it would be the provider's, not ours)."""

    __tablename__ = "sandbox_charges"
    order_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16))  # unpaid | paid | refunded
    notify_url: Mapped[str] = mapped_column(String(500))
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    refunded_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class DrawBeacon(Base):
    """The one beacon of a group (pinshang-draw-v2): for exactly the entries digest it names."""

    __tablename__ = "draw_beacons"
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    commitment: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))
    beacon: Mapped[str] = mapped_column(String(128))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime())


class DrawProof(Base):
    """The proof of a drawn group as the platform accepted it (served on the result page)."""

    __tablename__ = "draw_proofs"
    store_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(32))
    proof: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime())
