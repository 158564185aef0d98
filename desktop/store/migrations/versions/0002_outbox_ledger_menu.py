"""outbox, ledger transfers and the menu

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("acked_at", sa.String(40), nullable=True),
        sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_outbox"),
        sa.UniqueConstraint("op_id", name="uq_outbox_op_id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_unacked", "outbox", ["seq"], sqlite_where=sa.text("acked_at IS NULL"))
    op.create_index("ix_outbox_rejected", "outbox", ["seq"], sqlite_where=sa.text("status = 'rejected'"))
    op.create_table(
        "transfers",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("debit", sa.String(128), nullable=False),
        sa.Column("credit", sa.String(128), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("pending_id", sa.String(64), nullable=True),
        sa.Column("ref", sa.String(128), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_transfers"),
        sa.ForeignKeyConstraint(["pending_id"], ["transfers.id"], name="fk_transfers_pending_id_transfers"),
        sa.UniqueConstraint("pending_id", name="uq_transfers_pending_id"),
    )
    op.create_index("ix_transfers_debit", "transfers", ["debit"])
    op.create_index("ix_transfers_credit", "transfers", ["credit"])
    op.create_index("ix_transfers_ref", "transfers", ["ref"])
    op.create_table(
        "menu_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("price_fen", sa.Integer(), nullable=False),
        sa.Column("cost_fen", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_menu_items"),
    )


def downgrade() -> None:
    op.drop_table("menu_items")
    op.drop_table("transfers")
    op.drop_table("outbox")
