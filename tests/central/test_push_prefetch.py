"""A push looks up what its batch's sales name in one query and writes their rows in one insert
per table when the batch ends (central.db.prefetch, defer_insert): the ops of one batch still
see each other. A sale and its refund in one batch, the same sale id twice in
one batch, a sale refused then pushed again honestly in the same batch, a settlement line the
database refuses, two terminals of one store pushing the same sale id at once, one capture for
two sales of one batch, a Z report after its sales in one batch (SQLite and PostgreSQL): each
sale is kept and booked exactly once, and the checks that read earlier sales see them."""

from __future__ import annotations

import logging
import threading
import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from central.models import PlatformLine, SettlementLine, SettlementSale, StoreSale
from desktop.core import commission
from desktop.sync.client import PlatformClient
from tests.central.helpers import MovableClock, Seed, op, paired
from tests.central.settlement_helpers import (
    SEED_RATES,
    Alliance,
    core,
    refund_op,
    sale_op,
    two_merchants,
)
from tests.central.test_sale_trust import _capture, _sale
from tests.central.test_shift_ops import push as push_ops
from tests.central.test_shift_ops import z
from tests.central.voucher_helpers import keyed_terminal

SLOW_PATH = "applying it op by op"  # central.services.push: the bulk insert was refused
# Only these are meant to reach the database's refusal and the batch's replay op by op; every
# other test here is held to the batch's own checks (a duplicate the replay would still refuse
# must not pass here only because the primary key caught it at the end).
SLOW_PATH_EXPECTED = {"test_a_settlement_line_the_database_refuses_rejects_only_its_op",
                      "test_two_terminals_of_one_store_pushing_the_same_sale_at_once_keep_it_once"}


