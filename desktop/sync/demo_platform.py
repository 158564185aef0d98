"""The demo's own platform: central in-process on 127.0.0.1 (a free port, its SQLite file in the
demo folder), seeded with a merchant, a store, members and a commission schedule, and this
terminal paired to it, so the demo shows "online" with records flowing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.staff import Actor, Role
from desktop.services.base import SYSTEM_ACTOR
from desktop.services.deal_demo import DEMO_MEMBER_ID
from desktop.services.demo import DEMO_STORE_NAME
from desktop.services.demo_sale import keep_demo_authorization, seed_demo_sale
from desktop.sync.runtime import SyncRuntime

if TYPE_CHECKING:
    from central.server import RunningServer
    from desktop.services.registry import Services

CENTRAL_FILE = "central-demo.db"
DEMO_TURNOVER_BP = 300  # 3%; the demo's schedule change makes it 4% (desktop/sync/demo_alliance.py)
DEMO_COIN_MEMBER = "U-demo-chen"  # pays with coins in the demo's first sale
DEMO_MEMBERS = (("13800000001", "陈小姐 Ms Chen", DEMO_COIN_MEMBER), ("13800000002", "刘先生 Mr Liu", None),
                ("13800000003", "周阿姨 Auntie Zhou", None),
                # the member whose code the demo group enrols (desktop/services/deal_demo.py)
                ("13800000004", "吴先生 Mr Wu", DEMO_MEMBER_ID))


def demo_rates(turnover_bp: int = DEMO_TURNOVER_BP) -> Any:
    from central.services.schedules import Rates

    # The seed's numbers: 扣点 20%, deal commission 5%, alliance share 1%, coin cap 10%, a coin 0.10 CNY.
    return Rates(2000, 500, 100, 1000, 10, turnover_bp)


@dataclass
class DemoPlatform:
    server: RunningServer  # central is an optional extra: imported only when the demo starts it

    @property
    def url(self) -> str:
        return self.server.url

    def stop(self) -> None:
        self.server.stop()


def demo_phone_url(services: Services) -> str | None:
    """The join page of the demo's newest open group, as its invite's QR carries it: on the
    embedded platform once paired (a person opens it in a desktop browser)."""
    from desktop.core.groups import GroupState

    open_groups = [g for g in services.group_views.list_groups() if g.state is GroupState.OPEN]
    return services.print_data.invite(open_groups[0].id).join_url if open_groups else None


def start_demo_platform(folder: Path, runtime: SyncRuntime) -> DemoPlatform:
    """Start central and make sure this terminal is paired with it (pairs on first run)."""
    from central.server import start_in_thread

    server = start_in_thread(f"sqlite:///{folder / CENTRAL_FILE}")
    sync = runtime.services.sync
    if sync.pairing() is not None and runtime.token() is not None:
        sync.set_platform_url(SYSTEM_ACTOR, server.url)  # a new port each run
    else:
        # Paired before but the keychain lost the token (no keychain backend keeps it between
        # runs): pair again with the platform seeded then; its first sale and alliance happened.
        seeded = _seeded(server)
        code = _seed_and_code(server)
        runtime.flow.pair(SYSTEM_ACTOR, server.url, code, "Counter 1", force=True)
        if seeded:
            return DemoPlatform(server)
        _first_sale(server, runtime)
        from desktop.sync.demo_alliance import seed_alliance

        seed_alliance(server, runtime, [member_id or _member_of(server, phone) for phone, _n, member_id in DEMO_MEMBERS])
    return DemoPlatform(server)


def _seeded(server: RunningServer) -> bool:
    """The platform holds the demo's store already (a previous run seeded it)."""
    from sqlalchemy import select

    from central.models import Store

    with server.app.state.platform.tx() as session:
        return session.scalar(select(Store.id).where(Store.name == DEMO_STORE_NAME).limit(1)) is not None


def _member_of(server: RunningServer, phone: str) -> str:
    from sqlalchemy import select

    from central.models import Member

    with server.app.state.platform.tx() as session:
        return str(session.scalar(select(Member.id).where(Member.phone == phone)))


def _first_sale(server: RunningServer, runtime: SyncRuntime) -> None:
    """One pull (members, the schedule), then the demo's first sale with coins, and a spare coin
    authorization of the same member for the cashier to scan; pushed by the next sync."""
    services = runtime.services
    client = runtime._client()
    if client is None:
        return
    try:
        runtime.worker_factory(services, client).sync_once()
    finally:
        client.close()
    pairing = services.sync.pairing()
    if pairing is None:
        return
    first, spare = (_authorization(server, pairing.store_id, coins) for coins in (60, 80))
    cashier = next(s for s in services.staff.list_staff() if s.role == Role.CASHIER)
    seed_demo_sale(services, Actor(cashier.id, cashier.name, cashier.role), first)
    keep_demo_authorization(services, spare)


def _authorization(server: RunningServer, store_id: str, coins: int) -> str:
    """What the demo member's phone shows after they reserve coins for this store."""
    from central.services import coin_consents
    from central.services import coins as coin_service

    platform = server.app.state.platform
    with platform.tx() as session:
        answer = coin_service.authorize(session, platform, coin_consents.by_member(DEMO_COIN_MEMBER), store_id,
                                        coins, timedelta(hours=24))
    return str(answer["token"])


def _seed_and_code(server: RunningServer) -> str:
    from sqlalchemy import select

    from central.models import Store
    from central.services import admin, pairing
    from central.services.schedules import add_schedule

    platform = server.app.state.platform
    now = platform.clock()
    with platform.tx() as session:
        # The demo's own store (the platform also holds the alliance's other merchant's store).
        store_id = session.scalar(select(Store.id).where(Store.name == DEMO_STORE_NAME).limit(1))
        if store_id is None:
            merchant = admin.create_merchant(session, "品尚餐饮 Pinshang Dining")
            store_id = admin.create_store(session, merchant, DEMO_STORE_NAME)
            for phone, name, member_id in DEMO_MEMBERS:
                member = admin.create_member(session, phone, name, merchant, member_id, now - timedelta(days=20))
                admin.grant_coins(session, member, 500, "demo", now)
            add_schedule(session, merchant, now - timedelta(days=30), demo_rates(), now)
        return pairing.create_pairing_code(session, store_id, now, timedelta(hours=1))
