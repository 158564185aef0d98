"""A cashier's day at the drawer: open with a float, cash through the group deals, cash out,
X report, count short and close with a reason into a numbered, immutable Z report."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest
from sqlalchemy import select

from desktop.core.checkout import Tender
from desktop.core.drawer import DENOMINATIONS, drawer_delta
from desktop.core.errors import InvalidTransition, PermissionDenied, ValidationError
from desktop.core.op_contracts import validate_payload
from desktop.core.staff import Permission
from desktop.services.checkout_order import Order
from desktop.services.deal_ledger import to_transfer
from desktop.services.shifts import z_digest
from desktop.store.models import OutboxOp
from desktop.store.shift_queries import drawer_rows
from tests.support.deal_flow import EXAMPLE_D, PHONES, cashier, launched_deal, manager
from tests.support.stores import open_services

FLOAT = {10000: 1, 5000: 2, 1000: 5, 100: 20, 50: 10}  # ¥275.00


def counts_for(fen: int) -> dict[int, int]:
    """The fewest notes and coins worth `fen` (a multiple of 1 jiao)."""
    pieces = {}
    for value in DENOMINATIONS:
        pieces[value], fen = divmod(fen, value)
    assert fen == 0
    return pieces


def approved(services, actor, permission=Permission.MANAGE_CASH):
    boss = manager(services)
    return replace(actor, approved_by=boss.name, approver_role=boss.role, approved_permission=permission)


def close_exactly(services, actor) -> int:
    expected = services.shifts.x_report()["expected_fen"]
    return services.shifts.close(actor, counts_for(expected)).number


def test_a_cashiers_day_from_float_to_z_report(demo_services, clock) -> None:
    staff = cashier(demo_services)
    assert close_exactly(demo_services, manager(demo_services)) == 1  # the demo's own shift
    with pytest.raises(InvalidTransition, match="Open a shift first"):
        demo_services.groups.open_group(staff, launched_deal(demo_services), PHONES[0], "cash")

    shift_id = demo_services.shifts.open(staff, FLOAT)
    with pytest.raises(InvalidTransition, match="open on this terminal already"):
        demo_services.shifts.open(staff, FLOAT)
    deal_id = launched_deal(demo_services)
    group_id = demo_services.groups.open_group(staff, deal_id, PHONES[0], "cash")  # deposit in cash
    for phone in PHONES[1:5]:
        demo_services.groups.enrol(staff, group_id, phone, "cash")
    clock.advance(minutes=10)
    demo_services.draws.draw_and_settle(staff, group_id)  # 4 losers: deposit back + ¥5 each, in cash
    checkout, sales = demo_services.checkout, demo_services.sales
    item = checkout.items()[0]
    bill = Order((checkout.line_for_item(item.id, 2),))
    price = 2 * item.price_fen
    first = checkout.complete(staff, bill, [Tender("cash", price + 1000)])  # ¥10 too much: change
    second = checkout.complete(staff, bill, [Tender("cash", price)])
    by_card = checkout.complete(staff, bill, [Tender("card", price)])
    assert first.change_fen == 1000
    sales.refund(approved(demo_services, staff, Permission.REFUND), second.sale_id, "cold food", {1: 1})
    sales.void(manager(demo_services), by_card.sale_id, "rung twice")
    demo_services.shifts.cash_move(staff, "out", 10000, "bank drop")
    with pytest.raises(PermissionDenied):
        demo_services.shifts.cash_move(staff, "out", 60000, "too much for a cashier")

    x = demo_services.shifts.x_report()
    deposits, refunds, consolation = 5 * 9800, 4 * 9800, 4 * EXAMPLE_D.consolation_cash_fen
    cash_sales, half = 2 * price, item.price_fen
    expected = 27500 + deposits - refunds - consolation + cash_sales - half - 10000
    assert x["expected_fen"] == expected
    lines = {line["line"]: (line["count"], line["fen"]) for line in x["drawer"]}
    assert lines == {"deposit": (5, deposits), "deposit_refund": (4, -refunds),
                     "consolation": (4, -consolation), "cash_out": (1, -10000),
                     "sale": (2, cash_sales + 1000), "change": (1, -1000), "sale_refund": (1, -half)}
    # the card sale was voided; cash in and out are the drawer's, not a tender's
    assert x["tenders"] == {"card": 0, "cash": expected - 27500 + 10000}
    assert x["consolation_paid_fen"] == consolation and x["deposits_returned_fen"] == refunds
    assert x["sales"] == {"count": 3, "fen": 3 * price, "average_fen": price}
    [refund], [void] = x["refunds"], x["voids"]
    assert (refund["fen"], refund["approver"], refund["reason"]) == (half, "李经理", "cold food")
    assert (void["fen"], void["cashier"], void["receipt_no"]) == (price, "李经理", by_card.receipt_no)
    assert demo_services.shifts.x_report()["expected_fen"] == expected  # an X report resets nothing

    checkout.park(staff, bill, "table 4")
    with pytest.raises(InvalidTransition, match="parked bill"):
        demo_services.shifts.close(manager(demo_services), counts_for(expected))
    checkout.recall(staff, checkout.parked()[0].id)

    short = counts_for(expected - 350)  # ¥3.50 short
    with pytest.raises(ValidationError, match="Count the drawer"):
        demo_services.shifts.close(staff, None)
    with pytest.raises(ValidationError, match="3.50 off: say why"):
        demo_services.shifts.close(staff, short)
    with pytest.raises(PermissionDenied):
        demo_services.shifts.close(staff, short, "gave too much change")
    z = demo_services.shifts.close(approved(demo_services, staff), short, "gave too much change")

    assert z.number == 2 and z.shift_id == shift_id
    assert z.totals["over_short_fen"] == -350 and z.totals["counted_fen"] == expected - 350
    assert z.totals["approver"] == "李经理" and z.totals["reason"] == "gave too much change"
    with demo_services.db.read() as s:
        ledger_sum = sum(drawer_delta(to_transfer(r)) for r in drawer_rows(s, shift_id))
        [op] = [json.loads(p) for p in s.scalars(select(OutboxOp.payload).where(OutboxOp.kind == "shift.closed"))
                if json.loads(p)["z_number"] == 2]
    assert z.totals["expected_fen"] == 27500 + ledger_sum
    validate_payload("shift.closed", op)
    assert op["digest"] == z_digest(z.totals) and op["over_short_fen"] == -350
    assert demo_services.shifts.current() is None
    with pytest.raises(InvalidTransition, match="Open a shift first"):
        demo_services.shifts.cash_move(staff, "in", 100, "float top-up")
    with pytest.raises(InvalidTransition, match="Open a shift first"):
        checkout.complete(staff, bill, [Tender("cash", price)])


def test_z_reports_are_immutable_and_numbered_across_a_restart(tmp_path, clock) -> None:
    services = open_services(tmp_path, clock)
    services.demo.seed()
    boss = manager(services)
    assert close_exactly(services, boss) == 1
    with pytest.raises(sqlite3.IntegrityError), sqlite3.connect(tmp_path / "pinshang.db") as conn:
        conn.execute("UPDATE z_reports SET totals = '{}'")
    with pytest.raises(sqlite3.IntegrityError), sqlite3.connect(tmp_path / "pinshang.db") as conn:
        conn.execute("DELETE FROM z_reports")
    services.close()

    again = open_services(tmp_path, clock)
    again.shifts.open(boss, FLOAT)
    assert close_exactly(again, boss) == 2
    assert again.shifts.z_numbers() == [1, 2]
    assert again.shifts.z_report(1).totals["number"] == 1
    again.close()


def test_a_crash_inside_the_close_leaves_no_z_report_and_the_shift_open(demo_services, tmp_path) -> None:
    boss = manager(demo_services)
    with sqlite3.connect(demo_services.db.path) as conn:  # the last write of the close fails
        conn.execute("CREATE TRIGGER crash BEFORE INSERT ON outbox WHEN NEW.kind = 'shift.closed' "
                     "BEGIN SELECT RAISE(ABORT, 'power cut'); END")
    expected = demo_services.shifts.x_report()["expected_fen"]
    with pytest.raises(Exception, match="power cut"):
        demo_services.shifts.close(boss, counts_for(expected))
    assert demo_services.shifts.z_numbers() == [] and demo_services.shifts.current() is not None
    with sqlite3.connect(demo_services.db.path) as conn:
        conn.execute("DROP TRIGGER crash")
    assert demo_services.shifts.close(boss, counts_for(expected)).number == 1  # never numbered twice


def test_bad_input_at_the_drawer(demo_services, clock) -> None:
    staff, boss = cashier(demo_services), manager(demo_services)
    with pytest.raises(ValidationError, match="cannot be negative"):
        demo_services.shifts.close(boss, {10000: -1})
    for direction, amount, reason, message in (("out", 0, "x", "above zero"), ("out", 100, "  ", "reason"),
                                               ("sideways", 100, "x", "in or out")):
        with pytest.raises(ValidationError, match=message):
            demo_services.shifts.cash_move(staff, direction, amount, reason)
    clock.advance(hours=-2)  # somebody set the clock back
    with pytest.raises(InvalidTransition, match="set the clock right"):
        demo_services.shifts.close(boss, counts_for(demo_services.shifts.x_report()["expected_fen"]))
    clock.advance(hours=2)
    assert close_exactly(demo_services, boss) == 1
    with pytest.raises(ValidationError, match="cannot be negative"):
        demo_services.shifts.open(staff, {5000: -3})
    assert demo_services.shifts.current() is None


def test_switching_cashier_keeps_the_drawer(demo_services) -> None:
    before = demo_services.shifts.x_report()
    demo_services.shifts.switch_cashier(cashier(demo_services))
    after = demo_services.shifts.x_report()
    assert after["cashier"] == "小张" and after["shift_id"] == before["shift_id"]
    assert after["expected_fen"] == before["expected_fen"]


def test_an_expiry_while_closed_is_paid_by_the_next_shift(demo_services, clock) -> None:
    staff, boss = cashier(demo_services), manager(demo_services)
    group_id = demo_services.groups.open_group(staff, launched_deal(demo_services), PHONES[0], "cash")
    close_exactly(demo_services, boss)
    clock.advance(hours=3)
    assert group_id in demo_services.groups.expire_due()  # nobody at the counter
    demo_services.shifts.open(staff, FLOAT)
    x = demo_services.shifts.x_report()
    assert x["expected_fen"] == 27500 - 9800
    assert {line["line"]: line["fen"] for line in x["drawer"]}["deposit_refund"] == -9800


def test_a_sale_of_a_closed_shift_is_refunded_not_voided(demo_services) -> None:
    """A void undoes a sale inside its own open shift; once that shift's Z report is printed
    the sale belongs to it, and the next shift (even the same day) refunds it instead."""
    staff, boss = cashier(demo_services), manager(demo_services)
    checkout, sales = demo_services.checkout, demo_services.sales
    item = checkout.items()[0]
    bill = Order((checkout.line_for_item(item.id, 1),))
    rung = checkout.complete(staff, bill, [Tender("cash", item.price_fen)])
    close_exactly(demo_services, boss)
    demo_services.shifts.open(staff, FLOAT)
    with pytest.raises(ValidationError, match="Only a sale of the open shift can be voided"):
        sales.void(boss, rung.sale_id, "rung twice")
    sales.refund(approved(demo_services, staff, Permission.REFUND), rung.sale_id, "rung twice")
    again = checkout.complete(staff, bill, [Tender("cash", item.price_fen)])
    sales.void(boss, again.sale_id, "rung twice")  # of this shift: a void


def test_a_cash_out_cannot_take_more_than_the_drawer_should_hold(demo_services) -> None:
    staff, boss = cashier(demo_services), manager(demo_services)
    close_exactly(demo_services, boss)
    demo_services.shifts.open(staff, FLOAT)  # ¥275.00
    with pytest.raises(ValidationError, match="should hold only"):
        demo_services.shifts.cash_move(staff, "out", 27510, "bank drop")
    demo_services.shifts.cash_move(staff, "out", 27500, "bank drop")  # all of it, to the safe
    assert demo_services.shifts.x_report()["expected_fen"] == 0
