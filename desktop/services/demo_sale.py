"""The demo store's first sale: three dishes for a member who pays part with shopping coins
(their platform-signed coin authorization), part cash and part WeChat Pay, with change. Made by
the demo's own platform (desktop.sync.demo_platform), once."""

from __future__ import annotations

from dataclasses import replace

from desktop.core.checkout import Tender
from desktop.core.settings_keys import DEMO_COIN_AUTHORIZATION
from desktop.core.staff import Actor
from desktop.services.base import SYSTEM_ACTOR
from desktop.services.checkout_order import Order
from desktop.services.checkout_writes import CompletedSale
from desktop.services.registry import Services
from desktop.services.settings import put_setting

WECHAT_FEN = 10_000


def seed_demo_sale(services: Services, cashier: Actor, authorization: str) -> CompletedSale | None:
    """Ring up the demo sale with the coins of `authorization`; None when the store has sales."""
    if services.sales.has_sales():
        return None
    checkout = services.checkout
    items = checkout.items()[:3]
    order = Order()
    for item in items:
        order = order.with_item(checkout.line_for_item(item.id))
    member = checkout.accept_authorization(authorization, None)
    order = replace(order, member=member)
    order = replace(order, coins=checkout.totals(order).max_coins)
    payable = checkout.totals(order).payable_fen
    wechat = min(WECHAT_FEN, payable - 100)
    cash_due = payable - wechat
    cash = (cash_due + 999) // 1000 * 1000  # a 10-yuan note more than due: change to give
    return checkout.complete(cashier, order, [Tender("wechat", wechat, "4200001234"), Tender("cash", cash)])


def keep_demo_authorization(services: Services, authorization: str) -> None:
    """A second authorization of the demo member, for the cashier to try (and the screenshots)."""
    with services.settings.transaction(SYSTEM_ACTOR) as tx:
        put_setting(tx.session, DEMO_COIN_AUTHORIZATION, authorization)
        tx.audit("settings.changed", key=DEMO_COIN_AUTHORIZATION, value="(coin authorization)")