@pytest.fixture(autouse=True)
def _no_replay_unless_meant(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> Any:
    caplog.set_level(logging.INFO, logger="central.services.push")
    yield
    if request.node.originalname not in SLOW_PATH_EXPECTED:
        assert not [r for r in caplog.get_records("call") if SLOW_PATH in r.getMessage()], "the batch fell back to op by op"


def _counts(alliance: Alliance, sale_id: str) -> tuple[int, int]:
    with alliance.tx() as session:
        stored = session.scalar(select(func.count()).select_from(StoreSale).where(StoreSale.sale_id == sale_id))
        booked = session.scalar(select(func.count()).select_from(SettlementSale)
                                .where(SettlementSale.sale_id == sale_id))
    return int(stored or 0), int(booked or 0)


def _lines(alliance: Alliance, ref: str) -> list[tuple[str, str, int]]:
    with alliance.tx() as session:
        rows = session.execute(select(SettlementLine.merchant_id, SettlementLine.kind, SettlementLine.amount_fen)
                               .where(SettlementLine.ref == ref).order_by(SettlementLine.id)).all()
    return [(m, k, fen) for m, k, fen in rows]


def _amounts(alliance: Alliance, total_fen: int) -> commission.SaleAmounts:
    return commission.sale_amounts(member_sale_fen=total_fen, coin_fen=0, has_member=True,
                                   home_merchant_id=alliance.a, selling_merchant_id=alliance.b,
                                   rates=core(SEED_RATES, 1))


def test_a_sale_and_its_refund_in_one_batch_are_both_applied_and_booked(server: Any) -> None:
    alliance = two_merchants(server)
    client, terminal = alliance.terminal(alliance.store_b)
    at = alliance.clock() - timedelta(minutes=5)
    sale = sale_op(1, 10_000, at, member_id=alliance.member, amounts=_amounts(alliance, 10_000), sale_id="s-1")
    refund = refund_op(2, "s-1", 4_000, at + timedelta(minutes=1))
    void_after = refund_op(3, "s-1", 10_000, at + timedelta(minutes=2), kind="sale.voided")
    answer = client.push(terminal, [sale, refund, void_after])
    statuses = [r["status"] for r in answer["results"]]
    assert statuses == ["applied", "applied", "rejected"], answer["results"]
    assert "partly refunded" in answer["results"][2]["reason"]
    with alliance.tx() as session:
        stored = session.get(StoreSale, (alliance.store_b, "s-1"))
        booked = session.get(SettlementSale, (alliance.store_b, "s-1"))
        assert stored is not None and stored.refunded_fen == 4_000 and not stored.voided
        assert booked is not None and booked.refunded_fen == 4_000
        assert booked.reversed_commission_fen == booked.turnover_commission_fen * 4 // 10
    b, a = alliance.b, alliance.a  # 3% turnover commission and a 1% share of 100.00, then 40% of each back
    assert _lines(alliance, "s-1") == [(b, "turnover_commission", 300), (b, "alliance_share_paid", 100)]
    assert _lines(alliance, "refund-2") == [(b, "turnover_commission", -120), (b, "alliance_share_paid", -40)]
    assert _lines(alliance, "") == [(a, "alliance_share_earned", 100), (a, "alliance_share_earned", -40)]


def test_the_same_sale_twice_in_one_batch_is_refused_the_second_time(server: Any) -> None:
    alliance = two_merchants(server)
    client, terminal = alliance.terminal(alliance.store_b)
    at = alliance.clock() - timedelta(minutes=5)
    first = sale_op(1, 10_000, at, member_id=alliance.member, amounts=_amounts(alliance, 10_000), sale_id="twice")
    again = sale_op(2, 10_000, at, member_id=alliance.member, amounts=_amounts(alliance, 10_000), sale_id="twice")
    answer = client.push(terminal, [first, again])
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected"]
    assert "pushed already" in answer["results"][1]["reason"]
    assert _counts(alliance, "twice") == (1, 1)
    assert len(_lines(alliance, "twice")) == 2  # turnover commission and share paid: once
    later = client.push(terminal, [sale_op(3, 10_000, at, sale_id="twice")])  # and in a later batch
    assert later["results"][0]["status"] == "rejected" and "pushed already" in later["results"][0]["reason"]
    assert _counts(alliance, "twice") == (1, 1)


def test_a_sale_refused_then_pushed_honestly_in_the_same_batch_is_kept(server: Any) -> None:
    alliance = two_merchants(server)
    client, terminal = alliance.terminal(alliance.store_b)
    at = alliance.clock() - timedelta(minutes=5)
    wrong = sale_op(1, 10_000, at, sale_id="fixed")
    wrong[3]["base_fen"] = 9_000  # its arithmetic does not hold: refused before anything is written
    unknown = sale_op(2, 5_000, at, member_id="U-nobody", sale_id="stranger")
    honest = sale_op(3, 10_000, at, sale_id="fixed")
    refund = refund_op(4, "fixed", 10_000, at + timedelta(minutes=1))
    answer = client.push(terminal, [wrong, unknown, honest, refund])
    assert [r["status"] for r in answer["results"]] == ["rejected", "applied", "applied", "applied"]
    assert answer["results"][1]["conflict"] and "does not know" in answer["results"][1]["reason"]
    assert _counts(alliance, "fixed") == (1, 1) and _counts(alliance, "stranger") == (1, 1)
    with alliance.tx() as session:
        stored = session.get(StoreSale, (alliance.store_b, "fixed"))
        assert stored is not None and stored.refunded_fen == 10_000 and stored.op_id == honest[1]


def test_a_settlement_line_the_database_refuses_rejects_only_its_op(server: Any, db_url: str) -> None:
    alliance = two_merchants(server)
    _refuse_settlement_line(db_url, 777)
    client, terminal = alliance.terminal(alliance.store_b)
    at = alliance.clock() - timedelta(minutes=5)
    ops = [sale_op(seq, 10_000 + seq, at, member_id=alliance.member, sale_id=f"line-{seq}") for seq in (1, 2, 3)]
    refused = 25_900  # its turnover commission (3%) is 777 fen
    ops[1] = sale_op(2, refused, at, member_id=alliance.member, sale_id="line-2")
    answer = client.push(terminal, ops)
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected", "applied"]
    assert "secret" not in answer["results"][1]["reason"]
    assert _counts(alliance, "line-1") == (1, 1) and _counts(alliance, "line-2") == (0, 0)
    assert _counts(alliance, "line-3") == (1, 1)
    with alliance.tx() as session:
        lines = set(session.scalars(select(PlatformLine.op_id).where(PlatformLine.terminal_id == terminal)))
    assert lines == {ops[0][1], ops[2][1]}


def _refuse_settlement_line(db_url: str, fen: int) -> None:
    engine = create_engine(db_url)
    with engine.begin() as conn:
        if db_url.startswith("sqlite"):
            conn.execute(text(f"CREATE TRIGGER refuse_line BEFORE INSERT ON settlement_lines WHEN NEW.amount_fen "
                              f"= {fen} BEGIN SELECT RAISE(ABORT, 'secret driver detail'); END"))
        else:
            conn.execute(text(f"CREATE FUNCTION refuse_line() RETURNS trigger AS $$ BEGIN IF NEW.amount_fen = {fen} "
                              "THEN RAISE EXCEPTION 'secret driver detail' USING ERRCODE = '23514'; END IF; "
                              "RETURN NEW; END $$ LANGUAGE plpgsql"))
            conn.execute(text("CREATE TRIGGER refuse_line BEFORE INSERT ON settlement_lines FOR EACH ROW "
                              "EXECUTE FUNCTION refuse_line()"))
    engine.dispose()


def test_two_terminals_of_one_store_pushing_the_same_sale_at_once_keep_it_once(server: Any) -> None:
    """Both batches look the shared sale up (absent) before either commits; the second insert
    waits for the first (PostgreSQL) or for the write lock (SQLite), and is refused by name."""
    alliance = two_merchants(server)
    terminals = [alliance.terminal(alliance.store_b, f"Counter {i}") for i in range(2)]
    at = alliance.clock() - timedelta(minutes=5)
    shared = "shared-sale"
    rounds = 4
    answers: dict[int, list[dict[str, Any]]] = {0: [], 1: []}
    errors: list[str] = []
    go = threading.Barrier(2)

    def push(index: int, client: PlatformClient, terminal: str) -> None:
        try:
            for r in range(rounds):
                ops = [sale_op(seq, 1_000 + seq, at, sale_id=f"t{index}-{r}-{seq}") for seq in range(1, 150)]
                ops.append(sale_op(150, 9_999, at, member_id=alliance.member, sale_id=f"{shared}-{r}"))
                batch = [op(r * 150 + seq, kind, payload) for seq, _id, kind, payload in ops]
                go.wait(timeout=30)
                answers[index].extend(client.push(terminal, batch)["results"])
        except Exception as exc:  # reported below
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=push, args=(i, c, t)) for i, (c, t) in enumerate(terminals)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    for r in range(rounds):
        sale_id = f"{shared}-{r}"
        outcomes = sorted(a[r * 150 + 149]["status"] for a in answers.values())
        assert outcomes == ["applied", "rejected"], (r, outcomes)
        refusal = next(a[r * 150 + 149] for a in answers.values() if a[r * 150 + 149]["status"] == "rejected")
        assert "pushed already by this store" in refusal["reason"]
        assert _counts(alliance, sale_id) == (1, 1)
        assert len(_lines(alliance, sale_id)) == 2  # its turnover commission and share paid, booked once
    assert all(r["status"] == "applied" for a in answers.values() for i, r in enumerate(a) if i % 150 != 149)
    with alliance.tx() as session:
        sales = session.scalar(select(func.count()).select_from(StoreSale).where(StoreSale.store_id == alliance.store_b))
    assert sales == rounds * (2 * 149 + 1)


