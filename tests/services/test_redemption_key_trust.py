"""The redeem service refuses vouchers under weak keys and vouchers signed after their key's
bound, whatever the local key table holds, and writes nothing for them."""

from __future__ import annotations

from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from desktop.core.clock import to_iso
from desktop.core.vouchers import (
    VoucherClaims,
    key_id,
    new_voucher_id,
    public_key_bytes,
    sign_voucher,
)
from desktop.services.redemption import RedeemVerdict
from desktop.store.deal_models import Redemption, SigningKey
from desktop.store.models import OutboxOp
from tests.core.test_ed25519_keys import SMALL_ORDER
from tests.core.test_voucher_key_trust import forged_under
from tests.support.deal_flow import cashier


def _count(services, model) -> int:
    with services.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def _other_terminal_key(services, raw: bytes, not_after: str | None = None) -> None:
    with services.db.write() as s:
        s.add(SigningKey(key_id=key_id(raw), public_key=raw.hex(), created_at="2026-01-01T00:00:00+00:00",
                         own=False, not_after=not_after))


def test_a_voucher_under_the_identity_key_is_refused_at_the_counter(demo_services, clock) -> None:
    _other_terminal_key(demo_services, SMALL_ORDER[0])  # even if the table holds it
    text = forged_under(SMALL_ORDER[0], store_id="demo-store")
    before = (_count(demo_services, Redemption), _count(demo_services, OutboxOp))
    result = demo_services.redemption.redeem(cashier(demo_services), text)
    assert result.verdict is RedeemVerdict.FORGED
    assert (_count(demo_services, Redemption), _count(demo_services, OutboxOp)) == before


def _voucher(private: Ed25519PrivateKey, issued) -> str:
    issued = issued.replace(microsecond=0)
    claims = VoucherClaims(new_voucher_id(), "demo-store", "g1", "e1", key_id(public_key_bytes(private)),
                           issued, issued + timedelta(days=30), "Steak set")
    return sign_voucher(claims, private)


def test_a_revoked_key_verifies_vouchers_issued_before_its_bound_only(demo_services, clock) -> None:
    private = Ed25519PrivateKey.generate()
    bound = clock.now
    _other_terminal_key(demo_services, public_key_bytes(private), to_iso(bound))
    before = _voucher(private, bound - timedelta(minutes=5))
    after = _voucher(private, bound + timedelta(seconds=1))
    staff = cashier(demo_services)
    assert demo_services.redemption.redeem(staff, after).verdict is RedeemVerdict.REVOKED_KEY
    ok = demo_services.redemption.redeem(staff, before)
    assert ok.verdict is RedeemVerdict.REDEEMED
    with demo_services.db.read() as s:
        payload = s.scalars(select(OutboxOp.payload).where(OutboxOp.kind == "voucher.redeemed")).one()
    assert before in payload  # the signed text goes to the platform


def test_a_bound_written_after_the_key_was_cached_counts_at_once(demo_services, clock) -> None:
    private = Ed25519PrivateKey.generate()
    _other_terminal_key(demo_services, public_key_bytes(private))
    staff = cashier(demo_services)
    assert demo_services.redemption.redeem(staff, _voucher(private, clock.now - timedelta(hours=1))).ok
    with demo_services.db.write() as s:  # what a pull does when the terminal is revoked
        s.get(SigningKey, key_id(public_key_bytes(private))).not_after = to_iso(clock.now - timedelta(minutes=30))
    assert demo_services.redemption.redeem(staff, _voucher(private, clock.now)).verdict is RedeemVerdict.REVOKED_KEY


def test_a_redemption_by_typed_code_sends_the_signed_voucher_too(demo_services) -> None:
    import json

    from tests.support.deal_flow import full_group, launched_deal

    group_id = full_group(demo_services, launched_deal(demo_services))
    voucher = demo_services.draws.draw_and_settle(cashier(demo_services), group_id).vouchers[0]
    assert demo_services.redemption.redeem(cashier(demo_services), voucher.fallback_code).ok
    with demo_services.db.read() as s:
        payload = json.loads(s.scalars(select(OutboxOp.payload).where(OutboxOp.kind == "voucher.redeemed")).one())
    assert payload["voucher"] == voucher.qr_text and payload["voucher_id"] == voucher.id
