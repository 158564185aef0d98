"""staff lockout that escalates and runs on a monotonic clock (issue 8, client)

Revision ID: 0006_client
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_client"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("lock_level", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("lock_left_ms", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("lock_mono", sa.Float(), nullable=True))
        batch.add_column(sa.Column("lock_boot", sa.String(64), nullable=True))
    # A lock still running on the old wall-clock rule goes on as a first 5-minute lock, counted
    # from the first login attempt after the update; one already over is cleared.
    op.execute("UPDATE staff SET lock_level = 1, lock_left_ms = 300000 "
               "WHERE locked_until IS NOT NULL AND locked_until > strftime('%Y-%m-%dT%H:%M:%f', 'now')")
    op.execute("UPDATE staff SET locked_until = NULL WHERE lock_left_ms IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("lock_boot")
        batch.drop_column("lock_mono")
        batch.drop_column("lock_left_ms")
        batch.drop_column("lock_level")
