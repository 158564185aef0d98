"""The worker against a real central on 127.0.0.1: push in batches, pull, lost answers,
duplicated and reordered batches, server restarts, 500s and timeouts."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from central.server import start_in_thread
from desktop.sync.client import PlatformClient, PlatformUnreachable
from tests.central.helpers import LoseResponseAdapter
from tests.sync.support import central_member_ids, central_seen, enqueue_sales, outbox


def _all_acked(services) -> bool:
    return all(row.acked_at is not None for row in outbox(services))


def _assert_exactly_once(server, terminal, op_ids: list[str]) -> None:
    seen = central_seen(server, terminal.terminal_id)
    assert {op_id: seen["applied"].get(op_id, 0) for op_id in op_ids} == dict.fromkeys(op_ids, 1)
    assert seen["last_seq"] == len(outbox(terminal.services))


def test_one_round_pushes_everything_in_batches_and_pulls(server, seed, terminal) -> None:
    op_ids = enqueue_sales(terminal.services, 23)
    worker = terminal.worker(server.url, batch_size=5)
    worker.sync_once()
    assert _all_acked(terminal.services)
    assert {row.status for row in outbox(terminal.services)} == {"applied"}
    _assert_exactly_once(server, terminal, op_ids)
    snapshot = terminal.services.sync.snapshot()
    assert snapshot.cursor and snapshot.last_success is not None and snapshot.waiting == 0
    with terminal.services.db.read() as s:
        members = s.execute(__import__("sqlalchemy").text("SELECT count(*) FROM members")).scalar_one()
        schedules = s.execute(__import__("sqlalchemy").text("SELECT version FROM commission_schedules")).all()
    # the 3 seeded members and the demo group's 2 phone-enrolled customers, registered on the
    # platform by their group.joined and locked to this merchant
    assert members == 3 + 2 and schedules == [(1,)]


def test_lost_acknowledgement_is_retried_and_nothing_applies_twice(server, seed, terminal) -> None:
    op_ids = enqueue_sales(terminal.services, 7)
    lossy = requests.Session()
    lossy.mount("http://", LoseResponseAdapter(lose=1))
    worker = terminal.worker(server.url, session=lossy)
    with pytest.raises(PlatformUnreachable):
        worker.sync_once()
    # The server committed the batch, the client did not hear it: still unacked here.
    assert central_seen(server, terminal.terminal_id)["last_seq"] == len(outbox(terminal.services))
    assert not _all_acked(terminal.services)
    worker.sync_once()
    assert _all_acked(terminal.services)
    assert {row.status for row in outbox(terminal.services)} == {"applied"}  # first outcome kept
    _assert_exactly_once(server, terminal, op_ids)


def test_duplicated_and_reordered_batches_apply_once(server, seed, terminal) -> None:
    op_ids = enqueue_sales(terminal.services, 6)
    rows = [row.as_tuple() for row in terminal.services.sync.pending_batch(100)]
    raw = PlatformClient(server.url, terminal.token)
    raw.push(terminal.terminal_id, list(reversed(rows[:4])))  # reordered
    raw.push(terminal.terminal_id, rows[:4] + rows[:2])  # duplicated within and across batches
    raw.close()
    terminal.worker(server.url).sync_once()  # the client itself resends 1..6
    assert _all_acked(terminal.services)
    _assert_exactly_once(server, terminal, op_ids)


def test_server_restart_mid_sync_loses_nothing(central_db, server, seed, terminal) -> None:
    first = enqueue_sales(terminal.services, 5)
    worker = terminal.worker(server.url)
    worker.sync_once()
    port = server.port
    server.stop()
    later = enqueue_sales(terminal.services, 5)
    with pytest.raises(PlatformUnreachable):
        worker.sync_once()
    restarted = start_in_thread(central_db, port=port)
    try:
        worker.sync_once()
        assert _all_acked(terminal.services)
        _assert_exactly_once(restarted, terminal, first + later)
    finally:
        restarted.stop()


class FlakyAdapter(HTTPAdapter):
    """Answers 500 (as a broken proxy would) or times out, `failures` times, then works."""

    def __init__(self, failures: int, mode: str) -> None:
        super().__init__()
        self.failures, self.mode = failures, mode

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if self.failures > 0:
            self.failures -= 1
            if self.mode == "timeout":
                raise requests.Timeout("read timed out")
            response = requests.Response()
            response.status_code, response._content, response.request = 500, b"oops", request
            return response
        return super().send(request, **kwargs)


@pytest.mark.parametrize("mode", ["500", "timeout"])
def test_errors_back_off_then_everything_arrives(server, seed, terminal, qtbot, mode) -> None:
    op_ids = enqueue_sales(terminal.services, 4)
    flaky = requests.Session()
    flaky.mount("http://", FlakyAdapter(3, mode))
    worker = terminal.worker(server.url, session=flaky)
    worker.start()
    try:
        qtbot.waitUntil(lambda: _all_acked(terminal.services), timeout=10000)
        qtbot.waitUntil(lambda: worker.state().online is True, timeout=5000)
    finally:
        worker.stop()
    assert worker.state().rounds >= 4  # three failed rounds, then success
    assert worker.backoff.failures == 0  # a success resets the backoff
    _assert_exactly_once(server, terminal, op_ids)


def test_backoff_grows_to_the_cap_with_jitter() -> None:
    from desktop.sync.worker import Backoff

    top = Backoff(base=1, cap=60, rng=lambda: 1.0)
    assert [top.next_delay() for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    jittered = Backoff(base=1, cap=60, rng=lambda: 0.5)
    assert [jittered.next_delay() for _ in range(3)] == [0.5, 1, 2]
    top.reset()
    assert top.next_delay() == 1


def test_an_unknown_cursor_reloads_everything(server, seed, terminal) -> None:
    from sqlalchemy import select

    from desktop.store.sync_models import Member, SyncState

    terminal.worker(server.url).sync_once()
    with terminal.services.db.write() as s:
        s.add(Member(member_id="Ughost", phone_masked="100", name="left over"))
        s.get(SyncState, 1).cursor = "not-a-cursor"
    terminal.worker(server.url).sync_once()
    with terminal.services.db.read() as s:
        ids = set(s.scalars(select(Member.member_id)).all())
    assert ids == central_member_ids(server) and set(seed.members) <= ids and "Ughost" not in ids


def test_a_rejected_op_is_acknowledged_and_queued_for_the_manager(server, seed, terminal) -> None:
    from desktop.core.ops import OpKind
    from desktop.core.staff import Role
    from desktop.services.base import SYSTEM_ACTOR, Actor

    with terminal.services.sync.transaction(SYSTEM_ACTOR) as tx:
        bad_id = tx.emit(OpKind.GROUP_DRAWN, {"group_id": "never-opened", "proof": {"v": "nonsense"}})
        tx.session.flush()
    terminal.worker(server.url).sync_once()
    row = next(r for r in outbox(terminal.services) if r.op_id == bad_id)
    assert row.status == "rejected" and row.acked_at and row.reason
    items = terminal.services.attention.items(Actor(2, "李经理", Role.MANAGER))
    assert [(i.kind, i.ref, i.subject) for i in items] == [("rejected_op", bad_id, "group.drawn")]
    assert items[0].reason == row.reason
    terminal.worker(server.url).sync_once()  # nothing is resent, nothing queued twice
    assert len(terminal.services.attention.items(Actor(2, "李经理", Role.MANAGER))) == 1


def test_a_revoked_terminal_is_told_and_keeps_its_data(qapp, server, seed, terminal) -> None:
    from central.services.pairing import revoke_terminal
    from desktop.ui.sync_status import state_text

    enqueue_sales(terminal.services, 2)
    waiting = terminal.services.sync.unsent()
    platform = server.app.state.platform
    with platform.tx() as session:
        revoke_terminal(session, terminal.terminal_id, platform.clock())
    assert terminal.runtime.start(thread=False)
    terminal.runtime.worker.run_round()
    assert state_text(terminal.runtime).startswith("Refused by the platform")
    assert "token_revoked" in terminal.services.sync.snapshot().last_error
    assert terminal.services.sync.unsent() == waiting  # nothing is lost: it waits for a new pairing
