"""settlement: commission schedules gain the turnover commission (existing versions get their
alliance share, so none holds a share above its commission), members the time they were locked
to their home merchant, and the `settlement_lines` view: this terminal's own settlement lines,
read from what it told the platform (desktop/store/settlement_queries.py, docs/settlement.md)

Revision ID: 0014_settlement
Revises: 0012_sales
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_settlement"
down_revision = "0012_sales"
branch_labels = None
depends_on = None


def _amount(source: str, op_kind: str, ref: str, kind: str, path: str, version: str = "$.schedule_version",
            extra: str = "") -> str:
    return (f"SELECT seq, op_id, status, '{source}' AS source, json_extract(payload, '{ref}') AS ref, "
            f"'{kind}' AS kind, json_extract(payload, '{path}') AS fen, "
            f"json_extract(payload, '{version}') AS schedule_version, "
            f"COALESCE(json_extract(payload, '$.at'), created_at) AS at FROM outbox "
            f"WHERE kind = '{op_kind}' AND COALESCE(json_extract(payload, '{path}'), 0) != 0{extra}")


VIEW = "CREATE VIEW settlement_lines AS " + " UNION ALL ".join([
    *(_amount(source, op_kind, ref, kind, f"$.amounts.{field}")
      for source, op_kinds, ref in (("sale", ("sale.completed",), "$.sale_id"),
                                    ("refund", ("sale.refunded", "sale.voided"), "$.refund_id"))
      for op_kind in op_kinds
      for kind, field in (("coin_reimbursement", "coin_reimbursement_fen"),
                          ("turnover_commission", "turnover_commission_fen"),
                          ("alliance_share_paid", "alliance_share_fen"))),
    _amount("group", "group.settled", "$.group_id", "deal_commission", "$.deal_commission_fen"),
    _amount("coins", "coins.captured", "$.token_id", "coin_reimbursement", "$.coin_reimbursement_fen",
            extra=" AND COALESCE(json_extract(payload, '$.sale_id'), '') = ''"),
])


def upgrade() -> None:
    with op.batch_alter_table("commission_schedules") as batch:
        batch.add_column(sa.Column("turnover_commission_bp", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE commission_schedules SET turnover_commission_bp = alliance_share_bp")
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("locked_at", sa.String(40), nullable=True))
    op.execute(VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW settlement_lines")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("locked_at")
    with op.batch_alter_table("commission_schedules") as batch:
        batch.drop_column("turnover_commission_bp")
