"""The demo's alliance (first run only): a second merchant, 茶语 Tea Talk, whose counter sells
to members locked to the demo's merchant (so the demo earns alliance shares, shown per day),
a member locked to Tea Talk who buys here (a share passed on), an entry fee, a settled group
(deal commission), sales with coins (reimbursements), and one sale recorded under the schedule
version this counter had before the platform's change reached it: a difference, explained.

Everything goes through the real paths: the platform's admin services, the real push of a
second paired counter, this counter's checkout with online coins and its sync."""

from __future__ import annotations

import base64
import logging
import uuid
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.core.checkout import Tender
from desktop.core.staff import Actor
from desktop.services.checkout_order import Order
from desktop.sync.client import PlatformClient
from desktop.sync.runtime import SyncRuntime
from desktop.sync.worker import SyncWorker

if TYPE_CHECKING:
    from central.server import RunningServer

log = logging.getLogger(__name__)
TEA_MERCHANT = "M00000000000tea"
TEA_MEMBER = ("13800000005", "孙女士 Ms Sun", "U0000000000000b1")
DAYS_OF_SALES = 12


def seed_alliance(server: RunningServer, runtime: SyncRuntime, demo_members: list[str]) -> None:
    """Once per demo platform: nothing happens when Tea Talk exists already."""
    from central.models import Merchant
    from central.services import admin, alliance, pairing
    from central.services.schedules import add_schedule, change_schedule
    from desktop.sync.demo_platform import demo_rates

    platform = server.app.state.platform
    now = platform.clock()
    services = runtime.services
    own = services.sync.pairing()
    with platform.tx() as session:
        if own is None or session.get(Merchant, TEA_MERCHANT) is not None:
            return
        admin.create_merchant(session, "茶语 Tea Talk", TEA_MERCHANT)
        tea_store = admin.create_store(session, TEA_MERCHANT, "茶语 人民广场店")
        add_schedule(session, TEA_MERCHANT, now - timedelta(days=60), demo_rates(), now)
        phone, name, member_id = TEA_MEMBER
        admin.create_member(session, phone, name, TEA_MERCHANT, member_id, now - timedelta(days=40))
        admin.grant_coins(session, member_id, 500, "demo", now)
        alliance.entry_fee(session, own.merchant_id, 200_000, now - timedelta(minutes=1),
                           "alliance entry fee (demo)", now)
        code = pairing.create_pairing_code(session, tea_store, now, timedelta(hours=1))
    _tea_counter_sells(server.url, code, demo_members, now)
    worker = SyncWorker(services, PlatformClient(server.url, runtime.token(), timeout=15))
    worker.sync_once()  # the schedules, the members and their locks
    owner = _owner(runtime)
    desk = runtime.coin_desk()
    for member in (demo_members[0], member_id):  # ours with coins; Tea Talk's member with coins
        _sale_with_coins(server, runtime, desk, owner, member)
    _settled_group(runtime, owner)
    worker.sync_once()
    with platform.tx() as session:  # the platform's change, not pulled here yet
        changed_at = platform.clock()
        change_schedule(session, own.merchant_id, changed_at, demo_rates(400), changed_at)
    _sale_with_coins(server, runtime, desk, owner, demo_members[1])
    worker.sync_once()


def _owner(runtime: SyncRuntime) -> Actor:
    owner = runtime.services.staff.list_staff()[0]
    return Actor(owner.id, owner.name, owner.role)


def _tea_counter_sells(url: str, code: str, members: list[str], now: Any) -> None:
    """Tea Talk's counter: members locked to the demo's merchant buy tea on several days."""
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    client = PlatformClient(url, timeout=15)
    try:
        terminal = client.pair(code, base64.b64encode(raw).decode(), "茶语 1号机")["terminal_id"]
        ops: list[tuple[int, str, str, dict[str, Any]]] = []
        for day in range(DAYS_OF_SALES):
            for n, member in enumerate(members[: 1 + day % len(members)]):
                total = 3600 + 1200 * ((day + n) % 4)
                back = DAYS_OF_SALES - 1 - day  # today's a few minutes ago: in the current period
                at = (now - (timedelta(days=back, hours=2 + n) if back else timedelta(minutes=2 + n))).isoformat()
                ops.append((len(ops) + 1, uuid.uuid4().hex, "sale.completed",
                            {"sale_id": uuid.uuid4().hex, "total_fen": total, "base_fen": total,
                             "member_id": member, "at": at, "receipt_no": f"T{len(ops) + 1:04d}"}))
        client.push(terminal, ops)
    finally:
        client.close()


def _sale_with_coins(server: RunningServer, runtime: SyncRuntime, desk: Any, owner: Actor, member: str) -> None:
    from central.services import members

    with server.app.state.platform.tx() as session:
        code = members.current_code(session, member, server.app.state.platform.clock())
    services = runtime.services
    identified = desk.identify(code)
    lines = tuple(services.checkout.line_for_item(item.id) for item in services.checkout.items()[:3])
    order = replace(Order(lines), member=identified.member)
    order = replace(order, coins=services.checkout.totals(order).max_coins)
    payable = services.checkout.totals(order).payable_fen
    desk.complete_sale(owner, order, [Tender("wechat", payable)])


def _settled_group(runtime: SyncRuntime, owner: Actor) -> None:
    """The demo deal's open group, filled with walk-in phones and drawn: a settled group."""
    services = runtime.services
    deal = next((d for d in services.deals.list_deals() if d.launched), None)
    if deal is None:
        return
    group_id = services.groups.open_group(owner, deal.id, "13700001000", "cash")
    for n in range(1, deal.terms.group_size):
        services.groups.enrol(owner, group_id, f"137000010{n:02d}", "cash")
    services.draws.draw_and_settle(owner, group_id)