def test_prefetch_ignores_ids_no_contract_allows(server: Any) -> None:
    """An id the contract refuses is never looked up (a lone surrogate or NUL would break the
    query): the op is refused by its contract and the batch goes on."""
    alliance = two_merchants(server)
    client, terminal = alliance.terminal(alliance.store_b)
    at = alliance.clock() - timedelta(minutes=5)
    bad = sale_op(1, 1_000, at, sale_id="x" * 65)
    worse = sale_op(2, 1_000, at, member_id="a\x00b", sale_id=uuid.uuid4().hex)
    good = sale_op(3, 1_000, at, sale_id="fine")
    answer = client.push(terminal, [bad, worse, good])
    assert [r["status"] for r in answer["results"]] == ["rejected", "rejected", "applied"]


def test_one_capture_paying_two_sales_of_one_batch_pays_only_the_first(seed: Seed) -> None:
    """A sale with coins reads the earlier sales of its batch (written before it runs)."""
    member = seed.members[0]
    seed.grant(member, 500)
    client, terminal = paired(seed)
    key = _capture(seed, client, member, 100)
    first, second = _sale(member, 100, coin_capture_key=key), _sale(member, 100, coin_capture_key=key)
    refund = {"refund_id": uuid.uuid4().hex, "sale_id": first["sale_id"], "reason": "cold",
              "total_fen": 1_000, "coins_returned": 40, "coin_fen_returned": 40}
    answer = client.push(terminal, [op(1, "sale.completed", first), op(2, "sale.completed", second),
                                    op(3, "sale.refunded", refund), op(4, "sale.refunded", refund)])
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected", "applied", "rejected"]
    assert "already paid sale" in answer["results"][1]["reason"]
    assert "applied already" in answer["results"][3]["reason"]
    assert seed.balance(member) == 440  # 100 paid, 40 given back once


