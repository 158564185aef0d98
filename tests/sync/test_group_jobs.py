"""The groups' background job (desktop.sync.group_jobs): groups past their deadline expire and
refund with nobody logged in, and the owning terminal seats online joiners in arrival order
through the real platform; the other terminal of the store leaves that group alone."""

from __future__ import annotations

import secrets
import time
from urllib.parse import parse_qs, urlparse

from sqlalchemy import select

from central.models import JoinRequest as CentralJoinRequest
from central.services.admin import create_member
from central.services.members import issue_token
from desktop.core.groups import GroupState
from desktop.store.deal_models import GroupEntry
from desktop.sync.client import PlatformClient
from desktop.sync.group_jobs import GroupJob
from tests.support.deal_flow import PHONES, cashier, launched_deal
from tests.support.stores import FakeClock, open_services
from tests.sync.support import make_terminal


def test_the_job_expires_and_refunds_due_groups_by_its_clock(tmp_path) -> None:
    clock = FakeClock()
    services = open_services(tmp_path, clock)
    services.demo.seed()
    group_id = services.groups.open_group(cashier(services), launched_deal(services), PHONES[0])
    job = GroupJob(services, clock=clock)
    assert job.run_once().expired == []  # before the deadline nothing happens
    clock.advance(hours=2)
    heard: list[list[str]] = []
    job.listeners.append(lambda result: heard.append(result.expired))
    assert job.run_once().expired == [group_id]
    assert heard == [[group_id]]
    assert services.group_views.view(group_id).state is GroupState.REFUNDED
    assert job.run_once().expired == []  # once only
    services.close()


def test_the_job_thread_runs_at_once_and_stops_cleanly(tmp_path) -> None:
    clock = FakeClock()
    services = open_services(tmp_path, clock)
    services.demo.seed()
    group_id = services.groups.open_group(cashier(services), launched_deal(services), PHONES[0])
    clock.advance(hours=2)  # expired while the app was closed
    job = GroupJob(services, clock=clock, every_seconds=60)
    job.start()
    deadline = time.monotonic() + 10
    while services.group_views.view(group_id).state is not GroupState.REFUNDED:
        assert time.monotonic() < deadline, "the job did not run"
        time.sleep(0.02)
    job.stop(timeout=5)
    assert not job.running
    services.close()


def _join_online(server, group_id: str, join_token: str, phone: str) -> str:
    platform = server.app.state.platform
    with platform.tx() as session:
        member = create_member(session, phone, "Online joiner", None)
        member_token = issue_token(session, member)
    client = PlatformClient(server.url, timeout=5)  # the customer's phone, signed in
    try:
        return str(client.request_join(group_id, join_token, secrets.token_hex(16), member_token)["request_id"])
    finally:
        client.close()


def test_two_online_joiners_are_seated_in_arrival_order_by_the_owning_terminal(
        server, seed, terminal, tmp_path, clock) -> None:
    services = terminal.services
    group_id = services.groups.open_group(cashier(services), launched_deal(services), PHONES[0])
    terminal.worker(server.url).sync_once()  # the platform knows the group and its token
    join_token = parse_qs(urlparse(services.print_data.invite(group_id).join_url).query)["t"][0]
    first = _join_online(server, group_id, join_token, "13900000071")
    second = _join_online(server, group_id, join_token, "13900000072")

    other = make_terminal(tmp_path / "counter2", seed, clock, name="Counter 2")
    try:
        other.worker(server.url).sync_once()
        assert GroupJob(other.services, clock=clock).run_once().seated == {}  # not its group

        # The app's runtime: the sync worker's thread pulls both requests, the groups' job
        # thread seats them, the worker pushes the seats; nobody calls accept_join_requests.
        terminal.runtime.group_job.clock = clock
        assert terminal.runtime.start()
        try:
            statuses = _wait_for_platform(server, {first, second})
        finally:
            terminal.runtime.stop()

        view = services.group_views.view(group_id)  # what the group screen shows
        online = [e for e in view.entries if e.tender == "platform"]
        assert [e.label for e in view.entries][:1] == [f"{PHONES[0][:3]}****{PHONES[0][-4:]}"]
        assert len(view.entries) == 3 and len(online) == 2
        with services.db.read() as s:
            seated = list(s.scalars(select(GroupEntry.request_id).where(
                GroupEntry.group_id == group_id, GroupEntry.request_id.is_not(None))
                .order_by(GroupEntry.position)))
        assert seated == [first, second]  # in arrival order
        assert statuses[first][0] == statuses[second][0] == "accepted"
        assert {statuses[first][1], statuses[second][1]} == {e.id for e in online}
    finally:
        other.close()


def _wait_for_platform(server, request_ids: set[str]) -> dict[str, tuple[str, str | None]]:
    """The platform's join requests once all of `request_ids` are decided (at most 20 s)."""
    deadline = time.monotonic() + 20
    while True:
        with server.app.state.platform.tx() as session:
            statuses = {r.id: (r.status, r.entry_id) for r in session.scalars(select(CentralJoinRequest))}
        if all(statuses.get(i, ("pending",))[0] != "pending" for i in request_ids):
            return statuses
        assert time.monotonic() < deadline, f"not seated on the platform: {statuses}"
        time.sleep(0.05)


def test_the_runtime_runs_the_job_unpaired_and_stops_it_at_shutdown(tmp_path) -> None:
    from desktop.store.keychain import SecretVault
    from desktop.sync.runtime import SyncRuntime

    clock = FakeClock()
    services = open_services(tmp_path, clock)
    services.demo.seed()
    group_id = services.groups.open_group(cashier(services), launched_deal(services), PHONES[0])
    clock.advance(hours=2)
    runtime = SyncRuntime(services, SecretVault())
    runtime.group_job.clock = clock
    assert runtime.start() is False  # no pairing: no sync worker, but the groups' job runs
    deadline = time.monotonic() + 10
    while services.group_views.view(group_id).state is not GroupState.REFUNDED:
        assert time.monotonic() < deadline, "the job did not run"
        time.sleep(0.02)
    runtime.stop()
    assert not runtime.group_job.running
    services.close()
