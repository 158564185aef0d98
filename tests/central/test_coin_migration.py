"""Platform migration 0004_coins: an authorization issued before it gets its issue time back
from its reservation (so a capture can never pre-date it), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, text

from central.migrate import upgrade

ISSUED = datetime(2030, 3, 1, 11, 0, tzinfo=UTC)
EXPIRES = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)


def test_issued_at_comes_from_the_reservation(db_url: str) -> None:
    engine = create_engine(db_url)
    upgrade(engine, "0003_keys")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO merchants (id, name, change_seq) VALUES ('M1', 'm', 1)"))
        conn.execute(text("INSERT INTO stores (id, merchant_id, name, change_seq) VALUES ('S1', 'M1', 's', 1)"))
        conn.execute(text("INSERT INTO members (id, phone, name, change_seq, code_secret) "
                          "VALUES ('U1', '13800000001', 'u', 1, :secret)"), {"secret": b"k" * 32})
        conn.execute(text("INSERT INTO coin_transfers (id, debit, credit, amount, kind, ref, created_at) "
                          "VALUES ('p1', 'member:U1', 'merchant:M1', 5, 'pending', 'auth:t', :at)"), {"at": ISSUED})
        conn.execute(text(
            "INSERT INTO coin_authorizations (token_id, member_id, store_id, merchant_id, max_coins, expires_at, "
            "pending_transfer_id, state, captured_coins, capture_ref, change_seq) VALUES "
            "('t1', 'U1', 'S1', 'M1', 5, :expires, 'p1', 'reserved', 0, '', 1)"), {"expires": EXPIRES})
    upgrade(engine)
    with engine.connect() as conn:
        issued = conn.execute(text("SELECT issued_at FROM coin_authorizations")).scalar_one()
    engine.dispose()
    issued = datetime.fromisoformat(issued) if isinstance(issued, str) else issued
    assert (issued if issued.tzinfo else issued.replace(tzinfo=UTC)) == ISSUED
