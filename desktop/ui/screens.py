"""The screens the main window offers, in navigation order. Each lives in its own module and
follows the Screen protocol (desktop.ui.screen); its spec gives its title and permission."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.staff import Permission
from desktop.ui.context import UiContext
from desktop.ui.screen import ScreenBase


@dataclass(frozen=True)
class ScreenSpec:
    key: str  # object name, screenshot file name
    source_title: str  # English source, marked for lupdate; translated at display time
    factory: Callable[[UiContext], ScreenBase]
    permission: Permission | None = None  # None: every staff member

    def title(self) -> str:
        return QCoreApplication.translate("screens", self.source_title)


def all_screens() -> list[ScreenSpec]:
    from desktop.ui.alliance_screen import AllianceScreen
    from desktop.ui.attention_screen import AttentionScreen
    from desktop.ui.audit_screen import AuditScreen
    from desktop.ui.checkout_screen import CheckoutScreen
    from desktop.ui.deals_screen import DealsScreen
    from desktop.ui.drawer_screen import DrawerScreen
    from desktop.ui.group_screen import GroupScreen
    from desktop.ui.groups_screen import GroupsScreen
    from desktop.ui.menu_screen import MenuScreen
    from desktop.ui.platform_screen import PlatformScreen
    from desktop.ui.print_queue_screen import PrintQueueScreen
    from desktop.ui.printers_screen import PrintersScreen
    from desktop.ui.reconcile_screen import ReconcileScreen
    from desktop.ui.redeem_screen import RedeemScreen
    from desktop.ui.redemptions_screen import RedemptionsScreen
    from desktop.ui.reports_screen import ReportsScreen
    from desktop.ui.sales_history_screen import SalesHistoryScreen
    from desktop.ui.settings_screen import SettingsScreen
    from desktop.ui.shift_close_screen import ShiftCloseScreen
    from desktop.ui.staff_screen import StaffScreen

    return [
        ScreenSpec("checkout", QT_TRANSLATE_NOOP("screens", "Checkout"), CheckoutScreen, Permission.SELL),
        ScreenSpec("sales_history", QT_TRANSLATE_NOOP("screens", "Sales"), SalesHistoryScreen, Permission.SELL),
        ScreenSpec("group", QT_TRANSLATE_NOOP("screens", "Group"), GroupScreen, Permission.ENROL),
        ScreenSpec("redeem", QT_TRANSLATE_NOOP("screens", "Redeem voucher"), RedeemScreen, Permission.REDEEM),
        ScreenSpec("drawer", QT_TRANSLATE_NOOP("screens", "Drawer"), DrawerScreen, Permission.SELL),
        ScreenSpec("shift_close", QT_TRANSLATE_NOOP("screens", "Close shift"), ShiftCloseScreen, Permission.SELL),
        ScreenSpec("redemptions", QT_TRANSLATE_NOOP("screens", "Redemptions"), RedemptionsScreen,
                   Permission.REDEEM),
        ScreenSpec("groups", QT_TRANSLATE_NOOP("screens", "Groups"), GroupsScreen, Permission.ENROL),
        ScreenSpec("deals", QT_TRANSLATE_NOOP("screens", "Deals"), DealsScreen, Permission.MANAGE_DEALS),
        ScreenSpec("menu", QT_TRANSLATE_NOOP("screens", "Menu"), MenuScreen, Permission.MANAGE_MENU),
        ScreenSpec("staff", QT_TRANSLATE_NOOP("screens", "Staff"), StaffScreen, Permission.MANAGE_STAFF),
        ScreenSpec("audit", QT_TRANSLATE_NOOP("screens", "Audit log"), AuditScreen, Permission.VIEW_AUDIT),
        ScreenSpec("platform", QT_TRANSLATE_NOOP("screens", "Platform"), PlatformScreen, Permission.PAIR_PLATFORM),
        ScreenSpec("attention", QT_TRANSLATE_NOOP("screens", "Needs attention"), AttentionScreen,
                   Permission.VIEW_REPORTS),
        ScreenSpec("reports", QT_TRANSLATE_NOOP("screens", "Reports"), ReportsScreen, Permission.VIEW_REPORTS),
        ScreenSpec("reconcile", QT_TRANSLATE_NOOP("screens", "Reconciliation"), ReconcileScreen,
                   Permission.VIEW_REPORTS),
        ScreenSpec("alliance", QT_TRANSLATE_NOOP("screens", "Alliance"), AllianceScreen, Permission.VIEW_REPORTS),
        ScreenSpec("printers", QT_TRANSLATE_NOOP("screens", "Printers"), PrintersScreen, Permission.MANAGE_PRINTERS),
        # retrying a failed printout or printing a copy is a cashier's job: no manager needed
        ScreenSpec("print_queue", QT_TRANSLATE_NOOP("screens", "Print queue"), PrintQueueScreen, Permission.ENROL),
        ScreenSpec("settings", QT_TRANSLATE_NOOP("screens", "Settings"), SettingsScreen),
    ]
