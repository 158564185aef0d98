"""The drawer's arithmetic over any day (hypothesis over sequences of real service calls): a
shift opened with a float, cash sales with any tender mix and change, card and app sales,
cash in and out, group deposits by cash or card drawn into refunds (the way they were paid) and consolation
(always cash), sale
refunds. After every sequence, the expected cash read from the ledger is the float plus every
movement, and equals what a person adding up the day by hand gets; the X report's sales, sales
by tender and drawer lines agree with the same hand count."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.checkout import Tender
from desktop.core.drawer import DENOMINATIONS, drawer_delta
from desktop.core.staff import Permission
from desktop.services.checkout_order import Order
from desktop.services.deal_ledger import to_transfer
from desktop.services.registry import Services
from desktop.store.shift_queries import drawer_rows
from tests.support.deal_flow import EXAMPLE_D, PHONES, cashier, launched_deal, manager
from tests.support.stores import FakeClock, open_services


def _pieces(fen: int) -> dict[int, int]:
    pieces = {}
    for value in DENOMINATIONS:
        pieces[value], fen = divmod(fen, value)
    return pieces


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator[tuple[Services, FakeClock, str]]:
    clock = FakeClock()
    services = open_services(Path(tmp_path_factory.mktemp("drawer")), clock)
    services.demo.seed()
    deal_id = launched_deal(services, replace(EXAMPLE_D, max_open_groups=50))
    yield services, clock, deal_id
    services.close()


sale = st.fixed_dictionaries({"step": st.just("sale"), "quantity": st.integers(1, 3), "item": st.integers(0, 3),
                              "card_part": st.integers(0, 100), "extra": st.integers(0, 5000),
                              "kind": st.sampled_from(["cash", "card", "wechat"])})
move = st.fixed_dictionaries({"step": st.sampled_from(["in", "out"]), "fen": st.integers(1, 20_000)})
group = st.fixed_dictionaries({"step": st.just("group"), "tenders": st.lists(st.sampled_from(["cash", "card"]),
                                                                                min_size=5, max_size=5)})
refund = st.fixed_dictionaries({"step": st.just("refund"), "which": st.integers(0, 20)})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(float_fen=st.integers(0, 100_000).map(lambda f: f - f % 10),
       steps=st.lists(st.one_of(sale, move, group, refund), max_size=10))
def test_expected_cash_is_the_float_plus_every_movement(store, float_fen, steps) -> None:
    services, clock, deal_id = store
    staff, boss = cashier(services), manager(services)
    refunder = replace(staff, approved_by=boss.name, approver_role=boss.role, approved_permission=Permission.REFUND)
    if services.shifts.current() is not None:
        left = services.shifts.x_report()["expected_fen"]  # below 0 after a refund paid past a cash out
        services.shifts.close(boss, _pieces(max(0, left)), "next example")
    shift_id = services.shifts.open(staff, _pieces(float_fen))
    checkout, items = services.checkout, services.checkout.items()
    cash = float_fen  # what a person counting the day by hand says is in the drawer
    lines: Counter[str] = Counter()
    sales_fen, by_tender, cash_sales = 0, Counter[str](), []
    for step in steps:
        kind = step["step"]
        if kind == "sale":
            item = items[step["item"]]
            bill = step["quantity"] * item.price_fen
            order = Order((checkout.line_for_item(item.id, step["quantity"]),))
            other = step["card_part"] * bill // 100 if step["kind"] == "cash" else bill
            tenders = [Tender("card" if step["kind"] == "cash" else step["kind"], other)] if other else []
            if other < bill:
                tenders.append(Tender("cash", bill - other + step["extra"]))
            done = checkout.complete(staff, order, tenders)
            assert done.change_fen == (step["extra"] if other < bill else 0)
            taken = bill - other + done.change_fen if other < bill else 0
            cash += taken - done.change_fen
            lines["sale"] += taken
            lines["change"] -= done.change_fen
            sales_fen += bill
            by_tender[tenders[0].kind] += other
            if other < bill:
                by_tender["cash"] += bill - other
            if not other:
                cash_sales.append((done.sale_id, bill))
        elif kind in ("in", "out"):
            fen = step["fen"] if kind == "in" else min(step["fen"], cash)
            if fen <= 0:
                continue
            services.shifts.cash_move(boss, kind, fen, "safe")
            cash += fen if kind == "in" else -fen
            lines[f"cash_{kind}"] += fen if kind == "in" else -fen
        elif kind == "group":
            tenders = step["tenders"]
            group_id = services.groups.open_group(staff, deal_id, PHONES[0], tenders[0])
            for phone, tender in zip(PHONES[1:5], tenders[1:], strict=True):
                services.groups.enrol(staff, group_id, phone, tender)
            deposits = EXAMPLE_D.group_price_fen * tenders.count("cash")
            cash += deposits
            lines["deposit"] += deposits
            clock.advance(minutes=10)
            outcome = services.draws.draw_and_settle(staff, group_id)
            view = services.group_views.view(group_id)
            for entry in view.entries:
                if entry.id in outcome.winners:
                    continue
                cash -= EXAMPLE_D.consolation_cash_fen  # consolation cash is always cash
                lines["consolation"] -= EXAMPLE_D.consolation_cash_fen
                if entry.tender == "cash":  # the deposit goes back the way it came
                    cash -= entry.deposit_fen
                    lines["deposit_refund"] -= entry.deposit_fen
        elif kind == "refund" and cash_sales:
            sale_id, bill = cash_sales.pop(step["which"] % len(cash_sales))
            done = services.sales.refund(refunder, sale_id, "returned")
            assert done.total_fen == bill and done.tenders == (("cash", bill),)
            cash -= bill
            lines["sale_refund"] -= bill

    x = services.shifts.x_report()
    with services.db.read() as s:
        movements = [drawer_delta(to_transfer(row)) for row in drawer_rows(s, shift_id)]
    assert x["expected_fen"] == float_fen + sum(movements) == cash
    assert {line["line"]: line["fen"] for line in x["drawer"] if line["fen"]} == {
        key: fen for key, fen in lines.items() if fen}
    assert x["sales"]["fen"] == sales_fen == sum(x["sales_by_tender"].values())
    assert {k: v for k, v in x["sales_by_tender"].items() if v} == {k: v for k, v in by_tender.items() if v}
    assert x["float_fen"] == float_fen
