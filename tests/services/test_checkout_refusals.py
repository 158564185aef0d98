"""What the till refuses, each with a clear reason and nothing written: an unknown barcode, an
absurd quantity, a discount beyond the cashier's limit without a manager, coin authorizations
of another member, store or platform, expired or tampered ones; the printer out of paper after
completion (the sale stands, the receipt waits to be retried) and the disk full at completion
(nothing half-written, the sale can be completed once space is back)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import event, func, select

from desktop.core.checkout import OrderLine, Tender
from desktop.core.coin_tokens import CoinToken, encode_token
from desktop.core.errors import ValidationError
from desktop.printing.dispatch import PrintDispatcher
from desktop.printing.escpos_backend import PrinterError
from desktop.services.base import SYSTEM_ACTOR
from desktop.services.printers import PrinterSettings
from desktop.store.db import StoreError
from desktop.store.models import OutboxOp
from desktop.store.sale_models import AcceptedCoinToken, Sale
from tests.support.fake_printer import closed_port
from tests.support.till import CASHIER, MANAGER, Till, open_till


@pytest.fixture
def till(tmp_path, clock) -> Iterator[Till]:
    yield from open_till(tmp_path, clock)


def _count(till: Till, model: type) -> int:
    with till.services.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_unknown_barcodes_absurd_quantities_and_big_discounts_are_refused(till: Till) -> None:
    checkout = till.services.checkout
    with pytest.raises(ValidationError, match="No item has the code 0000000000000"):
        checkout.line_for_code("0000000000000")
    order = till.order()
    for quantity in (0, -3, 1000, 10**9):
        with pytest.raises(ValidationError, match="whole number from 1 to 999"):
            order.with_quantity(0, quantity)
    steak = order.lines[0]
    generous = order.with_line_discount(0, steak.gross_fen // 2)
    assert checkout.needs_approval(generous)
    pay = [Tender("cash", checkout.totals(generous).payable_fen)]
    with pytest.raises(ValidationError, match="a manager must approve"):
        checkout.complete(CASHIER, generous, pay)
    with pytest.raises(ValidationError, match="bill discount must be between"):
        checkout.totals(replace(order, bill_discount_fen=10**9))
    with pytest.raises(ValidationError, match="still due"):
        checkout.complete(CASHIER, order, [Tender("cash", 100)])
    with pytest.raises(ValidationError, match="only cash gives change"):
        checkout.complete(CASHIER, order, [Tender("card", checkout.totals(order).payable_fen + 100)])
    assert _count(till, Sale) == 0
    done = checkout.complete(CASHIER, generous, pay, approver=MANAGER)
    assert till.services.sales.sale(done.sale_id).sale.approved_by == MANAGER.name


def test_coin_authorizations_that_do_not_hold_are_refused_with_the_reason(till: Till) -> None:
    checkout = till.services.checkout
    other_store = till.authorization(100, store_id=till.seed.other_store_id)
    with pytest.raises(ValidationError, match="for another store"):
        checkout.accept_authorization(other_store, None)
    token = till.authorization(100)
    someone_else = checkout.member_by_id(till.seed.members[1])
    with pytest.raises(ValidationError, match="belongs to another member"):
        checkout.accept_authorization(token, someone_else)
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with pytest.raises(ValidationError, match="forged, altered or from another platform"):
        checkout.accept_authorization(tampered, None)
    pairing = till.services.sync.pairing()
    assert pairing is not None
    stranger = encode_token(CoinToken(secrets.token_hex(16), till.member, 100, till.clock.now + timedelta(hours=1),
                                      pairing.store_id, pairing.merchant_id), Ed25519PrivateKey.generate())
    with pytest.raises(ValidationError, match="from another platform"):
        checkout.accept_authorization(stranger, None)
    with pytest.raises(ValidationError, match="not a coin authorization we can read"):
        checkout.accept_authorization("PSC1NOTATOKEN", None)
    short = till.authorization(100, ttl_seconds=60)
    till.clock.advance(minutes=2)
    with pytest.raises(ValidationError, match="expired at"):
        checkout.accept_authorization(short, None)
    member = checkout.accept_authorization(token, None)  # the good one, still good
    order = replace(till.order(), member=member, coins=200)
    with pytest.raises(ValidationError, match="at most 100 coins"):  # never beyond the authorization
        checkout.complete(CASHIER, order, [Tender("cash", 10**6)])
    assert _count(till, Sale) == _count(till, AcceptedCoinToken) == 0


def test_the_printer_out_of_paper_after_completion_leaves_the_sale_standing(till: Till) -> None:
    printers = till.services.printers
    printer_id = printers.save(SYSTEM_ACTOR, PrinterSettings("前台", host="127.0.0.1", port=closed_port(),
                                                            timeout_ms=1000))
    printers.set_route(SYSTEM_ACTOR, "sale_receipt", printer_id)
    order = till.order()
    done = till.services.checkout.complete(CASHIER, order, [Tender("cash", 10**6)])
    [job_id] = till.services.print_jobs.print_sale_receipt(CASHIER, done.sale_id)
    with pytest.raises(PrinterError):
        PrintDispatcher(till.services).dispatch(job_id)
    assert till.services.print_queue.job(job_id).status == "failed"  # retried from the print queue
    assert till.services.sales.sale(done.sale_id).sale.total_fen == done.total_fen
    assert [o.kind for o in _sale_ops(till)] == ["sale.completed"]


def _sale_ops(till: Till) -> list[OutboxOp]:
    with till.services.db.read() as s:
        return list(s.scalars(select(OutboxOp).where(OutboxOp.kind.like("sale.%") | OutboxOp.kind.like("coins.%"))))


def test_the_disk_full_at_completion_writes_nothing_and_the_sale_completes_later(till: Till) -> None:
    token = till.authorization(100)
    checkout = till.services.checkout
    member = checkout.accept_authorization(token, None)
    many = tuple(OrderLine(f"菜品 dish number {n} with a long name to fill pages", 100 + n, 1, item_id=None)
                 for n in range(300))
    order = replace(till.order(*many), member=member)
    order = replace(order, coins=checkout.totals(order).max_coins)
    pay = [Tender("cash", checkout.totals(order).payable_fen)]
    engine = till.services.db.engine
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())

    def full(dbapi_conn, _record) -> None:  # every connection: the file may not grow
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    engine.pool.dispose()
    event.listen(engine, "connect", full)
    try:
        with pytest.raises(StoreError, match="disk is full"):
            checkout.complete(CASHIER, order, pay)
    finally:
        event.remove(engine, "connect", full)
        engine.pool.dispose()
    assert _count(till, Sale) == _count(till, AcceptedCoinToken) == 0 and _sale_ops(till) == []
    done = checkout.complete(CASHIER, order, pay)  # space is back: the same bill, once
    assert done.receipt_no == "S000001" and done.coins == order.coins
    assert [o.kind for o in _sale_ops(till)] == ["coins.captured", "sale.completed"]
