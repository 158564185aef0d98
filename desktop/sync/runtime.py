"""The sync as the app runs it: pairing, the worker of the current pairing, the groups' job
(seat online joiners, expire due groups: desktop.sync.group_jobs), and what the UI asks about
it (status text, may we log out). Built by the composition root (desktop.app).
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.core.changes import Change
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.services.base import Actor
from desktop.services.registry import Services
from desktop.store.keychain import SecretVault, token_name
from desktop.sync.client import PlatformClient, PlatformRejected, PlatformUnreachable
from desktop.sync.group_jobs import GroupJob
from desktop.sync.worker import SyncWorker, WorkerState

if TYPE_CHECKING:  # imported when first used: pairing, drawing, coins, reconciliation
    from desktop.services.draws import Beacon, DrawOutcome
    from desktop.services.sync import Pairing
    from desktop.sync import settlement_report
    from desktop.sync.checkout_coins import CoinDesk
    from desktop.sync.pairing import PairingFlow

log = logging.getLogger(__name__)
WorkerFactory = Callable[[Services, PlatformClient], SyncWorker]
CAPTURE_TIMEOUT = 8.0  # a cashier waits for coins; the capture is looked up after a timeout


class SyncRuntime:
    def __init__(self, services: Services, vault: SecretVault | None = None,
                 worker_factory: WorkerFactory = SyncWorker) -> None:
        self.services = services
        self.vault = vault or SecretVault()
        self._flow: PairingFlow | None = None
        self.worker_factory = worker_factory
        self.worker: SyncWorker | None = None
        self.group_job = GroupJob(services)
        self.group_job.listeners.append(lambda _round: self.sync_now())  # push the seats at once
        # told (on the background thread) what each round of the worker or the groups' job
        # changed: desktop.ui.sync_status relays it to the screens' change bus
        self.listeners: list[Callable[[frozenset[Change]], None]] = []
        # told (on the thread that started it: the UI's at start, a worker's after pairing) that
        # a worker now runs: desktop.ui.sync_status watches the network from then on
        self.worker_started: list[Callable[[], None]] = []
        self.group_job.listeners.append(lambda done: self._tell(done.changes))

    @property
    def flow(self) -> PairingFlow:
        """Pairing (made when first needed: an unpaired terminal at its login window never
        imports the HTTP client)."""
        if self._flow is None:
            from desktop.sync.pairing import PairingFlow

            self._flow = PairingFlow(self.services, self.vault)
        return self._flow

    # --- lifecycle -------------------------------------------------------------------------

    def start(self, *, thread: bool = True) -> bool:
        """Start the groups' job, and the worker when paired and the token is at hand; returns
        whether the worker runs. `thread=False` starts no thread (one `run_round()` by hand)."""
        if thread:
            self.group_job.start()  # paired or not: groups expire even offline
        if self.worker is not None:
            return True
        client = self._client()
        if client is None:
            return False
        self.worker = self.worker_factory(self.services, client)
        self.worker.after_pull = self.group_job.wake  # seat the joiners it just pulled
        self.worker.listeners.append(self._tell)
        if thread:
            self.worker.start()
        for listener in list(self.worker_started):
            listener()
        return True

    def stop(self) -> None:
        """At shutdown: stop the worker and the groups' job, waiting for their rounds."""
        self._stop_worker()
        self.group_job.stop()

    def _stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def _tell(self, changes: frozenset[Change]) -> None:
        for listener in list(self.listeners):
            listener(changes)

    def sync_now(self) -> None:
        if self.worker is not None:
            self.worker.wake()

    def pair(self, actor: Actor, url: str, code: str, name: str, *, force: bool = False) -> Pairing:
        """Slow: HTTP. On success the worker of the new pairing starts."""
        self.services.sync.check_may_pair(actor, force=force)
        self._stop_worker()  # no round of the old pairing may record its answers under the new one
        try:
            pairing = self.flow.pair(actor, url, code, name, force=force)
        finally:
            self.start()  # the new pairing's worker, or the old one again if pairing failed
        return pairing

    # --- questions from the UI (main thread; quick, no HTTP) -------------------------------

    def token(self) -> str | None:
        pairing = self.services.sync.pairing()
        return self.vault.get(token_name(pairing.terminal_id)) if pairing else None

    def worker_state(self) -> WorkerState:
        worker = self.worker  # read once: pairing may swap it from another thread
        return worker.state() if worker is not None else WorkerState()

    def logout_guard(self) -> None:
        """Refuse to log out while a paired terminal still has unsent data."""
        if self.services.sync.pairing() is None:
            return
        waiting = self.services.sync.unsent()
        if waiting:
            self.sync_now()
            raise UserError(QT_TRANSLATE_NOOP(
                "errors", "{n} records are still waiting to be sent to the platform. Wait until "
                "the status bar shows 0 waiting, then log out."), n=waiting)

    def settlement(self, actor: Actor, start: datetime, end: datetime) -> settlement_report.Report:
        """The platform's statement for the period beside this terminal's own lines."""
        from desktop.sync import settlement_report

        client = self._paired_client()
        try:
            return settlement_report.build(self.services, actor, client, start, end)
        finally:
            client.close()

    def alliance(self, start: datetime, end: datetime) -> dict[str, Any]:
        """Members locked to this merchant, their spend elsewhere and the share earned, per day."""
        client = self._paired_client()
        try:
            return client.alliance(start, end)
        finally:
            client.close()

    def _paired_client(self) -> PlatformClient:
        client = self._client()
        if client is None:
            raise UserError(QT_TRANSLATE_NOOP("errors", "Pair this terminal with the platform first"))
        return client

    def draw(self, actor: Actor, group_id: str) -> DrawOutcome:
        """Draw a full group: pinshang-draw-v2 when the platform answers with the group's beacon
        (every join pushed first), else pinshang-draw-v1, the merchant's randomness only (offline,
        or the platform refused: the reason is logged). Slow: HTTP."""
        return self.services.draws.draw_and_settle(actor, group_id, self._beacon(group_id))

    def _beacon(self, group_id: str) -> Beacon | None:
        from desktop.services.draws import Beacon

        client, pairing = self._client(), self.services.sync.pairing()
        if client is None or pairing is None:
            return None
        try:
            if self.worker is not None:
                self.worker.run_round()  # push every join, so the platform holds the same D
            question = self.services.draws.beacon_question(group_id)
            answer = client.beacon(group_id, question.commitment, question.digest)
            pinned = base64.b64decode(pairing.platform_public_key)
            if answer.get("platform_key") != pinned.hex():
                log.error("beacon of group %s is signed under %s, not the pinned platform key", group_id,
                          answer.get("platform_key"))
                return None
            return Beacon(bytes.fromhex(str(answer["beacon"])), pinned)
        except (PlatformUnreachable, PlatformRejected, ValueError, KeyError) as exc:
            log.warning("no beacon for group %s (drawn with pinshang-draw-v1): %s", group_id, exc)
            return None
        finally:
            client.close()

    def coin_desk(self) -> CoinDesk:
        """Online coins at the counter (member codes, captures) through this terminal's pairing."""
        from desktop.sync.checkout_coins import CoinDesk

        return CoinDesk(self.services, lambda: self._client(timeout=CAPTURE_TIMEOUT))

    def _client(self, timeout: float = 15) -> PlatformClient | None:
        pairing = self.services.sync.pairing()
        token = self.token()
        if pairing is None or token is None:
            return None
        return PlatformClient(pairing.platform_url, token, timeout=timeout)
