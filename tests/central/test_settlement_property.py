"""Property: for random sequences of sales (with and without members and coins), partial and
final refunds, settled groups and schedule changes over time, the platform's statement holds
exactly the lines the counter computed (to the fen, under the same versions), the totals are
the sums of the lines, and a sale refunded whole nets to zero on every kind."""

from __future__ import annotations

import uuid
from collections import Counter as Multiset
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from central.server import RunningServer
from central.services import admin, members, statements
from central.services.schedules import Rates, add_schedule
from desktop.core import commission
from desktop.core import statement as st
from desktop.core.member_codes import STEP_SECONDS
from tests.central.group_flow import counter, honest_group
from tests.central.helpers import MovableClock, Seed
from tests.central.settlement_helpers import core

rates = hs.builds(lambda settle, share, extra, deal, cap, value: Rates(settle, deal, share, cap, value, share + extra),
                  hs.integers(0, 10_000), hs.integers(0, 1_000), hs.integers(0, 1_000), hs.integers(0, 2_000),
                  hs.sampled_from([500, 1000, 2000]), hs.sampled_from([1, 10]))
events = hs.lists(hs.one_of(
    hs.tuples(hs.just("sale"), hs.sampled_from(["none", "home", "other"]), hs.integers(1, 500_00),
              hs.integers(0, 100)),
    hs.tuples(hs.just("refund"), hs.integers(0, 50), hs.integers(1, 100)),
    hs.tuples(hs.just("group"), hs.integers(2, 4), hs.integers(1, 2)),
), min_size=1, max_size=10)


@dataclass
class Sale:
    sale_id: str
    paid: int
    coin_fen: int
    amounts: commission.SaleAmounts
    version: int
    coin_value: int
    refunded: int = 0
    coins_back: int = 0
    reversed: commission.SaleAmounts = commission.SaleAmounts()


def _in_force(schedules: list[tuple[datetime, Rates]], at: datetime) -> commission.Rates:
    version, chosen = max((i + 1, r) for i, (when, r) in enumerate(schedules) if when <= at)
    return core(chosen, version)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(schedule_list=hs.lists(rates, min_size=1, max_size=4), script=events)
