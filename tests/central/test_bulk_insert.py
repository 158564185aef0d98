"""central.db.bulk_insert: COPY on PostgreSQL, one executemany on SQLite, the same rows either way:
column defaults for what a row leaves out, times through the columns' own UTC handling, and the
database's refusal raised as the SQLAlchemy error an insert raises, with nothing written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError

from central.db import bulk_insert, make_engine, session_factory, transaction
from central.migrate import upgrade
from central.models import SeenOpId, SettlementLine
from central.services import admin
from central.services.changes import ensure_state

CST = timezone(timedelta(hours=8))


def _sessions(db_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(db_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        ensure_state(session, None)
    return engine, sessions


def _line(merchant: str, n: int, at: datetime, **more: object) -> dict[str, object]:
    return {"merchant_id": merchant, "source": "sale", "kind": "turnover_commission", "amount_fen": 100 + n,
            "occurred_at": at, "booked_at": at, **more}


def test_rows_left_short_get_their_defaults_and_times_keep_their_instant(db_url: str) -> None:
    engine, sessions = _sessions(db_url)
    try:
        with transaction(sessions) as session:
            merchant = admin.create_merchant(session, "Bulk")
        at = datetime(2030, 3, 1, 20, 0, 0, 123456, tzinfo=CST)  # 12:00:00.123456 UTC
        with transaction(sessions) as session:
            bulk_insert(session, SettlementLine, [_line(merchant, 1, at, note=""), _line(merchant, 2, at, note="late")])
            with pytest.raises(ValueError, match="different columns"):  # a bug: the insert would drop `differs`
                bulk_insert(session, SettlementLine, [_line(merchant, 3, at), _line(merchant, 4, at, differs=True)])
        with transaction(sessions) as session:
            rows = session.execute(select(SettlementLine.amount_fen, SettlementLine.ref, SettlementLine.differs,
                                          SettlementLine.note, SettlementLine.counterparty, SettlementLine.booked_at)
                                   .order_by(SettlementLine.id)).all()
        assert [tuple(r[:5]) for r in rows] == [(101, "", False, "", ""), (102, "", False, "late", "")]
        assert {r[5] for r in rows} == {datetime(2030, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)}
        assert all(r[5].utcoffset() == timedelta(0) for r in rows)
    finally:
        engine.dispose()


def test_a_refused_row_raises_what_an_insert_raises_and_writes_nothing(db_url: str) -> None:
    engine, sessions = _sessions(db_url)
    try:
        with transaction(sessions) as session:
            merchant = admin.create_merchant(session, "Bulk")
            terminal = "T1"
            store = admin.create_store(session, merchant, "Bulk 1")
        from central.models import Terminal

        with transaction(sessions) as session:
            session.add(Terminal(id=terminal, store_id=store, name="Counter", public_key="k", token_hash="h",
                                 created_at=datetime(2030, 3, 1, tzinfo=UTC), change_seq=1))
        with pytest.raises(IntegrityError), transaction(sessions) as session:
            bulk_insert(session, SeenOpId, [{"op_id": "a", "terminal_id": terminal},
                                            {"op_id": "a", "terminal_id": terminal}])
        with pytest.raises(IntegrityError), transaction(sessions) as session:  # no such terminal
            bulk_insert(session, SeenOpId, [{"op_id": "b", "terminal_id": "nobody"}])
        if engine.dialect.name == "postgresql":  # SQLite keeps any length of text
            with pytest.raises(DataError), transaction(sessions) as session:
                bulk_insert(session, SeenOpId, [{"op_id": "c" * 65, "terminal_id": terminal}])
        with transaction(sessions) as session:
            assert session.scalars(select(SeenOpId.op_id)).all() == []
            bulk_insert(session, SeenOpId, [{"op_id": "d", "terminal_id": terminal}])
        with transaction(sessions) as session:
            assert session.scalars(select(SeenOpId.op_id)).all() == ["d"]
    finally:
        engine.dispose()
