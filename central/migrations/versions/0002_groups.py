"""groups keyed per store (store_id, group_id) with their join token's hash, the deals stores
launched with every version, the entries pushed in join order, join requests one per member
and group, and rate-limit hits

Revision ID: 0002_groups
Revises: 0002_member_credentials
Create Date: 2026-12-01
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002_groups"
down_revision = "0002_member_credentials"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "store_deals",
        sa.Column("store_id", sa.String(64), sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("terminal_id", sa.String(64), sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("launched_at", TS, nullable=False),
    )
    op.create_table(
        "store_deal_versions",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("deal_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("disclosure", sa.Text(), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("published_at", TS, nullable=False),
        sa.ForeignKeyConstraint(["store_id", "deal_id"], ["store_deals.store_id", "store_deals.id"]),
    )
    op.create_table(
        "store_groups",
        sa.Column("store_id", sa.String(64), sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("terminal_id", sa.String(64), sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("deal_id", sa.String(64), nullable=False),
        sa.Column("commitment", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("winners", sa.Text(), nullable=False),
        sa.Column("join_token_hash", sa.String(64), nullable=False),
        sa.Column("opened_at", TS, nullable=False),
    )
    op.create_index("ix_store_groups_join_token_hash", "store_groups", ["join_token_hash"])
    op.create_table(
        "store_group_entries",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("group_id", sa.String(64), primary_key=True),
        sa.Column("entry_id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("member_id", sa.String(64), sa.ForeignKey("members.id"), nullable=True),
        sa.Column("phone", sa.String(32), nullable=True),
        sa.Column("claimed_member_id", sa.String(64), nullable=True),
        sa.Column("deposit_fen", sa.BigInteger(), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=True),
        sa.Column("coins_granted", sa.BigInteger(), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["store_id", "group_id"], ["store_groups.store_id", "store_groups.id"]),
        sa.UniqueConstraint("store_id", "group_id", "position", name="uq_store_group_entries_position"),
    )
    op.create_table(
        "group_join_requests",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("member_id", sa.String(64), sa.ForeignKey("members.id"), nullable=False),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("entry_id", sa.String(64), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["store_id", "group_id"], ["store_groups.store_id", "store_groups.id"]),
        sa.UniqueConstraint("store_id", "group_id", "member_id", name="uq_group_join_requests_member"),
    )
    op.create_index("ix_group_join_requests_store_id", "group_join_requests", ["store_id"])
    op.create_index("ix_group_join_requests_change_seq", "group_join_requests", ["change_seq"])
    op.create_table(
        "rate_hits",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("bucket", sa.String(200), nullable=False),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_rate_hits_bucket_at", "rate_hits", ["bucket", "at"])
    _copy_old_rows()
    with op.batch_alter_table("join_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_join_requests_store_id")
        batch_op.drop_index("ix_join_requests_group_id")
        batch_op.drop_index("ix_join_requests_change_seq")
    op.drop_table("join_requests")
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_index("ix_groups_store_id")
    op.drop_table("groups")


def _copy_old_rows() -> None:
    """Groups opened before this revision keep their state; they have no join token (no online
    joins) and no entries on record (a draw of one is refused: its entries were never kept)."""
    conn = op.get_bind()
    now = datetime.now(UTC)
    groups = conn.execute(sa.text(
        "SELECT id, store_id, terminal_id, deal_id, commitment, size, state, winners FROM groups")).all()
    new_groups = sa.table("store_groups", *(sa.column(c) for c in (
        "store_id", "id", "terminal_id", "deal_id", "commitment", "size", "state", "winners",
        "join_token_hash", "opened_at")))
    for g in groups:
        conn.execute(new_groups.insert().values(
            store_id=g.store_id, id=g.id, terminal_id=g.terminal_id, deal_id=g.deal_id,
            commitment=g.commitment, size=g.size, state=g.state, winners=g.winners,
            join_token_hash="", opened_at=now))
    requests = conn.execute(sa.text(
        "SELECT id, group_id, store_id, member_id, nonce, status, created_at, change_seq "
        "FROM join_requests ORDER BY created_at, id")).all()
    new_requests = sa.table("group_join_requests", *(sa.column(c) for c in (
        "id", "group_id", "store_id", "member_id", "nonce", "status", "created_at", "change_seq")))
    seen: set[tuple[str, str, str]] = set()
    for r in requests:
        key = (r.store_id, r.group_id, r.member_id)
        if key in seen:
            continue  # one request per member and group from now on: the first one stays
        seen.add(key)
        conn.execute(new_requests.insert().values(
            id=r.id, group_id=r.group_id, store_id=r.store_id, member_id=r.member_id, nonce=r.nonce,
            status=r.status, created_at=r.created_at, change_seq=r.change_seq))


def downgrade() -> None:
    raise NotImplementedError("groups keyed per store cannot be folded back into one id space")
