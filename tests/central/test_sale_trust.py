"""Sales, refunds and voids over real HTTP: the honest till beside the attacks a paired terminal
could try (coins it never captured, another member's or terminal's capture, one capture for two
sales, an authorization never captured, coins beyond the cap, refunds of another store's sale,
beyond the sale, twice, a void twice). Every attack is rejected with a reason and moves no coin."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest

from desktop.sync.client import PlatformClient
from tests.central.helpers import Seed, op, paired

BASE = 20_000  # a 200.00 bill: a 10% cap allows 2,000 one-fen coins


@pytest.fixture
def funded(seed: Seed) -> Seed:
    seed.grant(seed.members[0], 500)
    seed.grant(seed.members[1], 500)
    return seed


class Pusher:
    def __init__(self, client: PlatformClient, terminal: str) -> None:
        self.client, self.terminal, self.seq = client, terminal, 0

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        self.seq += 1
        result: dict[str, Any] = self.client.push(self.terminal, [op(self.seq, kind, payload)])["results"][0]
        return result


def _capture(seed: Seed, client: PlatformClient, member: str, coins: int) -> str:
    key = f"cap-{uuid.uuid4().hex}"
    client.capture_coins(member, coins, "", key, member_code=seed.fresh_code(member))
    return key


def _sale(member: str | None, coins: int, **coin_source: Any) -> dict[str, Any]:
    return {"sale_id": uuid.uuid4().hex, "total_fen": BASE - coins, "base_fen": BASE, "coins": coins,
            "coin_fen": coins, "member_id": member, "schedule_version": 1,
            "lines": [{"line_no": 1, "name": "牛排", "quantity": 2, "unit_price_fen": BASE // 2, "amount_fen": BASE}],
            "tenders": [{"kind": "cash", "amount_fen": BASE - coins}], **coin_source}


def _refund(sale: dict[str, Any], total: int, coins: int, refund_id: str | None = None) -> dict[str, Any]:
    return {"refund_id": refund_id or uuid.uuid4().hex, "sale_id": sale["sale_id"], "reason": "cold",
            "total_fen": total, "coins_returned": coins, "coin_fen_returned": coins}


def test_an_honest_sale_with_coins_and_its_refund_return_the_coins_once(funded: Seed) -> None:
    member = funded.members[0]
    client, terminal = paired(funded)
    till = Pusher(client, terminal)
    sale = _sale(member, 300, coin_capture_key=_capture(funded, client, member, 300))
    assert till.push("sale.completed", sale)["status"] == "applied"
    assert funded.balance(member) == 200
    refund_id = uuid.uuid4().hex
    assert till.push("sale.refunded", _refund(sale, 5000, 100, refund_id))["status"] == "applied"
    assert funded.balance(member) == 300
    again = till.push("sale.refunded", _refund(sale, 5000, 100, refund_id))  # a new op, the same refund
    assert again["status"] == "rejected" and "applied already" in again["reason"]
    too_many = till.push("sale.refunded", _refund(sale, 100, 201))
    assert too_many["status"] == "rejected" and "exceed" in too_many["reason"]
    too_much = till.push("sale.refunded", _refund(sale, BASE, 0))
    assert too_much["status"] == "rejected" and "exceed" in too_much["reason"]
    assert till.push("sale.refunded", _refund(sale, BASE - 300 - 5000, 200))["status"] == "applied"
    assert funded.balance(member) == 500


def test_coins_the_platform_never_captured_are_refused(funded: Seed) -> None:
    member, other = funded.members[0], funded.members[1]
    client, terminal = paired(funded)
    till = Pusher(client, terminal)
    invented = till.push("sale.completed", _sale(member, 300, coin_capture_key="cap-" + "0" * 32))
    assert invented["status"] == "rejected" and "no capture" in invented["reason"]
    theirs = _capture(funded, client, other, 100)
    wrong_member = till.push("sale.completed", _sale(member, 100, coin_capture_key=theirs))
    assert wrong_member["status"] == "rejected"
    more = till.push("sale.completed", _sale(other, 150, coin_capture_key=theirs))
    assert more["status"] == "rejected"
    no_source = till.push("sale.completed", _sale(member, 100))
    assert no_source["status"] == "rejected" and "without a capture" in no_source["reason"]
    assert funded.balance(member) == 500 and funded.balance(other) == 400


def test_one_capture_pays_one_sale_of_the_terminal_that_made_it(funded: Seed) -> None:
    member = funded.members[0]
    client, terminal = paired(funded)
    second, second_id = paired(funded, "Counter 2")
    key = _capture(funded, client, member, 100)
    assert Pusher(second, second_id).push("sale.completed", _sale(member, 100, coin_capture_key=key))["status"] \
        == "rejected"
    till = Pusher(client, terminal)
    assert till.push("sale.completed", _sale(member, 100, coin_capture_key=key))["status"] == "applied"
    twice = till.push("sale.completed", _sale(member, 100, coin_capture_key=key))
    assert twice["status"] == "rejected" and "already paid" in twice["reason"]
    assert second.lookup_capture(key) is None  # another terminal cannot read this terminal's capture
    assert (client.lookup_capture(key) or {})["status"] == 200


def test_an_authorization_backs_a_sale_only_once_captured_for_this_store(funded: Seed) -> None:
    member = funded.members[0]
    client, terminal = paired(funded)
    token = client.authorize_coins(member, 200, member_code=funded.fresh_code(member))
    till = Pusher(client, terminal)
    early = till.push("sale.completed", _sale(member, 200, coin_token_id=token["token_id"]))
    assert early["status"] == "rejected" and "coins.captured" in early["reason"]
    captured = till.push("coins.captured", {"at": funded.server.app.state.platform.clock().isoformat(),
                                            "token_id": token["token_id"], "member_id": member, "coins": 200,
                                            "token": token["token"]})
    assert captured["status"] == "applied"
    assert till.push("sale.completed", _sale(member, 200, coin_token_id=token["token_id"]))["status"] == "applied"
    again = till.push("sale.completed", _sale(member, 200, coin_token_id=token["token_id"]))
    assert again["status"] == "rejected"


def test_coins_beyond_the_cap_or_wrongly_valued_are_refused(funded: Seed) -> None:
    member = funded.members[0]
    client, terminal = paired(funded)
    till = Pusher(client, terminal)
    big = dict(_sale(member, 100, coin_capture_key=_capture(funded, client, member, 100)))
    small = {**big, "base_fen": 500, "total_fen": 400, "tenders": [{"kind": "cash", "amount_fen": 400}],
             "lines": [{"line_no": 1, "name": "茶", "quantity": 1, "unit_price_fen": 500, "amount_fen": 500}]}
    beyond = till.push("sale.completed", small)
    assert beyond["status"] == "rejected" and "cap" in beyond["reason"]
    mispriced = till.push("sale.completed", {**big, "coin_fen": 1000, "total_fen": BASE - 1000,
                                             "tenders": [{"kind": "cash", "amount_fen": BASE - 1000}]})
    assert mispriced["status"] == "rejected" and "worth" in mispriced["reason"]
    wrong_sum = till.push("sale.completed", {**big, "total_fen": BASE})
    assert wrong_sum["status"] == "rejected"
    assert till.push("sale.completed", big)["status"] == "applied"


def test_a_refund_of_another_stores_sale_and_a_void_twice_are_refused(funded: Seed) -> None:
    member = funded.members[0]
    client, terminal = paired(funded)
    till = Pusher(client, terminal)
    sale = _sale(member, 100, coin_capture_key=_capture(funded, client, member, 100))
    assert till.push("sale.completed", sale)["status"] == "applied"
    stranger_client, stranger_id = paired(funded, "Tea counter", store_id=funded.other_store_id)
    stranger = Pusher(stranger_client, stranger_id).push("sale.voided", _refund(sale, BASE - 100, 100))
    assert stranger["status"] == "rejected" and "no sale" in stranger["reason"]
    assert funded.balance(member) == 400
    assert till.push("sale.voided", _refund(sale, BASE - 100, 100))["status"] == "applied"
    twice = till.push("sale.voided", _refund(sale, BASE - 100, 100))
    assert twice["status"] == "rejected" and "voided already" in twice["reason"]
    assert funded.balance(member) == 500


def test_coins_without_base_fen_or_lines_are_refused_and_the_cap_always_holds(funded: Seed) -> None:
    """A paired terminal leaving base_fen (or the lines) out cannot slip coins past the cap."""
    member = funded.members[0]
    client, terminal = paired(funded)
    till = Pusher(client, terminal)
    key = _capture(funded, client, member, 400)
    bare = {"sale_id": uuid.uuid4().hex, "total_fen": 100, "coins": 400, "coin_fen": 400, "member_id": member,
            "coin_capture_key": key}
    no_base = till.push("sale.completed", bare)
    assert no_base["status"] == "rejected" and "base_fen" in no_base["reason"]
    lineless = till.push("sale.completed", {**bare, "base_fen": 500})
    assert lineless["status"] == "rejected" and "lines" in lineless["reason"]
    honest = _sale(member, 400, coin_capture_key=key)
    assert till.push("sale.completed", honest)["status"] == "applied"
    plain = till.push("sale.completed", {"sale_id": uuid.uuid4().hex, "total_fen": 900})  # no coins: as before
    assert plain["status"] == "applied"


def test_a_void_returns_all_the_money_and_every_coin(funded: Seed) -> None:
    member = funded.members[0]
    client, terminal = paired(funded)
    till = Pusher(client, terminal)
    sale = _sale(member, 300, coin_capture_key=_capture(funded, client, member, 300))
    assert till.push("sale.completed", sale)["status"] == "applied"
    keeps_coins = till.push("sale.voided", _refund(sale, BASE - 300, 0))
    assert keeps_coins["status"] == "rejected" and "void returns all" in keeps_coins["reason"]
    one_fen = till.push("sale.voided", _refund(sale, 1, 300))
    assert one_fen["status"] == "rejected" and "void returns all" in one_fen["reason"]
    assert funded.balance(member) == 200
    assert till.push("sale.voided", _refund(sale, BASE - 300, 300))["status"] == "applied"
    assert funded.balance(member) == 500


def test_a_sale_dated_in_the_future_or_before_pairing_is_refused(funded: Seed) -> None:
    """The sale's time picks the schedule: the terminal cannot choose it freely."""
    client, terminal = paired(funded)
    till = Pusher(client, terminal)
    now = funded.server.app.state.platform.clock()
    for when, word in ((now + timedelta(days=3)), "future"), ((now - timedelta(days=400)), "paired"):
        dated = till.push("sale.completed", {"sale_id": uuid.uuid4().hex, "total_fen": 900, "at": when.isoformat()})
        assert dated["status"] == "rejected" and word in dated["reason"]
    sale = {"sale_id": uuid.uuid4().hex, "total_fen": 900, "at": (now - timedelta(seconds=30)).isoformat()}
    assert till.push("sale.completed", sale)["status"] == "applied"
    early = till.push("sale.refunded", {**_refund(sale, 100, 0), "at": (now - timedelta(days=1)).isoformat()})
    assert early["status"] == "rejected" and "before its sale" in early["reason"]
    assert till.push("sale.refunded", _refund(sale, 100, 0))["status"] == "applied"


