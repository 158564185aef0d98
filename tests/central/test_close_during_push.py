"""Closing a merchant's period waits for the pushes that have read its closed periods
(central.services.schedules.closed_until) to commit, on PostgreSQL where they run at once: the
lines they book are then in the stored statement, never booked inside a period closed under
them (SQLite serializes its writers anyway)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from central.app import create_app
from central.services import admin, statements
from central.services.schedules import closed_until


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_period_closes_only_after_the_push_that_read_it_has_committed(db_url: str) -> None:
    app = create_app(db_url)
    platform = app.state.platform
    with platform.tx() as session:
        merchant = admin.create_merchant(session, "Close race")
    start, end = datetime(2030, 1, 1, tzinfo=UTC), datetime(2030, 2, 1, tzinfo=UTC)
    now = datetime(2030, 3, 1, tzinfo=UTC)
    order: list[str] = []

    def close() -> None:
        with platform.tx() as session:
            statements.close_period(session, merchant, start, end, now)
        order.append("closed")

    closer = threading.Thread(target=close)
    with platform.sessions() as push, push.begin():
        assert closed_until(push, merchant) is None  # a push has read it: its lines go in the open period
        closer.start()
        closer.join(1.0)
        waited = closer.is_alive() and order == []  # waiting for the push
        order.append("push committed")
    closer.join(10)
    assert waited and order == ["push committed", "closed"]
    with platform.tx() as session:  # the next push reads the closed period
        assert closed_until(session, merchant) == end
    app.state.engine.dispose()
