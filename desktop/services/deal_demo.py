"""The demo store's lottery deal: example D of docs/deals.md (98 CNY steak set, 5 people, 1 winner,
5 CNY consolation), launched, with one open group of three so every screen has content."""

from __future__ import annotations

from datetime import timedelta

from desktop.core.clock import Clock
from desktop.core.deals import DealTerms
from desktop.services.base import Actor
from desktop.services.deals import DealService
from desktop.services.groups import GroupService
from desktop.services.signing_keys import SigningKeyService
from desktop.store.db import Database

DEMO_DEAL = DealTerms(
    product_name="牛排套餐 Steak set",
    market_value_fen=9800,
    cost_fen=3000,
    group_price_fen=9800,
    group_size=5,
    winners=1,
    consolation_cash_fen=500,
    fill_window=timedelta(hours=24),
    max_open_groups=3,
)
DEMO_MEMBER_ID = "U0000000000000a1"  # a member of the demo platform (desktop/sync/demo_platform.py)
DEMO_ENTRIES = ("13800138001", DEMO_MEMBER_ID, "13900139002")


def seed_demo_deal(db: Database, clock: Clock, owner: Actor, menu_item_id: int | None = 1,
                   keys: SigningKeyService | None = None) -> str:
    """Returns the open group's id."""
    deals = DealService(db, clock)
    deal_id = deals.save_draft(owner, DEMO_DEAL, "021-6288 8888", "品尚小馆 收银台",
                               menu_item_id)
    deals.launch(owner, deal_id)
    groups = GroupService(db, clock, keys)
    leader, *others = DEMO_ENTRIES
    group_id = groups.open_group(owner, deal_id, leader, "cash")
    for who in others:
        groups.enrol(owner, group_id, who, "card")
    return group_id
