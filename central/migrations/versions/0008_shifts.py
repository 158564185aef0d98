"""Z reports received per terminal (shift.closed; a number comes once) and reversed
redemptions (redemption.reversed; once per redemption op)

Revision ID: 0008_shifts
Revises: 0007_sales
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_shifts"
down_revision = "0007_sales"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "z_reports",
        sa.Column("terminal_id", sa.String(64), sa.ForeignKey("terminals.id"), primary_key=True),
        sa.Column("number", sa.Integer(), primary_key=True),
        sa.Column("store_id", sa.String(64), sa.ForeignKey("stores.id"), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("expected_fen", sa.BigInteger(), nullable=False),
        sa.Column("counted_fen", sa.BigInteger(), nullable=False),
        sa.Column("over_short_fen", sa.BigInteger(), nullable=False),
        sa.Column("sales_fen", sa.BigInteger(), nullable=False),
        sa.Column("closed_at", TS, nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
    )
    op.create_index("ix_z_reports_store_id", "z_reports", ["store_id"])
    op.create_table(
        "voucher_reversals",
        sa.Column("store_id", sa.String(64), sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("redemption_op_id", sa.String(64), primary_key=True),
        sa.Column("voucher_id", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approver", sa.String(200), nullable=False),
        sa.Column("reversed_at", TS, nullable=False),
    )
    op.create_index("ix_voucher_reversals_voucher_id", "voucher_reversals", ["voucher_id"])


def downgrade() -> None:
    op.drop_table("voucher_reversals")
    op.drop_table("z_reports")
