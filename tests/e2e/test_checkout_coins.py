"""Checkout against the real platform on 127.0.0.1: coins captured online with a lost answer
(looked up, then retried under the same key: one capture), coins taken offline with the member's
authorization and captured once on sync, and refunds that give back exactly the coins used."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import requests

from central.models import StoreSale
from desktop.core.checkout import Tender
from desktop.core.errors import ValidationError
from desktop.sync.checkout_coins import CaptureUnknown
from tests.central.helpers import LoseResponseAdapter
from tests.support.till import CASHIER, MANAGER, Till, open_till
from tests.sync.support import outbox


@pytest.fixture
def till(tmp_path, clock) -> Iterator[Till]:
    yield from open_till(tmp_path, clock)


def _lossy(lose: int) -> requests.Session:
    session = requests.Session()
    session.mount("http://", LoseResponseAdapter(lose=lose))
    return session


def _online_order(till: Till):
    identified = till.desk().identify(till.fresh_code())
    assert identified.online and identified.member.available == 1000
    order = replace(till.order(), member=identified.member)
    totals = till.services.checkout.totals(order)
    return replace(order, coins=totals.max_coins), totals


def _pay(till: Till, order):
    return [Tender("cash", till.services.checkout.totals(order).payable_fen)]


def test_a_lost_capture_answer_is_looked_up_and_the_coins_are_taken_once(till: Till) -> None:
    order, totals = _online_order(till)
    assert totals.max_coins == 1000  # the balance: 314.00 of food allows 31.40 (3,140 one-fen coins)
    done = till.desk(_lossy(1)).complete_sale(CASHIER, order, _pay(till, order))
    assert done.coins == 1000
    assert till.balance() == 0
    assert [t.amount for t in till.capture_transfers()] == [1000]
    till.sync()
    with till.server.app.state.platform.tx() as session:
        sale = session.get(StoreSale, (till.seed.store_id, done.sale_id))
        assert sale is not None and sale.coins == 1000 and sale.coin_capture_key
    assert {op.kind: op.status for op in outbox(till.services)}["sale.completed"] == "applied"


def test_when_nobody_can_tell_the_retry_asks_first_under_the_same_key(till: Till) -> None:
    order, _ = _online_order(till)
    with pytest.raises(CaptureUnknown):  # the capture and the lookup both lose their answers
        till.desk(_lossy(2)).complete_sale(CASHIER, order, _pay(till, order))
    assert till.balance() == 0  # it did arrive
    assert till.services.sales.history(_all()) == []  # but no sale yet
    done = till.desk().complete_sale(CASHIER, order, _pay(till, order))
    assert [t.amount for t in till.capture_transfers()] == [1000]  # once
    till.sync()
    assert {op.kind: op.status for op in outbox(till.services)}["sale.completed"] == "applied"
    assert done.coins == 1000


def test_the_platform_down_mid_capture_writes_no_sale(till: Till) -> None:
    order, _ = _online_order(till)
    till.server.stop()
    with pytest.raises(CaptureUnknown):
        till.desk().complete_sale(CASHIER, order, _pay(till, order))
    assert till.services.sales.history(_all()) == []
    assert not [op.kind for op in outbox(till.services) if op.kind.startswith(("sale.", "coins."))]


def test_offline_authorization_is_captured_once_on_sync(till: Till) -> None:
    token = till.authorization(200)
    member = till.services.checkout.accept_authorization(token, None)
    order = replace(till.order(), member=member, coins=200)
    done = till.services.checkout.complete(CASHIER, order, _pay(till, order))
    with pytest.raises(ValidationError, match="already used at this store"):
        till.services.checkout.accept_authorization(token, None)
    assert till.balance() == 1000 - 200  # reserved on the phone
    till.sync()
    till.sync()  # a second round sends nothing again
    assert [t.amount for t in till.capture_transfers()] == [200]
    statuses = [(op.kind, op.status) for op in outbox(till.services)]
    assert ("coins.captured", "applied") in statuses and ("sale.completed", "applied") in statuses
    assert done.coins == 200


def test_a_refund_returns_exactly_the_coins_used_and_a_void_twice_is_refused(till: Till) -> None:
    order, _ = _online_order(till)
    done = till.desk().complete_sale(CASHIER, order, _pay(till, order))
    till.sync()
    first = till.services.sales.refund(MANAGER, done.sale_id, "cold soup", {1: 1})
    rest = till.services.sales.refund(MANAGER, done.sale_id, "left early")
    assert first.coins_returned + rest.coins_returned == 1000
    with pytest.raises(ValidationError):
        till.services.sales.refund(MANAGER, done.sale_id, "again")
    till.sync()
    assert till.balance() == 1000
    other = till.desk().complete_sale(CASHIER, *_second(till))
    till.services.sales.void(MANAGER, other.sale_id, "rung twice")
    with pytest.raises(ValidationError, match="voided already"):
        till.services.sales.void(MANAGER, other.sale_id, "rung twice")
    till.sync()
    assert till.balance() == 1000
    assert all(op.status == "applied" for op in outbox(till.services))


def _second(till: Till):
    till.step()
    order, _ = _online_order(till)
    return order, _pay(till, order)


def _all():
    from desktop.store.sale_queries import HistoryFilter

    return HistoryFilter()


def test_coins_taken_for_a_bill_left_unpaid_are_shown_and_used_by_the_next_try(till: Till) -> None:
    order, _ = _online_order(till)
    member = order.member
    assert member is not None
    till.desk().capture(CASHIER, member, order.coins)  # taken; then the cashier walked away
    [unsold] = till.services.checkout.unsold_captures()
    assert (unsold.member_id, unsold.coins) == (till.member, 1000)
    done = till.desk().complete_sale(CASHIER, order, _pay(till, order))  # the same bill again
    assert done.coins == 1000 and till.services.checkout.unsold_captures() == []
    assert [t.amount for t in till.capture_transfers()] == [1000]
