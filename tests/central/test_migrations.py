"""The platform's migrations: a database made at every step, with rows in it, upgrades to head
without losing a row, and head matches the models exactly (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from central.migrate import alembic_config, upgrade
from central.models import Base

# Rows written at the first revision (its tables), then carried through every later step.
FIRST_ROWS = [
    "INSERT INTO merchants (id, name, change_seq) VALUES ('M1', '牛排馆', 1)",
    "INSERT INTO stores (id, merchant_id, name, change_seq) VALUES ('S1', 'M1', '一号店', 2)",
    "INSERT INTO members (id, phone, name, home_merchant_id, change_seq) VALUES ('U1', '13800000001', '王', 'M1', 3)",
    "INSERT INTO members (id, phone, name, home_merchant_id, change_seq) VALUES ('U2', '13800000002', '李', NULL, 4)",
    "INSERT INTO terminals (id, store_id, name, public_key, token_hash, last_seq, audit_length, audit_hash, "
    "created_at, change_seq) VALUES ('T1', 'S1', '柜台', 'a2V5', 'ab', 7, 3, 'cd', '2030-01-01 00:00:00+00:00', 5)",
    "INSERT INTO received_ops (terminal_id, seq, op_id, kind, payload, status, reason, conflict, received_at) "
    "VALUES ('T1', 1, 'o1', 'sale.completed', '{}', 'applied', '', false, '2030-01-01 00:00:00+00:00')",
    "INSERT INTO seen_op_ids (op_id, terminal_id) VALUES ('o1', 'T1')",
    "INSERT INTO coin_balances (account, posted, reserved, may_go_negative) VALUES ('member:U1', 50, 0, false)",
    "INSERT INTO platform_lines (op_id, store_id, terminal_id, kind, amount_fen, coins, schedule_version, "
    "occurred_at) VALUES ('o1', 'S1', 'T1', 'sale.completed', 9800, 0, 1, '2030-01-01 00:00:00+00:00')",
    "INSERT INTO commission_schedules (merchant_id, version, effective_from, coin_settlement_bp, "
    "deal_commission_bp, alliance_share_bp, coin_cap_bp, coin_value_fen, created_at, change_seq) VALUES "
    "('M1', 1, '2030-01-01 00:00:00+00:00', 2000, 500, 200, 1000, 10, '2030-01-01 00:00:00+00:00', 6)",
]
COUNTED = ["merchants", "stores", "members", "terminals", "received_ops", "seen_op_ids", "coin_balances",
           "platform_lines", "commission_schedules"]
AT = "'2030-01-01 00:00:00+00:00'"
# Rows written right after the revision that makes their tables, then carried to head.
LATER_ROWS: dict[str, list[str]] = {
    "0010_phone": [
        f"INSERT INTO phone_otps (phone, code_hash, created_at, expires_at, attempts, used_at) "
        f"VALUES ('13800000001', 'ab', {AT}, {AT}, 0, NULL)",
        f"INSERT INTO sms_messages (phone, text, sent_at) VALUES ('13800000001', '验证码 123456', {AT})",
        f"INSERT INTO phone_sessions (token_hash, member_id, created_at, expires_at) VALUES ('th', 'U1', {AT}, {AT})",
        "INSERT INTO payment_orders (id, provider, member_id, store_id, group_id, nonce, amount_fen, status, "
        f"join_request_id, notices, reason, created_at, paid_at, refunded_at) VALUES ('P1', 'sandbox', 'U1', "
        f"'S1', 'G1', '{'ab' * 16}', 9800, 'paid', NULL, 1, '', {AT}, {AT}, NULL)",
        "INSERT INTO sandbox_charges (order_id, amount_fen, state, notify_url, paid_at, refunded_at) "
        f"VALUES ('P1', 9800, 'paid', 'http://127.0.0.1/p/payments/sandbox/notify', {AT}, NULL)",
        "INSERT INTO draw_beacons (store_id, group_id, commitment, digest, beacon, issued_at) "
        f"VALUES ('S1', 'G1', '{'c' * 64}', '{'d' * 64}', '{'e' * 128}', {AT})",
        "INSERT INTO draw_proofs (store_id, group_id, version, proof, recorded_at) "
        f"VALUES ('S1', 'G1', 'pinshang-draw-v2', '{{}}', {AT})",
    ],
    "0011_voucher_entries": [
        "INSERT INTO voucher_issues (store_id, voucher_id, terminal_id, op_id, received_at, group_id, entry_id) "
        f"VALUES ('S1', 'V1', 'T1', 'o1', {AT}, 'G1', 'E1')",
    ],
    "0012_lock_moves": [
        "INSERT INTO member_lock_moves (member_id, from_merchant_id, to_merchant_id, moved_at, change_seq) "
        f"VALUES ('U1', 'M1', 'M1', {AT}, 91)",
    ],
}
LATER_COUNTED = {"0010_phone": ["phone_otps", "sms_messages", "phone_sessions", "payment_orders",
                                "sandbox_charges", "draw_beacons", "draw_proofs"],
                 "0011_voucher_entries": ["voucher_issues"],
                 "0012_lock_moves": ["member_lock_moves"]}


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _counts(engine: object, tables: list[str]) -> dict[str, int]:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}


def test_the_migrations_form_one_line() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1 and len(script.get_bases()) == 1
    assert set(LATER_ROWS) == set(LATER_COUNTED) <= set(revisions())  # a renamed revision is seen


@pytest.mark.parametrize("revision", revisions())
def test_a_database_from_every_step_upgrades_without_losing_rows(db_url: str, revision: str) -> None:
    engine = create_engine(db_url)
    try:
        upgrade(engine, revisions()[0])
        with engine.begin() as conn:
            for statement in FIRST_ROWS:
                conn.execute(text(statement))
        tables = list(COUNTED)
        steps = revisions()
        for step in steps[1:steps.index(revision) + 1]:  # one step at a time, seeding new tables
            upgrade(engine, step)
            with engine.begin() as conn:
                for statement in LATER_ROWS.get(step, []):
                    conn.execute(text(statement))
            tables += LATER_COUNTED.get(step, [])
        before = _counts(engine, tables)
        upgrade(engine)
        assert _counts(engine, tables) == before == {t: (2 if t == "members" else 1) for t in tables}
    finally:
        engine.dispose()


def test_head_matches_the_models(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_schedules_from_before_settlement_get_their_share_as_turnover_commission(db_url: str) -> None:
    """0009_settlement: no schedule ends up with a share above its commission."""
    engine = create_engine(db_url)
    try:
        upgrade(engine, revisions()[0])
        with engine.begin() as conn:
            for statement in FIRST_ROWS:
                conn.execute(text(statement))
        upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT alliance_share_bp, turnover_commission_bp FROM commission_schedules")).one()
        assert tuple(row) == (200, 200)
    finally:
        engine.dispose()


def test_voucher_issues_get_their_entry_from_the_op_they_came_in(db_url: str) -> None:
    """0011_voucher_entries: issues received before it name their group and entry from the op."""
    engine = create_engine(db_url)
    try:
        upgrade(engine, revisions()[0])
        with engine.begin() as conn:
            for statement in FIRST_ROWS:
                conn.execute(text(statement))
        upgrade(engine, "0010_phone")
        payload = '{"voucher_id": "V2", "group_id": "G7", "entry_id": "E3", "expires_at": "2030-02-01T00:00:00+00:00"}'
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO received_ops (terminal_id, seq, op_id, kind, payload, status, reason, "
                              f"conflict, received_at) VALUES ('T1', 2, 'o2', 'voucher.issued', :p, 'applied', '', "
                              f"false, {AT})"), {"p": payload})
            conn.execute(text("INSERT INTO voucher_issues (store_id, voucher_id, terminal_id, op_id, received_at) "
                              f"VALUES ('S1', 'V2', 'T1', 'o2', {AT})"))
        upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT group_id, entry_id FROM voucher_issues WHERE voucher_id = 'V2'")).one()
        assert tuple(row) == ("G7", "E3")
    finally:
        engine.dispose()
