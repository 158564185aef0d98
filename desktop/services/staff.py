"""Staff: first-run owner, PIN login with a lockout that survives restarts, overrides.

The lockout runs on a monotonic clock (desktop.core.lockout); `Uptime` is where that clock is
read, injected so tests can move it and reboot it. PINs are hashed at `pin_cost` (the current
OWASP cost; tests pass a lower one explicitly) and older hashes are upgraded at login.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import func, select

from desktop.core.clock import Clock, from_iso, to_iso, utc_now
from desktop.core.errors import UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.lockout import (
    ESTIMATED,
    MAX_FAILED_PINS,
    LockState,
    Reading,
    clock_jump,
    lockout_for,
    same_boot,
)
from desktop.core.ops import OpKind
from desktop.core.pins import PIN_COST, ScryptCost, hash_pin, needs_rehash, pin_matches, stored_cost
from desktop.core.staff import (
    RANK,
    Permission,
    Role,
    StaffInfo,
    check_name,
    check_new_pin,
    check_pin_format,
)
from desktop.services.base import SYSTEM_ACTOR, Actor, ServiceBase, Transaction, require
from desktop.services.settings import DEFAULT_TERMINAL_NAME, STORE_NAME, TERMINAL_NAME, put_setting
from desktop.store.db import Database
from desktop.store.models import Setting, Staff

Uptime = Callable[[], tuple[float, str]]  # (monotonic seconds, id of the boot they count from)
CLOCK_LAST_SEEN = "clock.last_seen"  # the last (wall, monotonic, boot) a login attempt saw


def system_uptime() -> tuple[float, str]:
    """The OS's monotonic clock, including time asleep where the OS offers it (Linux
    CLOCK_BOOTTIME), and the boot it counts from: Linux's boot_id, else an estimate of the
    boot moment from both clocks (compared with a tolerance by desktop.core.lockout.same_boot)."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    mono = time.clock_gettime(boottime) if boottime is not None else time.monotonic()
    return mono, _boot_id() or f"{ESTIMATED}{time.time() - mono:.0f}"


@cache
def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip() or None
    except OSError:
        return None


class LoginRefused(UserError):
    """Wrong PIN or locked; `locked_until` is set when the member is locked."""

    def __init__(self, message: str, locked_until: datetime | None = None, **params: object) -> None:
        super().__init__(message, **params)
        self.locked_until = locked_until


