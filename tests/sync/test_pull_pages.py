"""A long pull comes in pages, each applied with its cursor in one short transaction
(docs/sync-protocol.md, Pull: pages): against the real platform a pull cut short after a page
resumes after it, nothing lost and nothing twice; a reset drops stale members range by range,
never emptying the copy first; and a counter write completes while a 20,000-member pull is
being applied."""

from __future__ import annotations

import threading

from sqlalchemy import select

from central.models import Member as CentralMember
from central.services import admin
from desktop.store.deal_models import Group
from desktop.store.sync_models import CommissionSchedule, Member, SyncState
from tests.central.helpers import Seed
from tests.support.deal_flow import cashier, launched_deal
from tests.support.stores import FakeClock, open_services
from tests.sync.support import Terminal, central_member_ids


def _local_members(terminal: Terminal) -> set[str]:
    with terminal.services.db.read() as s:
        return set(s.scalars(select(Member.member_id)))


def _cursor(terminal: Terminal) -> str | None:
    with terminal.services.db.read() as s:
        state = s.get(SyncState, 1)
        return None if state is None else state.cursor


def test_a_paged_reset_resumes_after_the_last_page_and_sweeps_stale_members(seed: Seed, terminal: Terminal) -> None:
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        for i in range(22):
            admin.create_member(session, f"139{i:08d}", f"Member P{i}", seed.merchant_id)
    with terminal.services.db.write() as s:  # a copy from before: one id sorts first, one last
        s.add_all([Member(member_id="!stale", name="Gone A"), Member(member_id="~stale", name="Gone Z")])
        s.get(SyncState, 1).cursor = None  # type: ignore[union-attr]
    client = terminal.worker(seed.server.url).client
    with platform.tx() as session:
        in_scope = set(session.scalars(select(CentralMember.id).where(CentralMember.home_merchant_id == seed.merchant_id)))

    first = client.pull(None, 10)
    assert first["reset"] and first["more"] and len(first["members"]) == 10
    assert first["members_from"] is None and first["members_through"] == first["members"][-1]["member_id"]
    assert first["commission_schedules"] == []  # the other sections come with the last page
    terminal.services.sync_pull.apply(first)
    held = _local_members(terminal)
    assert "!stale" not in held and "~stale" in held  # swept in its range only
    assert {m["member_id"] for m in first["members"]} <= held

    # The counter stops here (a crash after the page's commit); the next pull resumes after it.
    resumed = client.pull(_cursor(terminal), 10)
    assert resumed["reset"] and resumed["members_from"] == first["members"][-1]["member_id"]
    assert min(m["member_id"] for m in resumed["members"]) > first["members"][-1]["member_id"]
    assert not {m["member_id"] for m in resumed["members"]} & {m["member_id"] for m in first["members"]}

    terminal.worker(seed.server.url).sync_once()  # the worker pages on from the stored cursor
    held = _local_members(terminal)
    assert "~stale" not in held
    assert in_scope <= held <= central_member_ids(seed.server)  # and the members its push registered
    with terminal.services.db.read() as s:
        assert s.scalars(select(CommissionSchedule)).first() is not None
    # The members the push registered changed after the reset began: the next pull sends them
    # (again, if their ids came after the page the reset resumed from), and then nothing.
    again = client.pull(_cursor(terminal), 10)
    assert not again["reset"] and not again["more"]
    terminal.services.sync_pull.apply(again)
    assert _local_members(terminal) == central_member_ids(seed.server)
    quiet = client.pull(_cursor(terminal), 10)
    assert not quiet["reset"] and quiet["members"] == []


def test_an_incremental_pull_pages_too(seed: Seed, terminal: Terminal) -> None:
    terminal.worker(seed.server.url).sync_once()
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        added = {admin.create_member(session, f"137{i:08d}", f"New {i}", seed.merchant_id) for i in range(7)}
    client = terminal.worker(seed.server.url).client
    pages, cursor = [], _cursor(terminal)
    while True:
        page = client.pull(cursor, 3)
        terminal.services.sync_pull.apply(page)
        pages.append(page)
        if not page["more"]:
            break
        cursor = page["cursor"]
    assert [len(p["members"]) for p in pages] == [3, 3, 1] and not any(p["reset"] for p in pages)
    assert added <= _local_members(terminal)


def _pages(count: int, size: int) -> list[dict[str, object]]:
    ids = [f"U{i:07d}" for i in range(count)]
    pages = []
    for start in range(0, count, size):
        chunk = ids[start:start + size]
        more = start + size < count
        pages.append({"cursor": f"page-{start}", "reset": True, "more": more,
                      "members_from": ids[start - 1] if start else None,
                      "members_through": chunk[-1] if more else None,
                      "members": [{"member_id": m, "phone_masked": "138****0000", "phone_hash": "ab" * 32,
                                   "name": f"Member {m}", "home_merchant_id": "M1"} for m in chunk]})
    return pages


def test_a_counter_write_completes_while_a_20000_member_pull_is_applied(tmp_path) -> None:
    services = open_services(tmp_path, FakeClock())
    try:
        services.demo.seed()
        deal_id = launched_deal(services)
        pages = _pages(20_000, 1_000)
        failures: list[BaseException] = []
        begun, written = threading.Event(), threading.Event()
        applied: list[int] = []

        def pull() -> None:
            try:
                for number, page in enumerate(pages, start=1):
                    services.sync_pull.apply(page)
                    applied.append(number)
                    if number == 2:
                        begun.set()
                    if number == len(pages) // 2:  # the second half waits for the counter's write
                        written.wait(60)
            except BaseException as exc:  # reported below
                failures.append(exc)

        puller = threading.Thread(target=pull)
        puller.start()
        assert begun.wait(60)
        group_id = services.groups.open_group(cashier(services), deal_id, "13800000001", "cash")
        pages_when_written = len(applied)
        written.set()
        puller.join(120)
        assert failures == [] and not puller.is_alive()
        assert 2 <= pages_when_written < len(pages) and len(applied) == len(pages)
        with services.db.read() as s:
            assert len(set(s.scalars(select(Member.member_id)))) == 20_000
            assert s.get(Group, group_id) is not None
    finally:
        services.close()
