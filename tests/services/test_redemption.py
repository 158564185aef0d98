"""Redeeming vouchers: single use, verdicts for bad scans, fallback code, key rotation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from desktop.core.vouchers import VoucherClaims, key_id, public_key_bytes, sign_voucher
from desktop.services.redemption import RedeemVerdict
from desktop.services.settings import put_setting
from desktop.store.deal_models import Redemption
from desktop.store.models import AuditRecord, OutboxOp
from tests.support.deal_flow import cashier, full_group, launched_deal, manager


@pytest.fixture
def voucher(demo_services):
    group_id = full_group(demo_services, launched_deal(demo_services))
    return demo_services.draws.draw_and_settle(cashier(demo_services), group_id).vouchers[0]


def _written(services) -> tuple[int, int, int]:
    with services.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Redemption, OutboxOp, AuditRecord))


def test_a_voucher_is_redeemed_once_then_already_redeemed_with_when_and_who(demo_services, voucher, clock) -> None:
    staff = cashier(demo_services)
    first = demo_services.redemption.redeem(staff, f"]Q1{voucher.qr_text}\r\n")  # scanner noise
    assert first.verdict is RedeemVerdict.REDEEMED and first.product == "牛排套餐 Steak set"
    assert first.winner.startswith("138****")
    clock.advance(minutes=5)
    before = _written(demo_services)
    again = demo_services.redemption.redeem(staff, voucher.qr_text)
    assert again.verdict is RedeemVerdict.ALREADY_REDEEMED
    assert again.redeemed_at == first.redeemed_at and again.staff == "小张" and again.terminal
    assert _written(demo_services) == before
    with demo_services.db.read() as s:
        ops = s.scalars(select(OutboxOp.kind).where(OutboxOp.kind == "voucher.redeemed")).all()
    assert len(ops) == 1
    assert demo_services.audit.verify().ok


def test_the_typed_fallback_code_works_in_the_same_field(demo_services, voucher) -> None:
    typed = voucher.fallback_code.replace("-", " ").lower().replace("0", "o")
    result = demo_services.redemption.redeem(cashier(demo_services), typed)
    assert result.verdict is RedeemVerdict.REDEEMED and result.voucher_id == voucher.id


@pytest.mark.parametrize("garbage", ["", "hello", "PSV1", "PSV1AAAA", "1234-5678-9A", "🙂" * 30,
                                     "\x00\x1b[2J", "PSV1" + "A" * 400])
def test_garbage_is_damaged_and_writes_nothing(demo_services, voucher, garbage) -> None:
    before = _written(demo_services)
    result = demo_services.redemption.redeem(cashier(demo_services), garbage)
    assert result.verdict in (RedeemVerdict.DAMAGED, RedeemVerdict.FORGED, RedeemVerdict.UNKNOWN_CODE)
    assert _written(demo_services) == before


def test_truncated_or_altered_codes_are_refused(demo_services, voucher) -> None:
    text = voucher.qr_text
    flipped = text[:30] + ("A" if text[30] != "A" else "B") + text[31:]
    for bad in (text[:-10], flipped):
        assert demo_services.redemption.redeem(cashier(demo_services), bad).verdict in (
            RedeemVerdict.DAMAGED, RedeemVerdict.FORGED)
    assert _written(demo_services)[0] == 0


def test_a_voucher_of_another_store_and_an_expired_one(demo_services, voucher, clock) -> None:
    with demo_services.db.write() as s:
        put_setting(s, "store.id", "other-store")
    assert demo_services.redemption.redeem(cashier(demo_services), voucher.qr_text).verdict is RedeemVerdict.WRONG_STORE
    with demo_services.db.write() as s:
        put_setting(s, "store.id", "demo-store")
    clock.advance(days=31)
    assert demo_services.redemption.redeem(cashier(demo_services), voucher.qr_text).verdict is RedeemVerdict.EXPIRED
    assert _written(demo_services)[0] == 0


def test_a_voucher_signed_by_an_unknown_key_is_forged(demo_services, voucher) -> None:
    stranger = Ed25519PrivateKey.generate()
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    claims = VoucherClaims("ab" * 10, "demo-store", "G1", "E1", key_id(public_key_bytes(stranger)),
                           now, now + timedelta(days=3), "牛排套餐 Steak set")
    result = demo_services.redemption.redeem(cashier(demo_services), sign_voucher(claims, stranger))
    assert result.verdict is RedeemVerdict.FORGED


def test_vouchers_signed_before_a_key_rotation_still_verify(demo_services, voucher, memory_keyring,
                                                            clock) -> None:
    clock.advance(seconds=1)  # the rotation comes after the issue (the retired key's bound)
    new_kid = demo_services.signing_keys.rotate(manager(demo_services))
    assert new_kid != voucher.qr_text and len(new_kid) == 8
    fresh = type(demo_services.signing_keys)(demo_services.db, demo_services.signing_keys.clock)
    demo_services.redemption.keys = fresh  # a restarted app: nothing cached
    assert demo_services.redemption.redeem(cashier(demo_services), voucher.qr_text).ok


def test_first_run_names_the_terminal(services) -> None:
    from desktop.core.settings_keys import DEFAULT_TERMINAL_NAME, TERMINAL_NAME

    services.staff.create_owner("老板", "9275", "小店")
    assert services.settings.get(TERMINAL_NAME) == DEFAULT_TERMINAL_NAME == "Counter 1"


def test_a_redemption_before_pairing_records_the_terminal_name_not_the_host(demo_services, voucher) -> None:
    import platform

    from desktop.core.settings_keys import TERMINAL_NAME

    assert demo_services.settings.get(TERMINAL_NAME) == "Counter 1"  # the demo's first run wrote it
    assert demo_services.sync.pairing() is None
    result = demo_services.redemption.redeem(cashier(demo_services), voucher.qr_text)
    assert result.terminal == "Counter 1" != platform.node()
    with demo_services.db.read() as s:
        assert s.scalar(select(Redemption.terminal)) == "Counter 1"
