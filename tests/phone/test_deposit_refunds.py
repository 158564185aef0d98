"""Deposits that cannot become a seat go back by themselves, with a real counter (client database,
sync worker, groups' job) against the real platform: the counter fills the group while a phone's
paid request waits, so the terminal refuses the request (group full) and the platform refunds the
deposit; and two members paying for the last seat: one is seated, the other refunded."""

from __future__ import annotations

from typing import Any

import requests
from sqlalchemy import select

from central.models import JoinRequest, PaymentOrder, SandboxCharge
from central.phone.payments import SandboxPayments
from desktop.sync.group_jobs import GroupJob
from tests.phone.test_phone_attacks import post, signed_in
from tests.support.deal_flow import PHONES, cashier, launched_deal


def paid_order(server: Any, phone: str, group_id: str, token: str, nonce: str) -> tuple[requests.Session, str, str]:
    """The member signs in, orders a seat and pays in the sandbox; the notice is delivered now."""
    http, csrf = signed_in(server, phone)
    order = post(http, f"{server.url}/p/api/groups/{group_id}/orders", csrf, {"t": token, "nonce": nonce})
    assert order.status_code == 200, order.text
    order_id = order.json()["order_id"]
    sandbox = server.app.state.phone.payments["sandbox"]
    assert isinstance(sandbox, SandboxPayments)
    sandbox.notice_delay = 3600.0  # delivered by hand, now
    assert post(http, f"{server.url}/sandbox/pay/{order_id}", csrf).json()["state"] == "paid"
    body = sandbox.notice_body(order_id, _amount(server, order_id))
    answer = requests.post(f"{server.url}/p/payments/sandbox/notify", data=body,
                           headers={"X-Sandbox-Signature": sandbox.sign(body)}, timeout=5)
    assert answer.status_code == 200, answer.text
    return http, csrf, order_id


def _amount(server: Any, order_id: str) -> int:
    with server.app.state.platform.tx() as session:
        row = session.get(PaymentOrder, order_id)
        assert row is not None
        return row.amount_fen


def settle_counter(terminal: Any, server: Any, clock: Any) -> None:
    worker = terminal.worker(server.url)
    for _ in range(2):
        worker.sync_once()
        GroupJob(terminal.services, clock=clock).run_once()
        worker.sync_once()


def order_row(server: Any, order_id: str) -> tuple[PaymentOrder, SandboxCharge | None, JoinRequest | None]:
    with server.app.state.platform.tx() as session:
        row = session.get(PaymentOrder, order_id)
        assert row is not None
        charge = session.get(SandboxCharge, order_id)
        request = session.scalar(select(JoinRequest).where(JoinRequest.id == row.join_request_id)) \
            if row.join_request_id else None
        session.expunge_all()
        return row, charge, request


def test_the_terminal_refuses_a_paid_request_for_a_full_group_and_the_deposit_goes_back(
        server, seed, terminal, clock) -> None:
    services = terminal.services
    group_id = services.groups.open_group(cashier(services), launched_deal(services), PHONES[0])
    terminal.worker(server.url).sync_once()
    token = services.print_data.invite(group_id).join_url.split("?t=")[1]
    http, _csrf, order_id = paid_order(server, "13912340001", group_id, token, "ab" * 16)
    assert order_row(server, order_id)[0].status == "requested"
    for phone in PHONES[1:5]:  # meanwhile the counter fills the group at the till
        services.groups.enrol(cashier(services), group_id, phone)
    settle_counter(terminal, server, clock)

    row, charge, request = order_row(server, order_id)
    assert request is not None and request.status == "refused"
    # a full group is not open any more at the counter: refused as "group not open" (or "group full")
    assert row.status == "refunded" and row.reason in ("group not open", "group full")
    assert charge is not None and charge.state == "refunded"  # the money went back
    assert len(services.group_views.view(group_id).entries) == 5
    mine = http.get(f"{server.url}/p/api/groups/{group_id}", params={"t": token}, timeout=5).json()["mine"]
    assert mine["order"]["status"] == "refunded" and mine["order"]["reason_code"] in ("group_closed", "group_full")
    assert mine["entry"] is None


def test_two_members_pay_for_the_last_seat_one_is_seated_the_other_refunded(server, seed, terminal, clock) -> None:
    services = terminal.services
    group_id = services.groups.open_group(cashier(services), launched_deal(services), PHONES[0])
    for phone in PHONES[1:4]:
        services.groups.enrol(cashier(services), group_id, phone)  # 4 of 5: one seat left
    terminal.worker(server.url).sync_once()
    token = services.print_data.invite(group_id).join_url.split("?t=")[1]
    first, second = "13912340002", "13912340003"
    http_a, csrf_a = signed_in(server, first)
    http_b, csrf_b = signed_in(server, second)
    orders = f"{server.url}/p/api/groups/{group_id}/orders"
    created = [post(h, orders, c, {"t": token, "nonce": n}) for h, c, n in
               ((http_a, csrf_a, "cd" * 16), (http_b, csrf_b, "ef" * 16))]
    assert [o.status_code for o in created] == [200, 200]  # both see the last seat free and order
    sandbox = server.app.state.phone.payments["sandbox"]
    assert isinstance(sandbox, SandboxPayments)
    sandbox.notice_delay = 3600.0
    ids = [o.json()["order_id"] for o in created]
    for http, csrf, order_id in ((http_a, csrf_a, ids[0]), (http_b, csrf_b, ids[1])):
        assert post(http, f"{server.url}/sandbox/pay/{order_id}", csrf).json()["state"] == "paid"
    for order_id in ids:  # both pay; the notices arrive one after the other
        body = sandbox.notice_body(order_id, _amount(server, order_id))
        assert requests.post(f"{server.url}/p/payments/sandbox/notify", data=body,
                             headers={"X-Sandbox-Signature": sandbox.sign(body)}, timeout=5).status_code == 200
    settle_counter(terminal, server, clock)

    rows = [order_row(server, order_id) for order_id in ids]
    seated = [r for r in rows if r[2] is not None and r[2].status == "accepted"]
    refunded = [r for r in rows if r[0].status == "refunded"]
    assert len(seated) == 1 and len(refunded) == 1
    assert refunded[0][1] is not None and refunded[0][1].state == "refunded"
    assert seated[0][1] is not None and seated[0][1].state == "paid"  # the seated member's money stays
    view = services.group_views.view(group_id)
    assert len(view.entries) == 5 and view.state.value != "open"
