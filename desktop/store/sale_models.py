"""Tables of checkout (docs/checkout.md): sales with their lines and tenders, refunds and voids
(new rows that reverse a sale; a sale row is never edited), parked orders, the gapless receipt
counters, and the coins a sale used (online captures by their Idempotency-Key, offline
authorizations by their token id, UNIQUE: a token is accepted once at this store)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models import Base


class ReceiptCounter(Base):
    """The last number used per series ("sale", "refund"): taken in the sale's transaction, so a
    rolled-back sale leaves no gap."""

    __tablename__ = "receipt_counters"
    series: Mapped[str] = mapped_column(String(16), primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class Sale(Base):
    __tablename__ = "sales"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(32), unique=True)
    sold_at: Mapped[str] = mapped_column(String(40), index=True)
    cashier: Mapped[str] = mapped_column(String(200))
    staff_id: Mapped[int] = mapped_column(Integer)
    shift_id: Mapped[str] = mapped_column(String(64), default="")
    member_id: Mapped[str | None] = mapped_column(String(64), default=None)
    member_label: Mapped[str] = mapped_column(String(200), default="")  # name and masked phone
    gross_fen: Mapped[int] = mapped_column(Integer)
    line_discount_fen: Mapped[int] = mapped_column(Integer, default=0)
    bill_discount_fen: Mapped[int] = mapped_column(Integer, default=0)
    base_fen: Mapped[int] = mapped_column(Integer)
    coins: Mapped[int] = mapped_column(Integer, default=0)
    coin_fen: Mapped[int] = mapped_column(Integer, default=0)
    # Each backs one sale: the capture row's sale_id and the accepted token's primary key say so
    # (no index here: one page less to write per sale).
    coin_capture_key: Mapped[str | None] = mapped_column(String(128), default=None)
    coin_token_id: Mapped[str | None] = mapped_column(String(32), default=None)
    rounding_fen: Mapped[int] = mapped_column(Integer, default=0)
    total_fen: Mapped[int] = mapped_column(Integer)
    change_fen: Mapped[int] = mapped_column(Integer, default=0)
    schedule_version: Mapped[int | None] = mapped_column(Integer, default=None)
    coin_reimbursement_fen: Mapped[int] = mapped_column(Integer, default=0)
    turnover_commission_fen: Mapped[int] = mapped_column(Integer, default=0)
    alliance_share_fen: Mapped[int] = mapped_column(Integer, default=0)
    home_merchant_id: Mapped[str] = mapped_column(String(64), default="")
    approved_by: Mapped[str] = mapped_column(String(200), default="")  # a discount beyond the limit


class SaleLineRow(Base):
    __tablename__ = "sale_lines"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int | None] = mapped_column(Integer, default=None)
    price_version: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    discount_fen: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int] = mapped_column(Integer)
    voucher_id: Mapped[str | None] = mapped_column(String(64), default=None)


class SaleTenderRow(Base):
    __tablename__ = "sale_tenders"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    amount_fen: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(200), default="")


class SaleRefund(Base):
    """A refund (part or whole) or a void of a sale: a new record; the sale stays as it was."""

    __tablename__ = "sale_refunds"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    refund_no: Mapped[str] = mapped_column(String(32), unique=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # refund | void
    at: Mapped[str] = mapped_column(String(40))
    cashier: Mapped[str] = mapped_column(String(200))
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(500))
    shift_id: Mapped[str] = mapped_column(String(64), default="")
    total_fen: Mapped[int] = mapped_column(Integer)
    coins_returned: Mapped[int] = mapped_column(Integer, default=0)
    coin_fen_returned: Mapped[int] = mapped_column(Integer, default=0)
    coin_reimbursement_fen: Mapped[int] = mapped_column(Integer, default=0)  # negated share
    turnover_commission_fen: Mapped[int] = mapped_column(Integer, default=0)
    alliance_share_fen: Mapped[int] = mapped_column(Integer, default=0)

    # A sale is voided at most once, whatever the code does.
    __table_args__ = (Index("uq_sale_refunds_one_void", "sale_id", unique=True,
                            sqlite_where=text("kind = 'void'")),)


class SaleRefundLine(Base):
    __tablename__ = "sale_refund_lines"
    refund_id: Mapped[str] = mapped_column(ForeignKey("sale_refunds.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)


class SaleRefundTender(Base):
    __tablename__ = "sale_refund_tenders"
    refund_id: Mapped[str] = mapped_column(ForeignKey("sale_refunds.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    amount_fen: Mapped[int] = mapped_column(Integer)


class ParkedOrder(Base):
    """An order put on hold (a table still eating); recalled orders are removed."""

    __tablename__ = "parked_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(64))
    parked_at: Mapped[str] = mapped_column(String(40))
    cashier: Mapped[str] = mapped_column(String(200))
    order_json: Mapped[str] = mapped_column(Text)


class CoinCapture(Base):
    """An online capture, written BEFORE the platform is asked (state pending) with its
    Idempotency-Key: a lost answer is looked up by that key, never guessed."""

    __tablename__ = "coin_captures"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(64))
    coins: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))  # pending | captured | refused
    created_at: Mapped[str] = mapped_column(String(40))
    sale_id: Mapped[str | None] = mapped_column(String(64), default=None)
    reason: Mapped[str] = mapped_column(Text, default="")


class AcceptedCoinToken(Base):
    """A platform-signed coin authorization accepted offline at this store (once: the primary
    key); its coins.captured op goes out with the sale's op."""

    __tablename__ = "accepted_coin_tokens"
    token_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(64))
    coins: Mapped[int] = mapped_column(Integer)
    sale_id: Mapped[str] = mapped_column(String(64))
    accepted_at: Mapped[str] = mapped_column(String(40))
