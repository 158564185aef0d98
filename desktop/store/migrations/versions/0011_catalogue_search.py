"""the catalogue's search: each item's search terms (names, pinyin, initials, codes) in an
indexed table for search as you type, its search text, and an index by category; existing
items get their terms

Revision ID: 0011_catalogue_search
Revises: 0010_catalogue
"""
import sqlalchemy as sa
from alembic import op

from desktop.store.catalogue_keys import item_keys

revision = "0011_catalogue_search"
down_revision = "0010_catalogue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("menu_items") as batch:
        batch.add_column(sa.Column("search_text", sa.String(512), nullable=False, server_default=""))
    op.create_index("ix_menu_items_category", "menu_items", ["category", sa.text("active DESC"), "name"])
    op.create_table(
        "menu_search_terms",
        sa.Column("term", sa.String(64), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", "item_id", name="pk_menu_search_terms"),
        sa.ForeignKeyConstraint(["item_id"], ["menu_items.id"], name="fk_menu_search_terms_item_id_menu_items"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_menu_search_terms_item_id", "menu_search_terms", ["item_id"])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name, name_en, barcode, sku FROM menu_items")).all()
    for item_id, name, name_en, barcode, sku in rows:
        terms, text = item_keys(name, name_en, barcode, sku)
        conn.execute(sa.text("UPDATE menu_items SET search_text = :t WHERE id = :id"), {"t": text, "id": item_id})
        if terms:
            conn.execute(sa.text("INSERT INTO menu_search_terms (term, item_id) VALUES (:term, :id)"),
                         [{"term": term, "id": item_id} for term in terms])


def downgrade() -> None:
    op.drop_index("ix_menu_search_terms_item_id", table_name="menu_search_terms")
    op.drop_table("menu_search_terms")
    op.drop_index("ix_menu_items_category", table_name="menu_items")
    with op.batch_alter_table("menu_items") as batch:
        batch.drop_column("search_text")
