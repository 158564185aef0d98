"""checkout: sales with lines and tenders, refunds and voids (new rows, one void per sale),
parked orders, gapless receipt counters, online coin captures by key and offline coin
authorizations accepted once

Revision ID: 0012_sales
Revises: 0011_catalogue_search
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_sales"
down_revision = "0011_catalogue_search"
branch_labels = None
depends_on = None


def _pk(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*columns, name=f"pk_{table}")


def upgrade() -> None:
    op.create_table(
        "receipt_counters",
        sa.Column("series", sa.String(16), nullable=False),
        sa.Column("last_no", sa.Integer(), nullable=False),
        _pk("receipt_counters", "series"),
    )
    op.create_table(
        "sales",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("receipt_no", sa.String(32), nullable=False),
        sa.Column("sold_at", sa.String(40), nullable=False),
        sa.Column("cashier", sa.String(200), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.String(64), nullable=False),
        sa.Column("member_id", sa.String(64), nullable=True),
        sa.Column("member_label", sa.String(200), nullable=False),
        sa.Column("gross_fen", sa.Integer(), nullable=False),
        sa.Column("line_discount_fen", sa.Integer(), nullable=False),
        sa.Column("bill_discount_fen", sa.Integer(), nullable=False),
        sa.Column("base_fen", sa.Integer(), nullable=False),
        sa.Column("coins", sa.Integer(), nullable=False),
        sa.Column("coin_fen", sa.Integer(), nullable=False),
        sa.Column("coin_capture_key", sa.String(128), nullable=True),
        sa.Column("coin_token_id", sa.String(32), nullable=True),
        sa.Column("rounding_fen", sa.Integer(), nullable=False),
        sa.Column("total_fen", sa.Integer(), nullable=False),
        sa.Column("change_fen", sa.Integer(), nullable=False),
        sa.Column("schedule_version", sa.Integer(), nullable=True),
        sa.Column("coin_reimbursement_fen", sa.Integer(), nullable=False),
        sa.Column("turnover_commission_fen", sa.Integer(), nullable=False),
        sa.Column("alliance_share_fen", sa.Integer(), nullable=False),
        sa.Column("home_merchant_id", sa.String(64), nullable=False),
        sa.Column("approved_by", sa.String(200), nullable=False),
        _pk("sales", "id"),
        sa.UniqueConstraint("receipt_no", name="uq_sales_receipt_no"),
    )
    op.create_index("ix_sales_sold_at", "sales", ["sold_at"])
    op.create_table(
        "sale_lines",
        sa.Column("sale_id", sa.String(64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("price_version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_fen", sa.Integer(), nullable=False),
        sa.Column("discount_fen", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("voucher_id", sa.String(64), nullable=True),
        _pk("sale_lines", "sale_id", "line_no"),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name="fk_sale_lines_sale_id_sales"),
    )
    op.create_table(
        "sale_tenders",
        sa.Column("sale_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(200), nullable=False),
        _pk("sale_tenders", "sale_id", "position"),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name="fk_sale_tenders_sale_id_sales"),
    )
    op.create_table(
        "sale_refunds",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("refund_no", sa.String(32), nullable=False),
        sa.Column("sale_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("cashier", sa.String(200), nullable=False),
        sa.Column("approved_by", sa.String(200), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("shift_id", sa.String(64), nullable=False),
        sa.Column("total_fen", sa.Integer(), nullable=False),
        sa.Column("coins_returned", sa.Integer(), nullable=False),
        sa.Column("coin_fen_returned", sa.Integer(), nullable=False),
        sa.Column("coin_reimbursement_fen", sa.Integer(), nullable=False),
        sa.Column("turnover_commission_fen", sa.Integer(), nullable=False),
        sa.Column("alliance_share_fen", sa.Integer(), nullable=False),
        _pk("sale_refunds", "id"),
        sa.UniqueConstraint("refund_no", name="uq_sale_refunds_refund_no"),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name="fk_sale_refunds_sale_id_sales"),
    )
    op.create_index("ix_sale_refunds_sale_id", "sale_refunds", ["sale_id"])
    op.create_index("uq_sale_refunds_one_void", "sale_refunds", ["sale_id"], unique=True,
                    sqlite_where=sa.text("kind = 'void'"))
    op.create_table(
        "sale_refund_lines",
        sa.Column("refund_id", sa.String(64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        _pk("sale_refund_lines", "refund_id", "line_no"),
        sa.ForeignKeyConstraint(["refund_id"], ["sale_refunds.id"],
                                name="fk_sale_refund_lines_refund_id_sale_refunds"),
    )
    op.create_table(
        "sale_refund_tenders",
        sa.Column("refund_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        _pk("sale_refund_tenders", "refund_id", "position"),
        sa.ForeignKeyConstraint(["refund_id"], ["sale_refunds.id"],
                                name="fk_sale_refund_tenders_refund_id_sale_refunds"),
    )
    op.create_table(
        "parked_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("parked_at", sa.String(40), nullable=False),
        sa.Column("cashier", sa.String(200), nullable=False),
        sa.Column("order_json", sa.Text(), nullable=False),
        _pk("parked_orders", "id"),
    )
    op.create_table(
        "coin_captures",
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("member_id", sa.String(64), nullable=False),
        sa.Column("coins", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("sale_id", sa.String(64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        _pk("coin_captures", "key"),
    )
    op.create_table(
        "accepted_coin_tokens",
        sa.Column("token_id", sa.String(32), nullable=False),
        sa.Column("member_id", sa.String(64), nullable=False),
        sa.Column("coins", sa.Integer(), nullable=False),
        sa.Column("sale_id", sa.String(64), nullable=False),
        sa.Column("accepted_at", sa.String(40), nullable=False),
        _pk("accepted_coin_tokens", "token_id"),
    )


def downgrade() -> None:
    for table in ("accepted_coin_tokens", "coin_captures", "parked_orders", "sale_refund_tenders",
                  "sale_refund_lines", "sale_refunds", "sale_tenders", "sale_lines", "sales",
                  "receipt_counters"):
        op.drop_table(table)
