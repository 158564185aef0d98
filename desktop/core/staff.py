"""Staff roles, permissions, PIN hashing (scrypt) and the lockout rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

MAX_FAILED_PINS = 5
LOCKOUT = timedelta(minutes=5)
PIN_LENGTHS = range(4, 9)


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    OWNER = "owner"


class Permission(StrEnum):
    SELL = "sell"
    ENROL = "enrol"
    DRAW = "draw"
    REDEEM = "redeem"
    MANAGE_DEALS = "manage_deals"
    CANCEL_GROUP = "cancel_group"
    REFUND = "refund"
    VOID = "void"
    MANAGE_STAFF = "manage_staff"
    MANAGE_PRINTERS = "manage_printers"
    MANAGE_SETTINGS = "manage_settings"
    PAIR_PLATFORM = "pair_platform"
    VIEW_REPORTS = "view_reports"
    VIEW_AUDIT = "view_audit"


_CASHIER = {Permission.SELL, Permission.ENROL, Permission.DRAW, Permission.REDEEM}
_MANAGER = _CASHIER | {
    Permission.MANAGE_DEALS, Permission.CANCEL_GROUP, Permission.REFUND, Permission.VOID,
    Permission.MANAGE_PRINTERS, Permission.VIEW_REPORTS, Permission.VIEW_AUDIT,
    Permission.PAIR_PLATFORM, Permission.MANAGE_STAFF,
}
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CASHIER: frozenset(_CASHIER),
    Role.MANAGER: frozenset(_MANAGER),
    Role.OWNER: frozenset(Permission),
}
RANK = {Role.CASHIER: 0, Role.MANAGER: 1, Role.OWNER: 2}


def allows(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]


def check_pin_format(pin: str) -> str:
    if not pin.isdigit() or len(pin) not in PIN_LENGTHS or not pin.isascii():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A PIN is 4 to 8 digits"))
    return pin


def check_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 64:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A name is 1 to 64 characters"))
    return cleaned


@dataclass(frozen=True)
class LockState:
    failed_attempts: int
    locked_until: datetime | None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> LockState:
        failures = self.failed_attempts + 1
        if failures >= MAX_FAILED_PINS:
            return LockState(0, now + LOCKOUT)
        return LockState(failures, None)


@dataclass(frozen=True)
class Actor:
    """Who is acting: the logged-in staff member, and the manager who approved, if any."""

    staff_id: int
    name: str
    role: Role
    approved_by: str | None = None
    approver_role: Role | None = None
    approved_permission: Permission | None = None  # an approval covers this one permission

    @property
    def label(self) -> str:
        return f"{self.name} (approved by {self.approved_by})" if self.approved_by else self.name

    def may(self, permission: Permission) -> bool:
        if allows(self.role, permission):
            return True
        if self.approver_role is None or permission is not self.approved_permission:
            return False
        return allows(self.approver_role, permission)


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role: Role
    active: bool
    locked_until: datetime | None