def test_a_z_report_counts_the_sales_pushed_before_it_in_the_same_batch(seed: Seed, clock: MovableClock) -> None:
    term = keyed_terminal(seed, "Counter 1")
    clock.advance(hours=3)  # sales after the pairing
    sales = [(uuid.uuid4().hex, "sale.completed", {"sale_id": uuid.uuid4().hex, "total_fen": fen,
                                                   "at": (clock.now - timedelta(hours=n)).isoformat()})
             for n, fen in enumerate((4200, 3000), start=1)]
    kind, payload = z(1, clock, sales_count=2, sales_fen=7200)
    results = push_ops(term, *sales, (uuid.uuid4().hex, kind, payload))
    assert [(r["status"], r["conflict"]) for r in results] == [("applied", False)] * 3


def test_a_batchs_sales_are_asked_for_as_an_index_range_of_the_store(seed: Seed) -> None:
    """20,000 sales of the store on file: the prefetch of a batch's 60 sale ids (some known, some
    not) asks for `store_id = S AND sale_id IN (...)`, which SQLite answers from the primary key.
    Written as a row-value list, (store_id, sale_id) IN (...), SQLite scanned the table, and
    PostgreSQL, under the push bench's load, tested every pair on every row (150 ms a batch at
    20,000 sales: docs/sync-protocol.md, Push)."""
    from sqlalchemy import event, insert

    from central.db import prefetch

    _client, terminal = paired(seed)
    platform = seed.server.app.state.platform
    at = platform.clock()
    with platform.tx() as session:
        session.execute(insert(StoreSale), [
            {"store_id": seed.store_id, "sale_id": f"old-{n}", "terminal_id": terminal, "op_id": f"op-{n}",
             "total_fen": 100, "coins": 0, "coin_fen": 0, "refunded_fen": 0, "coins_returned": 0, "voided": False,
             "sold_at": at} for n in range(20_000)])
    engine = platform.sessions.kw["bind"]
    keys = [(seed.store_id, f"old-{n}") for n in range(0, 20_000, 667)] + [(seed.store_id, f"new-{n}") for n in range(30)]
    emitted: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if "FROM store_sales" in statement:
            emitted.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", note)
    try:
        with platform.tx() as session:
            found = prefetch(session, StoreSale, keys)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert sorted(row.sale_id for row in found) == sorted(sale for _, sale in keys if sale.startswith("old-"))
    assert len(emitted) == 1
    statement, parameters = emitted[0]
    where = " ".join(statement.split("WHERE", 1)[1].split())
    assert where.startswith("store_sales.store_id = ") and "AND store_sales.sale_id IN (" in where, where
    assert " OR " not in where and "(store_sales.store_id, store_sales.sale_id)" not in where, where
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            plan = str(conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all())
        assert "SEARCH store_sales USING" in plan and "SCAN store_sales" not in plan, plan


def test_keys_of_several_stores_are_one_range_per_store() -> None:
    """Two stores' sales in one prefetch: one `store_id = S AND sale_id IN (...)` per store."""
    from sqlalchemy import inspect as inspect_model

    from central.db import _key_in

    where = str(_key_in(inspect_model(StoreSale).primary_key, [("A", "1"), ("B", "2"), ("A", "3")])
                .compile(compile_kwargs={"literal_binds": True}))
    assert where == ("store_sales.store_id = 'A' AND store_sales.sale_id IN ('1', '3') "
                     "OR store_sales.store_id = 'B' AND store_sales.sale_id IN ('2')"), where
