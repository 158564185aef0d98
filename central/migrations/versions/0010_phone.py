"""the customer's phone: one-time SMS sign-in codes, the development SMS outbox, phone sessions,
deposit payment orders and the sandbox provider's charges, draw beacons (pinshang-draw-v2) and
the accepted proofs of drawn groups

Revision ID: 0010_phone
Revises: 0009_settlement
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_phone"
down_revision = "0009_settlement"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "phone_otps",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("used_at", TS, nullable=True),
    )
    op.create_index("ix_phone_otps_phone_created", "phone_otps", ["phone", "created_at"])
    op.create_table(
        "sms_messages",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("text", sa.String(500), nullable=False),
        sa.Column("sent_at", TS, nullable=False),
    )
    op.create_index("ix_sms_messages_phone", "sms_messages", ["phone"])
    op.create_table(
        "phone_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("member_id", sa.String(64), sa.ForeignKey("members.id"), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
    )
    op.create_index("ix_phone_sessions_member_id", "phone_sessions", ["member_id"])
    op.create_table(
        "payment_orders",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("provider", sa.String(16), nullable=False),
        sa.Column("member_id", sa.String(64), sa.ForeignKey("members.id"), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("join_request_id", sa.String(64), nullable=True),
        sa.Column("notices", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("paid_at", TS, nullable=True),
        sa.Column("refunded_at", TS, nullable=True),
        sa.UniqueConstraint("store_id", "group_id", "member_id", name="uq_payment_orders_member"),
    )
    op.create_index("ix_payment_orders_join_request_id", "payment_orders", ["join_request_id"])
    op.create_table(
        "sandbox_charges",
        sa.Column("order_id", sa.String(32), primary_key=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("notify_url", sa.String(500), nullable=False),
        sa.Column("paid_at", TS, nullable=True),
        sa.Column("refunded_at", TS, nullable=True),
    )
    op.create_table(
        "draw_beacons",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("group_id", sa.String(64), primary_key=True),
        sa.Column("commitment", sa.String(64), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("beacon", sa.String(128), nullable=False),
        sa.Column("issued_at", TS, nullable=False),
    )
    op.create_table(
        "draw_proofs",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("group_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("proof", sa.Text(), nullable=False),
        sa.Column("recorded_at", TS, nullable=False),
    )


def downgrade() -> None:
    for table in ("draw_proofs", "draw_beacons", "sandbox_charges", "payment_orders", "phone_sessions",
                  "sms_messages", "phone_otps"):
        op.drop_table(table)
