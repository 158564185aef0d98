"""groups keyed per store (store_id, group_id) with their join token's hash, the deals stores
launched with every version, the entries pushed in join order, join requests one per member
and group, and rate-limit hits

Revision ID: 0005_groups
Revises: 0004_coins
Create Date: 2026-12-01
"""
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005_groups"
down_revision = "0004_coins"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "store_deals",
        sa.Column("store_id", sa.String(64), sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("terminal_id", sa.String(64), sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("launched_at", TS, nullable=False),
    )
    op.create_table(
        "store_deal_versions",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("deal_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("disclosure", sa.Text(), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("published_at", TS, nullable=False),
        sa.ForeignKeyConstraint(["store_id", "deal_id"], ["store_deals.store_id", "store_deals.id"]),
    )
    op.create_table(
        "store_groups",
        sa.Column("store_id", sa.String(64), sa.ForeignKey("stores.id"), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("terminal_id", sa.String(64), sa.ForeignKey("terminals.id"), nullable=False),
        sa.Column("deal_id", sa.String(64), nullable=False),
        sa.Column("commitment", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("winners", sa.Text(), nullable=False),
        sa.Column("join_token_hash", sa.String(64), nullable=False),
        sa.Column("opened_at", TS, nullable=False),
    )
    op.create_index("ix_store_groups_join_token_hash", "store_groups", ["join_token_hash"])
    op.create_table(
        "store_group_entries",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("group_id", sa.String(64), primary_key=True),
        sa.Column("entry_id", sa.String(64), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("member_id", sa.String(64), sa.ForeignKey("members.id"), nullable=True),
        sa.Column("phone", sa.String(32), nullable=True),
        sa.Column("claimed_member_id", sa.String(64), nullable=True),
        sa.Column("deposit_fen", sa.BigInteger(), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=True),
        sa.Column("coins_granted", sa.BigInteger(), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["store_id", "group_id"], ["store_groups.store_id", "store_groups.id"]),
        sa.UniqueConstraint("store_id", "group_id", "position", name="uq_store_group_entries_position"),
    )
    op.create_table(
        "group_join_requests",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False),
        sa.Column("member_id", sa.String(64), sa.ForeignKey("members.id"), nullable=False),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("entry_id", sa.String(64), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["store_id", "group_id"], ["store_groups.store_id", "store_groups.id"]),
        sa.UniqueConstraint("store_id", "group_id", "member_id", name="uq_group_join_requests_member"),
    )
    op.create_index("ix_group_join_requests_store_id", "group_join_requests", ["store_id"])
    op.create_index("ix_group_join_requests_change_seq", "group_join_requests", ["change_seq"])
    op.create_table(
        "rate_hits",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("bucket", sa.String(200), nullable=False),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_rate_hits_bucket_at", "rate_hits", ["bucket", "at"])
    _copy_old_rows()
    with op.batch_alter_table("join_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_join_requests_store_id")
        batch_op.drop_index("ix_join_requests_group_id")
        batch_op.drop_index("ix_join_requests_change_seq")
    op.drop_table("join_requests")
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_index("ix_groups_store_id")
    op.drop_table("groups")


def _copy_old_rows() -> None:
    """Groups opened before this revision keep their state; they have no join token (no online
    joins). Their deals and entries are rebuilt from the ops the platform applied before (kept
    in received_ops), so a group in flight at the upgrade is drawn and settled as usual."""
    conn = op.get_bind()
    now = datetime.now(UTC)
    groups = conn.execute(sa.text(
        "SELECT id, store_id, terminal_id, deal_id, commitment, size, state, winners FROM groups")).all()
    new_groups = sa.table("store_groups", *(sa.column(c) for c in (
        "store_id", "id", "terminal_id", "deal_id", "commitment", "size", "state", "winners",
        "join_token_hash", "opened_at")))
    for g in groups:
        conn.execute(new_groups.insert().values(
            store_id=g.store_id, id=g.id, terminal_id=g.terminal_id, deal_id=g.deal_id,
            commitment=g.commitment, size=g.size, state=g.state, winners=g.winners,
            join_token_hash="", opened_at=now))
    requests = conn.execute(sa.text(
        "SELECT id, group_id, store_id, member_id, nonce, status, created_at, change_seq "
        "FROM join_requests ORDER BY created_at, id")).all()
    new_requests = sa.table("group_join_requests", *(sa.column(c) for c in (
        "id", "group_id", "store_id", "member_id", "nonce", "status", "created_at", "change_seq")))
    seen: set[tuple[str, str, str]] = set()
    for r in requests:
        key = (r.store_id, r.group_id, r.member_id)
        if key in seen:
            continue  # one request per member and group from now on: the first one stays
        seen.add(key)
        conn.execute(new_requests.insert().values(
            id=r.id, group_id=r.group_id, store_id=r.store_id, member_id=r.member_id, nonce=r.nonce,
            status=r.status, created_at=r.created_at, change_seq=r.change_seq))
    _replay_applied_ops(conn, now)


def _replay_applied_ops(conn: sa.Connection, now: datetime) -> None:
    ops = conn.execute(sa.text(
        "SELECT r.terminal_id, t.store_id, r.op_id, r.kind, r.payload FROM received_ops r "
        "JOIN terminals t ON t.id = r.terminal_id WHERE r.status = 'applied' AND r.kind IN "
        "('deal.launched', 'deal.amended', 'group.joined') ORDER BY r.received_at, r.terminal_id, r.seq")).all()
    known_groups = {(g.store_id, g.id) for g in conn.execute(sa.text("SELECT store_id, id FROM store_groups"))}
    members = {m.id for m in conn.execute(sa.text("SELECT id FROM members"))}
    phones = {m.phone: m.id for m in conn.execute(sa.text("SELECT id, phone FROM members"))}
    deals: dict[tuple[str, str], int] = {}
    seats: dict[tuple[str, str], set[str]] = {}
    for row in ops:
        try:
            payload = json.loads(row.payload)
        except ValueError:
            continue
        if not isinstance(payload, dict):
            continue
        if row.kind.startswith("deal."):
            _replay_deal(conn, row, payload, deals, now)
            continue
        # Before this revision the platform applied any payload: junk is skipped, never fatal.
        group_id, entry_id = _text(payload.get("group_id")), _text(payload.get("entry_id"))
        deposit = payload.get("deposit_fen", 0)
        if group_id is None or entry_id is None or not _whole(deposit):
            continue
        key = (row.store_id, group_id)
        if key not in known_groups:
            continue
        taken = seats.setdefault(key, set())
        if entry_id in taken:
            continue
        taken.add(entry_id)
        claimed, phone = _text(payload.get("member_id")), _text(payload.get("phone"), 32)
        member = claimed if claimed in members else phones.get(phone or "")
        conn.execute(sa.text(
            "INSERT INTO store_group_entries (store_id, group_id, entry_id, position, nonce, member_id, "
            "phone, claimed_member_id, deposit_fen, request_id, coins_granted, op_id) VALUES (:s, :g, :e, "
            ":p, :n, :m, :ph, :cm, :d, :r, 0, :o)"),
            {"s": key[0], "g": key[1], "e": entry_id, "p": len(taken), "n": _text(payload.get("nonce"), 128) or "",
             "m": member, "ph": phone, "cm": claimed, "d": deposit, "r": _text(payload.get("request_id")),
             "o": row.op_id})


def _text(value: Any, limit: int = 64) -> str | None:
    """A non-empty string that fits its column, else None."""
    return value if isinstance(value, str) and 0 < len(value) <= limit else None


def _whole(value: Any, limit: int = 10**13) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit


def _replay_deal(conn: sa.Connection, row: Any, payload: dict[str, Any], deals: dict[tuple[str, str], int],
                 now: datetime) -> None:
    deal_id, version, raw_terms = _text(payload.get("deal_id")), payload.get("version", 1), payload.get("terms")
    if deal_id is None or not _whole(version, 1_000_000) or not isinstance(raw_terms, dict):
        return  # junk the old platform applied: skipped (a later op on it is refused with a reason)
    key = (row.store_id, deal_id)
    if version <= deals.get(key, 0):
        return
    terms = json.dumps(raw_terms, sort_keys=True, ensure_ascii=False)
    if key in deals:
        conn.execute(sa.text("UPDATE store_deals SET version = :v, terms = :t WHERE store_id = :s AND id = :d"),
                     {"v": version, "t": terms, "s": key[0], "d": deal_id})
    else:
        conn.execute(sa.text("INSERT INTO store_deals (store_id, id, terminal_id, version, terms, launched_at) "
                             "VALUES (:s, :d, :tid, :v, :t, :at)"),
                     {"s": key[0], "d": deal_id, "tid": row.terminal_id, "v": version, "t": terms, "at": now})
    conn.execute(sa.text("INSERT INTO store_deal_versions (store_id, deal_id, version, terms, disclosure, op_id, "
                         "published_at) VALUES (:s, :d, :v, :t, :disc, :o, :at)"),
                 {"s": key[0], "d": deal_id, "v": version, "t": terms, "o": row.op_id, "at": now,
                  "disc": json.dumps(payload.get("disclosure") or {}, ensure_ascii=False)})
    deals[key] = version


def downgrade() -> None:
    raise NotImplementedError("groups keyed per store cannot be folded back into one id space")
