"""member credentials (the secret behind each member's rotating code, their access token) and
the stores where each member was counted

Revision ID: 0002_member_credentials
Revises: 0001
Create Date: 2026-12-01
"""
import secrets

import sqlalchemy as sa
from alembic import op

revision = "0002_member_credentials"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code_secret", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("token_hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_members_token_hash", ["token_hash"])
    members = sa.table("members", sa.column("id", sa.String), sa.column("code_secret", sa.LargeBinary))
    conn = op.get_bind()
    for (member_id,) in conn.execute(sa.select(members.c.id)).all():
        conn.execute(members.update().where(members.c.id == member_id)
                     .values(code_secret=secrets.token_bytes(32)))
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.alter_column("code_secret", existing_type=sa.LargeBinary(), nullable=False)
    op.create_table(
        "member_contacts",
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("store_id", sa.String(length=64), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"]),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"]),
        sa.PrimaryKeyConstraint("member_id", "store_id"),
    )
    op.create_index("ix_member_contacts_change_seq", "member_contacts", ["change_seq"])
    op.create_table(
        "member_code_uses",
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("step", sa.BigInteger(), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"]),
        sa.PrimaryKeyConstraint("member_id", "step"),
    )


def downgrade() -> None:
    op.drop_table("member_code_uses")
    op.drop_index("ix_member_contacts_change_seq", table_name="member_contacts")
    op.drop_table("member_contacts")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_constraint("uq_members_token_hash", type_="unique")
        batch_op.drop_column("token_hash")
        batch_op.drop_column("code_secret")
