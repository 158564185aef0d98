"""Reversing a redemption made by mistake, on real counters synced with the real platform: the
window (inside, outside, a clock set back), a manager and a reason, the voucher redeemable
again, and the platform refusing a reversal when another terminal redeemed the voucher first."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from central.models import VoucherRedemption, VoucherReversal
from central.server import start_in_thread
from desktop.core.errors import InvalidTransition, PermissionDenied, ValidationError
from desktop.core.staff import Actor, Permission, Role
from desktop.services.redemption import RedeemVerdict
from desktop.store.models import OutboxOp
from tests.central.helpers import seed_platform
from tests.e2e.test_sync_double_redemption import _voucher_signed_by
from tests.sync.support import make_terminal

CASHIER = Actor(3, "小张", Role.CASHIER)
MANAGER = Actor(2, "李经理", Role.MANAGER)
APPROVED = replace(CASHIER, approved_by="李经理", approver_role=Role.MANAGER,
                   approved_permission=Permission.REVERSE_REDEMPTION)


@pytest.fixture
def platform(tmp_path):
    running = start_in_thread(f"sqlite:///{tmp_path / 'central.db'}")
    yield running, seed_platform(running)
    running.stop()


@pytest.fixture
def two_terminals(tmp_path, platform, clock):
    a = make_terminal(tmp_path / "a", platform[1], clock, "Counter A")
    b = make_terminal(tmp_path / "b", platform[1], clock, "Counter B")
    for t in (a, b):
        t.worker(platform[0].url).sync_once()  # B learns A's key
    yield a, b
    a.close()
    b.close()


def _status(services, kind: str) -> list[str]:
    with services.db.read() as s:
        return [op.status for op in s.scalars(select(OutboxOp).where(OutboxOp.kind == kind).order_by(OutboxOp.seq))]


def test_inside_the_window_the_voucher_is_redeemable_again_here_and_on_the_platform(
        platform, clock, two_terminals) -> None:
    server, seed = platform
    a, b = two_terminals
    voucher = _voucher_signed_by(a, seed.store_id, clock.now)
    result = a.services.redemption.redeem(CASHIER, voucher)
    a.worker(server.url).sync_once()
    clock.advance(minutes=20)

    with pytest.raises(PermissionDenied):
        a.services.redemption_history.reverse(CASHIER, result.voucher_id, "wrong voucher")
    with pytest.raises(ValidationError, match="reason"):
        a.services.redemption_history.reverse(APPROVED, result.voucher_id, "   ")
    with pytest.raises(InvalidTransition, match="not redeemed"):
        b.services.redemption_history.reverse(MANAGER, result.voucher_id, "not ours")  # B never redeemed it here
    a.services.redemption_history.reverse(APPROVED, result.voucher_id, "scanned the wrong customer's voucher")
    history = a.services.redemption_history.history(clock.now.date(), clock.now.date())
    [line] = history.lines
    assert line.reversed and line.reason == "scanned the wrong customer's voucher" and history.total == 0
    a.worker(server.url).sync_once()
    assert _status(a.services, "redemption.reversed") == ["applied"]

    assert b.services.redemption.redeem(CASHIER, voucher).verdict is RedeemVerdict.REDEEMED
    b.worker(server.url).sync_once()
    assert _status(b.services, "voucher.redeemed") == ["applied"]
    with server.app.state.platform.tx() as session:
        assert session.get(VoucherRedemption, (seed.store_id, result.voucher_id)).terminal_id == b.terminal_id
        assert session.scalars(select(VoucherReversal)).one().voucher_id == result.voucher_id


def test_outside_the_window_and_with_the_clock_set_back_nothing_is_reversed(platform, clock, two_terminals) -> None:
    _, seed = platform
    a, _ = two_terminals
    voucher = _voucher_signed_by(a, seed.store_id, clock.now)
    voucher_id = a.services.redemption.redeem(CASHIER, voucher).voucher_id
    clock.advance(minutes=61)
    with pytest.raises(InvalidTransition, match="within 60 minutes"):
        a.services.redemption_history.reverse(MANAGER, voucher_id, "too late")
    clock.advance(hours=-3)
    with pytest.raises(InvalidTransition, match="set the clock right"):
        a.services.redemption_history.reverse(MANAGER, voucher_id, "clock")
    assert a.services.redemption.redeem(CASHIER, voucher).verdict is RedeemVerdict.ALREADY_REDEEMED
    assert _status(a.services, "redemption.reversed") == []


def test_after_another_terminal_redeemed_first_the_platform_refuses_the_reversal(
        platform, clock, two_terminals) -> None:
    server, seed = platform
    a, b = two_terminals
    voucher = _voucher_signed_by(a, seed.store_id, clock.now)
    assert b.services.redemption.redeem(CASHIER, voucher).ok  # B, online, first
    b.worker(server.url).sync_once()
    clock.advance(minutes=1)
    voucher_id = a.services.redemption.redeem(CASHIER, voucher).voucher_id  # A was offline
    clock.advance(minutes=5)
    a.services.redemption_history.reverse(MANAGER, voucher_id, "customer changed their mind")
    a.worker(server.url).sync_once()
    assert _status(a.services, "redemption.reversed") == ["rejected"]
    with server.app.state.platform.tx() as session:
        assert session.get(VoucherRedemption, (seed.store_id, voucher_id)).terminal_id == b.terminal_id
