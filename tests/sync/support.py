"""Helpers for the sync tests: a paired client terminal, ops written as services write them,
and a look into central's database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import func, select

from central.models import ReceivedOp
from central.models import Terminal as CentralTerminal
from central.server import RunningServer
from desktop.core.ops import OpKind
from desktop.services.base import SYSTEM_ACTOR
from desktop.services.registry import Services
from desktop.store.keychain import SecretVault
from desktop.store.models import OutboxOp
from desktop.sync.client import PlatformClient
from desktop.sync.runtime import SyncRuntime
from desktop.sync.worker import Backoff, SyncWorker
from tests.central.helpers import Seed
from tests.support.stores import FakeClock, open_services


@dataclass
class Terminal:
    services: Services
    runtime: SyncRuntime
    terminal_id: str
    token: str

    def worker(self, url: str, session: requests.Session | None = None, batch_size: int = 50) -> SyncWorker:
        client = PlatformClient(url, self.token, timeout=5, session=session)
        return SyncWorker(self.services, client, batch_size=batch_size, poll_seconds=0.2,
                          backoff=Backoff(base=0.02, cap=0.2))

    def close(self) -> None:
        self.runtime.stop()
        self.services.close()


def make_terminal(folder: Path, seed: Seed, clock: FakeClock, name: str = "Counter 1",
                  store_id: str | None = None) -> Terminal:
    folder.mkdir(parents=True, exist_ok=True)
    services = open_services(folder, clock)
    services.demo.seed()
    runtime = SyncRuntime(services, SecretVault())
    pairing = runtime.flow.pair(SYSTEM_ACTOR, seed.server.url, seed.pairing_code(store_id), name)
    token = runtime.token()
    assert token is not None
    return Terminal(services, runtime, pairing.terminal_id, token)


def enqueue_sales(services: Services, count: int, total_fen: int = 1800) -> list[str]:
    """Write sale ops as the checkout does: business transaction + emit + audit."""
    op_ids = []
    for _ in range(count):
        with services.sync.transaction(SYSTEM_ACTOR) as tx:
            sale_id = uuid.uuid4().hex
            op_id = tx.emit(OpKind.SALE_COMPLETED, {"sale_id": sale_id, "total_fen": total_fen, "coins": 0,
                                                 "coin_fen": 0, "schedule_version": 1})
            tx.audit("sale.completed", sale_id=sale_id)
            tx.session.flush()
            op_ids.append(op_id)
    return op_ids


def outbox(services: Services) -> list[OutboxOp]:
    with services.db.read() as s:
        return list(s.scalars(select(OutboxOp).order_by(OutboxOp.seq)).all())


def central_seen(server: RunningServer, terminal_id: str) -> dict[str, Any]:
    """What central holds for a terminal: last_seq, and how often each op_id was applied."""
    platform = server.app.state.platform
    with platform.tx() as session:
        last_seq = session.scalar(select(CentralTerminal.last_seq).where(CentralTerminal.id == terminal_id))
        applied = dict(session.execute(select(ReceivedOp.op_id, func.count()).where(
            ReceivedOp.status == "applied").group_by(ReceivedOp.op_id)).all())
    return {"last_seq": last_seq, "applied": applied}


def central_member_ids(server: RunningServer) -> set[str]:
    from central.models import Member

    with server.app.state.platform.tx() as session:
        return set(session.scalars(select(Member.id)))
