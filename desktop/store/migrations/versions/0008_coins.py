"""members held minimum-necessary: the full phone number is replaced by the masked number the
counter shows and a keyed hash to match a typed one (key in sync_state.phone_key); the pull
cursor is cleared so the next pull reloads the members with their hashes

Revision ID: 0008_coins
Revises: 0007_keys
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_coins"
down_revision = "0007_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch_op:
        batch_op.add_column(sa.Column("phone_masked", sa.String(32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("phone_hash", sa.String(64), nullable=True))
    op.execute(
        "UPDATE members SET phone_masked = CASE WHEN length(phone) >= 8 "
        "THEN substr(phone, 1, 3) || '****' || substr(phone, -4) ELSE '****' END"
    )
    with op.batch_alter_table("members") as batch_op:
        batch_op.drop_index("ix_members_phone")
        batch_op.drop_column("phone")
        batch_op.create_index("ix_members_phone_hash", ["phone_hash"])
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.add_column(sa.Column("phone_key", sa.String(64), nullable=True))
    op.execute("UPDATE sync_state SET cursor = NULL")


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.drop_column("phone_key")
    with op.batch_alter_table("members") as batch_op:
        batch_op.drop_index("ix_members_phone_hash")
        batch_op.add_column(sa.Column("phone", sa.String(32), nullable=False, server_default=""))
        batch_op.drop_column("phone_hash")
        batch_op.drop_column("phone_masked")
        batch_op.create_index("ix_members_phone", ["phone"])
