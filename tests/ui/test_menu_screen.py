"""The Menu screen driven as a manager would: search, filter, add, edit a price (a new
version), take off sale, import a bad file (every row named, nothing written), import a good
one with progress, export; the item model passes Qt's model tester."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.staff import Role
from desktop.services.base import Actor
from desktop.services.catalogue import HEADER, ItemFilter
from desktop.ui.menu_item_dialog import MenuItemDialog
from desktop.ui.models.catalogue_model import PAGE, CatalogueModel
from tests.support.typing import type_text
from tests.ui.conftest import login, settle

MANAGER = Actor(2, "李经理", Role.MANAGER)


def open_menu(qtbot, shell):
    window = login(qtbot, shell, "李经理", "2222")
    return window.open_screen("menu")


def shown_names(screen) -> list[str]:
    return [screen.model.index(r, 0).data() for r in range(screen.model.rowCount())]


def select(qtbot, screen, name: str) -> None:
    row = shown_names(screen).index(name)
    rect = screen.table.visualRect(screen.model.index(row, 0))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def dialog() -> MenuItemDialog:
    found = QApplication.activeModalWidget()
    assert isinstance(found, MenuItemDialog)
    return found


def test_search_and_category_filter(qtbot, shell) -> None:
    screen = open_menu(qtbot, shell)
    assert screen.model.rowCount() == 21 and screen.count.text() == "21 items"
    qtbot.keyClicks(screen.search, "zpnc")
    assert shown_names(screen) == ["招牌奶茶"]
    screen.search.clear()
    type_text(qtbot, screen.search, "芒果")
    assert shown_names(screen) == ["芒果布丁"]
    screen.search.clear()
    screen.category.setCurrentIndex(screen.category.findData("凉菜"))
    assert len(shown_names(screen)) == 5 and screen.category.currentText() == "凉菜 (5)"


def test_adding_an_item_and_changing_its_price_makes_a_new_version(qtbot, shell, demo_services) -> None:
    screen = open_menu(qtbot, shell)
    qtbot.mouseClick(screen.add, Qt.MouseButton.LeftButton)
    form = dialog()
    type_text(qtbot, form.name, "酸菜鱼")
    qtbot.keyClicks(form.name_en, "Pickled cabbage fish")
    type_text(qtbot, form.category.lineEdit(), "主食")
    qtbot.keyClicks(form.price, "68")
    qtbot.keyClicks(form.sku, "M007")
    form.save()
    settle(qtbot)
    assert screen.message.text() == "Saved 酸菜鱼"
    fish = demo_services.catalogue.scan("M007")
    assert (fish.price_fen, fish.category, fish.price_version) == (6800, "主食", 1)
    qtbot.keyClicks(screen.search, "scy")
    select(qtbot, screen, "酸菜鱼")
    qtbot.mouseClick(screen.edit, Qt.MouseButton.LeftButton)
    form = dialog()
    assert form.price.text() == "68.00"
    form.price.clear()
    qtbot.keyClicks(form.price, "72.50")
    form.save()
    settle(qtbot)
    after = demo_services.catalogue.scan("M007")
    assert (after.price_fen, after.price_version) == (7250, 2)
    assert demo_services.catalogue.price_at(after.id, 1).price_fen == 6800
    assert screen.model.index(0, CatalogueModel.PRICE).data() == "CNY 72.50"


def test_a_refused_save_keeps_the_dialog_open_with_the_reason(qtbot, shell, demo_services) -> None:
    screen = open_menu(qtbot, shell)
    qtbot.mouseClick(screen.add, Qt.MouseButton.LeftButton)
    form = dialog()
    type_text(qtbot, form.name, "可乐")
    qtbot.keyClicks(form.price, "6.0.0")
    form.save()
    assert "is not an amount of money" in form.message.text() and form.isVisible()
    form.price.clear()
    qtbot.keyClicks(form.price, "6")
    qtbot.keyClicks(form.barcode, "6901939621257")  # the Coca-Cola's
    form.save()
    settle(qtbot)
    assert form.isVisible() and form.message.text() == "The barcode 6901939621257 is already on 可口可乐"
    form.reject()
    assert demo_services.catalogue.count(ItemFilter(enabled_only=False)) == 21


def test_taking_an_item_off_sale_and_back(qtbot, shell, demo_services) -> None:
    screen = open_menu(qtbot, shell)
    select(qtbot, screen, "青岛啤酒")
    qtbot.mouseClick(screen.toggle, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.message.text() == "青岛啤酒 is off sale"
    assert not demo_services.catalogue.find_code("D005").active
    row = shown_names(screen).index("青岛啤酒")
    assert screen.model.index(row, CatalogueModel.STATE).data() == "No (disabled)"
    select(qtbot, screen, "青岛啤酒")
    qtbot.mouseClick(screen.toggle, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert demo_services.catalogue.find_code("D005").active


def write_csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([",".join(HEADER), *rows]) + "\n", encoding="utf-8")
    return path


def test_a_bad_file_lists_every_row_and_writes_nothing(qtbot, shell, demo_services, tmp_path) -> None:
    screen = open_menu(qtbot, shell)
    bad = write_csv(tmp_path / "bad.csv", "X1,,烤鸭,Roast duck,主食,88.00,30.00,1",
                    "X2,,烧鹅,Roast goose,主食,abc,30.00,1", "X3,6901939621257,汽水,Soda,饮品,5.00,,1")
    screen.import_file(bad)
    settle(qtbot)
    assert screen.message.text().startswith("2 rows of the file have problems; nothing was imported")
    problems = [screen.problems.item(i).text() for i in range(screen.problems.count())]
    assert problems[0].startswith("Row 3: “abc” is not an amount of money")
    assert problems[1] == "Row 4: The barcode 6901939621257 is already on the item with SKU D003"
    assert demo_services.catalogue.find_code("X1") is None


def test_a_good_file_imports_with_progress_and_export_round_trips(qtbot, shell, demo_services, tmp_path) -> None:
    screen = open_menu(qtbot, shell)
    rows = [f"N{n:04d},,菜{n},Dish {n},新菜,{n}.00,1.00,1" for n in range(1, 2501)]
    screen.import_file(write_csv(tmp_path / "good.csv", *rows))
    settle(qtbot, timeout=30000)
    assert screen.message.text() == "Imported 2500 rows: 2500 added, 0 changed, 0 unchanged"
    assert screen.progress.maximum() == 2500 and screen.progress.value() == 2500
    assert screen.model.rowCount() == 2521
    out = tmp_path / "menu.csv"
    screen.export_file(out)
    settle(qtbot)
    assert screen.message.text() == f"Exported 2521 items to {out}"
    assert out.read_text(encoding="utf-8-sig") == demo_services.catalogue.export_csv_text()


def test_the_item_model_passes_qts_model_tester_and_reads_by_pages(qtmodeltester, demo_services) -> None:
    demo_services.catalogue.import_csv(MANAGER, ("\n".join(
        [",".join(HEADER), *(f"P{n:04d},,品{n},Item {n},批量,{n}.00,,1" for n in range(600))]) + "\n").encode())
    model = CatalogueModel(demo_services.catalogue)
    model.reload()
    assert model.rowCount() == 621
    qtmodeltester.check(model, force_py=True)
    assert len(model.pages) <= 16
    model.set_filter(ItemFilter("item 599", None, enabled_only=False))
    assert model.rowCount() == 1 and model.index(0, 0).data() == "品599"
    assert PAGE == 200
