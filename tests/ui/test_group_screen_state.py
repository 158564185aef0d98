"""The group screen shows what can be done now: Draw only when full; the picker stays current."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import login, settle


def test_draw_waits_for_a_full_group_and_the_picker_follows_the_seats(qtbot, shell) -> None:
    window = login(qtbot, shell, "小张", "3333")
    screen = window.open_screen("group")
    assert screen.view is not None and len(screen.view.entries) == 3
    assert not screen.draw_button.isEnabled()
    for phone in ("13700000011", "13700000012"):
        qtbot.keyClicks(screen.scan, phone)
        qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    settle(qtbot)
    assert screen.message.text() == "Group full: press Draw"
    assert screen.draw_button.isEnabled() and not screen.scan.isEnabled()
    assert "· Full · 5/5 ·" in screen.chooser.currentText()
    qtbot.mouseClick(screen.draw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert screen.message.text().startswith("Winner: ")
    assert not screen.draw_button.isEnabled()  # a drawn group never draws again
    assert "· Settled · 5/5 ·" in screen.chooser.currentText()


def test_a_scanner_ending_its_code_with_tab_enrols(qtbot, shell) -> None:
    window = login(qtbot, shell, "小张", "3333")
    screen = window.open_screen("group")
    qtbot.keyClicks(screen.scan, "13700000021")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Tab)  # a wedge scanner set to end with Tab
    settle(qtbot)
    assert screen.message.text() == "Enrolled"
    assert len(screen.view.entries) == 4 and screen.scan.text() == ""
    qtbot.keyClicks(screen.scan, "12345")
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    settle(qtbot)
    assert "neither a member code nor" in screen.message.text()
    assert screen.scan.text() == "12345"  # kept, so a typed number can be corrected
