"""the sales stores push (sale.completed), each backed by at most one online coin capture or
offline coin authorization, and their refunds and voids (applied once, the coins returned once)

Revision ID: 0007_sales
Revises: 0006_member_phones
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_sales"
down_revision = "0006_member_phones"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "store_sales",
        sa.Column("store_id", sa.String(64), sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("sale_id", sa.String(64), primary_key=True),
        sa.Column("terminal_id", sa.String(64), sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("member_id", sa.String(64), nullable=True),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("coins", sa.BigInteger(), nullable=False),
        sa.Column("coin_fen", sa.BigInteger(), nullable=False),
        sa.Column("coin_capture_key", sa.String(128), nullable=True),
        sa.Column("coin_token_id", sa.String(32), nullable=True, unique=True),
        sa.Column("refunded_fen", sa.BigInteger(), nullable=False),
        sa.Column("coins_returned", sa.BigInteger(), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("sold_at", TS, nullable=False),
        sa.UniqueConstraint("terminal_id", "coin_capture_key", name="uq_store_sales_capture"),
    )
    op.create_table(
        "store_sale_refunds",
        sa.Column("store_id", sa.String(64), sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("refund_id", sa.String(64), primary_key=True),
        sa.Column("sale_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("coins_returned", sa.BigInteger(), nullable=False),
        sa.Column("coin_transfer_id", sa.String(64), nullable=True),
        sa.Column("at", TS, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("store_sale_refunds")
    op.drop_table("store_sales")
