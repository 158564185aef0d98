"""All services of one store, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.clock import Clock, utc_now
from desktop.core.pins import PIN_COST, ScryptCost
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
from desktop.services.slip_data import SlipDataService
from desktop.services.staff import StaffService, Uptime, system_uptime
from desktop.services.status import StatusService
from desktop.services.sync import SyncService
from desktop.services.sync_pull import SyncPullService
from desktop.store.db import Database


@dataclass
class Services:
    db: Database
    staff: StaffService
    settings: SettingsService
    audit: AuditService
    status: StatusService
    demo: DemoService
    sync: SyncService
    sync_pull: SyncPullService
    attention: AttentionService
    printers: PrinterService
    print_queue: PrintQueueService
    deals: DealService
    groups: GroupService
    group_views: GroupQueries
    join_requests: JoinRequestService
    signing_keys: SigningKeyService
    draws: DrawService
    redemption: RedemptionService
    print_data: PrintDataService
    print_jobs: PrintJobService
    shifts: ShiftService
    redemption_history: RedemptionHistoryService
    reports: ReportService
    settlement: SettlementService
    checkout: CheckoutService
    sales: SaleRefundService
    catalogue: CatalogueService

    @classmethod
    def build(cls, db: Database, clock: Clock = utc_now, *, pin_cost: ScryptCost = PIN_COST,
              uptime: Uptime = system_uptime) -> Services:
        """`pin_cost` and `uptime` are for tests only (a cheaper PIN hash, a movable monotonic clock)."""
        keys = SigningKeyService(db, clock)  # one per process: it caches the verified keys
        staff = StaffService(db, clock, pin_cost=pin_cost, uptime=uptime)
        settings = SettingsService(db, clock)
        printers, queue = PrinterService(db, clock), PrintQueueService(db, clock)
        print_data = PrintDataService(db, clock)
        redemption = RedemptionService(db, clock, keys)
        return cls(
            db=db,
            staff=staff,
            settings=settings,
            audit=AuditService(db, clock),
            status=StatusService(db, clock),
            demo=DemoService(db, clock, staff, keys),
            sync=SyncService(db, clock),
            sync_pull=SyncPullService(db, clock),
            attention=AttentionService(db, clock),
            printers=printers,
            print_queue=queue,
            deals=DealService(db, clock),
            groups=GroupService(db, clock, keys),
            group_views=GroupQueries(db, clock),
            join_requests=JoinRequestService(db, clock),
            signing_keys=keys,
            draws=DrawService(db, clock, keys),
            redemption=redemption,
            print_data=print_data,
            print_jobs=PrintJobService(print_data, queue, printers, settings, SlipDataService(db, clock)),
            shifts=ShiftService(db, clock),
            redemption_history=RedemptionHistoryService(db, clock),
            reports=ReportService(db, clock),
            settlement=SettlementService(db, clock),
            checkout=CheckoutService(db, clock, redemption),
            sales=SaleRefundService(db, clock),
            catalogue=CatalogueService(db, clock),
        )

    def close(self) -> None:
        self.db.close()
