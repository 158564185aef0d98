"""the join token of each group (signed at opening, printed on the invite's QR)

Revision ID: 0006_groups
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_groups"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deal_groups") as batch:
        batch.add_column(sa.Column("join_token", sa.String(128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deal_groups") as batch:
        batch.drop_column("join_token")
