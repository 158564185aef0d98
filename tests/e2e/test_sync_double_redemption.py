"""Two terminals of one store redeem the same winner voucher while offline. After both sync,
exactly one redemption stands on central and one conflict reaches the attention screen.

Uses the real redemption service (desktop.services.redemption): terminal B verifies A's voucher
offline with A's public key, which it learnt from the platform in pull.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from central.models import Conflict, VoucherRedemption
from central.server import start_in_thread
from desktop.core.staff import Role
from desktop.core.vouchers import (
    VoucherClaims,
    key_id,
    new_voucher_id,
    public_key_bytes,
    sign_voucher,
)
from desktop.services.base import Actor
from desktop.ui.attention_screen import AttentionScreen
from desktop.ui.context import UiContext
from desktop.ui.i18n import install_language
from tests.central.helpers import seed_platform
from tests.sync.support import make_terminal


@pytest.fixture
def platform(tmp_path):
    running = start_in_thread(f"sqlite:///{tmp_path / 'central.db'}")
    yield running, seed_platform(running)
    running.stop()


@pytest.fixture
def two_terminals(tmp_path, platform, clock):
    a = make_terminal(tmp_path / "a", platform[1], clock, "Counter A")
    b = make_terminal(tmp_path / "b", platform[1], clock, "Counter B")
    yield a, b
    a.close()
    b.close()


def _voucher_signed_by(terminal, store_id: str, now) -> str:
    services = terminal.services
    with services.db.write() as session:
        private = services.signing_keys.current_key(session)
    claims = VoucherClaims(new_voucher_id(), store_id, "g1", "e1", key_id(public_key_bytes(private)),
                           now, now + timedelta(days=30), "Steak set")
    return sign_voucher(claims, private)


def _count(server, model) -> int:
    with server.app.state.platform.tx() as session:
        return int(session.scalar(select(func.count()).select_from(model)))


def test_double_redemption_offline_one_stands_one_conflict_on_the_attention_screen(
        qtbot, platform, clock, two_terminals) -> None:
    server, seed = platform
    a, b = two_terminals
    for t in (a, b):  # online once: B learns A's key
        t.worker(server.url).sync_once()
    voucher = _voucher_signed_by(a, seed.store_id, clock.now)

    # The internet is down: both counters accept the voucher (each has only its own view).
    cashier = Actor(3, "小张", Role.CASHIER)
    assert a.services.redemption.redeem(cashier, voucher).ok
    clock.advance(minutes=2)
    assert b.services.redemption.redeem(cashier, voucher).ok

    for t in (a, b, a):  # back online; A syncs again to pull the conflict too
        t.worker(server.url).sync_once()
    assert _count(server, VoucherRedemption) == 1
    assert _count(server, Conflict) == 1
    for t in (a, b):
        assert t.services.sync.unsent() == 0

    install_language("en")
    manager = Actor(2, "李经理", Role.MANAGER)
    screen = AttentionScreen(UiContext(b.services, manager))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 1).data() == "Conflict"
    assert "redeemed twice" in screen.model.index(0, 3).data()
    assert "Another terminal redeemed this voucher first" in screen.model.index(0, 4).data()
    assert screen.summary.text() == "Needs attention: 1"
    screen.resize(1000, 400)
    screen.table.selectRow(0)
    screen.grab().save('/tmp/attention_test.png')
    assert "What to do: Another terminal redeemed this voucher first" in screen.details.text()
    qtbot.mouseClick(screen.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=5000)  # written off the UI thread
    assert screen.message.text() == "Marked resolved"
    assert screen.model.rowCount() == 0 and screen.summary.text() == "Nothing needs attention"
    resolved = b.services.attention.items(manager, include_resolved=True)
    assert [(i.kind, i.resolved_by) for i in resolved] == [("conflict", "李经理")]
    assert b.services.audit.recent(manager, limit=1)[0].action == "attention.resolved"
    assert b.services.audit.verify().ok
    # A's copy of the conflict is its own item: the same conflict is queued once per terminal.
    assert len(a.services.attention.items(manager)) == 1
