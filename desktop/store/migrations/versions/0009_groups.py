"""the join token of each group (signed at opening, printed on the invite's QR)

Revision ID: 0009_groups
Revises: 0008_coins
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_groups"
down_revision = "0008_coins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deal_groups") as batch:
        batch.add_column(sa.Column("join_token", sa.String(128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deal_groups") as batch:
        batch.drop_column("join_token")
