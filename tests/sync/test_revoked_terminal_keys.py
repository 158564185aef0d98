"""A revoked terminal's key, with real client stores and the real platform: after a pull, a
voucher it signed after the revocation is refused offline at another counter, and by the platform
from a counter that had not pulled yet; a voucher it issued before is still honoured. Another
store's counter never trusts the key at all."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from central.server import start_in_thread
from central.services.pairing import revoke_terminal
from desktop.core.ops import OpKind
from desktop.core.staff import Role
from desktop.core.vouchers import (
    VoucherClaims,
    key_id,
    new_voucher_id,
    public_key_bytes,
    sign_voucher,
)
from desktop.services.base import SYSTEM_ACTOR, Actor
from desktop.services.redemption import RedeemVerdict
from desktop.store.deal_models import SigningKey
from tests.central.helpers import seed_platform
from tests.sync.support import Terminal, make_terminal, outbox

CASHIER = Actor(3, "小张", Role.CASHIER)
MANAGER = Actor(2, "李经理", Role.MANAGER)


@pytest.fixture
def platform(tmp_path, clock):
    running = start_in_thread(f"sqlite:///{tmp_path / 'central.db'}", clock=clock)
    yield running, seed_platform(running)
    running.stop()


def _issue(terminal: Terminal, store_id: str, at: datetime, *, report: bool) -> str:
    """A voucher signed with the terminal's real key (issued_at = at); `report`: its
    voucher.issued op goes to the outbox as the issue flow writes it."""
    services = terminal.services
    with services.db.write() as session:
        private = services.signing_keys.current_key(session)
    at = at.replace(microsecond=0)
    vid = new_voucher_id()
    claims = VoucherClaims(vid, store_id, "g1", "e1", key_id(public_key_bytes(private)), at,
                           at + timedelta(days=30), "Steak set")
    if report:
        with services.sync.transaction(SYSTEM_ACTOR) as tx:
            tx.emit(OpKind.VOUCHER_ISSUED, {"voucher_id": vid, "group_id": "g1", "entry_id": "e1",
                                            "expires_at": (at + timedelta(days=30)).isoformat(),
                                            "at": at.isoformat()})
    return sign_voucher(claims, private)


def test_a_revoked_terminals_vouchers_after_revocation_are_refused_offline_and_by_the_platform(
        tmp_path, platform, clock) -> None:
    server, seed = platform
    a = make_terminal(tmp_path / "a", seed, clock, "Counter A")
    b = make_terminal(tmp_path / "b", seed, clock, "Counter B")
    late = make_terminal(tmp_path / "late", seed, clock, "Counter L")  # does not pull in time
    tea = make_terminal(tmp_path / "tea", seed, clock, "Tea", store_id=seed.other_store_id)
    try:
        for t in (a, b, late, tea):
            t.worker(server.url).sync_once()
        before = _issue(a, seed.store_id, clock.now, report=True)
        a.worker(server.url).sync_once()  # the platform hears of it before the revocation
        clock.advance(minutes=10)
        with server.app.state.platform.tx() as session:
            revoke_terminal(session, a.terminal_id, clock.now)
        revoked_at = clock.now
        clock.advance(minutes=1)
        after = _issue(a, seed.store_id, clock.now, report=False)  # signed with the stolen key

        b.worker(server.url).sync_once()  # B learns the key's bound
        a_key = key_id(public_key_bytes(_private(a)))
        with b.services.db.read() as s:
            row = s.get(SigningKey, a_key)
            assert row is not None and row.not_after == revoked_at.isoformat()
        refused = b.services.redemption.redeem(CASHIER, after)
        assert refused.verdict is RedeemVerdict.REVOKED_KEY
        assert b.services.redemption.redeem(CASHIER, before).verdict is RedeemVerdict.REDEEMED
        b.worker(server.url).sync_once()
        pushed = [r for r in outbox(b.services) if r.kind == "voucher.redeemed"]
        assert [r.status for r in pushed] == ["applied"]

        # A counter that had not pulled since accepts it offline (the remaining trust)...
        assert late.services.redemption.redeem(CASHIER, after).verdict is RedeemVerdict.REDEEMED
        late.worker(server.url).sync_once()
        row = next(r for r in outbox(late.services) if r.kind == "voucher.redeemed")
        # ...and the platform refuses it: the manager sees it on the attention screen.
        assert row.status == "rejected" and "after its key was retired or revoked" in row.reason
        items = late.services.attention.items(MANAGER)
        assert [(i.kind, i.subject) for i in items] == [("rejected_op", "voucher.redeemed")]

        # Another store never trusts A's key: its counter calls A's voucher forged.
        tea.worker(server.url).sync_once()
        assert tea.services.redemption.redeem(CASHIER, before).verdict is RedeemVerdict.FORGED
        with tea.services.db.read() as s:
            assert s.get(SigningKey, a_key) is None
    finally:
        for t in (a, b, late, tea):
            t.close()


def _private(terminal: Terminal):
    with terminal.services.db.write() as session:
        return terminal.services.signing_keys.current_key(session)


def test_pull_never_stores_a_weak_key(tmp_path, platform, clock) -> None:
    """Even from a platform that sent one (an older or compromised platform)."""
    from tests.core.test_ed25519_keys import SMALL_ORDER

    server, seed = platform
    b = make_terminal(tmp_path / "b", seed, clock, "Counter B")
    try:
        import base64

        answer = {"cursor": "x", "reset": False, "terminal_keys": [
            {"terminal_id": "Tevil", "name": "evil", "key_id": key_id(raw), "public_key": base64.b64encode(raw).decode(),
             "added_at": clock.now.isoformat(), "not_after": None, "revoked": False} for raw in SMALL_ORDER]}
        b.services.sync_pull.apply(answer)
        with b.services.db.read() as s:
            stored = set(s.scalars(select(SigningKey.public_key)))
        assert not stored & {raw.hex() for raw in SMALL_ORDER}
    finally:
        b.close()


def test_a_revoked_terminal_pairs_again_with_a_new_key(tmp_path, platform, clock) -> None:
    server, seed = platform
    a = make_terminal(tmp_path / "a", seed, clock, "Counter A")
    try:
        old_key = key_id(public_key_bytes(_private(a)))
        with server.app.state.platform.tx() as session:
            revoke_terminal(session, a.terminal_id, clock.now)
        clock.advance(seconds=5)
        pairing = a.runtime.flow.pair(SYSTEM_ACTOR, server.url, seed.pairing_code(), "Counter A", force=True)
        new_key = key_id(public_key_bytes(_private(a)))
        assert new_key != old_key and pairing.terminal_id != a.terminal_id
        with a.services.db.read() as s:
            assert s.get(SigningKey, old_key).retired_at is not None
    finally:
        a.close()