def test_a_sale_naming_a_member_the_platform_does_not_know_is_flagged(funded: Seed) -> None:
    """The money was taken, so the sale stands; the member is the terminal's word only: the
    store is told (a conflict with the reason) and no alliance share is due to anyone for it."""
    from central.models import SettlementSale
    from central.services.sales import SALE_UNKNOWN_MEMBER

    client, terminal = paired(funded)
    till = Pusher(client, terminal)
    known = till.push("sale.completed", _sale(funded.members[0], 0))
    assert known["status"] == "applied" and not known["conflict"]
    invented = _sale("U-invented-000001", 0)
    made_up = till.push("sale.completed", invented)
    assert made_up["status"] == "applied" and made_up["conflict"]
    assert "does not know" in made_up["reason"] and "U-invented-000001" in made_up["reason"]
    [conflict] = [c for c in client.pull()["conflicts"] if c["kind"] == SALE_UNKNOWN_MEMBER]
    assert conflict["subject_id"] == invented["sale_id"] and "does not know" in conflict["detail"]
    with funded.server.app.state.platform.tx() as session:
        booked = session.get(SettlementSale, (funded.store_id, invented["sale_id"]))
        assert booked is not None and booked.alliance_share_fen == 0 and booked.home_merchant_id == ""
    with_coins = till.push("sale.completed", _sale("U-invented-000001", 100, coin_capture_key="cap-none"))
    assert with_coins["status"] == "rejected"  # coins need a capture of a real member
