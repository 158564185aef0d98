"""Reconciliation on amounts against a real central, with real sales: matched, differing (both
values and versions), missing on either side; per-kind totals, drill down, CSV and PDF."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import delete, select

from desktop.core import statement as st
from desktop.core.checkout import Tender
from desktop.core.staff import Role
from desktop.services.base import Actor
from desktop.store.models import OutboxOp
from desktop.store.settlement_models import SettlementLine
from desktop.sync import settlement_report as sr
from desktop.ui.context import UiContext
from desktop.ui.i18n import install_language
from desktop.ui.models.settlement_model import STATUS_ROLE, SettlementModel
from desktop.ui.reconcile_screen import ReconcileScreen
from desktop.ui.sync_status import install
from tests.support.till import CASHIER, MANAGER, Till, open_till


@pytest.fixture
def till(tmp_path: Path, clock) -> Iterator[Till]:
    yield from open_till(tmp_path, clock)


def _member_sale(till: Till) -> str:
    identified = till.desk().identify(till.fresh_code())
    order = replace(till.order(), member=identified.member)
    order = replace(order, coins=till.services.checkout.totals(order).max_coins)
    payable = till.services.checkout.totals(order).payable_fen
    return till.desk().complete_sale(CASHIER, order, [Tender("cash", payable)]).sale_id


def _sale_op(till: Till, sale_id: str) -> OutboxOp:
    with till.services.db.read() as s:
        return next(op for op in s.scalars(select(OutboxOp).where(OutboxOp.kind == "sale.completed"))
                    if json.loads(op.payload)["sale_id"] == sale_id)


def _prepare(till: Till) -> dict[str, str]:
    """Three member sales sent; then one's commission changed here (as if computed under an old
    schedule), one lost here (a restored backup); a fourth not sent yet."""
    changed, lost, kept = (_member_sale(till) for _ in range(3))
    till.sync()
    with till.services.db.write() as s:
        line = s.scalar(select(SettlementLine).where(SettlementLine.op_id == _sale_op(till, changed).op_id,
                                                     SettlementLine.kind == st.TURNOVER_COMMISSION))
        assert line is not None
        line.fen += 7
        for same_op in s.scalars(select(SettlementLine).where(SettlementLine.op_id == line.op_id)):
            same_op.schedule_version = 9
        s.execute(delete(SettlementLine).where(SettlementLine.op_id == _sale_op(till, lost).op_id))
    unsent = _member_sale(till)
    return {"changed": changed, "lost": lost, "kept": kept, "unsent": unsent}


def test_the_screen_shows_the_statement_beside_our_lines(qtbot, till: Till, tmp_path: Path) -> None:
    sales = _prepare(till)
    install_language("en")
    screen = ReconcileScreen(UiContext(till.services, Actor(2, "李经理", Role.MANAGER), sync=install(till.terminal.runtime)))
    qtbot.addWidget(screen)
    screen.show()
    today = datetime.fromisoformat(till.platform_clock.now.isoformat()).astimezone(st.PLATFORM_ZONE).date()
    screen.day.setDate(QDate(today.year, today.month, today.day))
    screen.period_kind.setCurrentIndex(0)  # a day
    qtbot.mouseClick(screen.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=10000)
    report = screen.report
    assert report is not None
    by_ref: dict[str, set[str]] = {}
    for row in report.rows:
        by_ref.setdefault(row.ref, set()).add(row.status)
    assert by_ref[sales["kept"]] == {sr.MATCHED}
    assert by_ref[sales["lost"]] == {sr.MISSING_HERE}
    assert by_ref[sales["unsent"]] == {sr.MISSING_ON_PLATFORM}
    assert sr.DIFFERS in by_ref[sales["changed"]]
    differing = next(r for r in report.rows if r.status == sr.DIFFERS and r.kind == st.TURNOVER_COMMISSION)
    assert differing.here_fen == (differing.platform_fen or 0) + 7
    assert (differing.here_version, differing.platform_version) == (9, 1)
    assert "missing here" in screen.summary.text()
    assert screen.model.data(screen.model.index(0, 0), STATUS_ROLE) == sr.DIFFERS  # problems first
    at = screen.model.rows.index(differing)
    text = screen.model.data(screen.model.index(at, 7))
    assert f"here {differing.here_fen / 100:.2f} under schedule v9" in text and "under v1" in text
    assert "Opening" in screen.balance.text()
    screen.resize(760, 768)  # narrower than its columns want: "from" and "line" give up width
    qtbot.waitUntil(lambda: screen.table.viewport().width() < 760)
    screen.show_report(report)
    header = screen.table.horizontalHeader()
    assert header.sectionViewportPosition(7) + 100 <= screen.table.viewport().width()  # the explanation in sight
    assert screen.totals.item(1, 0).text() == "Sale commission"
    screen.drill_down(screen.model.index(at, 0))
    assert "Sale commission" in screen.detail.text() and "x" in screen.detail.text()
    screen.export_to(tmp_path / "r.csv")
    rows = list(csv.DictReader((tmp_path / "r.csv").read_text(encoding="utf-8").split("\n\n")[0].splitlines()))
    assert {r["status"] for r in rows if r["ref"] == sales["changed"]} >= {"differs"}
    assert any(r["here_schedule_version"] == "9" and r["platform_schedule_version"] == "1" for r in rows)
    screen.export_pdf_to(tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes()[:4] == b"%PDF"


def test_the_settlement_model_passes_the_model_tester(qtmodeltester, till: Till) -> None:
    _member_sale(till)
    till.sync()
    now = till.platform_clock.now
    report = till.terminal.runtime.settlement(MANAGER, now - timedelta(days=1), now + timedelta(days=1))
    model = SettlementModel()
    model.show(report)
    assert model.rowCount() == len(report.rows) > 0
    qtmodeltester.check(model)


def test_reconciliation_needs_a_pairing(services) -> None:
    from desktop.core.errors import UserError
    from desktop.sync.runtime import SyncRuntime

    now = datetime.now().astimezone()
    with pytest.raises(UserError, match="Pair this terminal"):
        SyncRuntime(services).settlement(MANAGER, now - timedelta(days=1), now)


def test_a_store_with_two_terminals_sees_whose_line_is_whose(till: Till, tmp_path: Path, clock) -> None:
    from desktop.sync.checkout_coins import CoinDesk
    from desktop.sync.client import PlatformClient
    from tests.sync.support import make_terminal

    second = make_terminal(tmp_path / "t2", till.seed, clock, "Counter 2")
    try:
        second.worker(till.server.url).sync_once()
        desk = CoinDesk(second.services, lambda: PlatformClient(till.server.url, second.token, timeout=5))
        identified = desk.identify(till.fresh_code())
        lines = tuple(second.services.checkout.line_for_item(i.id) for i in second.services.checkout.items()[:2])
        from desktop.services.checkout_order import Order

        order = replace(Order(lines), member=identified.member)
        desk.complete_sale(CASHIER, order, [Tender("cash", second.services.checkout.totals(order).payable_fen)])
        second.worker(till.server.url).sync_once()
        _member_sale(till)
        till.sync()
        now = till.platform_clock.now
        report = till.terminal.runtime.settlement(MANAGER, now - timedelta(days=1), now + timedelta(days=1))
        theirs = [r for r in report.rows if r.status == sr.OTHER_TERMINAL]
        assert theirs and {r.terminal_id for r in theirs} == {second.terminal_id}
        assert report.count(sr.MATCHED) > 0 and report.count(sr.MISSING_HERE) == 0
        model = SettlementModel()
        model.show(report)
        row = model.rows.index(theirs[0])
        assert model.data(model.index(row, 3)) == "Counter 2"
        ours = next(r for r in report.rows if r.status == sr.MATCHED)
        assert model.data(model.index(model.rows.index(ours), 3)) == "This counter"  # not its pairing name
    finally:
        second.close()


def test_our_lines_carry_their_ops_status_read_from_the_outbox(till: Till) -> None:
    """Pending until the platform answers, then applied, rejected when it refused (read once,
    beside the lines: desktop/store/settlement_queries.py)."""
    sale = _member_sale(till)
    op_id = _sale_op(till, sale).op_id

    def statuses() -> set[str]:
        return {line.status for line in till.services.settlement.lines(MANAGER, *sr.EVERYTHING) if line.op_id == op_id}

    assert statuses() == {"pending"}
    till.sync()
    assert statuses() == {"applied"}
    with till.services.db.write() as s:  # as _acknowledge records a refusal
        op = s.scalar(select(OutboxOp).where(OutboxOp.op_id == op_id))
        assert op is not None
        op.status = "rejected"
    assert statuses() == {"rejected"}


def _page(fields: tuple[str, ...], lines: list[dict[str, object]], names: dict[str, str],
          **head: object) -> dict[str, object]:
    return {"merchant_id": "M1", "line_count": len(lines), **head, "line_fields": list(fields),
            "rows": [[line.get(f) for f in fields] for line in lines], "counterparty_names": names,
            "more": False, "cursor": None}


def _line(op_id: str, kind: str, fen: int, at: datetime, terminal: str = "T1", **more: object) -> dict[str, object]:
    return {"line_id": 0, "booked_at": at.isoformat(), "occurred_at": None, "source": "sale", "kind": kind,
            "ref": f"sale-{op_id}", "store_id": "S1" if terminal else None, "terminal_id": terminal or None,
            "op_id": op_id if terminal else None, "fen": fen, "schedule_version": 1, "client_fen": fen,
            "client_version": 1, "differs": False, "counterparty": "", "note": "", "adjusts": "", **more}


def test_compare_reads_rows_by_their_field_names_and_counts_a_line_booked_twice_once() -> None:
    """The rows' fields are found by name (another order, a field this counter does not know);
    a platform line matches at most one line of ours, so a second booking of the same op and kind
    shows as missing here; problems come first, each status by event time."""
    day = datetime(2030, 3, 2, tzinfo=st.PLATFORM_ZONE)
    start, end = day, day + timedelta(days=1)
    ours = [st.ClientLine(1, "op1", "applied", "sale", "sale-op1", st.TURNOVER_COMMISSION, 300, 1, day + timedelta(hours=3)),
            st.ClientLine(2, "op2", "applied", "sale", "sale-op2", st.TURNOVER_COMMISSION, 200, 1, day + timedelta(hours=2)),
            st.ClientLine(3, "op3", "pending", "sale", "sale-op3", st.TURNOVER_COMMISSION, 100, 1, day + timedelta(hours=1)),
            st.ClientLine(4, "op4", "pending", "sale", "sale-op4", st.TURNOVER_COMMISSION, 100, 1, day - timedelta(hours=1))]
    lines = [_line("op1", st.TURNOVER_COMMISSION, 300, day + timedelta(hours=4)),
             _line("op1", st.TURNOVER_COMMISSION, 300, day + timedelta(hours=5)),  # booked twice
             _line("op2", st.TURNOVER_COMMISSION, 250, day + timedelta(hours=4)),
             _line("op9", st.TURNOVER_COMMISSION, 90, day + timedelta(hours=6), terminal="T2"),
             _line("", st.ALLIANCE_SHARE_EARNED, 40, day + timedelta(hours=7), terminal="", counterparty="M2")]
    fields = ("kind", "fen", "new_field", "op_id", "terminal_id", "booked_at", "occurred_at", "ref", "source",
              "schedule_version", "client_fen", "client_version", "line_id", "store_id", "differs",
              "counterparty", "note", "adjusts")
    statement = st.StatementRows.of_first_page(_page(fields, lines, {"M2": "奶茶店 A"}, opening_fen=5))
    report = sr.compare(ours, statement, "T1", start, end)
    got = [(r.status, r.op_id, r.here_fen, r.platform_fen) for r in report.rows]
    assert got == [(sr.DIFFERS, "op2", 200, 250), (sr.MISSING_ON_PLATFORM, "op3", 100, None),
                   (sr.MISSING_HERE, "op1", None, 300), (sr.MATCHED, "op1", 300, 300),
                   (sr.OTHER_TERMINAL, "op9", None, 90), (sr.MERCHANT, "", None, 40)]
    assert report.rows[1].note == "pending"  # the op's status: not sent yet
    assert report.rows[3].at == ours[0].at  # matched: our event time
    assert report.rows[2].at == day + timedelta(hours=5)  # the platform's, from booked_at
    assert report.rows[5].counterparty == "奶茶店 A"
    assert report.statement["opening_fen"] == 5 and "rows" not in report.statement
    assert report.totals()[st.TURNOVER_COMMISSION] == (600, 940)


def test_a_statement_whose_pages_disagree_on_their_fields_is_refused() -> None:
    day = datetime(2030, 3, 2, tzinfo=st.PLATFORM_ZONE)
    first = st.StatementRows.of_first_page(_page(("kind", "fen"), [_line("a", st.TURNOVER_COMMISSION, 1, day)], {}))
    first.add_page(_page(("kind", "fen"), [_line("b", st.TURNOVER_COMMISSION, 2, day)], {"M2": "B"}))
    assert first.rows == [[st.TURNOVER_COMMISSION, 1], [st.TURNOVER_COMMISSION, 2]] and first.names == {"M2": "B"}
    with pytest.raises(ValueError, match="other fields"):
        first.add_page(_page(("fen", "kind"), [], {}))
