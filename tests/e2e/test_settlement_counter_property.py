"""Property, with the real counter and the real platform: for random bills (with or without the
member, with some or all the coins the cap allows), refunded by line or whole in random order,
under a schedule the platform changes between examples, the counter's reconciliation matches
every line of the platform's statement to the fen and under the same version, the per-kind sums
agree with the statement's totals, and a sale refunded whole nets to zero on every kind."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from central.services.schedules import Rates, add_schedule
from desktop.core import statement as st
from desktop.core.checkout import Tender
from desktop.services.checkout_order import Order
from desktop.sync import settlement_report as sr
from tests.support.till import CASHIER, MANAGER, Till, open_till

bills = hs.lists(hs.tuples(hs.booleans(), hs.integers(0, 100), hs.lists(hs.integers(1, 3), min_size=1, max_size=3),
                           hs.sampled_from(["keep", "line", "whole"])), min_size=1, max_size=4)
schedule = hs.tuples(hs.integers(0, 5000), hs.integers(0, 300), hs.integers(0, 300), hs.sampled_from([1, 10]))


@pytest.fixture(scope="module")
def till(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Till]:
    from tests.support.stores import FakeClock

    yield from open_till(Path(tmp_path_factory.mktemp("till")), FakeClock(), coins=10**6)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=bills, rates=schedule)
def test_the_counters_lines_are_the_statements(till: Till, script: list[tuple[bool, int, list[int], str]],
                                                rates: tuple[int, int, int, int]) -> None:
    platform = till.server.app.state.platform
    till.step(2 * 86400)  # a day of its own for each example
    settle_bp, share, extra, coin_value = rates
    with platform.tx() as session:
        add_schedule(session, till.seed.merchant_id, platform.clock(),
                     Rates(settle_bp, 500, share, 1000, coin_value, share + extra), platform.clock())
    till.step(60)
    till.sync()  # the new version reaches the counter
    items = till.services.checkout.items()
    sales: list[tuple[str, str]] = []
    for with_member, coin_pct, quantities, refund in script:
        lines = tuple(till.services.checkout.line_for_item(items[n % len(items)].id, q) for n, q in enumerate(quantities))
        order = Order(lines)
        if with_member:
            order = replace(order, member=till.desk().identify(till.fresh_code()).member)
            order = replace(order, coins=till.services.checkout.totals(order).max_coins * coin_pct // 100)
        payable = till.services.checkout.totals(order).payable_fen
        done = till.desk().complete_sale(CASHIER, order, [Tender("cash", payable)] if payable else [])
        sales.append((done.sale_id, refund))
    refunds: dict[str, str] = {}  # refund id -> sale id
    for sale_id, refund in reversed(sales):
        if refund == "line":
            line_no, left = next(iter(till.services.sales.refundable(sale_id).items()))
            refunds[till.services.sales.refund(MANAGER, sale_id, "one line", {line_no: left}).refund_id] = sale_id
        if refund == "whole":
            refunds[till.services.sales.refund(MANAGER, sale_id, "all of it").refund_id] = sale_id
    till.sync()
    now = platform.clock()
    report = till.terminal.runtime.settlement(MANAGER, now - timedelta(days=1), now + timedelta(minutes=5))
    mine = [r for r in report.rows if r.status != sr.MERCHANT and r.at >= now - timedelta(hours=1)]
    assert {r.status for r in mine} <= {sr.MATCHED}
    for row in mine:
        assert row.here_fen == row.platform_fen == row.received_fen
    statement = report.statement
    for kind in st.KINDS:
        assert statement["totals"][kind]["fen"] == sum(r.platform_fen or 0 for r in report.rows if r.kind == kind)
    for sale_id, _ in sales:
        if not till.services.sales.refundable(sale_id):  # refunded whole: every kind nets to zero
            of_sale = [r for r in mine if r.ref == sale_id or refunds.get(r.ref) == sale_id]
            for kind in {r.kind for r in of_sale}:
                assert sum(r.platform_fen or 0 for r in of_sale if r.kind == kind) == 0
