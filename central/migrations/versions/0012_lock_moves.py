"""moved member locks: which merchant a member's lock was moved away from, so that merchant's
terminals learn it in their next pull (docs/settlement.md, The alliance)

Revision ID: 0012_lock_moves
Revises: 0011_voucher_entries
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_lock_moves"
down_revision = "0011_voucher_entries"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "member_lock_moves",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("member_id", sa.String(64), sa.ForeignKey("members.id"), nullable=False),
        sa.Column("from_merchant_id", sa.String(64), sa.ForeignKey("merchants.id"), nullable=False),
        sa.Column("to_merchant_id", sa.String(64), sa.ForeignKey("merchants.id"), nullable=False),
        sa.Column("moved_at", TS, nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_member_lock_moves_from_seq", "member_lock_moves", ["from_merchant_id", "change_seq"])


def downgrade() -> None:
    op.drop_index("ix_member_lock_moves_from_seq", table_name="member_lock_moves")
    op.drop_table("member_lock_moves")
