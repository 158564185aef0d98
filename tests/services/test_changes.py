"""Use cases carry out what they changed (desktop.services.changes): the tables their committed
transactions wrote, as the Change kinds the screens refresh by. Nobody declares them by hand."""

from __future__ import annotations

import pytest

from desktop.core.changes import EVERYTHING, Change
from desktop.core.errors import UserError
from desktop.core.staff import Permission
from desktop.services.changes import TABLE_CHANGES, changes_of, recording
from desktop.services.printers import PrinterSettings
from desktop.services.redemption import RedeemVerdict
from desktop.store.models import Base
from tests.support.deal_flow import PHONES, actor, cashier, full_group, launched_deal, manager


def test_every_table_of_the_store_says_what_it_changes() -> None:
    import desktop.store.deal_models  # noqa: F401  (every model registered on Base)
    import desktop.store.print_models  # noqa: F401
    import desktop.store.sync_models  # noqa: F401

    tables = set(Base.metadata.tables)
    assert tables - set(TABLE_CHANGES) == set(), "add the new tables to desktop.services.changes.TABLE_CHANGES"
    assert set(TABLE_CHANGES) - tables == set(), "TABLE_CHANGES names tables that no longer exist"
    assert changes_of(["a_table_nobody_mapped"]) == EVERYTHING  # unknown: every screen refreshes


def test_an_enrolment_carries_groups_the_outbox_and_the_audit(demo_services) -> None:
    group_id = demo_services.groups.open_group(cashier(demo_services), launched_deal(demo_services),
                                               PHONES[0], "cash")
    with recording() as changed:
        demo_services.groups.enrol(cashier(demo_services), group_id, PHONES[1], "card")
    assert {"group_entries", "outbox", "audit_log"} <= changed.tables
    assert changed.changes == {Change.GROUPS, Change.SYNC, Change.AUDIT}


def test_a_draw_carries_the_vouchers_it_issued(demo_services) -> None:
    group_id = full_group(demo_services, launched_deal(demo_services))
    with recording() as changed:
        demo_services.draws.draw_and_settle(cashier(demo_services), group_id)
    assert {Change.GROUPS, Change.VOUCHERS, Change.SYNC, Change.AUDIT} <= changed.changes


def test_the_raw_redemption_path_carries_its_changes_too(demo_services) -> None:
    group_id = full_group(demo_services, launched_deal(demo_services))
    voucher = demo_services.draws.draw_and_settle(cashier(demo_services), group_id).vouchers[0]
    with recording() as changed:
        result = demo_services.redemption.redeem(cashier(demo_services), voucher.qr_text)
    assert result.verdict is RedeemVerdict.REDEEMED
    assert changed.tables == {"redemptions", "outbox", "audit_log"}
    assert changed.changes == {Change.VOUCHERS, Change.SYNC, Change.AUDIT}
    with recording() as again:
        assert demo_services.redemption.redeem(cashier(demo_services), voucher.qr_text).verdict \
            is RedeemVerdict.ALREADY_REDEEMED
    assert not again and again.changes == frozenset()  # refused: the failed INSERT rolled back


def test_reads_carry_nothing_and_a_rolled_back_transaction_carries_nothing(demo_services) -> None:
    with recording() as changed:
        demo_services.group_views.list_groups(None)
        demo_services.deals.list_deals()
        with pytest.raises(RuntimeError), demo_services.settings.transaction(manager(demo_services)) as tx:
            tx.audit("settings.changed", key="store.name")
            raise RuntimeError("a bug half-way through the use case")
    assert changed.changes == frozenset()


def test_what_committed_before_a_refusal_is_carried(demo_services) -> None:
    """A wrong manager PIN counts towards the lock and is audited, then refused."""
    staff = cashier(demo_services)
    with recording() as changed, pytest.raises(UserError):
        demo_services.staff.approve(staff, manager(demo_services).staff_id, "0000", Permission.MANAGE_DEALS)
    # the failed attempt and its audit record (and the clock last seen, kept with every login)
    assert {Change.STAFF, Change.AUDIT} <= changed.changes <= {Change.STAFF, Change.AUDIT, Change.SETTINGS}


def test_bulk_deletes_are_seen(demo_services, tmp_path) -> None:
    boss = manager(demo_services)
    printer_id = demo_services.printers.save(boss, PrinterSettings(name="Bar", connection="pdf",
                                                                   pdf_folder=str(tmp_path)))
    demo_services.printers.set_route(boss, "voucher", printer_id)
    with recording() as changed:
        demo_services.printers.remove(boss, printer_id)  # DELETE … WHERE printer_id = …, then the row
    assert {"printer_routes", "printers"} <= changed.tables
    assert Change.PRINTERS in changed.changes


def test_nested_records_pass_their_part_to_the_outer_one(demo_services) -> None:
    boss = actor(demo_services, "王店长")
    with recording() as outer:
        with recording() as inner:
            demo_services.settings.set(boss, "store.name", "品尚二店")
        assert Change.SETTINGS in inner.changes
    assert Change.SETTINGS in outer.changes
