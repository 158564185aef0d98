"""A fresh demo restaurant: store name, menu, staff whose PINs the login screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.clock import Clock, utc_now
from desktop.core.staff import Actor, Role
from desktop.services.base import SYSTEM_ACTOR, ServiceBase
from desktop.services.settings import DEMO_MODE, STORE_ID, STORE_NAME, SettingsService
from desktop.services.staff import StaffService
from desktop.store.db import Database
from desktop.store.models import MenuItem


@dataclass(frozen=True)
class DemoStaff:
    name: str
    role: Role
    pin: str


DEMO_STAFF = (
    DemoStaff("王店长", Role.OWNER, "1111"),
    DemoStaff("李经理", Role.MANAGER, "2222"),
    DemoStaff("小张", Role.CASHIER, "3333"),
)
DEMO_MENU = (
    ("牛排套餐 Steak set", 9800, 3000),
    ("双人火锅 Hot pot for two", 16800, 5500),
    ("招牌奶茶 House milk tea", 1800, 400),
    ("小龙虾 Crayfish (1 kg)", 12800, 4800),
)
DEMO_STORE_NAME = "品尚小馆 Pinshang Bistro"
# The demo shift's float, by denomination in fen: ¥500.
DEMO_FLOAT = {10000: 2, 5000: 2, 2000: 5, 1000: 5, 500: 6, 100: 15, 50: 8, 10: 10}


class DemoService(ServiceBase):
    def __init__(self, db: Database, clock: Clock = utc_now, staff: StaffService | None = None,
                 keys: Any = None) -> None:
        super().__init__(db, clock)
        self.staff = staff or StaffService(db, clock)
        self.keys = keys  # the process's SigningKeyService: the demo group's join token uses it

    def seed(self) -> None:
        """Idempotent: does nothing on a store that already has staff. The demo PINs (1111...)
        are shown on the login screen, so they are seeded past the guessable-PIN rule."""
        staff = self.staff
        if staff.has_staff():
            return
        owner = staff.seed_demo_staff([(spec.name, spec.role, spec.pin) for spec in DEMO_STAFF])
        settings = SettingsService(self.db, self.clock)
        settings.set(owner, STORE_NAME, DEMO_STORE_NAME)
        settings.set(owner, STORE_ID, "demo-store")
        settings.set(owner, DEMO_MODE, "1")
        with self.transaction(SYSTEM_ACTOR) as tx:
            for name, price, cost in DEMO_MENU:
                tx.session.add(MenuItem(name=name, price_fen=price, cost_fen=cost, active=True))
            tx.audit("demo.seeded", menu_items=len(DEMO_MENU))
        from desktop.services.deal_demo import seed_demo_deal  # deals need the menu first
        from desktop.services.shifts import ShiftService  # the demo's deposits go through a drawer

        ShiftService(self.db, self.clock).open(owner, DEMO_FLOAT)

        seed_demo_deal(self.db, self.clock, owner, keys=self.keys)
        self._seed_pdf_printer(owner)

    def _seed_pdf_printer(self, owner: Actor) -> None:
        """Printing works out of the box in the demo: every document becomes a PDF file."""
        from desktop.documents.kinds import DOCUMENT_KINDS
        from desktop.services.printers import Connection, PrinterService, PrinterSettings

        printers = PrinterService(self.db, self.clock)
        folder = self.db.path.parent / "printed"
        printer_id = printers.save(owner, PrinterSettings(
            name="PDF 文件夹 PDF folder", connection=Connection.PDF, pdf_folder=str(folder), paper_mm=80))
        for kind in DOCUMENT_KINDS:
            printers.set_route(owner, kind, printer_id)
