"""Push throughput: 10,000 queued ops to the reference platform over loopback.

Runs the platform in-process (start_in_thread, a temporary SQLite file, production settings:
WAL, synchronous=FULL) and pushes the same kind of outbox rows two ways in one run: batched
(500 ops per request, one transaction per batch with a savepoint per op) and one request per op.
Prints ops/s for both and their ratio. Targets: batched >= 1,000 ops/s and >= 10x one-per-op.

    .venv/bin/python bench/sync_push.py [--ops 10000] [--batch 500]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from central.server import start_in_thread  # noqa: E402
from central.services import admin, pairing  # noqa: E402
from desktop.sync.client import OutboxOp, PlatformClient  # noqa: E402
from tests.central.helpers import new_public_key  # noqa: E402

KINDS = ("sale.completed", "group.joined", "voucher.issued")


def outbox(count: int) -> list[OutboxOp]:
    """A realistic mix: sales and joins (reconciliation lines) and a record-only kind."""
    rows = []
    for seq in range(1, count + 1):
        kind = KINDS[seq % len(KINDS)]
        payload = {"sale_id": f"s{seq}", "total_fen": 9800, "coins": 0, "group_id": f"g{seq // 5}",
                   "entry_id": f"e{seq}", "nonce": "ab" * 16, "deposit_fen": 9800, "voucher_id": f"v{seq}"}
        rows.append(OutboxOp(seq, uuid.uuid4().hex, kind, payload))
    return rows


def paired_terminal(server: object, store_id: str, name: str) -> tuple[PlatformClient, str]:
    platform = server.app.state.platform  # type: ignore[attr-defined]
    with platform.tx() as session:
        code = pairing.create_pairing_code(session, store_id, platform.clock(), pairing_ttl())
    client = PlatformClient(server.url, timeout=60)  # type: ignore[attr-defined]
    return client, client.pair(code, new_public_key(), name)["terminal_id"]


def pairing_ttl() -> object:
    from datetime import timedelta

    return timedelta(hours=1)


def timed_push(client: PlatformClient, terminal: str, ops: list[OutboxOp], batch: int) -> float:
    start = time.perf_counter()
    for i in range(0, len(ops), batch):
        answer = client.push(terminal, ops[i:i + batch])
        assert answer["last_seq"] == ops[min(i + batch, len(ops)) - 1].seq
    elapsed = time.perf_counter() - start
    return len(ops) / elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_in_thread(f"sqlite:///{Path(tmp) / 'bench.db'}")
        try:
            with server.app.state.platform.tx() as session:
                store = admin.create_store(session, admin.create_merchant(session, "Bench"), "Bench store")
            batched_client, batched_terminal = paired_terminal(server, store, "batched")
            single_client, single_terminal = paired_terminal(server, store, "one-per-op")
            batched = timed_push(batched_client, batched_terminal, outbox(args.ops), args.batch)
            single = timed_push(single_client, single_terminal, outbox(args.ops), 1)
        finally:
            server.stop()
    ratio = batched / single
    print(f"ops pushed per mode:       {args.ops}")
    print(f"batched ({args.batch}/request):    {batched:,.0f} ops/s")
    print(f"one request per op:        {single:,.0f} ops/s")
    print(f"ratio batched/one-per-op:  {ratio:.1f}x  (target >= 10x; batched target >= 1,000 ops/s)")
    return 0 if batched >= 1000 and ratio >= 10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