class StaffService(ServiceBase):
    def __init__(self, db: Database, clock: Clock = utc_now, *, pin_cost: ScryptCost = PIN_COST,
                 uptime: Uptime = system_uptime) -> None:
        super().__init__(db, clock)
        self.pin_cost = pin_cost
        self.uptime = uptime

    def has_staff(self) -> bool:
        with self.db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(Staff)))

    def list_staff(self, *, active_only: bool = True) -> list[StaffInfo]:
        query = select(Staff).order_by(Staff.role.desc(), Staff.name)
        if active_only:
            query = query.where(Staff.active.is_(True))
        now = self._reading(self.clock())
        with self.db.read() as s:
            return [_info(row, now) for row in s.scalars(query)]

    def create_owner(self, name: str, pin: str, store_name: str | None = None) -> Actor:
        """First run only: the owner account (and the store's name), when there is no staff yet."""
        name, pin = check_name(name), check_new_pin(pin)
        with self.transaction(SYSTEM_ACTOR) as tx:
            if tx.session.scalar(select(func.count()).select_from(Staff)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "This store already has an owner"))
            row = self._insert(tx, name, Role.OWNER, pin)
            tx.audit("staff.owner_created", staff_id=row.id, name=name)
            if store_name:
                put_setting(tx.session, STORE_NAME, check_name(store_name))
            _name_the_terminal(tx)
            return Actor(row.id, row.name, Role.OWNER)

    def add_staff(self, actor: Actor, name: str, role: Role, pin: str) -> StaffInfo:
        require(actor, Permission.MANAGE_STAFF)
        name, pin = check_name(name), check_new_pin(pin)
        _check_may_grant(actor, role)
        with self.transaction(actor) as tx:
            if tx.session.scalar(select(Staff.id).where(Staff.name == name)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is already a staff member called {name}"), name=name)
            row = self._insert(tx, name, role, pin)
            tx.audit("staff.added", staff_id=row.id, name=name, role=role.value)
            return _info(row, self._reading(tx.now))

    def seed_demo_staff(self, staff: list[tuple[str, Role, str]]) -> Actor:
        """The demo restaurant's staff, whose PINs the login screen shows (so they may be
        simple, e.g. 1111): only into a store with no staff yet; the first must be the owner.
        Every PIN chosen later (add_staff, change_pin) goes through the guessable-PIN rule."""
        if not staff or staff[0][1] is not Role.OWNER:
            raise ValueError("the demo's first staff member is its owner")
        with self.transaction(SYSTEM_ACTOR) as tx:
            if tx.session.scalar(select(func.count()).select_from(Staff)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "This store already has an owner"))
            rows: list[Staff] = []
            for name, role, pin in staff:
                row = self._insert(tx, check_name(name), role, check_pin_format(pin))
                if rows:  # the same audit records as the owner adding each of them
                    tx.audit("staff.added", staff_id=row.id, name=row.name, role=role.value)
                else:
                    tx.audit("staff.owner_created", staff_id=row.id, name=row.name)
                rows.append(row)
            _name_the_terminal(tx)
            return Actor(rows[0].id, rows[0].name, Role.OWNER)

    def set_active(self, actor: Actor, staff_id: int, active: bool) -> None:
        require(actor, Permission.MANAGE_STAFF)
        with self.transaction(actor) as tx:
            row = _get(tx, staff_id)
            _check_may_grant(actor, Role(row.role))
            if row.id == actor.staff_id and not active:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "You cannot deactivate yourself"))
            row.active = active
            tx.audit("staff.activated" if active else "staff.deactivated", staff_id=row.id, name=row.name)
            tx.emit(OpKind.STAFF_CHANGED, {"staff_id": row.id, "name": row.name, "role": row.role, "active": active})

    def change_pin(self, actor: Actor, staff_id: int, new_pin: str) -> None:
        if staff_id != actor.staff_id:
            require(actor, Permission.MANAGE_STAFF)
        new_pin = check_new_pin(new_pin)
        with self.transaction(actor) as tx:
            row = _get(tx, staff_id)
            if staff_id != actor.staff_id:
                _check_may_grant(actor, Role(row.role))
            row.pin_hash = hash_pin(new_pin, self.pin_cost)
            _store_lock(row, LockState.after_success(), None)
            tx.audit("staff.pin_changed", staff_id=row.id, name=row.name)

    def unlock(self, actor: Actor, staff_id: int) -> None:
        """A manager ends another member's lock (and its escalation) at once; audited."""
        require(actor, Permission.MANAGE_STAFF)
        with self.transaction(actor) as tx:
            row = _get(tx, staff_id)
            _check_may_grant(actor, Role(row.role))
            was = _lock_state(row).left_at(self._reading(tx.now))
            _store_lock(row, LockState.after_success(), None)
            tx.audit("staff.unlocked", staff_id=row.id, name=row.name, seconds_left=int(was.total_seconds()))

    def login(self, staff_id: int, pin: str) -> Actor:
        """Check the PIN; a failure is committed (it counts towards the lockout) and raised.

        The slow part (scrypt at the OWASP cost, ~0.3 s) runs before the write transaction, so
        a login never holds the store's write lock while it hashes: a redemption or a sale on
        another thread does not wait behind it. The transaction then re-reads the row, and
        checks again only if the PIN hash changed in between."""
        stored = self._stored_hash(staff_id)
        matched = stored is not None and pin_matches(pin, stored)
        rehashed = hash_pin(pin, self.pin_cost) if matched and stored and needs_rehash(stored, self.pin_cost) else None
        refusal: LoginRefused | None = None
        with self.transaction(SYSTEM_ACTOR) as tx:
            row = _get(tx, staff_id)
            if row.pin_hash != stored:  # the PIN changed meanwhile: judge the new one
                matched, rehashed = pin_matches(pin, row.pin_hash), None
            refusal = self._check_login(tx, row, matched, rehashed)
            actor = Actor(row.id, row.name, Role(row.role))
        if refusal:
            raise refusal
        return actor

    def _stored_hash(self, staff_id: int) -> str | None:
        with self.db.read() as s:
            row = s.get(Staff, staff_id)
            return row.pin_hash if row is not None else None

    def _check_login(self, tx: Transaction, row: Staff, matched: bool,
                     rehashed: str | None) -> LoginRefused | None:
        now = self._reading(tx.now)
        self._note_clock(tx, now)
        if not row.active:
            return LoginRefused(QT_TRANSLATE_NOOP("errors", "{name} is no longer active"), name=row.name)
        state = _lock_state(row)
        if state.is_locked(now):
            _store_lock(row, state.reanchored(now), now)  # measured so far: kept across a reboot
            return _locked(row.name, state.locked_until(now))
        if matched:
            _store_lock(row, LockState.after_success(), now)
            self._upgrade_hash(tx, row, rehashed)
            tx.audit("staff.login", staff_id=row.id, name=row.name)
            return None
        after = state.after_failure(now)
        _store_lock(row, after, now)
        locked = after.is_locked(now)
        tx.audit("staff.login_failed", staff_id=row.id, name=row.name, locked=locked, lock_level=after.level)
        if locked:
            return _locked(row.name, after.locked_until(now))
        return LoginRefused(QT_TRANSLATE_NOOP("errors", "Wrong PIN. {left} tries left before a lock of {minutes} min."),
                            left=MAX_FAILED_PINS - after.failed_attempts,
                            minutes=int(lockout_for(after.level + 1).total_seconds() // 60))

    def _upgrade_hash(self, tx: Transaction, row: Staff, rehashed: str | None) -> None:
        """A hash made at a lower cost is replaced (computed before the transaction) now that
        the PIN is known to be right."""
        if rehashed is None or not needs_rehash(row.pin_hash, self.pin_cost):
            return
        old = stored_cost(row.pin_hash)
        row.pin_hash = rehashed
        tx.audit("staff.pin_rehashed", staff_id=row.id, name=row.name,
                 old=f"scrypt N={old.n} r={old.r} p={old.p}" if old else "unknown",
                 new=f"scrypt N={self.pin_cost.n} r={self.pin_cost.r} p={self.pin_cost.p}")

    def _reading(self, wall: datetime) -> Reading:
        mono, boot = self.uptime()
        return Reading(wall, mono, boot)

    def _note_clock(self, tx: Transaction, now: Reading) -> None:
        """Keep the last moment a login attempt saw; a wall clock moved since then (by more
        than desktop.core.lockout.CLOCK_JUMP) is written to the audit log."""
        row = tx.session.get(Setting, CLOCK_LAST_SEEN)
        last = _parse_reading(row.value) if row else None
        jump = clock_jump(last, now)
        if jump is not None:
            tx.audit("clock.moved", seconds=int(jump.total_seconds()), same_boot=last is not None and same_boot(last.boot, now.boot))
        put_setting(tx.session, CLOCK_LAST_SEEN,
                    json.dumps({"wall": to_iso(now.wall), "mono": now.mono, "boot": now.boot}))

    def logout(self, actor: Actor) -> None:
        with self.transaction(actor) as tx:
            tx.audit("staff.logout", staff_id=actor.staff_id, name=actor.name)

    def approve(self, actor: Actor, manager_id: int, pin: str, permission: Permission) -> Actor:
        """Manager override: a manager's PIN lets `actor` do one protected action."""
        manager = self.login(manager_id, pin)
        if not manager.may(permission):
            raise UserError(QT_TRANSLATE_NOOP("errors", "{name} may not approve this"), name=manager.name)
        with self.transaction(actor) as tx:
            tx.audit("override.approved", permission=permission.value, staff=actor.name, approved_by=manager.name)
        return Actor(actor.staff_id, actor.name, actor.role, manager.name, manager.role, permission)

    def _insert(self, tx: Transaction, name: str, role: Role, pin: str) -> Staff:
        row = Staff(name=name, role=role.value, pin_hash=hash_pin(pin, self.pin_cost), active=True,
                    failed_attempts=0, lock_level=0, created_at=tx.now_iso)
        tx.session.add(row)
        tx.session.flush()
        tx.emit(OpKind.STAFF_CHANGED, {"staff_id": row.id, "name": name, "role": role.value, "active": True})
        return row


def _name_the_terminal(tx: Transaction) -> None:
    """At first run: the terminal's name that redemptions record until pairing names it."""
    if tx.session.get(Setting, TERMINAL_NAME) is None:
        put_setting(tx.session, TERMINAL_NAME, DEFAULT_TERMINAL_NAME)


def _check_may_grant(actor: Actor, role: Role) -> None:
    if RANK[role] > RANK[actor.role] or (role is Role.OWNER and actor.role is not Role.OWNER):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only an owner can manage an owner or a higher role"))


def _locked(name: str, until: datetime | None) -> LoginRefused:
    local = until.astimezone() if until else None
    if local is None:
        stamp = ""
    elif local.date() == datetime.now(local.tzinfo).date():
        stamp = local.strftime("%H:%M")
    else:
        stamp = local.strftime("%Y-%m-%d %H:%M")
    return LoginRefused(QT_TRANSLATE_NOOP("errors", "{name} is locked after 5 wrong PINs until {until}"),
                        locked_until=until, name=name, until=stamp)


def _get(tx: Transaction, staff_id: int) -> Staff:
    row = tx.session.get(Staff, staff_id)
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "No such staff member"))
    return row


def _lock_state(row: Staff) -> LockState:
    left = timedelta(milliseconds=row.lock_left_ms) if row.lock_left_ms is not None else None
    return LockState(row.failed_attempts, row.lock_level or 0, left, row.lock_mono, row.lock_boot)


def _store_lock(row: Staff, state: LockState, now: Reading | None) -> None:
    row.failed_attempts, row.lock_level = state.failed_attempts, state.level
    row.lock_left_ms = int(state.left.total_seconds() * 1000) if state.left is not None else None
    row.lock_mono, row.lock_boot = state.anchor_mono, state.anchor_boot
    until = state.locked_until(now) if now is not None else None
    row.locked_until = to_iso(until) if until else None


def _parse_reading(text: str) -> Reading | None:
    try:
        data = json.loads(text)
        return Reading(from_iso(data["wall"]), float(data["mono"]), str(data["boot"]))
    except (ValueError, KeyError, TypeError):
        return None


def _info(row: Staff, now: Reading) -> StaffInfo:
    return StaffInfo(row.id, row.name, Role(row.role), row.active, _lock_state(row).locked_until(now))
