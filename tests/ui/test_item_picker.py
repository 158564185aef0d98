"""The order screen's item picker, used as a cashier would: tap a category and an item, type a
search, scan a barcode, scan an unknown one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.staff import Role
from desktop.services.base import Actor
from desktop.ui.widgets.item_picker import BUTTON_SIZE, ItemPicker
from tests.ui.conftest import scan

MANAGER = Actor(2, "李经理", Role.MANAGER)


@pytest.fixture
def picker(qtbot, demo_services):
    widget = ItemPicker(demo_services.catalogue)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def chosen_ids(qtbot, picker, act) -> list[int]:
    chosen: list[int] = []
    picker.item_chosen.connect(chosen.append)
    act()
    return chosen


def test_tapping_a_category_then_an_item_chooses_it(qtbot, picker, demo_services) -> None:
    tabs = [picker.tabs.tabText(i) for i in range(picker.tabs.count())]
    assert tabs == ["主食", "凉菜", "甜点", "饮品"]
    drinks = tabs.index("饮品")
    qtbot.mouseClick(picker.tabs, Qt.MouseButton.LeftButton, pos=picker.tabs.tabRect(drinks).center())
    assert picker.tabs.currentIndex() == drinks
    buttons = picker.buttons()
    assert len(buttons) == 6 and all(b.height() >= 70 and b.width() >= BUTTON_SIZE[0] for b in buttons)
    tea = next(b for b in buttons if b.text().startswith("招牌奶茶"))
    assert tea.text() == "招牌奶茶\nCNY 18.00"
    chosen = chosen_ids(qtbot, picker, lambda: qtbot.mouseClick(tea, Qt.MouseButton.LeftButton))
    assert [demo_services.catalogue.item(i).name for i in chosen] == ["招牌奶茶"]


def test_typing_pinyin_initials_shows_results_and_enter_picks_the_first(qtbot, picker, demo_services) -> None:
    qtbot.keyClicks(picker.field, "yzgl")
    assert picker.pages.currentWidget() is picker.results
    assert [picker.results.item(i).text().split()[0] for i in range(picker.results.count())] == ["杨枝甘露"]
    chosen = chosen_ids(qtbot, picker, lambda: qtbot.keyClick(picker.field, Qt.Key.Key_Return))
    assert [demo_services.catalogue.item(i).name for i in chosen] == ["杨枝甘露"]
    assert picker.field.text() == "" and picker.pages.currentWidget() is picker.browse


def test_a_search_result_is_picked_by_click_or_by_keyboard(qtbot, picker, demo_services) -> None:
    qtbot.keyClicks(picker.field, "mango")
    names = [picker.results.item(i).text().split()[0] for i in range(picker.results.count())]
    assert sorted(names) == ["杨枝甘露", "芒果布丁"]
    second = picker.results.item(1)
    rect = picker.results.visualItemRect(second)
    chosen = chosen_ids(qtbot, picker, lambda: qtbot.mouseClick(picker.results.viewport(),
                                                                Qt.MouseButton.LeftButton, pos=rect.center()))
    assert [demo_services.catalogue.item(i).name for i in chosen] == [names[1]]
    qtbot.keyClicks(picker.field, "mango")
    qtbot.keyClick(picker.field, Qt.Key.Key_Down)
    qtbot.keyClick(picker.results, Qt.Key.Key_Down)
    more = chosen_ids(qtbot, picker, lambda: qtbot.keyClick(picker.results, Qt.Key.Key_Return))
    assert [demo_services.catalogue.item(i).name for i in more] == [names[1]]


def test_scanning_a_barcode_adds_its_item(qtbot, picker, demo_services) -> None:
    chosen = chosen_ids(qtbot, picker, lambda: scan(qtbot, picker.field, "6901939621257"))
    assert [demo_services.catalogue.item(i).name for i in chosen] == ["可口可乐"]
    assert picker.message.text() == ""


def test_an_unknown_or_disabled_barcode_is_refused_clearly(qtbot, picker, demo_services) -> None:
    chosen = chosen_ids(qtbot, picker, lambda: scan(qtbot, picker.field, "6901939621250"))
    assert chosen == []
    assert picker.message.text() == "No menu item has the code 6901939621250"
    assert picker.field.text() == ""  # ready for the next scan
    beer = demo_services.catalogue.scan("6901035603065")
    demo_services.catalogue.set_enabled(MANAGER, beer.id, False)
    picker.refresh()
    chosen = chosen_ids(qtbot, picker, lambda: scan(qtbot, picker.field, "6901035603065"))
    assert chosen == [] and picker.message.text() == "青岛啤酒 is not on sale (disabled in the menu)"


def test_a_search_that_finds_nothing_says_so(qtbot, picker) -> None:
    qtbot.keyClicks(picker.field, "qqqq")
    assert picker.results.count() == 0
    assert picker.message.text() == "Nothing on the menu matches “qqqq”"
    chosen = chosen_ids(qtbot, picker, lambda: qtbot.keyClick(picker.field, Qt.Key.Key_Return))
    assert chosen == []
