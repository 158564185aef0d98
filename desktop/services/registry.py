"""All services of one store, built by the composition root.

Each service is built, and its module imported, the first time it is asked for
(`services.checkout`): the login window and the store's opening need a handful of the 27, and
the others pull in libraries that cost memory for as long as the process runs (cryptography,
keyring, pypinyin, pydantic). Building is thread-safe (the UI thread and the workers ask for
services), and a service is built once per `Services`: the shared ones stay shared (one
SigningKeyService, which caches the verified keys, for demo, groups, draws and redemption; one
RedemptionService for checkout; print_jobs over print_data, print_queue, printers and settings).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from desktop.core.clock import Clock, utc_now
from desktop.core.pins import PIN_COST, ScryptCost
from desktop.store.db import Database

if TYPE_CHECKING:
    from desktop.services.attention import AttentionService
    from desktop.services.audit import AuditService
    from desktop.services.catalogue import CatalogueService
    from desktop.services.checkout import CheckoutService
    from desktop.services.deals import DealService
    from desktop.services.demo import DemoService
    from desktop.services.draws import DrawService
    from desktop.services.group_views import GroupQueries
    from desktop.services.groups import GroupService
    from desktop.services.join_requests import JoinRequestService
    from desktop.services.print_data import PrintDataService
    from desktop.services.print_jobs import PrintJobService
    from desktop.services.print_queue import PrintQueueService
    from desktop.services.printers import PrinterService
    from desktop.services.redemption import RedemptionService
    from desktop.services.redemption_history import RedemptionHistoryService
    from desktop.services.reports import ReportService
    from desktop.services.sale_refunds import SaleRefundService
    from desktop.services.settings import SettingsService
    from desktop.services.settlement import SettlementService
    from desktop.services.shifts import ShiftService
    from desktop.services.signing_keys import SigningKeyService
    from desktop.services.staff import StaffService, Uptime
    from desktop.services.status import StatusService
    from desktop.services.sync import SyncService
    from desktop.services.sync_pull import SyncPullService

T = TypeVar("T")
WARM_SERVICES = ("checkout", "redemption", "sales", "shifts", "catalogue", "print_jobs", "groups", "draws")


class _Built(Generic[T]):
    """A service made by `make(services)` on first access, under the registry's lock, then kept
    in the instance's __dict__ (this descriptor has no __set__, so later reads never reach it)."""

    def __init__(self, make: Callable[[Services], T]) -> None:
        self.make = make
        self.name = ""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, services: None, owner: type[Any]) -> _Built[T]: ...

    @overload
    def __get__(self, services: Services, owner: type[Any]) -> T: ...

    def __get__(self, services: Services | None, owner: type[Any]) -> _Built[T] | T:
        if services is None:
            return self
        built = services.__dict__
        with services._building:  # reentrant: checkout's factory asks for redemption, which asks for the keys
            if self.name not in built:
                built[self.name] = self.make(services)
            value: T = built[self.name]
            return value


