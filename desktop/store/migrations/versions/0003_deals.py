"""deals, groups, entries, join requests, draws, vouchers, redemptions, signing keys

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deals",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("product_name", sa.String(length=128), nullable=False),
        sa.Column("menu_item_id", sa.Integer(), nullable=True),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(length=128), nullable=False),
        sa.Column("redemption_place", sa.String(length=255), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("disclosure_zh", sa.Text(), nullable=True),
        sa.Column("disclosure_en", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("launched_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deals")),
    )
    op.create_table(
        "join_requests",
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("group_id", sa.String(length=32), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=128), nullable=False),
        sa.Column("arrived_at", sa.String(length=40), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("entry_id", sa.String(length=32), nullable=True),
        sa.Column("decided_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_join_requests")),
    )
    op.create_index(op.f("ix_join_requests_group_id"), "join_requests", ["group_id"], unique=False)
    op.create_table(
        "redemptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("voucher_id", sa.String(length=20), nullable=False),
        sa.Column("redeemed_at", sa.String(length=40), nullable=False),
        sa.Column("staff", sa.String(length=128), nullable=False),
        sa.Column("terminal", sa.String(length=128), nullable=False),
        sa.Column("product", sa.String(length=128), nullable=False),
        sa.Column("group_id", sa.String(length=32), nullable=False),
        sa.Column("entry_id", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redemptions")),
        sa.UniqueConstraint("voucher_id", name=op.f("uq_redemptions_voucher_id")),
    )
    op.create_table(
        "signing_keys",
        sa.Column("key_id", sa.String(length=8), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("retired_at", sa.String(length=40), nullable=True),
        sa.Column("own", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_signing_keys")),
    )
    op.create_table(
        "vouchers",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("group_id", sa.String(length=32), nullable=False),
        sa.Column("entry_id", sa.String(length=32), nullable=False),
        sa.Column("store_id", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=8), nullable=False),
        sa.Column("product", sa.String(length=128), nullable=False),
        sa.Column("customer", sa.String(length=64), nullable=False),
        sa.Column("qr_text", sa.Text(), nullable=False),
        sa.Column("fallback_code", sa.String(length=16), nullable=False),
        sa.Column("issued_at", sa.String(length=40), nullable=False),
        sa.Column("expires_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vouchers")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_vouchers_entry_id")),
        sa.UniqueConstraint("fallback_code", name=op.f("uq_vouchers_fallback_code")),
    )
    op.create_index(op.f("ix_vouchers_group_id"), "vouchers", ["group_id"], unique=False)
    op.create_table(
        "deal_groups",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("deal_id", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("seed_hex", sa.String(length=64), nullable=False),
        sa.Column("commitment", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.String(length=40), nullable=False),
        sa.Column("deadline", sa.String(length=40), nullable=False),
        sa.Column("closed_at", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deals.id"], name=op.f("fk_deal_groups_deal_id_deals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_groups")),
    )
    op.create_index("ix_deal_groups_deal_state", "deal_groups", ["deal_id", "state"], unique=False)
    op.create_index(op.f("ix_deal_groups_state"), "deal_groups", ["state"], unique=False)
    op.create_table(
        "draws",
        sa.Column("group_id", sa.String(length=32), nullable=False),
        sa.Column("proof", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("winners", sa.Text(), nullable=False),
        sa.Column("drawn_at", sa.String(length=40), nullable=False),
        sa.Column("drawn_by", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["deal_groups.id"], name=op.f("fk_draws_group_id_deal_groups")
        ),
        sa.PrimaryKeyConstraint("group_id", name=op.f("pk_draws")),
    )
    op.create_table(
        "group_entries",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("group_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("customer", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("nonce", sa.String(length=128), nullable=False),
        sa.Column("tender", sa.String(length=16), nullable=False),
        sa.Column("deposit_fen", sa.Integer(), nullable=False),
        sa.Column("hold_id", sa.String(length=64), nullable=False),
        sa.Column("is_leader", sa.Boolean(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("joined_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["deal_groups.id"], name=op.f("fk_group_entries_group_id_deal_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_entries")),
        sa.UniqueConstraint("group_id", "position", name="uq_group_entries_group_id"),
        sa.UniqueConstraint("hold_id", name=op.f("uq_group_entries_hold_id")),
    )


def downgrade() -> None:
    for table in (
        "group_entries",
        "draws",
        "deal_groups",
        "vouchers",
        "signing_keys",
        "redemptions",
        "join_requests",
        "deals",
    ):
        op.drop_table(table)
