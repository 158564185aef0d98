"""All services of one store, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.clock import Clock, utc_now
from desktop.services.audit import AuditService
from desktop.services.demo import DemoService
from desktop.services.settings import SettingsService
from desktop.services.staff import StaffService
from desktop.services.status import StatusService
from desktop.store.db import Database


@dataclass
class Services:
    db: Database
    staff: StaffService
    settings: SettingsService
    audit: AuditService
    status: StatusService
    demo: DemoService

    @classmethod
    def build(cls, db: Database, clock: Clock = utc_now) -> Services:
        return cls(
            db=db,
            staff=StaffService(db, clock),
            settings=SettingsService(db, clock),
            audit=AuditService(db, clock),
            status=StatusService(db, clock),
            demo=DemoService(db, clock),
        )

    def close(self) -> None:
        self.db.close()
