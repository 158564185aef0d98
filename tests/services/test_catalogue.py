"""The catalogue on a real store: versions of prices, search, scan, permissions, CSV import
(all or nothing, row numbers), export round trip, a 50,000-row import in chunks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.catalogue import ItemValues
from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.staff import Role
from desktop.services.base import Actor
from desktop.services.catalogue import HEADER, CatalogueImportError, ItemFilter
from desktop.store.models import AuditRecord, MenuItem, MenuItemPrice, MenuSearchTerm

MANAGER = Actor(2, "李经理", Role.MANAGER)
CASHIER = Actor(3, "小张", Role.CASHIER)


def tea(**changes: object) -> ItemValues:
    base = dict(name="招牌奶茶", name_en="House milk tea", category="饮品", barcode="6900000000017",
                sku="T-01", price_fen=1800, cost_fen=400)
    base.update(changes)
    return ItemValues(**base)  # type: ignore[arg-type]


def audit_actions(services) -> list[str]:
    with services.db.read() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))


def test_a_sale_keeps_the_price_of_its_version_after_an_edit(services, clock) -> None:
    item = services.catalogue.add(MANAGER, tea())
    assert (item.price_fen, item.price_version) == (1800, 1)
    rung_at = (item.id, item.price_version)  # what a sale line records
    clock.advance(days=1)
    edited = services.catalogue.edit(MANAGER, item.id, tea(price_fen=2000, cost_fen=450))
    assert (edited.price_fen, edited.cost_fen, edited.price_version) == (2000, 450, 2)
    old = services.catalogue.price_at(*rung_at)
    assert (old.price_fen, old.cost_fen) == (1800, 400)
    assert services.catalogue.price_at(item.id, 2).price_fen == 2000
    assert [p.version for p in services.catalogue.price_history(item.id)] == [1, 2]
    with pytest.raises(ValidationError, match="no price version"):
        services.catalogue.price_at(item.id, 3)


def test_a_name_or_category_edit_keeps_the_price_version(services) -> None:
    item = services.catalogue.add(MANAGER, tea())
    edited = services.catalogue.edit(MANAGER, item.id, tea(name="特调奶茶", category="特饮"))
    assert (edited.name, edited.category, edited.price_version) == ("特调奶茶", "特饮", 1)
    assert services.catalogue.search("tdnc")[0].id == item.id  # the new name's initials
    assert services.catalogue.search("zpnc") == []  # the old name's are gone
    with services.db.read() as s:
        detail = json.loads(s.scalars(select(AuditRecord.detail).where(
            AuditRecord.action == "menu.item_edited")).one())
    assert detail["name"] == {"before": "招牌奶茶", "after": "特调奶茶"}
    assert "price_fen" not in detail


def test_search_by_name_english_pinyin_initials_barcode_and_sku(demo_services) -> None:
    catalogue = demo_services.catalogue

    def names(text: str) -> list[str]:
        return [row.name for row in catalogue.search(text)]

    assert names("奶茶") == ["招牌奶茶"]  # a part of the Chinese name
    assert names("zpnc") == ["招牌奶茶"]  # initials
    assert "招牌奶茶" in names("nc")  # initials from a later syllable
    assert names("NAICHA") == ["招牌奶茶"]  # full pinyin, any case
    assert names("milk") == ["招牌奶茶"]  # English word
    assert set(names("mango")) == {"芒果布丁", "杨枝甘露"}
    assert names("mango pudding") == ["芒果布丁"]  # every word must match
    assert names("690193") == ["可口可乐"]  # barcode prefix
    assert names("D005") == ["青岛啤酒"]  # SKU
    assert names("ｍｉｌｋ") == ["招牌奶茶"]  # full-width letters from a Chinese keyboard
    assert names("   ") == [] and names("xyzzy") == []


def test_scan_finds_by_barcode_or_sku_and_refuses_the_unknown_and_disabled(demo_services) -> None:
    catalogue = demo_services.catalogue
    assert catalogue.scan("6901939621257").name == "可口可乐"
    assert catalogue.scan(" M001 ").name == "牛排套餐"
    with pytest.raises(ValidationError, match="No menu item has the code 123"):
        catalogue.scan("123")
    cola = catalogue.scan("6901939621257")
    catalogue.set_enabled(MANAGER, cola.id, False)
    with pytest.raises(ValidationError, match="is not on sale"):
        catalogue.scan("6901939621257")
    assert catalogue.search("cola") == []
    assert [r.name for r in catalogue.search("cola", enabled_only=False)] == ["可口可乐"]
    assert "menu.item_disabled" in audit_actions(demo_services)


def test_categories_and_their_items_for_the_till(demo_services) -> None:
    catalogue = demo_services.catalogue
    counts = {c.name: c.count for c in catalogue.categories()}
    assert counts == {"主食": 6, "凉菜": 5, "饮品": 6, "甜点": 4}
    drinks = catalogue.items_of_category("饮品")
    catalogue.set_enabled(MANAGER, drinks[0].id, False)
    assert len(catalogue.items_of_category("饮品")) == 5
    assert len(catalogue.items_of_category("饮品", enabled_only=False)) == 6
    assert {c.name: c.count for c in catalogue.categories()}["饮品"] == 5
    assert catalogue.count(ItemFilter("", "饮品", enabled_only=False)) == 6


def test_demo_items_have_their_first_price_version(demo_services) -> None:
    with demo_services.db.read() as s:
        items = s.scalars(select(MenuItem)).all()
        versions = {(p.item_id, p.version): p.price_fen for p in s.scalars(select(MenuItemPrice))}
    assert len(items) >= 20
    assert all(versions[(i.id, 1)] == i.price_fen and i.name_en and i.category for i in items)
    assert sum(1 for i in items if i.barcode) >= 3


def test_a_cashier_may_not_change_the_menu(services) -> None:
    with pytest.raises(PermissionDenied):
        services.catalogue.add(CASHIER, tea())
    item = services.catalogue.add(MANAGER, tea())
    with pytest.raises(PermissionDenied):
        services.catalogue.edit(CASHIER, item.id, tea(price_fen=1))
    with pytest.raises(PermissionDenied):
        services.catalogue.set_enabled(CASHIER, item.id, False)
    with pytest.raises(PermissionDenied):
        services.catalogue.import_csv(CASHIER, b"")
    assert services.catalogue.item(item.id).price_fen == 1800


def test_bad_values_and_taken_codes_are_refused(services) -> None:
    catalogue = services.catalogue
    catalogue.add(MANAGER, tea())
    with pytest.raises(ValidationError, match="barcode 6900000000017 is already on 招牌奶茶"):
        catalogue.add(MANAGER, tea(sku="T-02", name="别的"))
    with pytest.raises(ValidationError, match="SKU T-01 is already"):
        catalogue.add(MANAGER, tea(barcode=None))
    with pytest.raises(ValidationError, match="name is 1 to 128"):
        catalogue.add(MANAGER, tea(name="  ", sku="X", barcode=None))
    with pytest.raises(ValidationError, match="between 0.00"):
        catalogue.add(MANAGER, tea(price_fen=-1, sku="X", barcode=None))
    with pytest.raises(ValidationError, match="without spaces"):
        catalogue.add(MANAGER, tea(barcode="12 34", sku="X"))
    assert catalogue.count(ItemFilter(enabled_only=False)) == 1


def csv_bytes(*rows: str) -> bytes:
    return ("\n".join([",".join(HEADER), *rows]) + "\n").encode()


def test_an_import_with_a_bad_row_writes_nothing_and_names_every_row(services) -> None:
    data = csv_bytes(
        "A1,,宫保鸡丁,Kung pao chicken,热菜,28.00,9.00,1",
        "A2,,麻婆豆腐,Mapo tofu,热菜,18.5O,6.00,1",  # letter O in the price
        ",,无编号,No SKU,热菜,10.00,,1",
        "A1,,重复,Duplicate,热菜,10.00,,1",
        "A4,,开关,Switch,热菜,10.00,,maybe",
        "A5,,少一列,Short,热菜,10.00,",
    )
    with pytest.raises(CatalogueImportError) as caught:
        services.catalogue.import_csv(MANAGER, data, source="menu.csv")
    problems = {p.row: p.error.render() for p in caught.value.problems}
    assert sorted(problems) == [3, 4, 5, 6, 7]
    assert "18.5O" in problems[3] and "SKU is missing" in problems[4]
    assert "also on row 2" in problems[5] and "maybe" in problems[6] and "7 columns" in problems[7]
    assert "5 rows of the file have problems" in caught.value.render()
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MenuItem)) == 0
        assert s.scalar(select(func.count()).select_from(MenuSearchTerm)) == 0


def test_a_wrong_header_or_a_barcode_of_another_item_is_refused(services) -> None:
    with pytest.raises(CatalogueImportError) as caught:
        services.catalogue.import_csv(MANAGER, b"name,price\nx,1\n")
    assert caught.value.problems[0].row == 0 and "header" in caught.value.problems[0].error.render()
    services.catalogue.add(MANAGER, tea())
    with pytest.raises(CatalogueImportError) as caught:
        services.catalogue.import_csv(MANAGER, csv_bytes("B1,6900000000017,别的,Other,饮品,1.00,,1"))
    assert caught.value.problems[0].row == 2


def test_import_upserts_by_sku_and_a_price_change_is_a_new_version(services) -> None:
    catalogue = services.catalogue
    first = catalogue.import_csv(MANAGER, csv_bytes("A1,,宫保鸡丁,Kung pao,热菜,28.00,9.00,1",
                                                    "A2,,麻婆豆腐,Mapo tofu,热菜,18,6,1"))
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    again = catalogue.import_csv(MANAGER, csv_bytes("A1,,宫保鸡丁,Kung pao,热菜,30.00,9.00,1",
                                                    "A2,,麻婆豆腐,Mapo tofu,热菜,18.00,6.00,0"))
    assert (again.added, again.updated, again.unchanged) == (0, 2, 0)
    a1, a2 = catalogue.find_code("A1"), catalogue.find_code("A2")
    assert a1 is not None and a2 is not None
    assert (a1.price_fen, a1.price_version) == (3000, 2) and catalogue.price_at(a1.id, 1).price_fen == 2800
    assert (a2.price_version, a2.active) == (1, False)
    assert audit_actions(services).count("menu.imported") == 2


def test_export_then_import_round_trips(demo_services, tmp_path: Path) -> None:
    catalogue = demo_services.catalogue
    path = tmp_path / "menu.csv"
    assert catalogue.export_csv_file(path) == 21
    assert path.read_bytes().startswith(b"\xef\xbb\xbf" + b"sku,barcode,name")  # Excel reads it as UTF-8
    result = catalogue.import_csv_file(MANAGER, path)
    assert (result.rows, result.added, result.updated, result.unchanged) == (21, 0, 0, 21)
    assert catalogue.export_csv_text() == path.read_text(encoding="utf-8-sig")


def test_a_gbk_file_from_a_chinese_spreadsheet_is_read(services) -> None:
    data = csv_bytes("G1,,酸菜鱼,Pickled fish,热菜,68.00,20.00,是").decode().encode("gb18030")
    services.catalogue.import_csv(MANAGER, data)
    assert services.catalogue.scan("G1").name == "酸菜鱼"


def test_an_import_of_50000_rows_goes_in_chunks_with_progress(services) -> None:
    rows = [f"S{n:05d},69{n:011d},菜品{n},Dish {n},类{n % 40},{10 + n % 90}.50,3.00,1" for n in range(50_000)]
    seen: list[tuple[int, int]] = []
    result = services.catalogue.import_csv(MANAGER, csv_bytes(*rows), progress=lambda d, t: seen.append((d, t)))
    assert result.added == 50_000
    assert seen[0] == (1000, 50_000) and seen[-1] == (50_000, 50_000) and len(seen) == 50
    assert audit_actions(services).count("menu.imported") == 50  # one transaction per chunk
    assert [r.sku for r in services.catalogue.search("dish 4999")][:1] == ["S04999"]
    assert services.catalogue.scan("6900000049999").name == "菜品49999"
    assert services.catalogue.count(ItemFilter("", "类7", enabled_only=True)) == 1250
