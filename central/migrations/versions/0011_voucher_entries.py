"""voucher issues name the winning entry they are for (group_id, entry_id, filled from the
voucher.issued ops already received), so the member page finds a member's vouchers by their
entries

Revision ID: 0011_voucher_entries
Revises: 0010_phone
Create Date: 2026-12-01
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0011_voucher_entries"
down_revision = "0010_phone"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("voucher_issues") as batch:
        batch.add_column(sa.Column("group_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("entry_id", sa.String(64), nullable=True))
        batch.create_index("ix_voucher_issues_entry", ["store_id", "group_id", "entry_id"])
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT v.store_id, v.voucher_id, r.payload FROM voucher_issues v "
        "JOIN received_ops r ON r.op_id = v.op_id AND r.terminal_id = v.terminal_id")).all()
    for store_id, voucher_id, payload in rows:
        try:
            data = json.loads(payload)
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        group_id, entry_id = data.get("group_id"), data.get("entry_id")
        if isinstance(group_id, str) and isinstance(entry_id, str):
            conn.execute(sa.text("UPDATE voucher_issues SET group_id = :g, entry_id = :e "
                                 "WHERE store_id = :s AND voucher_id = :v"),
                         {"g": group_id[:64], "e": entry_id[:64], "s": store_id, "v": voucher_id})


def downgrade() -> None:
    with op.batch_alter_table("voucher_issues") as batch:
        batch.drop_index("ix_voucher_issues_entry")
        batch.drop_column("entry_id")
        batch.drop_column("group_id")