def test_the_statement_is_the_counters_lines(server: RunningServer, clock: MovableClock,
                                             schedule_list: list[Rates], script: list[tuple[Any, ...]]) -> None:
    platform = server.app.state.platform
    start = clock.now - timedelta(days=50)
    with platform.tx() as session:
        merchant = admin.create_merchant(session, "Shop")
        store = admin.create_store(session, merchant, "Shop 1")
        other = admin.create_merchant(session, "Elsewhere")
        mine = admin.create_member(session, f"139{uuid.uuid4().int % 10**8:08d}", "Mine", merchant)
        theirs = admin.create_member(session, f"137{uuid.uuid4().int % 10**8:08d}", "Theirs", other)
        for who in (mine, theirs):
            admin.grant_coins(session, who, 10**7, "test", clock.now)
        schedules = [(start + timedelta(days=10 * i), r) for i, r in enumerate(schedule_list)]
        for when, r in schedules:
            add_schedule(session, merchant, when, r, clock.now)
    c = counter(Seed(server, merchant, store, store))
    expected: list[tuple[str, str, int, int | None]] = []  # (ref, kind, fen, version)
    sales: list[Sale] = []
    for n, event in enumerate(script):
        at = start + timedelta(days=1 + n, hours=n)
        rates_now = _in_force(schedules, at)
        if event[0] == "sale":
            _, who, base, coin_pct = event
            member = {"none": None, "home": mine, "other": theirs}[who]
            coins = 0
            if member is not None:
                cap_coins = (base * rates_now.coin_cap_bp // 10_000) // rates_now.coin_value_fen
                coins = cap_coins * coin_pct // 100
            coin_fen = coins * rates_now.coin_value_fen
            sale_id = uuid.uuid4().hex
            payload: dict[str, Any] = {"sale_id": sale_id, "total_fen": base - coin_fen, "base_fen": base,
                                       "coins": coins, "coin_fen": coin_fen, "at": at.isoformat(),
                                       "schedule_version": rates_now.version,
                                       "lines": [{"line_no": 1, "name": "套餐", "quantity": 1, "unit_price_fen": base,
                                                  "amount_fen": base}]}
            amounts = commission.sale_amounts(
                member_sale_fen=base - coin_fen, coin_fen=coin_fen, has_member=member is not None,
                home_merchant_id=other if member == theirs else merchant if member else "",
                selling_merchant_id=merchant, rates=rates_now)
            if member is not None:
                payload["member_id"] = member
            if coins:
                payload["coin_capture_key"] = _capture(server, clock, c, member, coins, sale_id)
            payload["amounts"] = {**amounts.__dict__}
            c.push_ok("sale.completed", payload)
            sales.append(Sale(sale_id, base - coin_fen, coin_fen, amounts, rates_now.version,
                              rates_now.coin_value_fen))
            expected += [(sale_id, line.kind, line.fen, rates_now.version) for line in st.sale_lines(amounts)]
        elif event[0] == "refund" and sales:
            _, index, pct = event
            sale = sales[index % len(sales)]
            left, coins_left = sale.paid - sale.refunded, sale.coin_fen - sale.coins_back
            money, coin_fen = left * pct // 100, coins_left * pct // 100
            if pct == 100 or (money == 0 and coin_fen == 0):
                money, coin_fen = left, coins_left
            value = sale.coin_value
            coin_fen -= coin_fen % value
            if money == 0 and coin_fen == 0:
                continue
            back = st.refund_share(sale.amounts, sale.reversed, paid_fen=sale.paid, coin_fen=sale.coin_fen,
                                   refunded_before_fen=sale.refunded, refunded_fen=money,
                                   coins_before_fen=sale.coins_back, coins_returned_fen=coin_fen)
            refund_id = uuid.uuid4().hex
            c.push_ok("sale.refunded", {"refund_id": refund_id, "sale_id": sale.sale_id, "reason": "r",
                                        "total_fen": money, "coins_returned": coin_fen // value,
                                        "coin_fen_returned": coin_fen, "at": at.isoformat(),
                                        "schedule_version": sale.version, "amounts": {**back.__dict__}})
            sale.refunded, sale.coins_back = sale.refunded + money, sale.coins_back + coin_fen
            sale.reversed = commission.SaleAmounts(sale.reversed.coin_reimbursement_fen - back.coin_reimbursement_fen,
                                                   sale.reversed.turnover_commission_fen - back.turnover_commission_fen,
                                                   sale.reversed.alliance_share_fen - back.alliance_share_fen)
            expected += [(refund_id, line.kind, line.fen, sale.version) for line in st.sale_lines(back)]
        elif event[0] == "group":
            _, size, k = event
            group = honest_group(c, [None] * size, [f"1360000{i:04d}" for i in range(size)],
                                 winners=min(k, size - 1), consolation_coins=0)
            assert group.draw()["status"] == "applied"
            kept = min(k, size - 1) * group.terms["group_price_fen"]
            lines = st.group_lines(kept, rates_now)
            c.push_ok("group.settled", {**group.settled(), "at": at.isoformat(), "kept_fen": kept,
                                        "deal_commission_fen": lines[0].fen if lines else 0,
                                        "schedule_version": rates_now.version})
            expected += [(group.group_id, line.kind, line.fen, rates_now.version) for line in lines]
    with platform.tx() as session:
        answer = statements.statement(session, merchant, start, clock.now + timedelta(days=1))
        elsewhere = statements.statement(session, other, start, clock.now + timedelta(days=1))
    got = [(line["ref"], line["kind"], line["fen"], line["schedule_version"]) for line in answer["lines"]]
    assert Multiset(got) == Multiset(expected)
    assert answer["differences"] == 0
    assert all(line["client_fen"] == line["fen"] for line in answer["lines"])
    for kind, total in answer["totals"].items():
        assert total["fen"] == sum(line["fen"] for line in answer["lines"] if line["kind"] == kind)
        assert total["count"] == sum(1 for line in answer["lines"] if line["kind"] == kind)
    assert answer["net_fen"] == sum(st.signed(line["kind"], line["fen"]) for line in answer["lines"])
    assert elsewhere["totals"][st.ALLIANCE_SHARE_EARNED]["fen"] == answer["totals"][st.ALLIANCE_SHARE_PAID]["fen"]
    for sale in sales:
        if sale.refunded == sale.paid and sale.coins_back == sale.coin_fen:
            assert sale.reversed == commission.SaleAmounts(sale.amounts.coin_reimbursement_fen,
                                                           sale.amounts.turnover_commission_fen,
                                                           sale.amounts.alliance_share_fen)


def _capture(server: RunningServer, clock: MovableClock, c: Any, member: str, coins: int, sale_id: str) -> str:
    clock.advance(seconds=STEP_SECONDS)
    with server.app.state.platform.tx() as session:
        code = members.current_code(session, member, clock.now)
    key = uuid.uuid4().hex
    c.client.capture_coins(member, coins, sale_id, key, member_code=code)
    return key
