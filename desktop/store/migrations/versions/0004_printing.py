"""printers and the print queue

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "printers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("connection", sa.String(16), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("timeout_ms", sa.Integer(), nullable=False),
        sa.Column("usb_vendor_id", sa.Integer(), nullable=False),
        sa.Column("usb_product_id", sa.Integer(), nullable=False),
        sa.Column("serial_device", sa.String(255), nullable=False),
        sa.Column("baudrate", sa.Integer(), nullable=False),
        sa.Column("windows_printer", sa.String(255), nullable=False),
        sa.Column("pdf_folder", sa.Text(), nullable=False),
        sa.Column("paper_mm", sa.Integer(), nullable=False),
        sa.Column("chinese_mode", sa.String(16), nullable=False),
        sa.Column("qr_mode", sa.String(16), nullable=False),
        sa.Column("profile", sa.String(64), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_printers"),
        sa.UniqueConstraint("name", name="uq_printers_name"),
    )
    op.create_table(
        "printer_routes",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("printer_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name="pk_printer_routes"),
        sa.ForeignKeyConstraint(["printer_id"], ["printers.id"], name="fk_printer_routes_printer_id_printers",
                                ondelete="CASCADE"),
    )
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("ref", sa.String(128), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("printer_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("printed_at", sa.String(40), nullable=True),
        sa.Column("reprint_of", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_print_jobs"),
        sa.ForeignKeyConstraint(["printer_id"], ["printers.id"], name="fk_print_jobs_printer_id_printers",
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["reprint_of"], ["print_jobs.id"], name="fk_print_jobs_reprint_of_print_jobs"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_print_jobs_status", "print_jobs", ["status", "id"])


def downgrade() -> None:
    op.drop_table("print_jobs")
    op.drop_table("printer_routes")
    op.drop_table("printers")
