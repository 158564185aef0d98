"""Reconciliation against a real central: matched, differing and missing lines, on the screen
and in the CSV export."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt
from sqlalchemy import delete, select

from desktop.core.staff import Role
from desktop.services.base import Actor
from desktop.store.models import OutboxOp
from desktop.ui.context import UiContext
from desktop.ui.i18n import install_language
from desktop.ui.reconcile_screen import ReconcileScreen
from desktop.ui.sync_status import install
from tests.sync.support import enqueue_sales


def _prepare(server, terminal) -> list[str]:
    """4 sales sent; then one changed here, one lost here (a restored backup); one unsent."""
    sent = enqueue_sales(terminal.services, 4, total_fen=1800)
    terminal.worker(server.url).sync_once()
    with terminal.services.db.write() as s:
        row = s.scalar(select(OutboxOp).where(OutboxOp.op_id == sent[0]))
        row.payload = json.dumps({**json.loads(row.payload), "total_fen": 2000})
        s.execute(delete(OutboxOp).where(OutboxOp.op_id == sent[1]))
    unsent = enqueue_sales(terminal.services, 1)
    return [*sent, *unsent]


def test_reconcile_screen_shows_and_exports_matched_missing_and_differing(qtbot, server, seed, terminal,
                                                                            clock, tmp_path) -> None:
    changed, lost, ok1, ok2, unsent = _prepare(server, terminal)
    install_language("en")
    screen = ReconcileScreen(UiContext(terminal.services, Actor(2, "李经理", Role.MANAGER),
                                       sync=install(terminal.runtime)))
    qtbot.addWidget(screen)
    screen.show()
    local_day = clock.now.astimezone().date()
    screen.start.setDate(QDate(local_day.year, local_day.month, local_day.day).addDays(-1))
    screen.end.setDate(QDate.fromString(datetime.now().astimezone().date().isoformat(), Qt.DateFormat.ISODate))
    qtbot.mouseClick(screen.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=10000)
    # The demo store's own records (e.g. deposits of demo groups) match as well.
    assert screen.summary.text().endswith(" matched · 1 missing on the platform · 1 missing here · 1 differ")
    statuses = {screen.table.item(r, 5).text(): screen.table.item(r, 0).text() for r in range(screen.table.rowCount())}
    assert {k: statuses[k] for k in (changed, lost, ok1, ok2, unsent)} == {
        changed: "Differs", lost: "Missing here", ok1: "Matched", ok2: "Matched", unsent: "Missing on the platform"}
    assert screen.table.item(0, 0).text() == "Missing on the platform"  # problems first
    screen.grab().save("/tmp/reconcile_test.png")
    screen.export_to(tmp_path / "r.csv")
    with open(tmp_path / "r.csv", encoding="utf-8") as f:
        rows = {r["op_id"]: r for r in csv.DictReader(f)}
    assert rows[changed]["status"] == "differs" and rows[changed]["differences"] == "amount 2000 ≠ 1800 fen"
    assert rows[lost]["here_amount_fen"] == "" and rows[lost]["platform_amount_fen"] == "1800"
    assert rows[unsent]["platform_amount_fen"] == "" and rows[ok1]["status"] == "matched"
    assert rows[ok1]["platform_schedule_version"] == "1"


def test_reconcile_needs_a_pairing(services) -> None:
    import pytest

    from desktop.core.errors import UserError
    from desktop.sync.runtime import SyncRuntime

    now = datetime.now().astimezone()
    with pytest.raises(UserError, match="Pair this terminal"):
        SyncRuntime(services).reconcile(now - timedelta(days=1), now)
