"""key history (terminal_keys), voucher issues, redemptions scoped per store

Revision ID: 0003_keys
Revises: 0002_member_credentials

- terminal_keys: every voucher key a terminal registered, with added/retired/revoked times;
  filled from each terminal's current key (revoked terminals: revoked at their revocation).
- voucher_issues: the voucher.issued ops received, filled from received_ops.
- voucher_redemptions: primary key (store_id, voucher_id) instead of voucher_id alone, so a
  store can never take another store's voucher id first (rows copied).
"""
import base64
import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0003_keys"
down_revision = "0002_member_credentials"
branch_labels = None
depends_on = None

_REDEMPTION_COLUMNS = ("store_id", "voucher_id", "terminal_id", "op_id", "redeemed_at")


def _key_id(public_key_b64: str) -> str:
    try:
        raw = base64.b64decode(public_key_b64, validate=True)
    except ValueError:
        raw = public_key_b64.encode()
    return hashlib.sha256(raw).hexdigest()[:8]


def _redemption_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("voucher_id", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("redeemed_at", sa.String(40), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "terminal_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("key_id", sa.String(8), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.id"]),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("terminal_id", "key_id", name="uq_terminal_keys_terminal_key"),
    )
    op.create_index("ix_terminal_keys_terminal_id", "terminal_keys", ["terminal_id"])
    op.create_index("ix_terminal_keys_change_seq", "terminal_keys", ["change_seq"])
    op.create_index("ix_terminal_keys_store_key", "terminal_keys", ["store_id", "key_id"])
    conn = op.get_bind()
    # Times are copied by SQL (SQLite hands them to Python as text); key ids computed here.
    conn.execute(sa.text(
        "INSERT INTO terminal_keys (terminal_id, store_id, key_id, public_key, added_at, retired_at, "
        "revoked_at, change_seq) SELECT id, store_id, '', public_key, created_at, NULL, revoked_at, "
        "change_seq FROM terminals"))
    for row in conn.execute(sa.text("SELECT id, public_key FROM terminal_keys")).all():
        conn.execute(sa.text("UPDATE terminal_keys SET key_id = :k WHERE id = :id"),
                     {"k": _key_id(row.public_key), "id": row.id})

    op.create_table(
        "voucher_issues",
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("voucher_id", sa.String(64), nullable=False),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"]),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.id"]),
        sa.PrimaryKeyConstraint("store_id", "voucher_id"),
    )
    seen: set[tuple[str, str]] = set()
    for row in conn.execute(sa.text(
            "SELECT r.terminal_id, r.seq, r.payload, t.store_id FROM received_ops r "
            "JOIN terminals t ON t.id = r.terminal_id WHERE r.kind = 'voucher.issued' "
            "AND r.status = 'applied' ORDER BY r.received_at, r.seq")).all():
        try:
            voucher_id = json.loads(row.payload).get("voucher_id")
        except (ValueError, AttributeError):
            continue
        if not isinstance(voucher_id, str) or not 0 < len(voucher_id) <= 64:
            continue
        if (row.store_id, voucher_id) in seen:
            continue  # the first report stays
        seen.add((row.store_id, voucher_id))
        conn.execute(sa.text(
            "INSERT INTO voucher_issues (store_id, voucher_id, terminal_id, op_id, received_at) "
            "SELECT :store, :vid, terminal_id, op_id, received_at FROM received_ops "
            "WHERE terminal_id = :tid AND seq = :seq"),
            {"store": row.store_id, "vid": voucher_id, "tid": row.terminal_id, "seq": row.seq})

    _rebuild_redemptions(["store_id", "voucher_id"])


def _rebuild_redemptions(primary_key: list[str]) -> None:
    """Copy out, drop, create with the new primary key, copy back (both engines alike)."""
    columns = ", ".join(_REDEMPTION_COLUMNS)
    op.create_table("voucher_redemptions_copy", *_redemption_columns())
    op.execute(f"INSERT INTO voucher_redemptions_copy ({columns}) SELECT {columns} FROM voucher_redemptions")
    op.drop_table("voucher_redemptions")
    op.create_table(
        "voucher_redemptions", *_redemption_columns(),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"]),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminals.id"]),
        sa.PrimaryKeyConstraint(*primary_key),
    )
    op.execute(f"INSERT INTO voucher_redemptions ({columns}) SELECT {columns} FROM voucher_redemptions_copy")
    op.drop_table("voucher_redemptions_copy")


def downgrade() -> None:
    _rebuild_redemptions(["voucher_id"])  # fails if two stores redeemed one voucher id
    op.drop_table("voucher_issues")
    op.drop_index("ix_terminal_keys_store_key", table_name="terminal_keys")
    op.drop_index("ix_terminal_keys_change_seq", table_name="terminal_keys")
    op.drop_index("ix_terminal_keys_terminal_id", table_name="terminal_keys")
    op.drop_table("terminal_keys")
