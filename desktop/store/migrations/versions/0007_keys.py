"""signing_keys.not_after: the platform's bound on a key (retired or its terminal revoked)

Revision ID: 0007_keys
Revises: 0006_client
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_keys"
down_revision = "0006_client"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("signing_keys") as batch:
        batch.add_column(sa.Column("not_after", sa.String(40), nullable=True))
        batch.add_column(sa.Column("terminal_id", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("signing_keys") as batch:
        batch.drop_column("terminal_id")
        batch.drop_column("not_after")
