"""Coins a merchant mints through its own deal (review of issue 8, finding 1 "without a cap").

Grants match the deal's `consolation_coins` and go only to the drawn group's losers, but the
deal itself is the merchant's word, and the losers may all be the merchant's own phone. So the
platform caps a loser's consolation coins at the group price (their face value at the
merchant's schedule), and the granting merchant pays for them: its coin account is debited,
never the platform's issuer (docs/security.md)."""

from __future__ import annotations

from central.models import CoinBalance, CoinTransfer
from central.services.coin_ledger import ISSUER, merchant_account
from tests.central.group_flow import DISCLOSURE, TERMS, HonestGroup, balance, counter, honest_group
from tests.central.helpers import Seed

MAX_COINS = 4_294_967_295


def test_a_merchant_cannot_mint_billions_of_coins_for_its_own_phone(seed: Seed) -> None:
    c = counter(seed)
    own = seed.members[0]  # a phone the merchant controls (it can show its member code)
    group = HonestGroup(c, {**TERMS, "group_size": 2, "winners": 1, "consolation_coins": MAX_COINS})
    launched = group.launch()
    assert launched["status"] == "rejected" and "more than the group price" in launched["reason"]
    assert group.open()["status"] == "rejected"  # no deal, no group
    assert balance(seed, own) == 0

    within = HonestGroup(c, {**TERMS, "group_size": 2, "winners": 1, "consolation_coins": 100})
    assert within.launch()["status"] == "applied"
    raised = within.counter.push("deal.amended", {"deal_id": within.deal_id, "version": 2,
                                                  "terms": {**within.terms, "consolation_coins": MAX_COINS},
                                                  "disclosure": DISCLOSURE})
    assert raised["status"] == "rejected" and "more than the group price" in raised["reason"]


def test_consolation_coins_are_paid_by_the_granting_merchant(seed: Seed) -> None:
    c = counter(seed)
    group = honest_group(c, [*seed.members[:3]], consolation_coins=100, winners=1)
    assert group.draw()["status"] == "applied" and group.settle()["status"] == "applied"
    assert sum(balance(seed, m) for m in seed.members[:3]) == 200
    with seed.server.app.state.platform.tx() as session:
        merchant = session.get(CoinBalance, merchant_account(seed.merchant_id))
        issuer = session.get(CoinBalance, ISSUER)
        assert merchant is not None and merchant.posted == -200  # what the merchant owes
        assert issuer is None or issuer.posted == -sum(  # the issuer paid only the admin's grants
            t.amount for t in session.query(CoinTransfer).filter(CoinTransfer.debit == ISSUER))


def test_the_honest_deal_grants_its_consolation_coins(seed: Seed) -> None:
    c = counter(seed)
    members: list[str | None] = [*seed.members[:2]]
    group = honest_group(c, members, consolation_coins=100, winners=1)
    assert group.draw()["status"] == "applied"
    assert group.settle()["status"] == "applied"
    assert sorted(balance(seed, m) for m in seed.members[:2]) == [0, 100]
