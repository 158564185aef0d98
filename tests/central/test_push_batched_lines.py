"""A push writes its reconciliation lines in one insert per batch: every applied op has its
line with the schedule in force, a rejected op none, and when the database itself refuses one
line the batch is applied again op by op, so only that op is rejected (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from central.models import PlatformLine
from central.services.schedules import Rates, add_schedule
from tests.central.helpers import MovableClock, Seed, paired, sale
from tests.central.test_hygiene import _refusing_trigger


def _lines(seed: Seed, terminal: str) -> dict[str, tuple[int, int | None]]:
    with seed.server.app.state.platform.tx() as session:
        rows = session.execute(select(PlatformLine.op_id, PlatformLine.amount_fen, PlatformLine.schedule_version)
                               .where(PlatformLine.terminal_id == terminal)).all()
    return {op_id: (fen, version) for op_id, fen, version in rows}


def test_a_batch_writes_one_line_per_applied_op_with_the_schedule_in_force(seed: Seed, clock: MovableClock) -> None:
    platform = seed.server.app.state.platform
    with platform.tx() as session:  # version 2 in force from an hour ago: sales after it use it
        add_schedule(session, seed.merchant_id, clock() - timedelta(hours=1), Rates(1500, 500, 200, 1000, 1), clock())
    client, terminal = paired(seed)
    early = (clock() - timedelta(days=2)).isoformat()
    ops = [sale(seq, total_fen=100 + seq) for seq in range(1, 201)]
    ops[10] = sale(11, total_fen=111, at=early)  # filed under the schedule in force then: version 1
    ops[20] = sale(21, total_fen="not fen")  # rejected: no line
    answer = client.push(terminal, ops)
    assert answer["last_seq"] == 200
    statuses = {r["seq"]: r["status"] for r in answer["results"]}
    assert statuses[21] == "rejected" and sum(s == "applied" for s in statuses.values()) == 199
    lines = _lines(seed, terminal)
    applied = {op_id: seq for seq, op_id, _k, _p in ops if statuses[seq] == "applied"}
    assert set(lines) == set(applied)
    assert lines[ops[10][1]] == (111, 1)
    assert all(lines[op_id] == (100 + seq, 2) for op_id, seq in applied.items() if seq != 11)


def test_a_line_the_database_refuses_rejects_only_its_op(seed: Seed, db_url: str) -> None:
    _refusing_trigger(db_url)  # refuses a line of 12.34 CNY
    client, terminal = paired(seed)
    ops = [sale(1), sale(2, total_fen=1234), sale(3)]
    answer = client.push(terminal, ops)
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected", "applied"]
    assert set(_lines(seed, terminal)) == {ops[0][1], ops[2][1]}
