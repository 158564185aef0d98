"""Display names of roles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.staff import Role


def role_name(role: Role) -> str:
    names = {
        Role.CASHIER: QCoreApplication.translate("roles", "Cashier"),
        Role.MANAGER: QCoreApplication.translate("roles", "Manager"),
        Role.OWNER: QCoreApplication.translate("roles", "Owner"),
    }
    return names[role]
