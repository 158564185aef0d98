"""Every printed document that goes with cash moving kicks the drawer open (ESC p) on the
receipt printer: a cash sale, a cash refund, a cash deposit, a loser's cash back and consolation,
a cash in / out slip and the Z report; a card sale, a card deposit and any reprint do not."""

from __future__ import annotations

from desktop.core.checkout import Tender
from desktop.core.staff import Permission
from desktop.documents.serialize import document_from_json
from desktop.printing.escpos_backend import PrinterConfig, render_escpos_bytes
from desktop.services.checkout_order import Order
from tests.printing.test_shift_report import DRAWER_KICK
from tests.services.test_shifts import approved
from tests.support.deal_flow import cashier, full_group, launched_deal

PRINTER = PrinterConfig("p", host="localhost", paper_mm=58)


def _kicks(services, job_ids: list[int]) -> list[bool]:
    return [DRAWER_KICK in render_escpos_bytes(document_from_json(services.print_queue.job(i).document_json), PRINTER)
            for i in job_ids]


def test_cash_moving_opens_the_drawer_and_nothing_else_does(demo_services) -> None:
    staff, jobs = cashier(demo_services), demo_services.print_jobs
    checkout = demo_services.checkout
    item = checkout.items()[0]
    bill = Order((checkout.line_for_item(item.id, 2),))
    cash = checkout.complete(staff, bill, [Tender("cash", 2 * item.price_fen + 1000)])
    card = checkout.complete(staff, bill, [Tender("card", 2 * item.price_fen)])
    assert _kicks(demo_services, jobs.print_sale_receipt(staff, cash.sale_id)) == [True]
    assert _kicks(demo_services, jobs.print_sale_receipt(staff, card.sale_id)) == [False]
    assert _kicks(demo_services, jobs.print_sale_receipt(staff, cash.sale_id, reprint=True)) == [False]
    refunded = demo_services.sales.refund(approved(demo_services, staff, Permission.REFUND), cash.sale_id, "cold")
    assert _kicks(demo_services, jobs.print_refund_receipt(staff, refunded.refund_id)) == [True]

    group_id = demo_services.groups.open_group(staff, launched_deal(demo_services), "13800000001", "cash")
    by_card = demo_services.groups.enrol(staff, group_id, "13800000002", "card")
    view = demo_services.group_views.view(group_id)
    in_cash = next(e.id for e in view.entries if e.id != by_card)
    assert _kicks(demo_services, jobs.print_deposit_slip(staff, in_cash)) == [True]
    assert _kicks(demo_services, jobs.print_deposit_slip(staff, by_card)) == [False]

    drawn = full_group(demo_services, launched_deal(demo_services))  # cash deposits: cash back + ¥5
    demo_services.draws.draw_and_settle(staff, drawn)
    assert set(_kicks(demo_services, jobs.print_refund_slips(staff, drawn))) == {True}
    assert set(_kicks(demo_services, jobs.print_refund_slips(staff, drawn, reprint=True))) == {False}

    move_id = demo_services.shifts.cash_move(staff, "out", 5000, "bank drop")
    assert _kicks(demo_services, jobs.print_cash_move(staff, demo_services.shifts.cash_move_record(move_id))) == [True]
