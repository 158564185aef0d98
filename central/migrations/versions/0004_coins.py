"""coins belong to members: the issue time of each coin authorization, members' consents at a
terminal, the per-merchant key of the phone hashes in pull, phone lookups and wrong member
codes (rate limits)

Revision ID: 0004_coins
Revises: 0003_keys
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_coins"
down_revision = "0003_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coin_authorizations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("issued_at", sa.DateTime(timezone=True), nullable=True))
    # The reservation was written when the authorization was issued: its time is the issue time.
    op.execute(
        "UPDATE coin_authorizations SET issued_at = (SELECT created_at FROM coin_transfers "
        "WHERE coin_transfers.id = coin_authorizations.pending_transfer_id)"
    )
    op.execute("UPDATE coin_authorizations SET issued_at = expires_at WHERE issued_at IS NULL")
    with op.batch_alter_table("coin_authorizations", schema=None) as batch_op:
        batch_op.alter_column("issued_at", existing_type=sa.DateTime(timezone=True), nullable=False)
    op.create_table(
        "coin_consents",
        sa.Column("consent_id", sa.String(length=32), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"]),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.id"]),
        sa.PrimaryKeyConstraint("consent_id"),
    )
    op.create_index("ix_coin_consents_member_id", "coin_consents", ["member_id"])
    op.create_table(
        "merchant_phone_keys",
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"]),
        sa.PrimaryKeyConstraint("merchant_id"),
    )
    op.create_table(
        "member_lookups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_member_lookups_terminal_at", "member_lookups", ["terminal_id", "at"])
    op.create_table(
        "member_code_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("terminal_id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_member_code_failures_member_at", "member_code_failures", ["member_id", "at"])
    op.create_index("ix_member_code_failures_terminal_at", "member_code_failures", ["terminal_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_member_code_failures_terminal_at", table_name="member_code_failures")
    op.drop_index("ix_member_code_failures_member_at", table_name="member_code_failures")
    op.drop_table("member_code_failures")
    op.drop_index("ix_member_lookups_terminal_at", table_name="member_lookups")
    op.drop_table("member_lookups")
    op.drop_table("merchant_phone_keys")
    op.drop_index("ix_coin_consents_member_id", table_name="coin_consents")
    op.drop_table("coin_consents")
    with op.batch_alter_table("coin_authorizations", schema=None) as batch_op:
        batch_op.drop_column("issued_at")
