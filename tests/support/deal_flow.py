"""Helpers for deal tests: the demo store's actors and example D (98 CNY steak set)."""

from __future__ import annotations

from datetime import timedelta

from desktop.core.deals import DealTerms
from desktop.core.staff import Role
from desktop.services.base import Actor
from desktop.services.registry import Services

PHONES = ("13800000001", "13800000002", "13800000003", "13800000004", "13800000005",
          "13800000006", "13800000007")

EXAMPLE_D = DealTerms(
    product_name="牛排套餐 Steak set",
    market_value_fen=9800,
    cost_fen=3000,
    group_price_fen=9800,
    group_size=5,
    winners=1,
    consolation_cash_fen=500,
    consolation_coins=10,
    fill_window=timedelta(hours=2),
    max_open_groups=3,
)


def actor(services: Services, name: str) -> Actor:
    info = next(i for i in services.staff.list_staff() if i.name == name)
    return Actor(info.id, info.name, info.role)


def manager(services: Services) -> Actor:
    return actor(services, "李经理")


def cashier(services: Services) -> Actor:
    found = actor(services, "小张")
    assert found.role is Role.CASHIER
    return found


def launched_deal(services: Services, terms: DealTerms = EXAMPLE_D) -> str:
    boss = manager(services)
    deal_id = services.deals.save_draft(boss, terms, "021-12345678", "品尚小馆 收银台")
    services.deals.launch(boss, deal_id)
    return deal_id


def full_group(services: Services, deal_id: str, size: int = 5) -> str:
    staff = cashier(services)
    group_id = services.groups.open_group(staff, deal_id, PHONES[0], "cash")
    for phone in PHONES[1:size]:
        services.groups.enrol(staff, group_id, phone, "card")
    return group_id
