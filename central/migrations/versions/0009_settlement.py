"""settlement and the alliance: turnover commission on schedules (existing versions get their
alliance share as turnover commission, so no schedule holds a share above its commission),
merchants leaving the alliance, members' lock time and reason, the settlement lines with both
sides' amounts and versions, the platform's record of sales for refunds, closed periods with
their statements, and the admin's actions

Revision ID: 0009_settlement
Revises: 0008_shifts
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_settlement"
down_revision = "0008_shifts"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("commission_schedules") as batch:
        batch.add_column(sa.Column("turnover_commission_bp", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE commission_schedules SET turnover_commission_bp = alliance_share_bp")
    with op.batch_alter_table("merchants") as batch:
        batch.add_column(sa.Column("left_at", TS, nullable=True))
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("locked_at", TS, nullable=True))
        batch.add_column(sa.Column("lock_reason", sa.String(200), nullable=False, server_default=""))
    op.create_table(
        "settlement_lines",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("merchant_id", sa.String(64), sa.ForeignKey("merchants.id"), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=True),
        sa.Column("terminal_id", sa.String(64), nullable=True),
        sa.Column("op_id", sa.String(64), nullable=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("ref", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("schedule_version", sa.Integer(), nullable=True),
        sa.Column("client_fen", sa.BigInteger(), nullable=True),
        sa.Column("client_version", sa.Integer(), nullable=True),
        sa.Column("differs", sa.Boolean(), nullable=False),
        sa.Column("counterparty", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("adjusts", sa.String(200), nullable=False),
        sa.Column("occurred_at", TS, nullable=False),
        sa.Column("booked_at", TS, nullable=False),
    )
    op.create_index("ix_settlement_lines_merchant_booked", "settlement_lines", ["merchant_id", "booked_at"])
    op.create_index("ix_settlement_lines_ref", "settlement_lines", ["store_id", "ref"])
    op.create_table(
        "settlement_sales",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("sale_id", sa.String(64), primary_key=True),
        sa.Column("merchant_id", sa.String(64), nullable=False),
        sa.Column("member_id", sa.String(64), nullable=True),
        sa.Column("home_merchant_id", sa.String(64), nullable=False),
        sa.Column("paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("coin_fen", sa.BigInteger(), nullable=False),
        sa.Column("coin_reimbursement_fen", sa.BigInteger(), nullable=False),
        sa.Column("turnover_commission_fen", sa.BigInteger(), nullable=False),
        sa.Column("alliance_share_fen", sa.BigInteger(), nullable=False),
        sa.Column("schedule_version", sa.Integer(), nullable=True),
        sa.Column("refunded_fen", sa.BigInteger(), nullable=False),
        sa.Column("coins_refunded_fen", sa.BigInteger(), nullable=False),
        sa.Column("reversed_reimbursement_fen", sa.BigInteger(), nullable=False),
        sa.Column("reversed_commission_fen", sa.BigInteger(), nullable=False),
        sa.Column("reversed_share_fen", sa.BigInteger(), nullable=False),
        sa.Column("occurred_at", TS, nullable=False),
    )
    op.create_table(
        "settlement_closures",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("merchant_id", sa.String(64), sa.ForeignKey("merchants.id"), nullable=False),
        sa.Column("period_start", TS, nullable=False),
        sa.Column("period_end", TS, nullable=False),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("closed_at", TS, nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.UniqueConstraint("merchant_id", "period_end", name="uq_settlement_closure_end"),
    )
    op.create_table(
        "admin_actions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", TS, nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in ("admin_actions", "settlement_closures", "settlement_sales"):
        op.drop_table(table)
    op.drop_index("ix_settlement_lines_ref", "settlement_lines")
    op.drop_index("ix_settlement_lines_merchant_booked", "settlement_lines")
    op.drop_table("settlement_lines")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("lock_reason")
        batch.drop_column("locked_at")
    with op.batch_alter_table("merchants") as batch:
        batch.drop_column("left_at")
    with op.batch_alter_table("commission_schedules") as batch:
        batch.drop_column("turnover_commission_bp")
