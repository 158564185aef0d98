"""Migration 0003_keys on a platform database with data (SQLite and PostgreSQL): every terminal's
key enters the key history, voucher.issued ops become voucher issues, redemptions survive."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text

from central.db import make_engine
from central.migrate import upgrade
from desktop.core.vouchers import key_id, public_key_bytes

T0 = datetime(2030, 1, 1, tzinfo=UTC)


def test_0003_keys_fills_key_history_and_issues_and_keeps_redemptions(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    raw = public_key_bytes(Ed25519PrivateKey.generate())
    key = base64.b64encode(raw).decode()
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO merchants (id, name, change_seq) VALUES ('M1', 'm', 1)"))
        conn.execute(text("INSERT INTO stores (id, merchant_id, name, change_seq) VALUES ('S1', 'M1', 's', 1)"))
        for tid, revoked in (("T1", None), ("T2", T0)):
            conn.execute(text(
                "INSERT INTO terminals (id, store_id, name, public_key, token_hash, revoked_at, last_seq, "
                "audit_length, audit_hash, created_at, change_seq) VALUES (:id, 'S1', 'c', :key, :token, "
                ":revoked, 2, 0, '', :t0, 3)"), {"id": tid, "key": key, "token": tid * 8, "revoked": revoked,
                                                 "t0": T0})
        conn.execute(text(
            "INSERT INTO received_ops (terminal_id, seq, op_id, kind, payload, status, reason, conflict, "
            "received_at) VALUES ('T1', 1, 'op1', 'voucher.issued', :p, 'applied', '', false, :t0), "
            "('T1', 2, 'op2', 'voucher.issued', 'not json', 'applied', '', false, :t0)"),
            {"p": json.dumps({"voucher_id": "v1"}), "t0": T0})
        conn.execute(text("INSERT INTO voucher_redemptions (voucher_id, store_id, terminal_id, op_id, redeemed_at) "
                          "VALUES ('v1', 'S1', 'T1', 'op9', '2030')"))
    upgrade(engine)
    with engine.connect() as conn:
        keys = conn.execute(text("SELECT terminal_id, key_id, public_key, revoked_at FROM terminal_keys "
                                 "ORDER BY terminal_id")).all()
        issues = conn.execute(text("SELECT store_id, voucher_id, terminal_id FROM voucher_issues")).all()
        redemptions = conn.execute(text("SELECT store_id, voucher_id, op_id FROM voucher_redemptions")).all()
    engine.dispose()
    assert [(k[0], k[1], k[2], k[3] is not None) for k in keys] == [
        ("T1", key_id(raw), key, False), ("T2", key_id(raw), key, True)]
    assert [tuple(i) for i in issues] == [("S1", "v1", "T1")]
    assert [tuple(r) for r in redemptions] == [("S1", "v1", "op9")]
