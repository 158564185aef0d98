from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.staff import Permission, Role
from desktop.services.base import Actor
from desktop.services.staff import LoginRefused
from desktop.store.models import AuditRecord, OutboxOp, Staff
from tests.support.stores import FakeClock, FakeUptime, open_services


def ids(services) -> dict[str, int]:
    return {info.name: info.id for info in services.staff.list_staff()}


def test_first_run_creates_the_owner_once(services) -> None:
    owner = services.staff.create_owner("老板", "9275", "小店")
    assert owner.role is Role.OWNER
    assert services.settings.get("store.name") == "小店"
    with pytest.raises(ValidationError, match="already has an owner"):
        services.staff.create_owner("别人", "4826")


def test_pins_are_stored_as_scrypt_hashes(demo_services) -> None:
    with demo_services.db.read() as s:
        hashes = s.scalars(select(Staff.pin_hash)).all()
    assert hashes and all(h.startswith("scrypt$") and "1111" not in h for h in hashes)


def test_login_with_the_right_pin(demo_services) -> None:
    actor = demo_services.staff.login(ids(demo_services)["小张"], "3333")
    assert (actor.name, actor.role) == ("小张", Role.CASHIER)


def test_five_wrong_pins_lock_for_five_minutes_even_after_a_restart(tmp_path: Path) -> None:
    clock, uptime = FakeClock(), FakeUptime()
    services = open_services(tmp_path, clock, uptime)
    services.demo.seed()
    cashier = ids(services)["小张"]
    for attempt in range(4):
        with pytest.raises(LoginRefused, match=f"{4 - attempt} tries left before a lock of 5 min"):
            services.staff.login(cashier, "0000")
    with pytest.raises(LoginRefused, match="locked") as locked:
        services.staff.login(cashier, "0000")
    assert locked.value.locked_until == clock.now + timedelta(minutes=5)
    services.close()

    restarted = open_services(tmp_path, clock, uptime)  # the app was closed and opened again
    clock.advance(minutes=4)
    uptime.advance(minutes=4)
    with pytest.raises(LoginRefused, match="locked"):
        restarted.staff.login(cashier, "3333")  # even the right PIN waits out the lock
    clock.advance(minutes=1, seconds=1)
    uptime.advance(minutes=1, seconds=1)
    assert restarted.staff.login(cashier, "3333").name == "小张"
    restarted.close()


def test_roles_are_enforced_in_services_not_only_in_the_ui(demo_services) -> None:
    cashier = demo_services.staff.login(ids(demo_services)["小张"], "3333")
    with pytest.raises(PermissionDenied):
        demo_services.staff.add_staff(cashier, "新人", Role.CASHIER, "5829")
    with pytest.raises(PermissionDenied):
        demo_services.audit.recent(cashier)
    manager = demo_services.staff.login(ids(demo_services)["李经理"], "2222")
    with pytest.raises(ValidationError, match="owner"):
        demo_services.staff.add_staff(manager, "新老板", Role.OWNER, "5829")


def test_manager_override_is_audited_with_both_names(demo_services) -> None:
    staff = ids(demo_services)
    cashier = demo_services.staff.login(staff["小张"], "3333")
    approved = demo_services.staff.approve(cashier, staff["李经理"], "2222", Permission.VIEW_AUDIT)
    assert approved.may(Permission.VIEW_AUDIT) and not cashier.may(Permission.VIEW_AUDIT)
    latest = demo_services.audit.recent(approved, limit=1)[0]
    assert latest.action == "override.approved"
    detail = json.loads(latest.detail)
    assert (detail["staff"], detail["approved_by"]) == ("小张", "李经理")


def test_a_cashier_cannot_approve_an_override(demo_services) -> None:
    staff = ids(demo_services)
    cashier = demo_services.staff.login(staff["小张"], "3333")
    with pytest.raises(Exception, match="may not approve"):
        demo_services.staff.approve(cashier, staff["小张"], "3333", Permission.VIEW_AUDIT)


def test_business_rows_outbox_and_audit_are_one_transaction(demo_services) -> None:
    owner = demo_services.staff.login(ids(demo_services)["王店长"], "1111")
    counts = _counts(demo_services)
    demo_services.staff.add_staff(owner, "新人", Role.CASHIER, "5829")
    assert _counts(demo_services) == tuple(c + 1 for c in counts)

    with pytest.raises(ValidationError):  # same name: refused after the checks ran inside the transaction
        demo_services.staff.add_staff(owner, "新人", Role.CASHIER, "5829")
    assert _counts(demo_services) == tuple(c + 1 for c in counts)


def test_bad_input_writes_nothing(demo_services) -> None:
    owner = demo_services.staff.login(ids(demo_services)["王店长"], "1111")
    before = _counts(demo_services)
    for name, pin in [("", "1234"), ("x" * 65, "1234"), ("好人", "12"), ("好人", "12ab"), ("好人", "１２３４")]:
        with pytest.raises(ValidationError):
            demo_services.staff.add_staff(owner, name, Role.CASHIER, pin)
    assert _counts(demo_services) == before


def test_deactivated_staff_cannot_log_in(demo_services) -> None:
    staff = ids(demo_services)
    owner = demo_services.staff.login(staff["王店长"], "1111")
    demo_services.staff.set_active(owner, staff["小张"], False)
    with pytest.raises(LoginRefused, match="no longer active"):
        demo_services.staff.login(staff["小张"], "3333")
    with pytest.raises(ValidationError, match="yourself"):
        demo_services.staff.set_active(owner, owner.staff_id, False)


def test_audit_chain_verifies_and_names_a_tampered_row(demo_services) -> None:
    assert demo_services.audit.verify().ok
    with demo_services.db.write() as s:
        row = s.get(AuditRecord, 3)
        row.detail = row.detail.replace("小张", "小章")
        assert "小章" in row.detail
    check = demo_services.audit.verify()
    assert (check.ok, check.bad_row, check.length) == (False, 3, 2)


def _counts(services) -> tuple[int, int, int]:
    with services.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Staff, OutboxOp, AuditRecord))  # type: ignore[return-value]


def test_actor_label_names_the_approver() -> None:
    actor = Actor(3, "小张", Role.CASHIER, "李经理", Role.MANAGER)
    assert actor.label == "小张 (approved by 李经理)"


def test_an_approval_covers_only_the_permission_asked_for(demo_services) -> None:
    staff = ids(demo_services)
    cashier = demo_services.staff.login(staff["小张"], "3333")
    approved = demo_services.staff.approve(cashier, staff["李经理"], "2222", Permission.VIEW_AUDIT)
    assert approved.may(Permission.VIEW_AUDIT)
    for other in (Permission.MANAGE_DEALS, Permission.MANAGE_STAFF, Permission.PAIR_PLATFORM, Permission.CANCEL_GROUP):
        assert not approved.may(other)
    with pytest.raises(PermissionDenied):
        demo_services.staff.add_staff(approved, "新人", Role.CASHIER, "5829")
