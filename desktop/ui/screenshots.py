"""`pinshang demo --screenshot OUTDIR [--size 1024x768]`: render every screen offscreen to PNG.

The main window is rendered at the given size (the common 1024×768 counter screen by
default); a screen whose minimum size does not fit makes the picture larger, which shows.
Besides one picture per screen: the group screen after a draw (what each person gets back),
a cancelled group (refunds by tender), the redeem screen after a redemption, and the
manager-approval dialog. The demo states are made here, not in the screens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.core.staff import Actor, Permission
from desktop.services.registry import Services
from desktop.ui.group_screen import GroupScreen
from desktop.ui.main_window import COUNTER_SIZE, MainWindow
from desktop.ui.override_dialog import OverrideDialog
from desktop.ui.redeem_screen import RedeemScreen
from desktop.ui.shell import Shell
from desktop.ui.tasks import wait_for_tasks


def parse_size(text: str) -> QSize:
    """"1024x768" → QSize(1024, 768); ValueError for anything else."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or int(width) < 320 or int(height) < 240:
        raise ValueError(f"not a screen size: {text!r} (write it as 1024x768)")
    return QSize(int(width), int(height))


def _save(widget: QWidget, path: Path) -> Path:
    widget.show()
    wait_for_tasks()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def capture_all(shell: Shell, out: Path, size: QSize = COUNTER_SIZE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shell.gate.resize(size)
    written = [_save(shell.gate, out / "login.png")]
    owner = next(i for i in shell.services.staff.list_staff())
    window = shell.enter(Actor(owner.id, owner.name, owner.role))
    window.resize(size)
    for key in window.specs:
        page = window.open_screen(key)
        if page is not None:
            page.prepare_screenshot()
            wait_for_tasks()
            window.status.refresh()
        written.append(_save(window, out / f"{key}.png"))
    written += _scenes(window, out)
    written += _till(window, out)
    cashier = Actor(0, "小张", owner.role.CASHIER)
    dialog = OverrideDialog(shell.services, cashier, Permission.VIEW_AUDIT, window)
    written.append(_save(dialog, out / "manager_override.png"))
    QTimer.singleShot(0, dialog.reject)
    dialog.done(QDialog.DialogCode.Rejected)
    return list(dict.fromkeys(written))  # checkout.png is made twice: the open bill, then the paid one


def _scenes(window: MainWindow, out: Path) -> list[Path]:
    """The states a screen shows after something happened, made through the screens."""
    services, actor = window.ctx.services, window.ctx.actor
    written: list[Path] = []
    drawn = fill_and_draw(services, actor)
    group = window.open_screen("group")
    if drawn is not None and isinstance(group, GroupScreen):
        group.show_group(drawn[0])
        written.append(_save(window, out / "group_after_draw.png"))
        cancelled = open_and_cancel(services, actor)
        if cancelled is not None:
            window.ctx.bus.changed.emit(frozenset())
            group.show_group(cancelled)
            written.append(_save(window, out / "group_cancelled.png"))
    redeem = window.open_screen("redeem")
    if drawn is not None and isinstance(redeem, RedeemScreen):
        redeem.redeem(drawn[1])
        wait_for_tasks()
        written.append(_save(window, out / "redeem_after_scan.png"))
    return written


def _till(window: MainWindow, out: Path) -> list[Path]:
    """The payment dialog (WeChat Pay and cash), then the paid bill with its change: the
    order screen as the cashier leaves it (checkout.png replaces the one of the open bill)."""
    from desktop.ui.checkout_screen import CheckoutScreen
    from desktop.ui.screenshots_checkout import complete_payment, demo_order, demo_payment

    page = window.open_screen("checkout")
    if not isinstance(page, CheckoutScreen):
        return []
    demo_order(page)
    if not demo_payment(page) or page.tender is None:
        return []
    written = [_save(page.tender, out / "checkout_tender.png")]
    complete_payment(page)
    written.append(_save(window, out / "checkout.png"))
    return written


def _launched_deal(services: Services) -> str | None:
    return next((d.id for d in services.deals.list_deals() if d.launched), None)


def fill_and_draw(services: Services, actor: Actor) -> tuple[str, str] | None:
    """A new group of the demo deal, filled (cash and card), drawn: (group id, a voucher's QR)."""
    deal_id = _launched_deal(services)
    if deal_id is None:
        return None
    size = next(d.terms.group_size for d in services.deals.list_deals() if d.id == deal_id)
    phones = [f"1370000{n:04d}" for n in range(size)]
    group_id = services.groups.open_group(actor, deal_id, phones[0], "cash")
    for n, phone in enumerate(phones[1:]):
        services.groups.enrol(actor, group_id, phone, "card" if n % 2 else "cash")
    outcome = services.draws.draw_and_settle(actor, group_id)
    return group_id, outcome.vouchers[0].qr_text


def open_and_cancel(services: Services, actor: Actor) -> str | None:
    """A group of two (cash and card) cancelled by the manager: refunds split by tender."""
    deal_id = _launched_deal(services)
    if deal_id is None:
        return None
    group_id = services.groups.open_group(actor, deal_id, "13700009001", "cash")
    services.groups.enrol(actor, group_id, "13700009002", "card")
    services.groups.cancel(actor, group_id, "the oven broke")
    return group_id
