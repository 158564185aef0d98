"""The terminal's name given at pairing (the Platform screen's name) is what redemptions record,
not the computer's host name."""

from __future__ import annotations

from desktop.core.settings_keys import TERMINAL_NAME
from tests.support.deal_flow import cashier, full_group, launched_deal


def test_pairing_writes_the_terminal_name_and_a_redemption_records_it(terminal) -> None:
    services = terminal.services
    assert services.settings.get(TERMINAL_NAME) == "Counter 1"
    assert services.sync.pairing().terminal_name == "Counter 1"
    staff = cashier(services)
    group_id = full_group(services, launched_deal(services))
    services.draws.draw_and_settle(staff, group_id)
    voucher = services.group_views.view(group_id).vouchers[0]
    result = services.redemption.redeem(staff, voucher.qr_text)
    assert result.ok and result.terminal == "Counter 1"