class Services:
    def __init__(self, db: Database, clock: Clock = utc_now, *, pin_cost: ScryptCost = PIN_COST,
                 uptime: Uptime | None = None) -> None:
        self.db = db
        self.clock = clock
        self.pin_cost = pin_cost
        self._uptime = uptime
        self._building = threading.RLock()

    @classmethod
    def build(cls, db: Database, clock: Clock = utc_now, *, pin_cost: ScryptCost = PIN_COST,
              uptime: Uptime | None = None) -> Services:
        """`pin_cost` and `uptime` are for tests only (a cheaper PIN hash, a movable monotonic clock)."""
        return cls(db, clock, pin_cost=pin_cost, uptime=uptime)

    def close(self) -> None:
        self.db.close()

    def warm_up(self) -> None:
        """Once someone has logged in, in the background: build the services a cashier's first
        bill, voucher, refund and print use, and import what their first write needs (the op
        contracts' pydantic, ~0.1 s, and the signatures' cryptography), so the first sale of the
        day does not wait for them. The login window, idle, stays without them."""
        import cryptography.hazmat.primitives.asymmetric.ed25519  # noqa: F401 (imported for the first signature)

        import desktop.core.op_contracts  # noqa: F401 (imported for the first op written)

        for name in WARM_SERVICES:
            getattr(self, name)

    @_Built
    def signing_keys(self) -> SigningKeyService:
        from desktop.services.signing_keys import SigningKeyService

        return SigningKeyService(self.db, self.clock)  # one per Services: it caches the verified keys

    @_Built
    def staff(self) -> StaffService:
        from desktop.services.staff import StaffService, system_uptime

        return StaffService(self.db, self.clock, pin_cost=self.pin_cost, uptime=self._uptime or system_uptime)

    @_Built
    def settings(self) -> SettingsService:
        from desktop.services.settings import SettingsService

        return SettingsService(self.db, self.clock)

    @_Built
    def audit(self) -> AuditService:
        from desktop.services.audit import AuditService

        return AuditService(self.db, self.clock)

    @_Built
    def status(self) -> StatusService:
        from desktop.services.status import StatusService

        return StatusService(self.db, self.clock)

    @_Built
    def demo(self) -> DemoService:
        from desktop.services.demo import DemoService

        return DemoService(self.db, self.clock, self.staff, self.signing_keys)

    @_Built
    def sync(self) -> SyncService:
        from desktop.services.sync import SyncService

        return SyncService(self.db, self.clock)

    @_Built
    def sync_pull(self) -> SyncPullService:
        from desktop.services.sync_pull import SyncPullService

        return SyncPullService(self.db, self.clock)

    @_Built
    def attention(self) -> AttentionService:
        from desktop.services.attention import AttentionService

        return AttentionService(self.db, self.clock)

    @_Built
    def printers(self) -> PrinterService:
        from desktop.services.printers import PrinterService

        return PrinterService(self.db, self.clock)

    @_Built
    def print_queue(self) -> PrintQueueService:
        from desktop.services.print_queue import PrintQueueService

        return PrintQueueService(self.db, self.clock)

    @_Built
    def deals(self) -> DealService:
        from desktop.services.deals import DealService

        return DealService(self.db, self.clock)

    @_Built
    def groups(self) -> GroupService:
        from desktop.services.groups import GroupService

        return GroupService(self.db, self.clock, self.signing_keys)

    @_Built
    def group_views(self) -> GroupQueries:
        from desktop.services.group_views import GroupQueries

        return GroupQueries(self.db, self.clock)

    @_Built
    def join_requests(self) -> JoinRequestService:
        from desktop.services.join_requests import JoinRequestService

        return JoinRequestService(self.db, self.clock)

    @_Built
    def draws(self) -> DrawService:
        from desktop.services.draws import DrawService

        return DrawService(self.db, self.clock, self.signing_keys)

    @_Built
    def redemption(self) -> RedemptionService:
        from desktop.services.redemption import RedemptionService

        return RedemptionService(self.db, self.clock, self.signing_keys)

    @_Built
    def print_data(self) -> PrintDataService:
        from desktop.services.print_data import PrintDataService

        return PrintDataService(self.db, self.clock)

    @_Built
    def print_jobs(self) -> PrintJobService:
        from desktop.services.print_jobs import PrintJobService
        from desktop.services.slip_data import SlipDataService

        return PrintJobService(self.print_data, self.print_queue, self.printers, self.settings,
                               SlipDataService(self.db, self.clock))

    @_Built
    def shifts(self) -> ShiftService:
        from desktop.services.shifts import ShiftService

        return ShiftService(self.db, self.clock)

    @_Built
    def redemption_history(self) -> RedemptionHistoryService:
        from desktop.services.redemption_history import RedemptionHistoryService

        return RedemptionHistoryService(self.db, self.clock)

    @_Built
    def reports(self) -> ReportService:
        from desktop.services.reports import ReportService

        return ReportService(self.db, self.clock)

    @_Built
    def settlement(self) -> SettlementService:
        from desktop.services.settlement import SettlementService

        return SettlementService(self.db, self.clock)

    @_Built
    def checkout(self) -> CheckoutService:
        from desktop.services.checkout import CheckoutService

        return CheckoutService(self.db, self.clock, self.redemption)

    @_Built
    def sales(self) -> SaleRefundService:
        from desktop.services.sale_refunds import SaleRefundService

        return SaleRefundService(self.db, self.clock)

    @_Built
    def catalogue(self) -> CatalogueService:
        from desktop.services.catalogue import CatalogueService

        return CatalogueService(self.db, self.clock)
