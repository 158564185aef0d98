"""key history (terminal_keys), voucher issues, redemptions scoped per store

Revision ID: 0002_keys
Revises: 0001

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

revision = "0002_keys"
down_revision = "0001"
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
    keys = op.create_table(
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
    terminals = conn.execute(sa.text(
        "SELECT id, store_id, public_key, created_at, revoked_at, change_seq FROM terminals")).all()
    if terminals:
        op.bulk_insert(keys, [
            {"terminal_id": t.id, "store_id": t.store_id, "key_id": _key_id(t.public_key),
             "public_key": t.public_key, "added_at": t.created_at, "retired_at": None,
             "revoked_at": t.revoked_at, "change_seq": t.change_seq} for t in terminals])

    issues = op.create_table(
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
    seen: dict[tuple[str, str], dict[str, object]] = {}
    for row in conn.execute(sa.text(
            "SELECT r.terminal_id, r.op_id, r.payload, r.received_at, t.store_id FROM received_ops r "
            "JOIN terminals t ON t.id = r.terminal_id WHERE r.kind = 'voucher.issued' "
            "AND r.status = 'applied' ORDER BY r.received_at, r.seq")):
        try:
            voucher_id = json.loads(row.payload).get("voucher_id")
        except (ValueError, AttributeError):
            continue
        if isinstance(voucher_id, str) and 0 < len(voucher_id) <= 64:
            seen.setdefault((row.store_id, voucher_id), {
                "store_id": row.store_id, "voucher_id": voucher_id, "terminal_id": row.terminal_id,
                "op_id": row.op_id, "received_at": row.received_at})
    if seen:
        op.bulk_insert(issues, list(seen.values()))

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
