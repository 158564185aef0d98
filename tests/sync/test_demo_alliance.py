"""The demo's platform holds two merchants of the alliance, and the demo counter's statement has
every kind of line, one explained difference, and alliance shares earned on several days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from central.models import Merchant
from desktop.core import statement as st
from desktop.sync import settlement_report as sr
from desktop.sync.demo_platform import start_demo_platform
from desktop.sync.runtime import SyncRuntime
from tests.support.stores import FakeClock, open_services
from tests.support.till import MANAGER


class RealClock(FakeClock):
    def __call__(self) -> datetime:
        return datetime.now(UTC)


def test_the_demo_shows_the_alliance(tmp_path: Path) -> None:
    services = open_services(tmp_path, RealClock())  # the embedded platform runs on real time
    services.demo.seed()
    runtime = SyncRuntime(services)
    platform = start_demo_platform(tmp_path, runtime)
    try:
        with platform.server.app.state.platform.tx() as session:
            assert session.scalar(select(func.count()).select_from(Merchant)) == 2
        now = platform.server.app.state.platform.clock()
        start, end = st.period_bounds("month", st.local_day(now))
        report = runtime.settlement(MANAGER, start, end)
        kinds = {k for k, total in report.statement["totals"].items() if total["count"]}
        assert kinds == set(st.KINDS)
        differing = [r for r in report.rows if r.status == sr.DIFFERS and r.here_fen != r.platform_fen]
        assert len(differing) == 1 and differing[0].kind == st.TURNOVER_COMMISSION
        assert (differing[0].here_version, differing[0].platform_version) == (1, 2)
        assert report.count(sr.MISSING_HERE) == report.count(sr.MISSING_ON_PLATFORM) == 0
        alliance = runtime.alliance(now - timedelta(days=13), now + timedelta(minutes=1))
        assert sum(1 for day in alliance["days"] if day["share_fen"]) >= 10
        start_demo_platform(tmp_path, runtime).stop()  # a second start seeds nothing twice
    finally:
        runtime.stop()
        platform.stop()
        services.close()
