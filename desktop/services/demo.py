"""A fresh demo restaurant: store name, menu, staff whose PINs the login screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.catalogue import ItemValues
from desktop.core.clock import Clock, utc_now
from desktop.core.staff import Actor, Role
from desktop.services.base import SYSTEM_ACTOR, ServiceBase
from desktop.services.settings import DEMO_MODE, STORE_ID, STORE_NAME, SettingsService
from desktop.services.staff import StaffService
from desktop.store.catalogue_queries import insert_item
from desktop.store.db import Database
from desktop.store.raw_write import sqlite_of


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
# (SKU, barcode, name, English name, category, price fen, cost fen): a small restaurant's menu.
# Item 1 is the steak set the demo deal sells; the drinks carry the bottles' barcodes.
DEMO_MENU = (
    ("M001", None, "牛排套餐", "Steak set", "主食", 9800, 3000),
    ("M002", None, "双人火锅", "Hot pot for two", "主食", 16800, 5500),
    ("M003", None, "宫保鸡丁饭", "Kung pao chicken rice", "主食", 2800, 900),
    ("M004", None, "红烧牛肉面", "Braised beef noodles", "主食", 2600, 850),
    ("M005", None, "扬州炒饭", "Yangzhou fried rice", "主食", 2200, 600),
    ("M006", None, "小龙虾（1公斤）", "Crayfish (1 kg)", "主食", 12800, 4800),
    ("C001", None, "拍黄瓜", "Smashed cucumber", "凉菜", 1200, 300),
    ("C002", None, "口水鸡", "Mouth-watering chicken", "凉菜", 2800, 1000),
    ("C003", None, "凉拌木耳", "Wood ear salad", "凉菜", 1600, 400),
    ("C004", None, "皮蛋豆腐", "Century egg tofu", "凉菜", 1500, 400),
    ("C005", None, "夫妻肺片", "Sliced beef in chili oil", "凉菜", 3200, 1200),
    ("D001", None, "招牌奶茶", "House milk tea", "饮品", 1800, 400),
    ("D002", None, "柠檬茶", "Lemon tea", "饮品", 1500, 300),
    ("D003", "6901939621257", "可口可乐", "Coca-Cola", "饮品", 600, 250),
    ("D004", "6902538004045", "矿泉水", "Mineral water", "饮品", 400, 120),
    ("D005", "6901035603065", "青岛啤酒", "Tsingtao beer", "饮品", 1000, 450),
    ("D006", None, "鲜榨橙汁", "Fresh orange juice", "饮品", 2200, 700),
    ("S001", None, "芒果布丁", "Mango pudding", "甜点", 1600, 450),
    ("S002", None, "杨枝甘露", "Mango pomelo sago", "甜点", 2200, 650),
    ("S003", None, "红豆冰", "Red bean ice", "甜点", 1400, 350),
    ("S004", None, "蛋挞（4个）", "Egg tarts (4)", "甜点", 1800, 500),
)
DEMO_STORE_NAME = "品尚小馆 Pinshang Bistro"


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
            conn = sqlite_of(tx.session)
            for sku, barcode, name, name_en, category, price, cost in DEMO_MENU:
                insert_item(conn, ItemValues(name, name_en, category, barcode, sku, price, cost), tx.now_iso)
            tx.audit("demo.seeded", menu_items=len(DEMO_MENU))
        from desktop.services.deal_demo import seed_demo_deal  # deals need the menu first

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
