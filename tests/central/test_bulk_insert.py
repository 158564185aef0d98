"""central.db.bulk_insert: COPY on PostgreSQL, one executemany on SQLite, the same rows either way:
column defaults for what a row leaves out, times through the columns' own UTC handling, and the
database's refusal raised as the SQLAlchemy error an insert raises, with nothing written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DataError, IntegrityError, StatementError

from central.db import bulk_insert, make_engine, session_factory, transaction
from central.migrate import upgrade
from central.models import ReceivedOp, SeenOpId, SettlementLine, Terminal
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


NASTY = ["tab\there", "nl\nthere", "cr\rthere", "back\\slash", "\\N", "\\.", "end\\", "quote'\"",
         "中文，顿号、", "emoji 😀", "", " ", "a\x0bb\x0cc\x08d"]


def _terminal(sessions) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """A merchant and a terminal "T1" of its store."""
    with transaction(sessions) as session:
        merchant = admin.create_merchant(session, "Bulk")
        store = admin.create_store(session, merchant, "Bulk 1")
        session.add(Terminal(id="T1", store_id=store, name="Counter", public_key="k", token_hash="h",
                             created_at=datetime(2030, 3, 1, tzinfo=UTC), change_seq=1))
    return merchant, "T1"


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
        _merchant, terminal = _terminal(sessions)
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


def test_text_and_nulls_come_back_as_an_insert_writes_them(db_url: str) -> None:
    """COPY's text format has its own escapes (\\t, \\n, \\\\, \\N for NULL, \\. for the end):
    every value comes back exactly as the table's own insert writes it, NULL stays NULL and ''
    stays ''."""
    engine, sessions = _sessions(db_url)
    try:
        merchant, terminal = _terminal(sessions)
        at = datetime(2030, 3, 1, tzinfo=UTC)

        def records(base: int) -> list[dict[str, object]]:
            return [{"terminal_id": terminal, "seq": base + n, "op_id": f"op-{base + n}", "kind": "k",
                     "payload": text, "status": "applied", "reason": text, "conflict": n % 2 == 1,
                     "received_at": at} for n, text in enumerate(NASTY)]

        def lines(tag: str) -> list[dict[str, object]]:
            return [_line(merchant, n, at, store_id=value, note=tag + text, ref=tag)
                    for n, (value, text) in enumerate([(None, "x"), ("", "y"), ("\\N", "z")])]

        with transaction(sessions) as session:
            bulk_insert(session, ReceivedOp, records(1000))
            session.execute(insert(ReceivedOp.__table__), records(2000))
            bulk_insert(session, SettlementLine, lines("bulk"))
            session.execute(insert(SettlementLine.__table__), lines("ins"))
        with transaction(sessions) as session:
            got = {r.seq: (r.payload, r.reason, r.conflict, r.received_at) for r in session.scalars(select(ReceivedOp))}
            stored = session.execute(select(SettlementLine.ref, SettlementLine.store_id, SettlementLine.note)
                                     .order_by(SettlementLine.id)).all()
        assert [got[1000 + n] for n in range(len(NASTY))] == [got[2000 + n] for n in range(len(NASTY))]
        assert [got[1000 + n][0] for n in range(len(NASTY))] == NASTY
        by = {ref: [(s, n) for r, s, n in stored if r == ref] for ref in ("bulk", "ins")}
        assert by["bulk"] == [(None, "bulkx"), ("", "bulky"), ("\\N", "bulkz")]
        assert [s for s, _ in by["bulk"]] == [s for s, _ in by["ins"]]
    finally:
        engine.dispose()


def test_a_naive_time_is_refused_before_anything_is_written(db_url: str) -> None:
    """The columns' own bind processing runs (UtcDateTime refuses a naive time): without it
    COPY would file the time in the database session's time zone. Kills the mutant that skips
    the processors (an aware time keeps its instant either way)."""
    engine, sessions = _sessions(db_url)
    try:
        merchant, _terminal_id = _terminal(sessions)
        at = datetime(2030, 3, 1, tzinfo=UTC)
        with pytest.raises(StatementError, match="naive datetime"), transaction(sessions) as session:
            bulk_insert(session, SettlementLine, [_line(merchant, 1, at), _line(merchant, 2, datetime(2030, 3, 1, 12))])
        with transaction(sessions) as session:
            assert session.scalar(select(func.count()).select_from(SettlementLine)) == 0
    finally:
        engine.dispose()


def test_postgresql_writes_the_rows_with_copy_and_no_insert(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without this the COPY path could silently stop being taken (a changed dialect check):
    every other test passes on the executemany."""
    from sqlalchemy import event

    engine, sessions = _sessions(db_url)
    try:
        merchant, _terminal_id = _terminal(sessions)
        at = datetime(2030, 3, 1, tzinfo=UTC)
        inserts: list[str] = []
        copies: list[str] = []

        def note(_c, _cur, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith("INSERT INTO SETTLEMENT_LINES"):
                inserts.append(statement)

        if engine.dialect.name == "postgresql":
            import psycopg

            copy = psycopg.Cursor.copy

            def counted_copy(self, sql, *args, **kwargs):  # type: ignore[no-untyped-def]
                copies.append(str(sql))
                return copy(self, sql, *args, **kwargs)

            monkeypatch.setattr(psycopg.Cursor, "copy", counted_copy)
        event.listen(engine, "before_cursor_execute", note)
        with transaction(sessions) as session:
            bulk_insert(session, SettlementLine, [_line(merchant, n, at) for n in range(3)])
        event.remove(engine, "before_cursor_execute", note)
        if engine.dialect.name == "postgresql":
            assert not inserts and len(copies) == 1 and copies[0].startswith("COPY settlement_lines ("), copies
        else:
            assert len(inserts) == 1
    finally:
        engine.dispose()
