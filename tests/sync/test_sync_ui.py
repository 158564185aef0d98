"""The sync screens driven as a manager would, against a real central on 127.0.0.1."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services.base import SYSTEM_ACTOR
from desktop.services.demo import DEMO_STAFF
from desktop.store.keychain import SecretVault
from desktop.sync.runtime import SyncRuntime
from desktop.ui.i18n import install_language
from desktop.ui.pairing_dialog import PairingDialog
from desktop.ui.shell import Shell
from desktop.ui.sync_status import install
from tests.support.stores import open_services
from tests.support.typing import type_text
from tests.sync.support import enqueue_sales
from tests.ui.conftest import login, settle


def _shell(qtbot, services, runtime) -> Shell:
    install_language("en")
    shell = Shell(services, demo_pins={s.name: s.pin for s in DEMO_STAFF}, sync=install(runtime))
    qtbot.addWidget(shell.gate)
    shell.show()
    return shell


def _answer_message_box(seen: list[str]) -> None:
    def run() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, run)
            return
        seen.append(boxes[0].text())
        boxes[0].accept()

    QTimer.singleShot(20, run)


def test_logout_is_refused_while_unsent_data_remains(qtbot, terminal, server) -> None:
    shell = _shell(qtbot, terminal.services, terminal.runtime)
    window = login(qtbot, shell, "王店长", "1111")
    enqueue_sales(terminal.services, 3)
    seen: list[str] = []
    _answer_message_box(seen)
    qtbot.mouseClick(window.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "still waiting to be sent to the platform" in seen[0]
    assert shell.main is window  # still logged in
    assert terminal.runtime.start(thread=False)
    terminal.runtime.worker.run_round()  # the records go out
    assert terminal.services.sync.unsent() == 0
    qtbot.mouseClick(window.logout_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert shell.main is None and shell.gate.isVisible()


def test_pairing_dialog_wrong_code_then_right_code(qtbot, tmp_path, seed, clock, memory_keyring) -> None:
    install_language("en")
    services = open_services(tmp_path, clock)
    services.demo.seed()
    runtime = SyncRuntime(services, SecretVault())
    try:
        dialog = PairingDialog(runtime, SYSTEM_ACTOR)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.url, seed.server.url)
        qtbot.keyClicks(dialog.code, "ABCDEFGHJK")
        qtbot.mouseClick(dialog.pair_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.pair_button.isEnabled(), timeout=10000)
        assert dialog.message.text() == "The platform refused: unknown pairing code"
        assert services.sync.pairing() is None
        assert not [name for _, name in memory_keyring.secrets if name.startswith("token:")]

        dialog.code.clear()
        qtbot.keyClicks(dialog.code, seed.pairing_code())
        dialog.name.clear()
        type_text(qtbot, dialog.name, "前台 1号")
        qtbot.mouseClick(dialog.pair_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.paired is not None, timeout=10000)
        pairing = services.sync.pairing()
        assert pairing is not None and pairing.store_name == "Branch 1" and pairing.terminal_name == "前台 1号"
        assert runtime.worker is not None  # pairing starts the worker
        qtbot.waitUntil(lambda: runtime.worker_state().online is True, timeout=10000)
    finally:
        runtime.stop()
        services.close()


def test_pairing_runs_in_the_background_and_the_dialog_waits_for_its_answer(qtbot, tmp_path, seed, clock,
                                                                          memory_keyring) -> None:
    from desktop.ui.changes import Change, ChangeBus

    install_language("en")
    services = open_services(tmp_path, clock)
    services.demo.seed()
    runtime = SyncRuntime(services, SecretVault())
    bus = ChangeBus()
    heard: list[frozenset[Change]] = []
    bus.changed.connect(heard.append)
    try:
        dialog = PairingDialog(runtime, SYSTEM_ACTOR, bus=bus)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.url, seed.server.url)
        qtbot.keyClicks(dialog.code, seed.pairing_code())
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)  # Enter presses Pair, the default button
        assert dialog.message.text() == "Pairing…"
        assert not any(w.isEnabled() for w in (dialog.url, dialog.code, dialog.name, dialog.pair_button,
                                                 dialog.cancel_button))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # pairing cannot be called back: the dialog waits
        assert dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.paired is not None, timeout=10000)
        assert not dialog.isVisible() and dialog.result() == PairingDialog.DialogCode.Accepted
        # what pairing committed: the pairing, its settings, the groups' invite tokens signed again
        # for the store (desktop.sync.pairing), and its audit record
        assert heard == [frozenset({Change.SYNC, Change.SETTINGS, Change.GROUPS, Change.AUDIT})]
        pairing = services.sync.pairing()
        assert pairing is not None and pairing.store_name == "Branch 1" and pairing.terminal_name == "Counter 1"
    finally:
        runtime.stop()
        services.close()


def test_platform_screen_shows_the_state_and_refuses_repairing_with_unsent_data(qtbot, terminal, server) -> None:
    shell = _shell(qtbot, terminal.services, terminal.runtime)
    window = login(qtbot, shell, "王店长", "1111")
    terminal.runtime.start()
    screen = window.open_screen("platform")
    qtbot.waitUntil(lambda: screen.state.text().startswith("Online"), timeout=10000)
    assert screen.store.text() == "Branch 1" and screen.url.text() == server.url
    terminal.runtime.stop()  # no worker: the records stay unsent
    enqueue_sales(terminal.services, 2)
    screen.refresh()
    assert screen.waiting.text() == "2" and screen.pair_button.text() == "Re-pair…"
    qtbot.mouseClick(screen.pair_button, Qt.MouseButton.LeftButton)
    assert "have not been sent to the platform yet" in screen.message.text()


def test_attention_model_passes_the_model_tester(qtmodeltester, services) -> None:
    from desktop.core.staff import Role
    from desktop.services.base import Actor
    from desktop.services.sync import CONFLICT, REJECTED_ACTION, REJECTED_OP, add_attention
    from desktop.ui.models.attention_model import ITEM_ID_ROLE, KIND_ROLE, AttentionModel

    with services.db.write() as s:
        add_attention(s, REJECTED_OP, "op-1", "sale.completed", "invalid payload", REJECTED_ACTION, "2026-11-25T12:00:00+00:00")
        add_attention(s, CONFLICT, "c-1", "v123", "redeemed twice", REJECTED_ACTION, "2026-11-25T12:01:00+00:00")
        add_attention(s, CONFLICT, "c-1", "v123", "redeemed twice", REJECTED_ACTION, "2026-11-25T12:02:00+00:00")
    install_language("en")
    model = AttentionModel()
    model.set_rows(services.attention.items(Actor(2, "李经理", Role.MANAGER)))
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # the same conflict delivered twice is queued once
    assert [model.index(r, 0).data(KIND_ROLE) for r in range(2)] == ["conflict", "rejected_op"]
    assert model.index(1, 1).data() == "Rejected by the platform" and model.index(1, 0).data(ITEM_ID_ROLE) == 1


def test_a_record_the_platform_refuses_shows_in_the_status_bar_and_the_menu_badge(qtbot, terminal, server) -> None:
    """Nothing polls: the worker's round announces what it changed (the refused op) and the
    status bar, the "Needs attention" badge and the Platform screen follow."""
    from PySide6.QtCore import QTimer

    from desktop.core.ops import OpKind
    from desktop.services.base import SYSTEM_ACTOR
    from desktop.ui.changes import Change
    from desktop.ui.main_window import KEY_ROLE

    shell = _shell(qtbot, terminal.services, terminal.runtime)
    window = login(qtbot, shell, "王店长", "1111")
    platform = window.open_screen("platform")
    assert not window.status.rejected.isVisible()
    assert not [t for t in window.findChildren(QTimer) if t.isActive() and t.interval() >= 1000]
    heard: list[frozenset[Change]] = []
    window.ctx.bus.changed.connect(heard.append)
    attention = next(window.nav.item(r) for r in range(window.nav.count())
                     if window.nav.item(r).data(KEY_ROLE) == "attention")
    assert attention.text() == "Needs attention"

    with terminal.services.sync.transaction(SYSTEM_ACTOR) as tx:  # an op the platform cannot confirm
        tx.emit(OpKind.GROUP_DRAWN, {"group_id": "never-opened", "proof": {"v": "nonsense"}})
    terminal.runtime.start()  # the worker's thread: push, refused, pull
    qtbot.waitUntil(lambda: window.status.rejected.isVisible(), timeout=10_000)
    assert window.status.rejected.text() == "⚠ 1 refused by the platform"
    assert attention.text() == "Needs attention (1)"
    assert any(Change.SYNC in changes for changes in heard)
    assert "1 record(s) refused by the platform" in platform.error.text()
    qtbot.waitUntil(lambda: platform.state.text().startswith("Online"), timeout=10_000)


def test_online_joiners_arrive_on_the_group_screen_seated_by_the_background_job(qtbot, terminal, server,
                                                                               clock) -> None:
    """The cashier looks at the group; two people join on their phones; the worker pulls the
    requests, the groups' job seats them, and the screen shows them without a click."""
    from urllib.parse import parse_qs, urlparse

    from tests.support.deal_flow import PHONES, cashier, launched_deal
    from tests.sync.test_group_jobs import _join_online

    services = terminal.services
    group_id = services.groups.open_group(cashier(services), launched_deal(services), PHONES[0])
    terminal.worker(server.url).sync_once()  # the platform knows the group and its join token
    shell = _shell(qtbot, services, terminal.runtime)
    window = login(qtbot, shell, "小张", "3333")
    screen = window.open_screen("group")
    screen.show_group(group_id)
    assert screen.model.rowCount() == 1 and screen.seats.text().startswith("1 / 5")
    join_token = parse_qs(urlparse(services.print_data.invite(group_id).join_url).query)["t"][0]
    _join_online(server, group_id, join_token, "13900000081")
    _join_online(server, group_id, join_token, "13900000082")

    terminal.runtime.group_job.clock = clock  # the store's clock: the group is within its window
    terminal.runtime.start()  # the worker's thread pulls, the groups' job's thread seats
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=20_000)
    assert screen.seats.text().startswith("3 / 5")
    assert [row.tender for row in screen.model.rows] == ["cash", "platform", "platform"]


def test_the_network_is_watched_once_a_worker_runs(qtbot, tmp_path, terminal, clock) -> None:
    """An unpaired terminal loads no OS network backend; the first worker (at start, or started
    by a pairing on its background thread) has the main thread watch the network."""
    import threading

    unpaired = open_services(tmp_path / "unpaired", clock)
    try:
        idle = SyncRuntime(unpaired, SecretVault())
        hooks = install(idle)
        assert not idle.start(thread=False)
        QApplication.processEvents()
        assert not hooks.network.watching
    finally:
        unpaired.close()
    hooks = install(terminal.runtime)
    started = threading.Thread(target=lambda: terminal.runtime.start(thread=False))  # as pairing does
    started.start()
    started.join()
    qtbot.waitUntil(lambda: hooks.network.watching, timeout=5000)  # queued to the main thread
