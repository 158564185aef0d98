"""The first start of an installed app, as the owner does it: name the store, create the owner,
choose "pair now", and pair with a real central on 127.0.0.1 from the dialog that opens."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.core.settings_keys import STORE_NAME
from desktop.store.keychain import SecretVault
from desktop.sync.runtime import SyncRuntime
from desktop.ui.i18n import install_language
from desktop.ui.shell import Shell
from desktop.ui.sync_status import install
from tests.support.stores import open_services
from tests.support.typing import type_text
from tests.ui.conftest import settle, when_modal


def test_first_run_pairs_with_the_platform_when_the_owner_chooses_to(qtbot, tmp_path, seed, clock,
                                                                       memory_keyring) -> None:
    install_language("en")
    services = open_services(tmp_path, clock)
    runtime = SyncRuntime(services, SecretVault())
    try:
        shell = Shell(services, sync=install(runtime))
        qtbot.addWidget(shell.gate)
        shell.show()
        first = shell.gate.currentWidget()
        assert first.objectName() == "first_run" and first.work_offline.isChecked()
        assert str(tmp_path) in first.data_folder.text()
        type_text(qtbot, first.store_name, "川味小馆")
        type_text(qtbot, first.owner_name, "陈老板")
        qtbot.keyClicks(first.pin, "2468")
        qtbot.keyClicks(first.pin_again, "2468")
        # on the round button itself (the widget is wider than its words)
        qtbot.mouseClick(first.pair_now, Qt.MouseButton.LeftButton, pos=QPoint(8, first.pair_now.height() // 2))
        assert first.pair_now.isChecked() and not first.work_offline.isChecked()
        seen: list[str] = []

        def pair(dialog) -> None:
            seen.append(dialog.windowTitle())
            qtbot.keyClicks(dialog.url, seed.server.url)
            qtbot.keyClicks(dialog.code, seed.pairing_code())
            qtbot.mouseClick(dialog.pair_button, Qt.MouseButton.LeftButton)

        when_modal("pairing_dialog", pair)
        qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: services.sync.pairing() is not None, timeout=15_000)
        settle(qtbot)
        assert seen == ["Pair with the platform"]
        assert shell.main is not None and shell.main.current_key() == "platform"
        assert services.settings.get(STORE_NAME) == "川味小馆"
        assert services.sync.pairing().store_name == "Branch 1"
        qtbot.waitUntil(lambda: "Paired with Branch 1" in shell.main.pages["platform"].message.text(),
                        timeout=5000)
        shell.main.close()
    finally:
        runtime.stop()
        services.close()
