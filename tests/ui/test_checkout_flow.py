"""The till as a cashier uses it, against the real platform on 127.0.0.1: three items tapped
and one scanned, the member identified by their code, the most coins applied, paid part cash
part WeChat Pay, the change; then the receipt (its ESC/POS bytes on a network printer and a
picture), the database, the outbox op and the platform's coin ledger after sync. The same
offline with the member's coin authorization, captured once on the next sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from central.models import CoinAuthorization, StoreSale
from desktop.core.money import format_fen
from desktop.documents.document import plain_text
from desktop.documents.serialize import document_from_json
from desktop.printing.escpos_backend import PrinterConfig, render_escpos_bytes
from desktop.printing.render import render_document
from desktop.services.base import SYSTEM_ACTOR
from desktop.services.demo import DEMO_STAFF
from desktop.services.printers import PrinterSettings
from desktop.ui.checkout_screen import CheckoutScreen
from desktop.ui.shell import Shell
from desktop.ui.sync_status import install
from desktop.ui.tender_dialog import TenderDialog
from tests.support.fake_printer import FakeTcpPrinter, closed_port
from tests.support.till import Till, open_till
from tests.sync.support import outbox
from tests.ui.conftest import login, scan, settle

COLA = "6901939621257"  # the demo menu's Coca-Cola, by its bottle's barcode


@pytest.fixture
def till(tmp_path, clock) -> Iterator[Till]:
    yield from open_till(tmp_path, clock)


@pytest.fixture
def printer(till: Till) -> Iterator[FakeTcpPrinter]:
    fake = FakeTcpPrinter()
    printers = till.services.printers
    printer_id = printers.save(SYSTEM_ACTOR, PrinterSettings("前台", host="127.0.0.1", port=fake.port,
                                                            timeout_ms=3000))
    printers.set_route(SYSTEM_ACTOR, "sale_receipt", printer_id)
    yield fake
    fake.stop()


def _till_screen(qtbot, till: Till) -> CheckoutScreen:
    shell = Shell(till.services, demo_pins={s.name: s.pin for s in DEMO_STAFF}, sync=install(till.terminal.runtime))
    qtbot.addWidget(shell.gate)
    shell.show()
    window = login(qtbot, shell, "小张", "3333")
    screen = window.pages.get("checkout")
    assert isinstance(screen, CheckoutScreen) and window.stack.currentWidget() is screen  # the cashier's home
    return screen


def _ring_up(qtbot, screen: CheckoutScreen) -> None:
    for button in screen.picker.buttons()[:3]:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    scan(qtbot, screen.scan, COLA)
    assert screen.lines.rowCount() == 4 and screen.message.text() == ""


def _pay(qtbot, screen: CheckoutScreen, wechat_fen: int, cash_fen: int) -> TenderDialog:
    qtbot.mouseClick(screen.pay, Qt.MouseButton.LeftButton)
    dialog = screen.tender
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.findChild(type(dialog.add), "tender_wechat"), Qt.MouseButton.LeftButton)
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, format_fen(wechat_fen, symbol=False))
    qtbot.keyClicks(dialog.reference, "4200009999")
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert not dialog.complete.isEnabled()  # not covered yet
    qtbot.mouseClick(dialog.findChild(type(dialog.add), "tender_cash"), Qt.MouseButton.LeftButton)
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, format_fen(cash_fen, symbol=False))
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.complete.isEnabled()
    return dialog


def test_a_member_pays_with_coins_cash_and_wechat(qtbot, till: Till, printer: FakeTcpPrinter, tmp_path: Path) -> None:
    screen = _till_screen(qtbot, till)
    _ring_up(qtbot, screen)
    scan(qtbot, screen.scan, till.fresh_code())
    assert "Member 0" in screen.member_panel.who.text()
    qtbot.mouseClick(screen.member_panel.apply, Qt.MouseButton.LeftButton)
    totals = screen.totals
    assert totals is not None and totals.coins == min(1000, totals.cap_fen) > 0
    due = totals.payable_fen
    cash = (due - 10_000 + 9_999) // 10_000 * 10_000  # a 100-yuan note more than the rest
    dialog = _pay(qtbot, screen, 10_000, cash)
    change = 10_000 + cash - due
    assert dialog.change.text() == f"Change {format_fen(change)}"
    qtbot.mouseClick(dialog.complete, Qt.MouseButton.LeftButton)
    settle(qtbot, 10_000)
    assert not dialog.isVisible() and screen.last_sale is not None
    sale_id, receipt_no = screen.last_sale.sale_id, screen.last_sale.receipt_no
    assert screen.result.text() == f"✔ {receipt_no} · Change {format_fen(change)}"

    # the receipt: the bytes the printer got, and a picture of the same document
    assert printer.wait_for_jobs(1)
    [job] = [j for j in till.services.print_queue.list_jobs() if j.kind == "sale_receipt" and j.ref == sale_id]
    document = document_from_json(job.document_json)
    expected = render_escpos_bytes(document, PrinterConfig("前台", host="127.0.0.1", port=printer.port))
    qtbot.waitUntil(lambda: till.services.print_queue.job(job.id).status == "done", timeout=5000)
    assert printer.received == expected
    text = plain_text(document, 48)
    assert receipt_no in text and f"购物币 Coins x{totals.coins}" in text and "找零 Change" in text
    assert "微信支付 WeChat Pay 4200009999" in text and "138****0000" in text
    render_document(document, tmp_path / "receipt.png")
    assert (tmp_path / "receipt.png").read_bytes().startswith(b"\x89PNG")

    # the database and the outbox op
    record = till.services.sales.by_receipt(receipt_no)
    assert [line.quantity for line in record.lines] == [1, 1, 1, 1] and record.sale.coins == totals.coins
    assert {(t.kind, t.amount_fen) for t in record.tenders} == {("wechat", 10_000), ("cash", cash)}
    assert record.sale.change_fen == change and record.sale.total_fen == due
    [op] = [o for o in outbox(till.services) if o.kind == "sale.completed"]
    assert f'"coins": {totals.coins}' in op.payload and '"coin_capture_key": "cap-' in op.payload

    # the platform's coin ledger after sync
    till.sync()
    assert till.balance() == 1000 - totals.coins
    assert [t.amount for t in till.capture_transfers()] == [totals.coins]
    with till.server.app.state.platform.tx() as session:
        assert session.get(StoreSale, (till.seed.store_id, sale_id)) is not None


def test_offline_the_member_shows_a_coin_authorization(qtbot, till: Till, printer: FakeTcpPrinter) -> None:
    token = till.authorization(500)
    online = till.services.sync.pairing().platform_url
    till.services.sync.set_platform_url(SYSTEM_ACTOR, f"http://127.0.0.1:{closed_port()}")  # the line is down
    screen = _till_screen(qtbot, till)
    _ring_up(qtbot, screen)
    scan(qtbot, screen.scan, token)
    totals = screen.totals
    assert totals is not None and totals.coins == min(500, totals.cap_fen) and screen.message.text() == ""
    due = totals.payable_fen
    dialog = _pay(qtbot, screen, 10_000, due - 10_000)
    assert dialog.change.text() == ""
    qtbot.mouseClick(dialog.complete, Qt.MouseButton.LeftButton)
    settle(qtbot, 10_000)
    assert screen.last_sale is not None and screen.last_sale.coins == totals.coins
    scan(qtbot, screen.scan, token)  # shown again at the next bill
    assert "already used at this store" in screen.message.text()
    till.services.sync.set_platform_url(SYSTEM_ACTOR, online)
    till.sync()
    till.sync()
    assert [t.amount for t in till.capture_transfers()] == [totals.coins]  # captured once
    assert till.balance() == 1000 - totals.coins  # the rest of the authorization released
    with till.server.app.state.platform.tx() as session:
        [auth] = session.scalars(select(CoinAuthorization)).all()
        assert auth.state == "captured" and auth.captured_coins == totals.coins
