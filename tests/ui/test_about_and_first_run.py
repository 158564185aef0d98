"""What an installed app shows on its first start and in About: working offline by default,
where the data is, the version, the logs' folder, and the licences of the bundled parts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop import __version__
from desktop.core.settings_keys import STORE_NAME
from desktop.ui.shell import Shell
from tests.support.typing import type_text
from tests.ui.conftest import login, settle, when_modal


def test_first_run_works_offline_unless_the_owner_chooses_to_pair(qtbot, services) -> None:
    shell = Shell(services)
    qtbot.addWidget(shell.gate)
    shell.show()
    first = shell.gate.currentWidget()
    assert first.work_offline.isChecked() and not first.pair_now.isChecked()
    assert first.data_folder.text() == f"The store's data is kept in {services.db.path.parent}"
    type_text(qtbot, first.store_name, "川味小馆")
    type_text(qtbot, first.owner_name, "陈老板")
    qtbot.keyClicks(first.pin, "2468")
    qtbot.keyClicks(first.pin_again, "2468")
    qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.main is not None, timeout=10_000)
    settle(qtbot)
    assert shell.main.ctx.actor.name == "陈老板"
    assert shell.main.current_key() != "platform"  # offline: no pairing dialog, the home screen
    assert services.sync.pairing() is None and services.settings.get(STORE_NAME) == "川味小馆"
    shell.main.close()


def test_settings_show_the_version_and_about_lists_folders_and_licences(qtbot, shell, demo_services) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    page = window.open_screen("settings")
    assert page.version.text() == __version__
    seen: dict[str, str] = {}

    def read(dialog) -> None:
        seen.update(title=dialog.windowTitle(), version=dialog.findChild(object, "about_version").text(),
                    data=dialog.folder_label.text(), logs=dialog.logs_label.text(),
                    licences=dialog.licences.toPlainText())
        dialog.accept()

    when_modal("about_dialog", read)
    qtbot.mouseClick(page.about, Qt.MouseButton.LeftButton)
    folder = demo_services.db.path.parent
    assert seen["title"] == "About Pinshang Counter"
    assert seen["version"] == f"Pinshang Counter {__version__}"
    assert seen["data"] == str(folder) and seen["logs"] == str(folder / "logs")
    licences = seen["licences"]
    assert "GNU Lesser General Public License v3" in licences and "PySide6_Essentials" in licences
    assert "font" in licences.lower() and "SQLAlchemy" in licences and "keyring" in licences
    window.close()
