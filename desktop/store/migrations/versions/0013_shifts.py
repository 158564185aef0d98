"""shifts and the cash drawer: shifts (one open per terminal), cash in/out, Z reports
(numbered per terminal, immutable by trigger), redemption reversals, and the shift of each
drawer transfer (transfers.shift_id)

Revision ID: 0013_shifts
Revises: 0012_sales
"""
import sqlalchemy as sa
from alembic import op

revision = "0013_shifts"
down_revision = "0012_sales"
branch_labels = None
depends_on = None

Z_IMMUTABLE_TRIGGERS = (
    "CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports "
    "BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END",
    "CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports "
    "BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END",
)


def upgrade() -> None:
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(128), nullable=False),
        sa.Column("opened_by", sa.String(128), nullable=False),
        sa.Column("opened_at", sa.String(40), nullable=False),
        sa.Column("cashier", sa.String(128), nullable=False),
        sa.Column("float_counts", sa.Text(), nullable=False),
        sa.Column("float_fen", sa.Integer(), nullable=False),
        sa.Column("closed_by", sa.String(128), nullable=True),
        sa.Column("closed_at", sa.String(40), nullable=True),
        sa.Column("counted", sa.Text(), nullable=True),
        sa.Column("counted_fen", sa.Integer(), nullable=True),
        sa.Column("expected_fen", sa.Integer(), nullable=True),
        sa.Column("over_short_fen", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approver", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_shifts"),
    )
    # one open shift per terminal: the database is the terminal's (its name may change)
    op.execute("CREATE UNIQUE INDEX ux_shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL")
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(4), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("staff", sa.String(128), nullable=False),
        sa.Column("approver", sa.String(128), nullable=False),
        sa.Column("transfer_id", sa.String(64), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cash_movements"),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"], name="fk_cash_movements_shift_id_shifts"),
    )
    op.create_index("ix_cash_movements_shift_id", "cash_movements", ["shift_id"])
    op.create_table(
        "z_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(128), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("totals", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_z_reports"),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"], name="fk_z_reports_shift_id_shifts"),
        sa.UniqueConstraint("shift_id", name="uq_z_reports_shift_id"),
        sa.UniqueConstraint("terminal", "number", name="uq_z_reports_terminal_number"),
    )
    for statement in Z_IMMUTABLE_TRIGGERS:
        op.execute(statement)
    op.create_table(
        "redemption_reversals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("voucher_id", sa.String(20), nullable=False),
        sa.Column("redemption_op_id", sa.String(36), nullable=False),
        sa.Column("redeemed_at", sa.String(40), nullable=False),
        sa.Column("redeemed_by", sa.String(128), nullable=False),
        sa.Column("terminal", sa.String(128), nullable=False),
        sa.Column("product", sa.String(128), nullable=False),
        sa.Column("group_id", sa.String(32), nullable=False),
        sa.Column("entry_id", sa.String(32), nullable=False),
        sa.Column("reversed_at", sa.String(40), nullable=False),
        sa.Column("reversed_by", sa.String(128), nullable=False),
        sa.Column("approver", sa.String(128), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_redemption_reversals"),
        sa.UniqueConstraint("redemption_op_id", name="uq_redemption_reversals_redemption_op_id"),
    )
    op.create_index("ix_redemption_reversals_voucher_id", "redemption_reversals", ["voucher_id"])
    with op.batch_alter_table("transfers") as batch:
        batch.add_column(sa.Column("shift_id", sa.Integer(), nullable=True))
        batch.create_index("ix_transfers_shift_id", ["shift_id"])


def downgrade() -> None:
    with op.batch_alter_table("transfers") as batch:
        batch.drop_index("ix_transfers_shift_id")
        batch.drop_column("shift_id")
    op.drop_table("redemption_reversals")
    op.execute("DROP TRIGGER IF EXISTS z_reports_no_update")
    op.execute("DROP TRIGGER IF EXISTS z_reports_no_delete")
    op.drop_table("z_reports")
    op.drop_table("cash_movements")
    op.drop_table("shifts")
