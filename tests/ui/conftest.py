from __future__ import annotations

import pytest

from desktop.ui.i18n import install_language


@pytest.fixture(autouse=True)
def english_ui(qapp):
    """UI tests read English labels unless a test switches language itself."""
    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def shell(qtbot, demo_services):
    from desktop.services.demo import DEMO_STAFF
    from desktop.ui.shell import Shell

    created = Shell(demo_services, demo_pins={s.name: s.pin for s in DEMO_STAFF})
    qtbot.addWidget(created.gate)
    created.show()
    yield created
    if created.main is not None:
        created.main.close()


def login(qtbot, shell, name: str, pin: str):
    from PySide6.QtCore import Qt

    screen = shell.login
    items = screen.staff_list.findItems(name, Qt.MatchFlag.MatchStartsWith)
    screen.staff_list.setCurrentItem(items[0])
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    settle(qtbot)  # the PIN is checked off the UI thread
    return shell.main


def settle(qtbot, timeout: int = 5000) -> None:
    """Wait until every task a screen started has run and delivered its outcome."""
    from desktop.ui.tasks import pending

    qtbot.waitUntil(lambda: pending() == 0, timeout=timeout)


def scan(qtbot, field, text: str, key=None) -> None:
    """Type a code into a scan field and end it as a scanner does (Enter), then wait."""
    from PySide6.QtCore import Qt

    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, key or Qt.Key.Key_Return)
    settle(qtbot)


def when_modal(name: str, answer) -> None:
    """When the modal dialog `name` opens, let `answer(dialog)` act as the person would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == name:
            answer(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def press_yes(dialog) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog.button(QMessageBox.StandardButton.Yes).click()
