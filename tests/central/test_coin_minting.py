"""Coins a merchant mints through its own deal (review of issue 8, finding 1 "without a cap").

Grants now match the deal's `consolation_coins` and go only to the drawn group's losers, but the
deal itself is the merchant's word: `consolation_coins` may be anything up to 2^32 - 1 (and may
be raised by an amendment at any time, even between the draw and the settlement), and the
losers may all be the merchant's own phone (the per-member limit is only a note). The platform
then owes the alliance merchants 80% of those coins' face value when they are spent."""

from __future__ import annotations

import pytest

from tests.central.group_flow import balance, counter, honest_group
from tests.central.helpers import Seed

MAX_COINS = 4_294_967_295


@pytest.mark.xfail(strict=True, reason="policy needed: the platform has no cap on a deal's consolation "
                   "coins and does not bill the granting merchant for them (docs/security.md, Coins and consent); a fix "
                   "must decide the cap (e.g. the coins' value against the group price, or a "
                   "merchant-funded coin budget)")
def test_a_merchant_cannot_mint_billions_of_coins_for_its_own_phone(seed: Seed) -> None:
    c = counter(seed)
    own = seed.members[0]  # a phone the merchant controls (it can show its member code)
    group = honest_group(c, [own, own], consolation_coins=MAX_COINS, winners=1)
    assert group.draw()["status"] == "applied"
    assert group.settle()["status"] == "applied"
    assert balance(seed, own) < 10_000, f"{balance(seed, own):,} coins minted by one 2-seat group"


def test_the_honest_deal_grants_its_consolation_coins(seed: Seed) -> None:
    c = counter(seed)
    members: list[str | None] = [*seed.members[:2]]
    group = honest_group(c, members, consolation_coins=100, winners=1)
    assert group.draw()["status"] == "applied"
    assert group.settle()["status"] == "applied"
    assert sorted(balance(seed, m) for m in seed.members[:2]) == [0, 100]
