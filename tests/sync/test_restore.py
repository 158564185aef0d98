"""Finding 12: restores from a backup, with real files. The terminal's SQLite file (or central's)
is copied as a backup, more work is pushed, the copy is put back, new work is made, and the
worker syncs: nothing is lost, nothing is applied twice, one attention item says what happened."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from central.models import Conflict, ReceivedOp
from central.server import RunningServer, start_in_thread
from desktop.core.staff import Role
from desktop.services.base import Actor
from desktop.services.registry import Services
from desktop.store.models import OutboxOp
from desktop.sync.client import PlatformClient
from desktop.sync.worker import Backoff, SyncWorker
from tests.central.helpers import paired, sale
from tests.support.stores import FakeClock, open_services
from tests.sync.support import Terminal, central_seen, enqueue_sales, outbox

MANAGER = Actor(2, "李经理", Role.MANAGER)


def _backup(db_file: Path, copy: Path) -> None:
    """What a backup tool does: a consistent copy of a live SQLite file (WAL included)."""
    source, target = sqlite3.connect(db_file), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _restore(copy: Path, db_file: Path) -> None:
    for extra in ("-wal", "-shm"):
        Path(f"{db_file}{extra}").unlink(missing_ok=True)
    shutil.copyfile(copy, db_file)


def _worker(services: Services, url: str, token: str) -> SyncWorker:
    return SyncWorker(services, PlatformClient(url, token, timeout=5), batch_size=7,
                      poll_seconds=0.2, backoff=Backoff(base=0.02, cap=0.2))


def _applied(server: RunningServer, op_ids: list[str]) -> dict[str, int]:
    seen = central_seen(server, "")["applied"]
    return {op_id: seen.get(op_id, 0) for op_id in op_ids}


def _recovery_items(services: Services) -> list[str]:
    return [i.reason for i in services.attention.items(MANAGER) if i.kind == "sync_recovery"]


def test_a_terminal_restored_from_a_backup_renumbers_and_loses_nothing(
        tmp_path: Path, server: RunningServer, seed, terminal: Terminal, clock: FakeClock) -> None:
    db_file = tmp_path / "t1" / "pinshang.db"
    before = enqueue_sales(terminal.services, 10)
    _worker(terminal.services, server.url, terminal.token).sync_once()
    _backup(db_file, tmp_path / "backup.db")
    lost_disk = enqueue_sales(terminal.services, 15)  # pushed, then the disk dies
    _worker(terminal.services, server.url, terminal.token).sync_once()
    last_seq = central_seen(server, terminal.terminal_id)["last_seq"]
    terminal.runtime.stop()
    terminal.services.close()

    _restore(tmp_path / "backup.db", db_file)
    services = open_services(tmp_path / "t1", clock)
    try:
        after = enqueue_sales(services, 20)  # reuse the outbox seqs the lost disk had pushed
        _worker(services, server.url, terminal.token).sync_once()
        assert all(row.acked_at is not None and row.status == "applied" for row in outbox(services))
        assert _applied(server, before + lost_disk + after) == dict.fromkeys(before + lost_disk + after, 1)
        assert central_seen(server, terminal.terminal_id)["last_seq"] == last_seq + 20
        items = _recovery_items(services)
        assert len(items) == 1 and "20 ops made since the restore were renumbered" in items[0]
        assert f"from {last_seq + 1}" in items[0]
        _worker(services, server.url, terminal.token).sync_once()  # calm afterwards
        assert len(services.attention.items(MANAGER)) == 1
    finally:
        services.close()


def test_a_seq_used_by_another_op_is_never_an_acknowledgement(server, seed) -> None:
    """The wire answer: `seq_conflict`, and nothing behind it in the batch is applied."""
    client, terminal_id = paired(seed)
    client.push(terminal_id, [sale(1), sale(2), sale(3)])
    answer = client.push(terminal_id, [sale(2), sale(3), sale(4)])  # other ops, same seqs
    assert [r["status"] for r in answer["results"]] == ["seq_conflict", "seq_conflict", "not_applied"]
    assert "already used by another op" in answer["results"][0]["reason"]
    assert answer["last_seq"] == 3  # nothing was applied
    client.close()


def test_a_shorter_audit_head_is_flagged_and_not_stored(
        tmp_path: Path, server: RunningServer, seed, terminal: Terminal, clock: FakeClock) -> None:
    db_file = tmp_path / "t1" / "pinshang.db"
    enqueue_sales(terminal.services, 3)
    _worker(terminal.services, server.url, terminal.token).sync_once()
    _backup(db_file, tmp_path / "backup.db")
    enqueue_sales(terminal.services, 12)
    _worker(terminal.services, server.url, terminal.token).sync_once()
    head = terminal.services.audit.head()
    terminal.runtime.stop()
    terminal.services.close()
    _restore(tmp_path / "backup.db", db_file)
    services = open_services(tmp_path / "t1", clock)
    try:
        after = enqueue_sales(services, 2)  # fewer than were lost: the head goes backwards
        _worker(services, server.url, terminal.token).sync_once()
        _worker(services, server.url, terminal.token).sync_once()  # pull the conflict
        assert _applied(server, after) == dict.fromkeys(after, 1)
        platform = server.app.state.platform
        with platform.tx() as session:
            stored = session.execute(select(Conflict).where(Conflict.kind == "audit.head_regressed")).scalars().all()
            from central.models import Terminal as CentralTerminal
            row = session.get(CentralTerminal, terminal.terminal_id)
            assert (row.audit_length, row.audit_hash) == (head.length, head.hash)  # not moved back
        assert len(stored) == 1 and stored[0].subject_id == terminal.terminal_id
        kinds = sorted((i.kind, i.subject) for i in services.attention.items(MANAGER))
        assert kinds == [("conflict", "audit"), ("sync_recovery", "sync")]
    finally:
        services.close()


def test_a_longer_audit_head_moves_forward_and_a_replay_does_not_move_it_back(server, seed, terminal) -> None:
    raw = PlatformClient(server.url, terminal.token)
    sale = {"sale_id": "s1", "total_fen": 100}
    raw.push(terminal.terminal_id, [(1, "d" * 32, "sale.completed", sale)], {"length": 10, "hash": "ab" * 32})
    raw.push(terminal.terminal_id, [(1, "d" * 32, "sale.completed", sale)], {"length": 5, "hash": "cd" * 32})
    raw.push(terminal.terminal_id, [(2, "e" * 32, "sale.completed", dict(sale, sale_id="s2"))],
             {"length": 12, "hash": "ef" * 32})
    raw.push(terminal.terminal_id, [(3, "f" * 32, "sale.completed", dict(sale, sale_id="s3"))],
             {"length": 12, "hash": "00" * 32})  # same length, another history: flagged
    raw.close()
    platform = server.app.state.platform
    with platform.tx() as session:
        from central.models import Terminal as CentralTerminal
        row = session.get(CentralTerminal, terminal.terminal_id)
        flags = session.execute(select(Conflict.detail).where(Conflict.kind == "audit.head_regressed")).all()
    assert (row.audit_length, row.audit_hash) == (12, "ef" * 32)
    assert len(flags) == 1 and "12 rows" in flags[0][0]


def test_central_restored_from_a_backup_gets_back_what_it_lost(
        tmp_path: Path, central_db: str, server: RunningServer, seed, terminal: Terminal) -> None:
    central_file = Path(central_db.removeprefix("sqlite:///"))
    first = enqueue_sales(terminal.services, 10)
    worker = _worker(terminal.services, server.url, terminal.token)
    worker.sync_once()
    _backup(central_file, tmp_path / "central-backup.db")
    lost = enqueue_sales(terminal.services, 15)
    worker.sync_once()
    total = len(outbox(terminal.services))
    port = server.port
    server.stop()
    _restore(tmp_path / "central-backup.db", central_file)
    restarted = start_in_thread(central_db, port=port)
    try:
        assert central_seen(restarted, terminal.terminal_id)["last_seq"] == total - 15
        later = enqueue_sales(terminal.services, 5)
        worker.sync_once()
        assert _applied(restarted, first + lost + later) == dict.fromkeys(first + lost + later, 1)
        assert central_seen(restarted, terminal.terminal_id)["last_seq"] == total + 5
        items = _recovery_items(terminal.services)
        assert len(items) == 1 and "lost 15 acknowledged ops" in items[0] and "15 were sent again" in items[0]
        worker.sync_once()
        assert len(_recovery_items(terminal.services)) == 1
    finally:
        restarted.stop()


def test_central_restored_after_old_sent_ops_were_pruned_says_so(
        tmp_path: Path, central_db: str, server: RunningServer, seed, terminal: Terminal,
        clock: FakeClock) -> None:
    central_file = Path(central_db.removeprefix("sqlite:///"))
    worker = _worker(terminal.services, server.url, terminal.token)
    worker.sync_once()
    _backup(central_file, tmp_path / "central-backup.db")
    old = enqueue_sales(terminal.services, 6)
    worker.sync_once()
    recent = enqueue_sales(terminal.services, 4)
    worker.sync_once()
    with terminal.services.db.write() as s:  # the first 6 were acknowledged 100 days ago
        s.execute(update(OutboxOp).where(OutboxOp.op_id.in_(old))
                  .values(acked_at=(clock.now - timedelta(days=100)).isoformat()))
    assert terminal.services.sync.prune_sent(clock.now) == 6
    port = server.port
    server.stop()
    _restore(tmp_path / "central-backup.db", central_file)
    restarted = start_in_thread(central_db, port=port)
    try:
        base_seq = central_seen(restarted, terminal.terminal_id)["last_seq"]
        later = enqueue_sales(terminal.services, 2)
        worker.sync_once()
        assert _applied(restarted, recent + later) == dict.fromkeys(recent + later, 1)
        assert _applied(restarted, old) == dict.fromkeys(old, 0)  # gone, and said so
        assert central_seen(restarted, terminal.terminal_id)["last_seq"] == base_seq + 6
        with restarted.app.state.platform.tx() as session:
            seqs = session.execute(select(ReceivedOp.seq).where(
                ReceivedOp.terminal_id == terminal.terminal_id).order_by(ReceivedOp.seq)).scalars().all()
        assert seqs == list(range(1, base_seq + 7))  # renumbered contiguously
        items = _recovery_items(terminal.services)
        assert len(items) == 1 and "lost 10 acknowledged ops" in items[0]
        assert "4 were sent again" in items[0] and "6 were older than the 90 days" in items[0]
    finally:
        restarted.stop()


def test_big_ops_go_out_in_batches_under_the_body_limit(server, seed, terminal) -> None:
    """Six ops of 1.5 MiB do not fit one 8 MiB push: the worker splits them (else 413 for ever)."""
    from desktop.core.ops import OpKind
    from desktop.services.base import SYSTEM_ACTOR

    worker = _worker(terminal.services, server.url, terminal.token)
    worker.sync_once()  # the demo's own ops first: the next batch holds only the big ones
    op_ids = []
    for i in range(6):
        with terminal.services.sync.transaction(SYSTEM_ACTOR) as tx:
            op_ids.append(tx.emit(OpKind.GROUP_DRAWN, {"group_id": f"g{i}", "proof": {"pad": "a" * 1_500_000}}))
            tx.session.flush()
    worker.sync_once()
    rows = [row for row in outbox(terminal.services) if row.op_id in op_ids]
    assert len(rows) == 6 and all(row.acked_at is not None and row.status == "rejected" for row in rows)
    assert central_seen(server, terminal.terminal_id)["last_seq"] == len(outbox(terminal.services))


def test_acknowledged_ops_are_kept_90_days_and_unsent_ones_for_ever(server, seed, terminal, clock) -> None:
    sent = enqueue_sales(terminal.services, 4)
    _worker(terminal.services, server.url, terminal.token).sync_once()
    unsent = enqueue_sales(terminal.services, 2)
    clock.advance(days=89)
    assert terminal.services.sync.prune_sent() == 0  # still inside the kept period
    clock.advance(days=2)
    pruned = terminal.services.sync.prune_sent()
    left = {row.op_id for row in outbox(terminal.services)}
    assert pruned > 0 and not left & set(sent) and set(unsent) <= left
    with terminal.services.db.write() as s:  # all acknowledged: the newest row still stays
        s.execute(update(OutboxOp).values(acked_at=(clock.now - timedelta(days=200)).isoformat()))
    terminal.services.sync.prune_sent()
    assert [row.op_id for row in outbox(terminal.services)] == [unsent[-1]]
