"""The one error split on every UI-thread read (a bug says "something went wrong" and is logged
with what was being done; a person's mistake reads as a translated sentence), the consolation
coins on the hand-back line, and the redemption receipt's line once the receipt is out."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.ui.i18n import install_language
from tests.support.deal_flow import EXAMPLE_D, full_group, launched_deal
from tests.ui.conftest import login, scan, settle, when_modal
from tests.ui.test_counter_flow import _drawn_group

WENT_WRONG = "Something went wrong; the log has the details."


def _broken(*_args: object, **_kwargs: object) -> object:
    raise RuntimeError("disk on fire")


def _logged(caplog, doing: str) -> bool:
    return any(doing in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_bug_in_the_deal_editor_is_logged_and_said_in_words(qtbot, shell, monkeypatch, caplog) -> None:
    window = login(qtbot, shell, "王店长", "1111")
    deals = window.open_screen("deals")
    monkeypatch.setattr(deals.editor, "terms", _broken)
    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(deals.save_button, Qt.MouseButton.LeftButton)
        assert deals.message.text() == WENT_WRONG
        qtbot.mouseClick(deals.launch_button, Qt.MouseButton.LeftButton)
        assert deals.message.text() == WENT_WRONG
    assert _logged(caplog, "reading the deal editor") and _logged(caplog, "checking a deal before launch")
    assert "disk on fire" not in deals.message.text()


def test_a_bug_behind_pairing_and_the_print_preview_is_logged_and_said_in_words(
        qtbot, shell, demo_services, monkeypatch, caplog) -> None:
    from desktop.store.keychain import SecretVault
    from desktop.sync.runtime import SyncRuntime
    from desktop.ui.sync_status import install

    shell.sync = install(SyncRuntime(demo_services, SecretVault()))
    window = login(qtbot, shell, "王店长", "1111")
    platform = window.open_screen("platform")
    monkeypatch.setattr(demo_services.sync, "check_may_pair", _broken)
    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(platform.pair_button, Qt.MouseButton.LeftButton)
    assert platform.message.text() == WENT_WRONG and _logged(caplog, "opening the pairing dialog")

    demo_services.print_jobs.print_test_page(window.ctx.actor, demo_services.printers.list_printers()[0].id)
    queue = window.open_screen("print_queue")
    queue.table.selectRow(0)
    monkeypatch.setattr(demo_services.print_queue, "job", _broken)
    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(queue.preview_button, Qt.MouseButton.LeftButton)
    assert queue.message.text() == WENT_WRONG and _logged(caplog, "previewing print job")


def test_a_bug_at_logout_keeps_the_window_and_says_so(qtbot, shell, demo_services, monkeypatch, caplog) -> None:
    window = login(qtbot, shell, "小张", "3333")
    monkeypatch.setattr(demo_services.staff, "logout", _broken)
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    with caplog.at_level(logging.ERROR):
        when_modal("", read)
        qtbot.mouseClick(window.logout_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [WENT_WRONG] and _logged(caplog, "logging out")
    assert shell.main is window and window.logout_button.isEnabled()


def test_a_proof_that_cannot_be_saved_names_the_folder_in_the_persons_language(qtbot, shell, tmp_path) -> None:
    window, screen = _drawn_group(qtbot, shell)
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x", encoding="utf-8")
    screen.export_proof(str(blocker / "proof.json"))
    assert screen.message.text() == (f"Could not save the proof in the folder {blocker}. Choose a folder you may "
                                     "write to, on a disk with free space.")
    install_language("zh_CN")
    screen.export_proof(str(blocker / "proof.json"))
    text = screen.message.text()
    assert str(blocker) in text and "Not a directory" not in text and "文件夹" in text
    screen.export_proof(str(tmp_path / "proof.json"))
    assert (tmp_path / "proof.json").read_text(encoding="utf-8").startswith("{")


def test_losers_read_their_consolation_coins_on_the_group_screen(qtbot, shell, demo_services) -> None:
    assert EXAMPLE_D.consolation_coins == 10
    group_id = full_group(demo_services, launched_deal(demo_services))
    window = login(qtbot, shell, "小张", "3333")
    screen = window.open_screen("group")
    screen.show_group(group_id)
    qtbot.mouseClick(screen.draw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    lines = [screen.model.index(r, 4).data() for r in range(screen.model.rowCount())]
    losers = [line for line in lines if not line.startswith("Won")]
    assert len(losers) == 4
    assert all(line.endswith(" + consolation CNY 5.00 + 10 coins") for line in losers), losers
    install_language("zh_CN")
    screen.show_group(group_id)
    lines = [screen.model.index(r, 4).data() for r in range(screen.model.rowCount())]
    assert sum(line.endswith("+ 10 购物币") for line in lines) == 4, lines


def test_the_redemption_line_says_the_receipt_is_printed_once_it_is(qtbot, shell, demo_services) -> None:
    window, screen = _drawn_group(qtbot, shell)
    voucher = screen.view.vouchers[0]
    redeem = window.open_screen("redeem")
    scan(qtbot, redeem.scan, voucher.qr_text)
    qtbot.waitUntil(lambda: "receipt printed" in redeem.detail.text(), timeout=10_000)
    assert "receipt printing" not in redeem.detail.text()
    assert [j.status for j in demo_services.print_queue.list_jobs() if j.kind == "redemption_receipt"] == ["done"]


def test_a_bug_reading_a_screen_on_a_broadcast_is_logged_and_said_in_words(
        qtbot, shell, demo_services, monkeypatch, caplog) -> None:
    from desktop.ui.changes import Change

    window = login(qtbot, shell, "王店长", "1111")
    attention = window.open_screen("attention")
    monkeypatch.setattr(demo_services.attention, "items", _broken)
    with caplog.at_level(logging.ERROR):
        window.ctx.bus.announce({Change.SYNC})  # e.g. a sync round refused a record
    assert attention.message.text() == WENT_WRONG and _logged(caplog, "showing the attention screen")
