"""pairing state, members, coin authorizations, schedules, pull cursor, attention items

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("terminal_name", sa.String(200), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("store_name", sa.String(200), nullable=False),
        sa.Column("merchant_id", sa.String(64), nullable=False),
        sa.Column("platform_url", sa.String(500), nullable=False),
        sa.Column("platform_public_key", sa.String(100), nullable=False),
        sa.Column("seq_base", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("paired_at", sa.String(40), nullable=False),
        sa.Column("last_success_at", sa.String(40), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sync_state"),
    )
    op.create_table(
        "members",
        sa.Column("member_id", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("home_merchant_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("member_id", name="pk_members"),
    )
    op.create_index("ix_members_phone", "members", ["phone"])
    op.create_table(
        "coin_authorization_revocations",
        sa.Column("token_id", sa.String(64), nullable=False),
        sa.Column("member_id", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("token_id", name="pk_coin_authorization_revocations"),
    )
    op.create_table(
        "commission_schedules",
        sa.Column("merchant_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.String(40), nullable=False),
        sa.Column("coin_settlement_bp", sa.Integer(), nullable=False),
        sa.Column("deal_commission_bp", sa.Integer(), nullable=False),
        sa.Column("alliance_share_bp", sa.Integer(), nullable=False),
        sa.Column("coin_cap_bp", sa.Integer(), nullable=False),
        sa.Column("coin_value_fen", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "version", name="pk_commission_schedules"),
    )
    op.create_table(
        "terminal_keys",
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("public_key", sa.String(100), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", name="pk_terminal_keys"),
    )
    op.create_table(
        "platform_join_requests",
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("member_id", sa.String(64), nullable=False),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("request_id", name="pk_platform_join_requests"),
    )
    op.create_index("ix_platform_join_requests_group_id", "platform_join_requests", ["group_id"])
    op.create_table(
        "attention_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("resolved_at", sa.String(40), nullable=True),
        sa.Column("resolved_by", sa.String(128), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_attention_items"),
        sa.UniqueConstraint("kind", "ref", name="uq_attention_items_kind"),
    )


def downgrade() -> None:
    for table in ("attention_items", "platform_join_requests", "terminal_keys", "commission_schedules",
                  "coin_authorization_revocations", "members", "sync_state"):
        op.drop_table(table)
