"""members' phones stored normalized (desktop.core.phones.normalize_phone: the 11 digits of a
mainland number, without +86), as counters send them and as lookups match them; a number whose
normalized form another member holds already is left as it was (two members, for the admin)

Revision ID: 0006_member_phones
Revises: 0005_groups
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

from desktop.core.phones import normalize_phone

revision = "0006_member_phones"
down_revision = "0005_groups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, phone FROM members ORDER BY id")).all()
    taken = {r.phone for r in rows}
    for row in rows:
        normal = normalize_phone(row.phone)
        if normal == row.phone or not normal or normal in taken:
            continue
        conn.execute(sa.text("UPDATE members SET phone = :p WHERE id = :i"), {"p": normal, "i": row.id})
        taken.add(normal)


def downgrade() -> None:
    """Nothing to undo: a normalized phone is a valid phone of the older revisions too."""
