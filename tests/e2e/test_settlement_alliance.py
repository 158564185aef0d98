"""Two merchants of the alliance on the real platform (127.0.0.1), real counters and real
sales: a member locked to A spends coins at B. A's statement shows the alliance share, B's the
coin reimbursement and the commission; B's counter reconciles every line to the fen; a refund
reverses exactly what its sale implied; the platform's books balance."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from central.models import Store
from central.services import alliance, coin_ledger, members, statements
from central.services.schedules import Rates, add_schedule
from desktop.core import statement as st
from desktop.core.checkout import Tender
from desktop.store.sync_models import Member as LocalMember
from desktop.sync import settlement_report as sr
from desktop.sync.checkout_coins import CoinDesk
from desktop.sync.client import PlatformClient
from tests.support.till import CASHIER, MANAGER, Till, open_till
from tests.sync.support import Terminal, make_terminal

SEED = Rates(2000, 500, 100, 1000, 10, 300)  # 扣点 20%, coin cap 10%, coin 0.10 CNY; 3% / 1% / 5%


@pytest.fixture
def till(tmp_path: Path, clock) -> Iterator[Till]:
    yield from open_till(tmp_path, clock)


@pytest.fixture
def counter_b(tmp_path: Path, till: Till, clock) -> Iterator[Terminal]:
    platform = till.server.app.state.platform
    with platform.tx() as session:
        merchant_b = session.scalar(select(Store.merchant_id).where(Store.id == till.seed.other_store_id))
        assert merchant_b is not None
        add_schedule(session, merchant_b, platform.clock() - timedelta(days=30), SEED, platform.clock())
    made = make_terminal(tmp_path / "b", till.seed, clock, "Tea counter", store_id=till.seed.other_store_id)
    made.worker(till.server.url).sync_once()
    yield made
    made.close()


def test_a_member_of_a_pays_with_coins_at_b_and_every_side_agrees(till: Till, counter_b: Terminal) -> None:
    platform = till.server.app.state.platform
    b = counter_b.services
    desk = CoinDesk(b, lambda: PlatformClient(till.server.url, counter_b.token, timeout=5))
    identified = desk.identify(till.fresh_code())
    assert identified.online and identified.member.home_merchant_id == till.seed.merchant_id
    order = replace(till.order(), member=identified.member)
    order = replace(order, coins=b.checkout.totals(order).max_coins)
    totals = b.checkout.totals(order)
    done = desk.complete_sale(CASHIER, order, [Tender("cash", totals.payable_fen)])
    assert done.coins == totals.max_coins > 0
    refund = b.sales.refund(MANAGER, done.sale_id, "one dish was cold", {1: 1})
    assert refund.total_fen > 0
    counter_b.worker(till.server.url).sync_once()

    now = platform.clock()
    start, end = st.period_bounds("month", st.local_day(now))
    with platform.tx() as session:
        merchant_b = counter_b.services.sync.pairing().merchant_id  # type: ignore[union-attr]
        a = statements.statement(session, till.seed.merchant_id, start, end)
        bs = statements.statement(session, merchant_b, start, end)
        coins_held = coin_ledger.available(session, coin_ledger.merchant_account(merchant_b))
    kinds_b = {k for k, t in bs["totals"].items() if t["count"]}
    assert {st.COIN_REIMBURSEMENT, st.TURNOVER_COMMISSION, st.ALLIANCE_SHARE_PAID} <= kinds_b
    assert a["totals"][st.ALLIANCE_SHARE_EARNED]["fen"] == bs["totals"][st.ALLIANCE_SHARE_PAID]["fen"] > 0
    assert bs["differences"] == 0 and bs["line_count"] == 6  # a sale and its partial refund, three kinds each
    for answer in (a, bs):  # totals are sums of lines; closing = opening + net
        for kind, total in answer["totals"].items():
            assert total["fen"] == sum(line["fen"] for line in answer["lines"] if line["kind"] == kind)
        assert answer["closing_fen"] == answer["opening_fen"] + answer["net_fen"]
    # The books: what the merchants are owed net plus what the platform keeps is the face value
    # of the coins that moved (net of the refund) from the member to the selling merchant.
    t = bs["totals"]
    revenue = (coins_held * SEED.coin_value_fen - t[st.COIN_REIMBURSEMENT]["fen"]) + (
        t[st.TURNOVER_COMMISSION]["fen"] - t[st.ALLIANCE_SHARE_PAID]["fen"])
    assert a["net_fen"] + bs["net_fen"] + revenue == coins_held * SEED.coin_value_fen

    # B's counter reconciles on amounts: every line matched, none missing.
    report = counter_b.runtime.settlement(MANAGER, start, end)
    assert {r.status for r in report.rows} == {sr.MATCHED} and len(report.rows) == 6
    here = report.totals()
    assert all(here[k][0] == here[k][1] == bs["totals"][k]["fen"] for k in here)
    # The refund reversed the sale's share of each amount: sums over the sale and refund.
    by_source = {(r.source, r.kind): r.platform_fen for r in report.rows}
    assert all(by_source[("refund", k)] < 0 < by_source[("sale", k)] for k in here)


def test_a_partial_then_final_refund_reverses_exactly_what_the_sale_implied(till: Till) -> None:
    identified = till.desk().identify(till.fresh_code())
    order = replace(till.order(), member=identified.member)
    order = replace(order, coins=till.services.checkout.totals(order).max_coins)
    done = till.desk().complete_sale(CASHIER, order, [Tender("cash", till.services.checkout.totals(order).payable_fen)])
    till.services.sales.refund(MANAGER, done.sale_id, "cold", {1: 1})
    till.services.sales.refund(MANAGER, done.sale_id, "the rest")
    till.sync()
    now = till.server.app.state.platform.clock()
    start, end = st.period_bounds("day", st.local_day(now))
    report = till.terminal.runtime.settlement(MANAGER, start, end)
    assert {r.status for r in report.rows} == {sr.MATCHED}
    assert all(sum(r.platform_fen or 0 for r in report.rows if r.kind == k) == 0 for k in report.totals())


def test_a_moved_lock_reaches_the_terminals_of_both_merchants(till: Till, counter_b: Terminal) -> None:
    """A's counter held two members locked to A. The admin moves both to B: B's counter gets
    them with the new lock; A's counter drops the one it has no other reason to hold and keeps
    the one counted at its store, with the new lock (a member sale there then owes B the share)."""
    platform = till.server.app.state.platform
    kept, dropped = till.seed.members[1], till.seed.members[2]
    with platform.tx() as session:
        members.record_contact(session, kept, till.seed.store_id, "coin_spend", platform.clock())
    till.sync()
    assert {m.member_id: m.home_merchant_id for m in _local_members(till.terminal)}[dropped] == till.seed.merchant_id
    with platform.tx() as session:
        merchant_b = session.scalar(select(Store.merchant_id).where(Store.id == till.seed.other_store_id))
        assert merchant_b is not None
        for member_id in (kept, dropped):
            alliance.move_lock(session, member_id, merchant_b, "moved to the tea shop", platform.clock())
    till.sync()
    counter_b.worker(till.server.url).sync_once()
    at_a = {m.member_id: m.home_merchant_id for m in _local_members(till.terminal)}
    at_b = {m.member_id: m.home_merchant_id for m in _local_members(counter_b)}
    assert dropped not in at_a and at_a[kept] == merchant_b
    assert at_b[kept] == merchant_b and at_b[dropped] == merchant_b
    assert at_a[till.member] == till.seed.merchant_id  # the others stay as they were


def _local_members(terminal: Terminal) -> list[LocalMember]:
    with terminal.services.db.read() as s:
        return list(s.scalars(select(LocalMember)))
