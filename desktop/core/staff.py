"""Staff roles, permissions and the PIN rules (hashing: desktop.core.pins; lockout: desktop.core.lockout)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

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
    MANAGE_MENU = "manage_menu"  # the catalogue: items, prices, CSV import
    CANCEL_GROUP = "cancel_group"
    REFUND = "refund"
    VOID = "void"
    MANAGE_STAFF = "manage_staff"
    MANAGE_PRINTERS = "manage_printers"
    MANAGE_SETTINGS = "manage_settings"
    PAIR_PLATFORM = "pair_platform"
    VIEW_REPORTS = "view_reports"
    VIEW_AUDIT = "view_audit"
    MANAGE_CASH = "manage_cash"  # cash in/out over the limit, a close beyond the over/short limit
    REVERSE_REDEMPTION = "reverse_redemption"
    DISCOUNT_OVER_LIMIT = "discount_over_limit"  # a discount beyond the cashier's limit


_CASHIER = {Permission.SELL, Permission.ENROL, Permission.DRAW, Permission.REDEEM}
_MANAGER = _CASHIER | {
    Permission.MANAGE_DEALS, Permission.CANCEL_GROUP, Permission.REFUND, Permission.VOID,
    Permission.MANAGE_PRINTERS, Permission.VIEW_REPORTS, Permission.VIEW_AUDIT,
    Permission.PAIR_PLATFORM, Permission.MANAGE_STAFF, Permission.MANAGE_MENU,
    Permission.DISCOUNT_OVER_LIMIT, Permission.MANAGE_CASH, Permission.REVERSE_REDEMPTION,
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


def check_new_pin(pin: str) -> str:
    """A PIN someone chooses (new staff, a changed PIN): the format, and not one guessed first."""
    from desktop.core.pins import check_pin_guessable  # hashlib: not on the way to the login window

    return check_pin_guessable(check_pin_format(pin))


def check_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 64:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A name is 1 to 64 characters"))
    return cleaned


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
