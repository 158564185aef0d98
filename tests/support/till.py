"""A till paired with the real platform on 127.0.0.1 (a movable platform clock that the
terminal's clock follows), with a funded member: for the checkout tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import select

from central.models import CoinTransfer
from central.server import RunningServer, start_in_thread
from desktop.core.checkout import OrderLine
from desktop.core.staff import Actor, Role
from desktop.services.checkout_order import Order
from desktop.sync.checkout_coins import CoinDesk
from desktop.sync.client import PlatformClient
from tests.central.helpers import MovableClock, Seed, seed_platform
from tests.support.stores import FakeClock
from tests.sync.support import Terminal, make_terminal

CASHIER = Actor(3, "小张", Role.CASHIER)
MANAGER = Actor(2, "李经理", Role.MANAGER)


@dataclass
class Till:
    server: RunningServer
    seed: Seed
    terminal: Terminal
    platform_clock: MovableClock
    clock: FakeClock
    member: str

    @property
    def services(self) -> Any:
        return self.terminal.services

    def client(self, session: requests.Session | None = None) -> PlatformClient:
        return PlatformClient(self.server.url, self.terminal.token, timeout=5, session=session)

    def desk(self, session: requests.Session | None = None) -> CoinDesk:
        return CoinDesk(self.services, lambda: self.client(session))

    def sync(self) -> None:
        worker = self.terminal.worker(self.server.url)
        worker.sync_once()

    def step(self, seconds: float = 30) -> None:
        """Both clocks move on (a member shows a new code every 30 s)."""
        self.platform_clock.advance(seconds=seconds)
        self.clock.now = self.platform_clock.now

    def fresh_code(self) -> str:
        code = self.seed.fresh_code(self.member)
        self.clock.now = self.platform_clock.now
        return code

    def authorization(self, coins: int, ttl_seconds: int = 900, store_id: str | None = None) -> str:
        """What the member's phone shows: a coin authorization for this store."""
        token = self.seed.member_token(self.member)
        answer = requests.post(f"{self.server.url}/v1/me/coin-authorizations",
                               json={"store_id": store_id or self.seed.store_id, "max_coins": coins,
                                     "ttl_seconds": ttl_seconds},
                               headers={"Authorization": f"Member {token}"}, timeout=10)
        assert answer.status_code == 200, answer.text
        return str(answer.json()["token"])

    def order(self, *lines: OrderLine) -> Order:
        if lines:
            return Order(lines)
        items = self.services.checkout.items()
        return Order(tuple(self.services.checkout.line_for_item(item.id) for item in items[:3]))

    def balance(self) -> int:
        return self.seed.balance(self.member)

    def capture_transfers(self) -> list[CoinTransfer]:
        with self.server.app.state.platform.tx() as session:
            return list(session.scalars(select(CoinTransfer).where(
                CoinTransfer.debit == f"member:{self.member}", CoinTransfer.kind != "pending")))


def open_till(folder: Path, clock: FakeClock, coins: int = 1000) -> Iterator[Till]:
    platform_clock = MovableClock(datetime.now(UTC).replace(microsecond=0))
    clock.now = platform_clock.now
    server = start_in_thread(f"sqlite:///{folder / 'central.db'}", clock=platform_clock)
    seed = seed_platform(server)
    terminal = make_terminal(folder / "till", seed, clock)
    member = seed.members[0]
    seed.grant(member, coins)
    till = Till(server, seed, terminal, platform_clock, clock, member)
    till.sync()  # members, the schedule and the platform's key
    try:
        yield till
    finally:
        terminal.close()
        server.stop()
