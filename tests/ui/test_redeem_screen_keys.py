"""The redeem screen: a voucher under the identity key is shown as forged, one signed after its
terminal was revoked says so; both in red, in English and in Chinese."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.clock import to_iso
from desktop.core.vouchers import public_key_bytes
from desktop.ui.context import UiContext
from desktop.ui.i18n import install_language
from desktop.ui.redeem_screen import RedeemScreen
from tests.core.test_ed25519_keys import SMALL_ORDER
from tests.core.test_voucher_key_trust import forged_under
from tests.services.test_redemption_key_trust import _other_terminal_key, _voucher
from tests.support.deal_flow import cashier


@pytest.mark.parametrize(("language", "forged", "revoked"), [
    ("en", "✖ Forged or altered: do not accept", "✖ Signed after its terminal was revoked: do not accept"),
    ("zh_CN", "✖ 伪造或被篡改：请勿接受", "✖ 该券在其终端被吊销后签发：请勿接受"),
])
def test_weak_and_revoked_keys_on_the_redeem_screen(qtbot, demo_services, clock, language, forged,
                                                    revoked) -> None:
    install_language(language)
    try:
        _other_terminal_key(demo_services, SMALL_ORDER[0])
        private = Ed25519PrivateKey.generate()
        _other_terminal_key(demo_services, public_key_bytes(private), to_iso(clock.now))
        screen = RedeemScreen(UiContext(demo_services, cashier(demo_services)))
        qtbot.addWidget(screen)
        screen.redeem(forged_under(SMALL_ORDER[0], store_id="demo-store"))
        qtbot.waitUntil(lambda: screen.verdict.text() == forged)
        assert screen.verdict.property("tone") == "error"
        screen.redeem(_voucher(private, clock.now + timedelta(seconds=1)))
        qtbot.waitUntil(lambda: screen.verdict.text() == revoked)
        assert screen.verdict.property("tone") == "error"
        assert not screen.reprint.isVisible()
    finally:
        install_language("en")


def test_every_key_of_the_counter_is_documented() -> None:
    """docs/architecture.md lists every key desktop.ui.keys gives an action."""
    import re
    from pathlib import Path

    from desktop.ui import keys

    given = {value for name, value in vars(keys).items() if name.isupper() and isinstance(value, str)}
    doc = (Path(__file__).resolve().parents[2] / "docs" / "architecture.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (F\d+) \|", doc, re.M))
    assert given == documented
