"""the catalogue: items gain an English name, a category, a barcode and SKU (unique when set)
and versioned prices (menu_item_prices); each existing item's price becomes its version 1

Revision ID: 0010_catalogue
Revises: 0009_groups
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_catalogue"
down_revision = "0009_groups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("menu_items") as batch:
        batch.add_column(sa.Column("name_en", sa.String(128), nullable=False, server_default=""))
        batch.add_column(sa.Column("category", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("barcode", sa.String(64), nullable=True))
        batch.add_column(sa.Column("sku", sa.String(64), nullable=True))
        batch.add_column(sa.Column("price_version", sa.Integer(), nullable=False, server_default="1"))
        batch.create_unique_constraint("uq_menu_items_barcode", ["barcode"])
        batch.create_unique_constraint("uq_menu_items_sku", ["sku"])
    op.create_table(
        "menu_item_prices",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("price_fen", sa.Integer(), nullable=False),
        sa.Column("cost_fen", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("item_id", "version", name="pk_menu_item_prices"),
        sa.ForeignKeyConstraint(["item_id"], ["menu_items.id"], name="fk_menu_item_prices_item_id_menu_items"),
    )
    op.execute("INSERT INTO menu_item_prices (item_id, version, price_fen, cost_fen, created_at) "
               "SELECT id, 1, price_fen, cost_fen, '2000-01-01T00:00:00+00:00' FROM menu_items")


def downgrade() -> None:
    op.drop_table("menu_item_prices")
    with op.batch_alter_table("menu_items") as batch:
        batch.drop_constraint("uq_menu_items_sku", type_="unique")
        batch.drop_constraint("uq_menu_items_barcode", type_="unique")
        for column in ("price_version", "sku", "barcode", "category", "name_en"):
            batch.drop_column(column)
