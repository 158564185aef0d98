"""The shift scenes of `pinshang demo --screenshot`: after the demo's draws, cancellation and
redemption, the drawer with its movements (and a cash out), the reports of the week, the
redemption history, the close with ¥3.50 short, and — the demo shift closed — the open form
with the float counted (the demo then opens a shift again, so it keeps one open)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.core.checkout import Tender
from desktop.core.drawer import DENOMINATIONS
from desktop.core.staff import Actor
from desktop.services.checkout_order import Order
from desktop.services.demo import DEMO_FLOAT
from desktop.services.registry import Services
from desktop.ui.changes import Change
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import wait_for_tasks


def _pieces(fen: int) -> dict[int, int]:
    pieces = {}
    for value in DENOMINATIONS:
        pieces[value], fen = divmod(fen, value)
    return pieces


def _ring_demo_sales(services: Services, actor: Actor) -> None:
    """A few sales of the demo menu, paid in cash (with change), by card and by app."""
    items = services.checkout.items()
    plans = ((0, 2, "cash", 500), (1, 1, "card", 0), (2, 3, "wechat", 0), (3, 1, "cash", 1000),
             (4, 2, "alipay", 0), (0, 1, "cash", 0))
    for index, quantity, kind, extra in plans:
        if index >= len(items):
            continue
        line = services.checkout.line_for_item(items[index].id, quantity)
        services.checkout.complete(actor, Order((line,)), [Tender(kind, line.amount_fen + extra)])


def shift_scenes(window: MainWindow, out: Path, save: Callable[[QWidget, Path], Path]) -> list[Path]:
    services, actor = window.ctx.services, window.ctx.actor
    if services.shifts.current() is None:
        return []
    _ring_demo_sales(services, actor)
    services.shifts.cash_move(actor, "out", 20000, "bank drop")
    written = []
    for key in ("drawer", "reports", "redemptions", "shift_close"):
        page = window.open_screen(key)
        if page is not None:
            page.prepare_screenshot()
            wait_for_tasks()
            written.append(save(window, out / f"{key}.png"))
    expected = services.shifts.x_report()["expected_fen"]
    services.shifts.close(actor, _pieces(expected))
    window.ctx.bus.announce({Change.SHIFTS})
    drawer = window.open_screen("drawer")
    if drawer is not None:
        wait_for_tasks()
        drawer.prepare_screenshot()
        written.append(save(window, out / "shift_open.png"))
    services.shifts.open(actor, DEMO_FLOAT)
    return written
