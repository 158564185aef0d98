"""Issue 8, finding 14 (client): PIN hashes at the OWASP cost (old ones upgraded at login),
guessable PINs refused, and a lockout that escalates and that the PC clock cannot end."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.errors import PermissionDenied, ValidationError
from desktop.core.pins import LEGACY_COST, PIN_COST, hash_pin
from desktop.core.staff import Role
from desktop.services.staff import LoginRefused, StaffService
from desktop.store.db import Database
from desktop.store.migrate import open_store, upgrade
from desktop.store.models import AuditRecord, OutboxOp, Staff
from tests.support.stores import FakeClock, FakeUptime, open_services


def ids(services) -> dict[str, int]:
    return {info.name: info.id for info in services.staff.list_staff()}


def actions(services) -> list[str]:
    with services.db.read() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.id)))


def pin_hash(services, staff_id: int) -> str:
    with services.db.read() as s:
        return s.get(Staff, staff_id).pin_hash


# --- hashing at the current cost, old hashes upgraded at the next good login ------------------


def test_an_old_n14_hash_verifies_and_is_rehashed_at_the_current_cost_after_login(tmp_path: Path, clock) -> None:
    db = open_store(tmp_path / "pinshang.db")
    StaffService(db, clock, pin_cost=LEGACY_COST).create_owner("老板", "9275")  # as before issue 8
    staff = StaffService(db, clock)  # the app: PIN_COST
    owner_id = staff.list_staff()[0].id
    with db.read() as s:
        old = s.get(Staff, owner_id).pin_hash
    assert old.startswith("scrypt$16384$8$1$")

    with pytest.raises(LoginRefused, match="Wrong PIN"):
        staff.login(owner_id, "9276")
    with db.read() as s:
        assert s.get(Staff, owner_id).pin_hash == old  # a wrong PIN upgrades nothing

    assert staff.login(owner_id, "9275").name == "老板"
    with db.read() as s:
        new = s.get(Staff, owner_id).pin_hash
        audit = s.scalars(select(AuditRecord).where(AuditRecord.action == "staff.pin_rehashed")).all()
    assert new.startswith(f"scrypt${PIN_COST.n}$8$1$") and new != old
    assert len(audit) == 1 and "N=16384" in audit[0].detail and "N=131072" in audit[0].detail
    assert staff.login(owner_id, "9275").name == "老板"  # the new hash verifies; no second upgrade
    with db.read() as s:
        assert s.get(Staff, owner_id).pin_hash == new
    db.close()


def test_a_hash_that_asks_for_absurd_memory_is_refused_not_computed(demo_services) -> None:
    owner = ids(demo_services)["王店长"]
    with demo_services.db.write() as s:
        s.get(Staff, owner).pin_hash = "scrypt$1073741824$8$1$AAAA$AAAA"  # 1 TiB of scrypt memory
    with pytest.raises(LoginRefused, match="Wrong PIN"):
        demo_services.staff.login(owner, "1111")


# --- guessable PINs ----------------------------------------------------------------------------

GUESSABLE = ["0000", "1111", "99999999", "1234", "4321", "123456", "0123", "7890", "9876", "87654321",
             "1212", "6969", "123123", "520520", "2580", "1004", "5201314", "1314520", "147258", "12", "123"]


def _counts(services) -> tuple[int, int, int]:
    with services.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Staff, OutboxOp, AuditRecord))  # type: ignore[return-value]


@pytest.mark.parametrize("pin", GUESSABLE)
def test_a_guessable_pin_is_refused_for_new_staff_and_for_a_new_pin_and_nothing_is_written(demo_services, pin) -> None:
    owner = demo_services.staff.login(ids(demo_services)["王店长"], "1111")
    before = (_counts(demo_services), pin_hash(demo_services, ids(demo_services)["小张"]))
    with pytest.raises(ValidationError, match="too easy to guess|4 to 8 digits"):
        demo_services.staff.add_staff(owner, "新人", Role.CASHIER, pin)
    with pytest.raises(ValidationError, match="too easy to guess|4 to 8 digits"):
        demo_services.staff.change_pin(owner, ids(demo_services)["小张"], pin)
    with pytest.raises(ValidationError, match="too easy to guess|4 to 8 digits"):
        demo_services.staff.change_pin(owner, owner.staff_id, pin)
    assert (_counts(demo_services), pin_hash(demo_services, ids(demo_services)["小张"])) == before


def test_the_first_owner_cannot_choose_a_guessable_pin(services) -> None:
    with pytest.raises(ValidationError, match="digits in a row"):
        services.staff.create_owner("老板", "1234", "小店")
    assert not services.staff.has_staff()
    assert services.staff.create_owner("老板", "9275", "小店").role is Role.OWNER


def test_ordinary_pins_are_accepted(demo_services) -> None:
    owner = demo_services.staff.login(ids(demo_services)["王店长"], "1111")
    for n, pin in enumerate(("5829", "2468", "90210", "73914", "20251130")):
        demo_services.staff.add_staff(owner, f"新人{n}", Role.CASHIER, pin)
        assert demo_services.staff.login(ids(demo_services)[f"新人{n}"], pin).name == f"新人{n}"


def test_the_guessable_pin_message_is_in_chinese(demo_services, qapp) -> None:
    from desktop.ui.i18n import install_language
    from desktop.ui.messages import describe

    owner = demo_services.staff.login(ids(demo_services)["王店长"], "1111")
    install_language("zh_CN")
    try:
        with pytest.raises(ValidationError) as refused:
            demo_services.staff.add_staff(owner, "新人", Role.CASHIER, "2580")
        assert "容易" in describe(refused.value)
    finally:
        install_language("en")


# --- the lockout ---------------------------------------------------------------------------


def fail_five(services, staff_id: int) -> LoginRefused:
    for _ in range(4):
        with pytest.raises(LoginRefused, match="tries left"):
            services.staff.login(staff_id, "0000")
    with pytest.raises(LoginRefused, match="locked") as locked:
        services.staff.login(staff_id, "0000")
    return locked.value


@pytest.fixture
def locked_store(tmp_path: Path):
    clock, uptime = FakeClock(), FakeUptime()
    services = open_services(tmp_path, clock, uptime)
    services.demo.seed()
    yield services, clock, uptime, ids(services)["小张"]
    services.close()


def test_each_lock_before_a_good_login_lasts_longer_and_a_good_login_resets_it(locked_store) -> None:
    services, clock, uptime, cashier = locked_store
    for expected in (5, 15, 60, 240, 1440, 1440):
        refusal = fail_five(services, cashier)
        assert refusal.locked_until == clock.now + timedelta(minutes=expected)
        clock.advance(minutes=expected - 1)
        uptime.advance(minutes=expected - 1)
        with pytest.raises(LoginRefused, match="locked"):
            services.staff.login(cashier, "3333")
        clock.advance(minutes=1, seconds=1)
        uptime.advance(minutes=1, seconds=1)
    assert services.staff.login(cashier, "3333").name == "小张"
    assert fail_five(services, cashier).locked_until == clock.now + timedelta(minutes=5)


def test_the_warning_names_the_next_lock(locked_store) -> None:
    services, clock, uptime, cashier = locked_store
    fail_five(services, cashier)
    uptime.advance(minutes=6)
    with pytest.raises(LoginRefused, match="4 tries left before a lock of 15 min"):
        services.staff.login(cashier, "0000")


def test_moving_the_pc_clock_forward_does_not_end_a_lock(locked_store) -> None:
    services, clock, uptime, cashier = locked_store
    fail_five(services, cashier)
    clock.advance(days=2)  # someone sets the date forward; only a minute really passes
    uptime.advance(minutes=1)
    with pytest.raises(LoginRefused, match="locked") as still:
        services.staff.login(cashier, "3333")
    assert still.value.locked_until == clock.now + timedelta(minutes=4)
    assert "clock.moved" in actions(services)
    uptime.advance(minutes=4, seconds=1)
    assert services.staff.login(cashier, "3333").name == "小张"


def test_moving_the_pc_clock_back_does_not_stretch_or_end_a_lock(locked_store) -> None:
    services, clock, uptime, cashier = locked_store
    fail_five(services, cashier)
    clock.advance(hours=-3)
    uptime.advance(minutes=2)
    with pytest.raises(LoginRefused, match="locked"):
        services.staff.login(cashier, "3333")
    uptime.advance(minutes=3, seconds=1)
    assert services.staff.login(cashier, "3333").name == "小张"


def test_after_a_reboot_the_time_that_cannot_be_measured_does_not_count(tmp_path: Path) -> None:
    clock, uptime = FakeClock(), FakeUptime()
    services = open_services(tmp_path, clock, uptime)
    services.demo.seed()
    cashier = ids(services)["小张"]
    fail_five(services, cashier)
    uptime.advance(minutes=2)
    with pytest.raises(LoginRefused, match="locked"):  # 3 minutes left, measured and stored
        services.staff.login(cashier, "3333")
    services.close()

    uptime.reboot()
    clock.advance(days=1)  # the BIOS clock says a day passed: it cannot be checked, so it does not count
    restarted = open_services(tmp_path, clock, uptime)
    with pytest.raises(LoginRefused, match="locked") as still:
        restarted.staff.login(cashier, "3333")
    assert still.value.locked_until == clock.now + timedelta(minutes=3)
    uptime.advance(minutes=3, seconds=1)  # measured on the new boot's monotonic clock
    assert restarted.staff.login(cashier, "3333").name == "小张"
    restarted.close()


def test_a_reboot_with_the_clock_set_back_keeps_the_lock_and_is_audited(tmp_path: Path) -> None:
    clock, uptime = FakeClock(), FakeUptime()
    services = open_services(tmp_path, clock, uptime)
    services.demo.seed()
    cashier = ids(services)["小张"]
    fail_five(services, cashier)
    services.close()
    uptime.reboot(up_for=5000.0)  # a new boot that has been up longer than the old one was
    clock.advance(days=-1)
    restarted = open_services(tmp_path, clock, uptime)
    with pytest.raises(LoginRefused, match="locked") as still:
        restarted.staff.login(cashier, "3333")
    assert still.value.locked_until == clock.now + timedelta(minutes=5)
    with restarted.db.read() as s:
        moved = s.scalars(select(AuditRecord.detail).where(AuditRecord.action == "clock.moved")).all()
    assert moved and json.loads(moved[-1])["seconds"] == -86400
    restarted.close()


def test_the_staff_list_shows_a_lock_only_while_it_runs(locked_store) -> None:
    services, clock, uptime, cashier = locked_store
    fail_five(services, cashier)
    shown = {info.id: info.locked_until for info in services.staff.list_staff()}
    assert shown[cashier] == clock.now + timedelta(minutes=5)
    uptime.advance(minutes=5, seconds=1)
    assert {info.id: info.locked_until for info in services.staff.list_staff()}[cashier] is None


def test_a_manager_unlocks_a_cashier_but_a_cashier_cannot_and_a_manager_cannot_unlock_an_owner(locked_store) -> None:
    services, clock, uptime, cashier = locked_store
    staff = ids(services)
    fail_five(services, cashier)
    manager = services.staff.login(staff["李经理"], "2222")
    services.staff.unlock(manager, cashier)
    assert services.staff.login(cashier, "3333").name == "小张"
    assert "staff.unlocked" in actions(services)
    with pytest.raises(PermissionDenied):
        services.staff.unlock(services.staff.login(cashier, "3333"), staff["李经理"])
    with pytest.raises(ValidationError, match="owner"):
        services.staff.unlock(manager, staff["王店长"])


def test_a_lock_running_when_the_app_is_updated_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "pinshang.db"
    old = Database(path)
    upgrade(old, "0005")
    old.close()
    with sqlite3.connect(path) as conn:
        for name, until in (("在锁", "2999-01-01T00:00:00.000000+00:00"), ("已过", "2001-01-01T00:00:00.000000+00:00")):
            conn.execute("INSERT INTO staff (name, role, pin_hash, active, failed_attempts, locked_until, created_at) "
                         "VALUES (?, 'cashier', ?, 1, 0, ?, '2026')", (name, hash_pin("5829", LEGACY_COST), until))
    clock, uptime = FakeClock(), FakeUptime()
    services = open_services(tmp_path, clock, uptime)
    with pytest.raises(LoginRefused, match="locked") as still:
        services.staff.login(ids(services)["在锁"], "5829")
    assert still.value.locked_until == clock.now + timedelta(minutes=5)
    assert services.staff.login(ids(services)["已过"], "5829").name == "已过"
    services.close()


def test_a_login_hashes_outside_the_write_lock_so_other_writes_do_not_wait(tmp_path: Path, clock) -> None:
    """scrypt at the OWASP cost takes ~0.3 s; another writer that starts while it runs commits
    before the login ends (it would wait for the whole hash if the login held the lock)."""
    db = open_store(tmp_path / "pinshang.db")
    staff = StaffService(db, clock)  # the app's cost: PIN_COST
    staff.create_owner("老板", "9275")
    owner_id = staff.list_staff()[0].id
    finished: dict[str, float] = {}

    def login() -> None:
        staff.login(owner_id, "9275")
        finished["login"] = time.monotonic()

    thread = threading.Thread(target=login)
    thread.start()
    time.sleep(0.05)
    conn = sqlite3.connect(tmp_path / "pinshang.db", timeout=10)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES ('probe', '1')")
    conn.commit()
    finished["write"] = time.monotonic()
    conn.close()
    thread.join()
    assert finished["write"] < finished["login"]
    with db.read() as s:
        assert "staff.login" in set(s.scalars(select(AuditRecord.action)))
