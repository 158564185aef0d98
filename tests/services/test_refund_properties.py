"""Refunds in any order and size give back exactly what the sale took: the money by the tenders
that paid, the coins to the member, the amounts the sale implied; never more (hypothesis)."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.checkout import Tender
from desktop.core.clock import to_iso
from desktop.core.coin_tokens import CoinToken, encode_token
from desktop.core.errors import ValidationError
from desktop.services.checkout_order import Order
from desktop.services.registry import Services
from desktop.store.sync_models import CommissionSchedule, Member, SyncState
from tests.support.stores import FakeClock, open_services
from tests.support.till import CASHIER, MANAGER


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator[tuple[Services, Ed25519PrivateKey, FakeClock]]:
    clock = FakeClock()
    services = open_services(Path(tmp_path_factory.mktemp("refunds")), clock)
    services.demo.seed()
    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    with services.db.write() as s:
        s.add(SyncState(id=1, terminal_id="T1", terminal_name="c", store_id="S1", store_name="s", merchant_id="M1",
                        platform_url="http://127.0.0.1:9", platform_public_key=public, seq_base=0,
                        paired_at=to_iso(clock.now)))
        s.add(CommissionSchedule(merchant_id="M1", version=1, effective_from=to_iso(clock.now - timedelta(days=1)),
                                 coin_settlement_bp=2000, deal_commission_bp=500, alliance_share_bp=200,
                                 coin_cap_bp=1000, coin_value_fen=10))
        s.add(Member(member_id="U1", name="陈", phone_masked="138****0001"))
    yield services, key, clock
    services.close()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(counts=st.lists(st.integers(1, 3), min_size=1, max_size=4), bill_discount=st.integers(0, 3000),
       steps=st.lists(st.dictionaries(st.integers(1, 4), st.integers(1, 3), max_size=4), max_size=4),
       with_card=st.booleans())
def test_refunds_give_back_exactly_the_money_and_coins_of_the_sale(store, counts, bill_discount, steps,
                                                                  with_card) -> None:
    services, key, clock = store
    checkout, sales = services.checkout, services.sales
    items = checkout.items()
    order = Order(tuple(replace(checkout.line_for_item(items[n].id), quantity=q) for n, q in enumerate(counts)),
                  bill_discount_fen=bill_discount)
    token = encode_token(CoinToken(secrets.token_hex(16), "U1", 500, clock.now + timedelta(hours=1), "S1", "M1"), key)
    order = replace(order, member=checkout.accept_authorization(token, None))
    order = replace(order, coins=checkout.totals(order).max_coins)
    payable = checkout.totals(order).payable_fen
    card = min(payable // 2, 5000) if with_card else 0
    tenders = [Tender("card", card)] if card else []
    done = checkout.complete(CASHIER, order, [*tenders, Tender("cash", payable - card + 300)], approver=MANAGER)
    for wanted in steps:
        left = sales.refundable(done.sale_id)
        if wanted and all(q <= left.get(line, 0) for line, q in wanted.items()):
            sales.refund(MANAGER, done.sale_id, "test", wanted)  # within what is left: must be taken
        else:
            with pytest.raises(ValidationError):  # more than is left of a line (or nothing): refused
                sales.refund(MANAGER, done.sale_id, "test", wanted)
            assert sales.refundable(done.sale_id) == left  # ... and nothing written
    sales.refund(MANAGER, done.sale_id, "the rest") if any(sales.refundable(done.sale_id).values()) else None
    record = sales.sale(done.sale_id)
    sale = record.sale
    assert sum(r.total_fen for r in record.refunds) == sale.total_fen
    assert sum(r.coins_returned for r in record.refunds) == sale.coins
    assert sum(r.coin_fen_returned for r in record.refunds) == sale.coin_fen
    assert sum(r.coin_reimbursement_fen for r in record.refunds) == -sale.coin_reimbursement_fen
    assert all(r.total_fen >= 0 and r.coins_returned >= 0 for r in record.refunds)
    with pytest.raises(ValidationError):
        sales.refund(MANAGER, done.sale_id, "again")
