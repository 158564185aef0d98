"""Staff: first-run owner, PIN login with a lockout that survives restarts, overrides."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from desktop.core.clock import from_iso, to_iso
from desktop.core.errors import UserError, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ops import OpKind
from desktop.core.pins import hash_pin, pin_matches
from desktop.core.staff import (
    MAX_FAILED_PINS,
    RANK,
    LockState,
    Permission,
    Role,
    StaffInfo,
    check_name,
    check_pin_format,
)
from desktop.services.base import SYSTEM_ACTOR, Actor, ServiceBase, Transaction, require
from desktop.services.settings import STORE_NAME, put_setting
from desktop.store.models import Staff


class LoginRefused(UserError):
    """Wrong PIN or locked; `locked_until` is set when the member is locked."""

    def __init__(self, message: str, locked_until: datetime | None = None, **params: object) -> None:
        super().__init__(message, **params)
        self.locked_until = locked_until


class StaffService(ServiceBase):
    def has_staff(self) -> bool:
        with self.db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(Staff)))

    def list_staff(self, *, active_only: bool = True) -> list[StaffInfo]:
        query = select(Staff).order_by(Staff.role.desc(), Staff.name)
        if active_only:
            query = query.where(Staff.active.is_(True))
        with self.db.read() as s:
            return [_info(row) for row in s.scalars(query)]

    def create_owner(self, name: str, pin: str, store_name: str | None = None) -> Actor:
        """First run only: the owner account (and the store's name), when there is no staff yet."""
        name, pin = check_name(name), check_pin_format(pin)
        with self.transaction(SYSTEM_ACTOR) as tx:
            if tx.session.scalar(select(func.count()).select_from(Staff)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "This store already has an owner"))
            row = self._insert(tx, name, Role.OWNER, pin)
            tx.audit("staff.owner_created", staff_id=row.id, name=name)
            if store_name:
                put_setting(tx.session, STORE_NAME, check_name(store_name))
            return Actor(row.id, row.name, Role.OWNER)

    def add_staff(self, actor: Actor, name: str, role: Role, pin: str) -> StaffInfo:
        require(actor, Permission.MANAGE_STAFF)
        name, pin = check_name(name), check_pin_format(pin)
        _check_may_grant(actor, role)
        with self.transaction(actor) as tx:
            if tx.session.scalar(select(Staff.id).where(Staff.name == name)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is already a staff member called {name}"), name=name)
            row = self._insert(tx, name, role, pin)
            tx.audit("staff.added", staff_id=row.id, name=name, role=role.value)
            return _info(row)

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
        new_pin = check_pin_format(new_pin)
        with self.transaction(actor) as tx:
            row = _get(tx, staff_id)
            if staff_id != actor.staff_id:
                _check_may_grant(actor, Role(row.role))
            row.pin_hash, row.failed_attempts, row.locked_until = hash_pin(new_pin), 0, None
            tx.audit("staff.pin_changed", staff_id=row.id, name=row.name)

    def login(self, staff_id: int, pin: str) -> Actor:
        """Check the PIN; a failure is committed (it counts towards the lockout) and raised."""
        refusal: LoginRefused | None = None
        with self.transaction(SYSTEM_ACTOR) as tx:
            row = _get(tx, staff_id)
            refusal = self._check_login(tx, row, pin)
            actor = Actor(row.id, row.name, Role(row.role))
        if refusal:
            raise refusal
        return actor

    def _check_login(self, tx: Transaction, row: Staff, pin: str) -> LoginRefused | None:
        state = LockState(row.failed_attempts, from_iso(row.locked_until) if row.locked_until else None)
        if not row.active:
            return LoginRefused(QT_TRANSLATE_NOOP("errors", "{name} is no longer active"), name=row.name)
        if state.is_locked(tx.now):
            return _locked(row.name, state.locked_until)
        if pin_matches(pin, row.pin_hash):
            row.failed_attempts, row.locked_until = 0, None
            tx.audit("staff.login", staff_id=row.id, name=row.name)
            return None
        after = state.after_failure(tx.now)
        row.failed_attempts = after.failed_attempts
        row.locked_until = to_iso(after.locked_until) if after.locked_until else None
        tx.audit("staff.login_failed", staff_id=row.id, name=row.name, locked=after.locked_until is not None)
        if after.locked_until:
            return _locked(row.name, after.locked_until)
        return LoginRefused(QT_TRANSLATE_NOOP("errors", "Wrong PIN. {left} tries left before a 5-minute lock."),
                            left=MAX_FAILED_PINS - after.failed_attempts)

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
        row = Staff(name=name, role=role.value, pin_hash=hash_pin(pin), active=True,
                    failed_attempts=0, created_at=tx.now_iso)
        tx.session.add(row)
        tx.session.flush()
        tx.emit(OpKind.STAFF_CHANGED, {"staff_id": row.id, "name": name, "role": role.value, "active": True})
        return row


def _check_may_grant(actor: Actor, role: Role) -> None:
    if RANK[role] > RANK[actor.role] or (role is Role.OWNER and actor.role is not Role.OWNER):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only an owner can manage an owner or a higher role"))


def _locked(name: str, until: datetime | None) -> LoginRefused:
    stamp = until.astimezone().strftime("%H:%M") if until else ""
    return LoginRefused(QT_TRANSLATE_NOOP("errors", "{name} is locked after 5 wrong PINs until {until}"),
                        locked_until=until, name=name, until=stamp)


def _get(tx: Transaction, staff_id: int) -> Staff:
    row = tx.session.get(Staff, staff_id)
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "No such staff member"))
    return row


def _info(row: Staff) -> StaffInfo:
    locked = from_iso(row.locked_until) if row.locked_until else None
    return StaffInfo(row.id, row.name, Role(row.role), row.active, locked)
