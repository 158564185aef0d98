"""`pinshang demo --screenshot OUT` renders every screen, as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]


def test_demo_screenshots_every_screen(tmp_path: Path, qapp) -> None:
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "demo", "--data-dir", str(tmp_path / "data"), "--screenshot", str(out),
         "--size", "1024x768"],
        capture_output=True, text=True, timeout=180, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    written = {p.stem for p in out.glob("*.png")}
    assert {"login", "staff", "audit", "settings", "manager_override", "group_after_draw",
            "group_cancelled", "redeem_after_scan", "deals", "group", "checkout", "checkout_tender",
            "sales_history", "menu", "shift_open", "shift_close", "reports",
            "redemptions", "drawer", "reconcile", "alliance"} <= written
    for name in written - {"manager_override", "checkout_tender"}:  # those two are dialogs; every screen at the size asked for: nothing grew
        image = QImage(str(out / f"{name}.png"))
        assert (image.width(), image.height()) == (1024, 768), name
    for png in out.glob("*.png"):
        image = QImage(str(png))
        assert image.width() > 250 and image.height() > 120, png
        sample = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(sample) > 3, f"{png.name} looks blank"
    assert sorted(str(p) for p in out.glob("*.png")) == sorted(line for line in result.stdout.split() if line.endswith(".png"))
    _the_demo_sold_with_coins(tmp_path / "data")


def _the_demo_sold_with_coins(folder: Path) -> None:
    """The demo's first sale (coins of the demo member's authorization) went to its platform."""
    from sqlalchemy import select

    from desktop.store.migrate import open_store
    from desktop.store.models import OutboxOp
    from desktop.store.sale_models import Sale

    db = open_store(folder / "pinshang.db")
    try:
        with db.read() as s:
            sales = list(s.scalars(select(Sale).order_by(Sale.receipt_no)))
            ops = {(o.kind, o.status) for o in s.scalars(select(OutboxOp).where(OutboxOp.payload.contains(sales[0].id)))}
    finally:
        db.close()
    # the demo's sale with coins, the alliance's three (desktop/sync/demo_alliance.py), the checkout
    # screenshots' and the shift screenshots' cash sales
    assert sales[0].coins > 0 and sum(1 for sale in sales if sale.coins > 0) >= 5
    assert ops == {("coins.captured", "applied"), ("sale.completed", "applied")}
