"""Run by test_kill: a sync worker in its own process, pushing a client DB in small batches,
until the parent kills it with SIGKILL. Usage: python -m tests.sync.kill_child DB URL TOKEN"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.services.registry import Services
from desktop.store.migrate import open_store
from desktop.sync.client import PlatformClient
from desktop.sync.worker import Backoff, SyncWorker


def main() -> int:
    db, url, token = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    services = Services.build(open_store(db))
    worker = SyncWorker(services, PlatformClient(url, token, timeout=5), batch_size=int(sys.argv[4]),
                        backoff=Backoff(base=0.01, cap=0.05))
    print("ready", flush=True)
    while services.sync.unsent():
        worker.run_round()
    return 0


if __name__ == "__main__":
    sys.exit(main())
