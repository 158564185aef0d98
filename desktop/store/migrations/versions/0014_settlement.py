"""settlement: commission schedules gain the turnover commission (existing versions get their
alliance share, so none holds a share above its commission), members the time they were locked
to their home merchant, and `settlement_lines`: this terminal's own settlement lines, made by a
trigger from every op written to the outbox (what it tells the platform), existing ops included
(desktop/store/settlement_queries.py, docs/settlement.md)

Revision ID: 0014_settlement
Revises: 0013_shifts
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_settlement"
down_revision = "0013_shifts"
branch_labels = None
depends_on = None


# (op kind, source, where the ref is, line kind, where the amount is) of every settlement line
_KINDS = [
    *((op_kind, source, ref, kind, f"$.amounts.{field}")
      for source, op_kinds, ref in (("sale", ("sale.completed",), "$.sale_id"),
                                    ("refund", ("sale.refunded", "sale.voided"), "$.refund_id"))
      for op_kind in op_kinds
      for kind, field in (("coin_reimbursement", "coin_reimbursement_fen"),
                          ("turnover_commission", "turnover_commission_fen"),
                          ("alliance_share_paid", "alliance_share_fen"))),
    ("group.settled", "group", "$.group_id", "deal_commission", "$.deal_commission_fen"),
    ("coins.captured", "coins", "$.token_id", "coin_reimbursement", "$.coin_reimbursement_fen"),
]
_TABLE = " UNION ALL ".join(
    f"SELECT '{o}' AS op_kind, '{s}' AS source, '{r}' AS ref_path, '{k}' AS kind, '{f}' AS fen_path"
    for o, s, r, k, f in _KINDS)
_PICK = (
    "k.source, COALESCE(json_extract({o}.payload, k.ref_path), ''), k.kind, json_extract({o}.payload, k.fen_path), "
    "json_extract({o}.payload, '$.schedule_version'), COALESCE(json_extract({o}.payload, '$.at'), {o}.created_at) "
)
_WHERE = (
    "k.op_kind = {o}.kind AND COALESCE(json_extract({o}.payload, k.fen_path), 0) != 0 "
    "AND ({o}.kind != 'coins.captured' OR COALESCE(json_extract({o}.payload, '$.sale_id'), '') = '')"
)
_COLUMNS = "(op_id, source, ref, kind, fen, schedule_version, at)"
# Every op written to the outbox makes its settlement lines in the same transaction (a trigger:
# whoever writes the op, the checkout, the draw or the raw redemption path). Coins captured for
# a sale make no line (the sale books its coins' reimbursement).
_OP_KINDS = ", ".join(sorted({f"'{o}'" for o, *_ in _KINDS}))
TRIGGER = (  # WHEN: the other ops (the redemption hot path among them) pay nothing for it
    f"CREATE TRIGGER outbox_settlement_lines AFTER INSERT ON outbox WHEN NEW.kind IN ({_OP_KINDS}) BEGIN "
    f"INSERT INTO settlement_lines {_COLUMNS} SELECT NEW.op_id, {_PICK.format(o='NEW')}"
    f"FROM ({_TABLE}) k WHERE {_WHERE.format(o='NEW')}; END"
)
BACKFILL = (
    f"INSERT INTO settlement_lines {_COLUMNS} SELECT o.op_id, {_PICK.format(o='o')}"
    f"FROM outbox o CROSS JOIN ({_TABLE}) k WHERE {_WHERE.format(o='o')} ORDER BY o.seq"
)


def upgrade() -> None:
    with op.batch_alter_table("commission_schedules") as batch:
        batch.add_column(sa.Column("turnover_commission_bp", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE commission_schedules SET turnover_commission_bp = alliance_share_bp")
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("locked_at", sa.String(40), nullable=True))
    op.create_table(
        "settlement_lines",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("op_id", sa.String(36), nullable=False, index=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("ref", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("fen", sa.Integer(), nullable=False),
        sa.Column("schedule_version", sa.Integer(), nullable=True),
        sa.Column("at", sa.String(40), nullable=False),
        sqlite_autoincrement=True,
    )
    op.execute(BACKFILL)
    op.execute(TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER outbox_settlement_lines")
    op.drop_table("settlement_lines")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("locked_at")
    with op.batch_alter_table("commission_schedules") as batch:
        batch.drop_column("turnover_commission_bp")
