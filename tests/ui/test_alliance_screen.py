"""The alliance screen against the real platform: a member locked to this merchant buys at
another merchant of the alliance on two days; the screen shows the spend, the share earned, the
member, and a chart with a bar and a point per day."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from central.models import Store
from central.services.schedules import Rates, add_schedule
from desktop.core import statement as st
from desktop.core.staff import Role
from desktop.services.base import Actor
from desktop.ui.alliance_screen import WINDOW_DAYS, AllianceScreen
from desktop.ui.context import UiContext
from desktop.ui.sync_status import install
from tests.central.group_flow import counter
from tests.support.till import Till, open_till


@pytest.fixture
def till(tmp_path: Path, clock) -> Iterator[Till]:
    yield from open_till(tmp_path, clock)


def test_the_share_earned_elsewhere_per_day(qtbot, till: Till) -> None:
    platform = till.server.app.state.platform
    now = platform.clock()
    with platform.tx() as session:
        tea = session.scalar(select(Store.merchant_id).where(Store.id == till.seed.other_store_id))
        assert tea is not None
        add_schedule(session, tea, now - timedelta(days=30), Rates(2000, 500, 100, 1000, 10, 300), now)
    tea_counter = counter(till.seed, "Tea 1", till.seed.other_store_id)
    for days_ago, total in ((3, 12000), (0, 5000)):
        tea_counter.push_ok("sale.completed", {"sale_id": uuid.uuid4().hex, "total_fen": total, "base_fen": total,
                                               "member_id": till.member,
                                               "at": (now - timedelta(days=days_ago)).isoformat()})
    screen = AllianceScreen(UiContext(till.services, Actor(2, "李经理", Role.MANAGER), sync=install(till.terminal.runtime)))
    qtbot.addWidget(screen)
    screen.show()
    today = st.local_day(now)
    screen.day.setDate(QDate(today.year, today.month, today.day))
    qtbot.mouseClick(screen.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.answer is not None, timeout=10000)
    assert "spent ￥170.00 at other merchants" in screen.summary.text()
    assert "earned ￥1.70 in alliance shares" in screen.summary.text()  # 1% of each sale, half-up per line
    names = [screen.members.item(r, 0).text() for r in range(screen.members.rowCount())]
    assert names[0] == "Member 0" and screen.members.item(0, 3).text() == "￥170.00"
    bars = next(s for s in screen.chart.series() if isinstance(s, QBarSeries))
    line = next(s for s in screen.chart.series() if isinstance(s, QLineSeries))
    assert bars.barSets()[0].count() == line.count() == WINDOW_DAYS
    assert [line.at(n).y() for n in (WINDOW_DAYS - 4, WINDOW_DAYS - 1)] == [1.2, 0.5]
