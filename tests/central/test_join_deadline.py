"""The platform's own deadline: past the group's deadline (its opening plus the deal's fill
window) the platform refuses a join, at order creation and when a payment notice arrives,
whatever the owning terminal has pushed; a deposit paid too late is refunded automatically.
Over real HTTP against the real platform with a movable clock, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import requests
from sqlalchemy import func, select

from central.models import JoinRequest, PaymentOrder, SandboxCharge
from central.phone.payments import SandboxPayments
from tests.central.group_flow import TERMS, HonestGroup, counter
from tests.phone.test_phone_attacks import post, signed_in


def _deliver(server: Any, sandbox: SandboxPayments, order_id: str) -> requests.Response:
    body = sandbox.notice_body(order_id, TERMS["group_price_fen"])
    return requests.post(f"{server.url}/p/payments/sandbox/notify", data=body,
                         headers={"X-Sandbox-Signature": sandbox.sign(body)}, timeout=5)


def test_a_join_past_the_deadline_is_refused_and_a_late_payment_refunded(server, seed, clock) -> None:
    group = HonestGroup(counter(seed), dict(TERMS))  # fill window: 24 hours
    group.launch()
    assert group.open()["status"] == "applied"
    sandbox = server.app.state.phone.payments["sandbox"]
    assert isinstance(sandbox, SandboxPayments)
    sandbox.notice_delay = 3600.0  # the notices are delivered by hand below
    orders = f"{server.url}/p/api/groups/{group.group_id}/orders"
    seats = f"{server.url}/p/api/groups/{group.group_id}/seats?t={group.join_token}"

    # the honest path, just before the deadline: paid, then a join request for the terminal
    early, early_csrf = signed_in(server, "13900000011")
    on_time = post(early, orders, early_csrf, {"t": group.join_token, "nonce": "cd" * 16}).json()
    post(early, f"{server.url}/sandbox/pay/{on_time['order_id']}", early_csrf)
    clock.advance(hours=23, minutes=59)
    assert _deliver(server, sandbox, on_time["order_id"]).json()["status"] == "requested"

    # a second member orders in time and pays, but the notice arrives after the deadline
    late, late_csrf = signed_in(server, "13900000012")
    order = post(late, orders, late_csrf, {"t": group.join_token, "nonce": "ab" * 16}).json()
    assert order["status"] == "created"
    paid = post(late, f"{server.url}/sandbox/pay/{order['order_id']}", late_csrf)
    assert paid.status_code == 200 and paid.json()["state"] == "paid", paid.text
    assert requests.get(seats, timeout=5).json()["state"] == "open"
    clock.advance(minutes=2)  # the terminal has pushed nothing: the group is still open there
    assert requests.get(seats, timeout=5).json()["state"] == "expired"
    answer = _deliver(server, sandbox, order["order_id"])
    assert answer.status_code == 200 and answer.json()["status"] == "refunding"
    with server.app.state.platform.tx() as session:
        row = session.get(PaymentOrder, order["order_id"])
        charge = session.get(SandboxCharge, order["order_id"])
        assert row is not None and row.status == "refunded" and "deadline" in row.reason
        assert charge is not None and charge.state == "refunded"  # the money went back
        assert session.scalar(select(func.count()).select_from(JoinRequest).where(
            JoinRequest.group_id == group.group_id)) == 1  # only the on-time member's request

    # a third member cannot even create an order now, nor join through the member-id endpoint
    third, third_csrf = signed_in(server, "13900000013")
    refused = post(third, orders, third_csrf, {"t": group.join_token, "nonce": "ef" * 16})
    assert refused.status_code == 409 and refused.json()["error"] == "group_expired"
    info = third.get(f"{server.url}/p/api/groups/{group.group_id}?t={group.join_token}", timeout=5).json()
    assert info["seats"]["state"] == "expired" and info["mine"]["order"] is None
    with server.app.state.platform.tx() as session:
        assert session.scalar(select(func.count()).select_from(PaymentOrder).where(
            PaymentOrder.group_id == group.group_id)) == 2
