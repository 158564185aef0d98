"""Scan-to-verdict for a valid voucher, against a bare SQLite insert + commit, in one run.

The store holds 1,000,000 vouchers (and 500,000 earlier redemptions, audit rows and outbox
rows, so every index is deep). Each measured redemption is the real service call:
decode, verify the Ed25519 signature, check store and expiry, insert the redemption (UNIQUE),
the outbox op and the audit record (hash chain), commit (WAL, synchronous=FULL). The baseline
is one bare INSERT + COMMIT on a plain sqlite3 connection with the same pragmas, on the same
disk. Both are measured interleaved, so drift hits both alike. Prints p50 and p99 of both and
the ratios; target: <= 2x at p50 and p99.

The built store is cached under /tmp keyed by BUILD_VERSION (about a minute to build); each
run works on a fresh copy of it.

    .venv/bin/python bench/redeem.py [--redemptions 5000] [--vouchers 1000000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from desktop.core.staff import Role  # noqa: E402
from desktop.core.vouchers import (  # noqa: E402
    VoucherClaims,
    fallback_code,
    key_id,
    new_voucher_id,
    public_key_bytes,
    sign_voucher,
    verify_voucher,
)
from desktop.services.base import Actor  # noqa: E402
from desktop.services.registry import Services  # noqa: E402
from desktop.store.db import PRAGMAS  # noqa: E402
from desktop.store.migrate import open_store  # noqa: E402

BUILD_VERSION = "redeem-v2"
STORE_ID = "bench-store"
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
CHUNK = 50_000


def cache_dir(vouchers: int, redemptions: int) -> Path:
    return Path("/tmp") / f"pinshang-bench-{BUILD_VERSION}-{vouchers}-{redemptions}"


def build(folder: Path, vouchers: int, to_redeem: int) -> None:
    """Migrated store + bulk rows (executemany, one transaction) + the vouchers to redeem."""
    folder.mkdir(parents=True, exist_ok=True)
    db = open_store(folder / "pinshang.db")
    db.close()
    key = Ed25519PrivateKey.generate()
    kid = key_id(public_key_bytes(key))
    valid = [_signed(key, kid, n) for n in range(to_redeem)]
    conn = sqlite3.connect(folder / "pinshang.db", isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")  # building only: the measured runs use FULL
    conn.execute("BEGIN")
    conn.execute("INSERT INTO settings (key, value) VALUES ('store.id', ?), ('terminal.name', 'bench')",
                 (STORE_ID,))
    conn.execute("INSERT INTO signing_keys (key_id, public_key, created_at, own) VALUES (?, ?, ?, 0)",
                 (kid, public_key_bytes(key).hex(), NOW.isoformat()))
    conn.execute("INSERT INTO staff (name, role, pin_hash, active, failed_attempts, created_at) "
                 "VALUES ('bench', 'cashier', 'x', 1, 0, ?)", (NOW.isoformat(),))
    _bulk_vouchers(conn, vouchers - to_redeem, kid)
    _bulk_history(conn, vouchers // 2)
    conn.execute("COMMIT")
    conn.close()
    (folder / "valid.json").write_text(json.dumps(valid))


def _signed(key: Ed25519PrivateKey, kid: str, n: int) -> str:
    claims = VoucherClaims(new_voucher_id(), STORE_ID, f"G{n // 5:014d}", f"E{n:014d}", kid,
                           NOW - timedelta(days=1), NOW + timedelta(days=365), "牛排套餐 Steak set")
    return sign_voucher(claims, key)


def _bulk_vouchers(conn: sqlite3.Connection, count: int, kid: str) -> None:
    for start in range(0, count, CHUNK):
        rows = []
        for n in range(start, min(count, start + CHUNK)):
            vid = hashlib.sha256(n.to_bytes(8, "big")).hexdigest()[:20]
            rows.append((vid, f"G{n // 5:014d}", f"F{n:014d}", STORE_ID, kid, "牛排套餐 Steak set",
                         f"138{n:08d}", "PSV1" + "A" * 180, fallback_code(vid),
                         NOW.isoformat(), (NOW + timedelta(days=365)).isoformat()))
        conn.executemany("INSERT INTO vouchers VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)


def _bulk_history(conn: sqlite3.Connection, count: int) -> None:
    """Earlier redemptions, audit rows and outbox rows: deep indexes, a long audit chain."""
    at = NOW.isoformat()
    for start in range(0, count, CHUNK):
        ids = range(start, min(count, start + CHUNK))
        conn.executemany(
            "INSERT INTO redemptions (voucher_id, redeemed_at, staff, terminal, product, group_id, "
            "entry_id) VALUES (?, ?, 'bench', 'bench', 'p', 'g', 'e')",
            ((hashlib.sha256(n.to_bytes(8, "big")).hexdigest()[:20], at) for n in ids))
        conn.executemany(
            "INSERT INTO audit_log (at, actor, action, detail, prev_hash, hash) VALUES (?, 'bench', "
            "'voucher.redeemed', '{}', ?, ?)",
            ((at, f"{n:064x}", f"{n + 1:064x}") for n in ids))
        conn.executemany(
            "INSERT INTO outbox (op_id, kind, payload, created_at, acked_at, status) "
            "VALUES (?, 'voucher.redeemed', '{}', ?, ?, 'applied')",
            ((f"{n:036d}", at, at) for n in ids))


class Baseline:
    """One bare INSERT + COMMIT per call, same pragmas as the store."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in PRAGMAS:
            self.conn.execute(pragma)
        self.conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)")
        self.n = 0

    def __call__(self) -> None:
        self.n += 1
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO t (v) VALUES (?)", (f"{self.n:020d}",))
        self.conn.execute("COMMIT")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redemptions", type=int, default=5000)
    parser.add_argument("--vouchers", type=int, default=1_000_000)
    args = parser.parse_args()
    cached = cache_dir(args.vouchers, args.redemptions)
    if not (cached / "valid.json").exists():
        started = time.perf_counter()
        print(f"building {args.vouchers:,} vouchers in {cached} ...", flush=True)
        shutil.rmtree(cached, ignore_errors=True)
        build(cached, args.vouchers, args.redemptions)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    work = cached.with_name(cached.name + "-run")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    shutil.copy(cached / "pinshang.db", work / "pinshang.db")
    valid = json.loads((cached / "valid.json").read_text())
    services = Services.build(open_store(work / "pinshang.db"), lambda: NOW)
    cashier = Actor(1, "bench", Role.CASHIER)
    baseline = Baseline(work / "baseline.db")
    for _ in range(50):  # warm both paths (caches, page cache)
        baseline()
    services.redemption.redeem(cashier, valid[0])
    redeem_times, bare_times = [], []
    for text in valid[1:]:
        t0 = time.perf_counter()
        result = services.redemption.redeem(cashier, text)
        t1 = time.perf_counter()
        baseline()
        t2 = time.perf_counter()
        assert result.ok, result.verdict
        redeem_times.append(t1 - t0)
        bare_times.append(t2 - t1)
    keys = dict(services.signing_keys.cached)
    verify_times = []
    for text in valid[: min(1000, len(valid))]:  # the CPU floor: decode + Ed25519, no I/O
        t0 = time.perf_counter()
        verify_voucher(text, keys, STORE_ID, NOW)
        verify_times.append(time.perf_counter() - t0)
    services.close()
    _report(redeem_times, bare_times)
    print(f"of which verify_voucher alone (decode + signature): p50 "
          f"{percentile(verify_times, .5) * 1e3:.3f} ms")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _report(redeem: list[float], bare: list[float]) -> None:
    print(f"{len(redeem)} redemptions (1 warm-up not counted), interleaved with bare insert+commit")
    print(f"{'':14}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}")
    for name, values in (("redeem", redeem), ("bare insert", bare)):
        print(f"{name:14}{percentile(values, .5) * 1e3:10.3f}{percentile(values, .99) * 1e3:10.3f}"
              f"{statistics.fmean(values) * 1e3:10.3f}")
    for q, label in ((.5, "p50"), (.99, "p99")):
        ratio = percentile(redeem, q) / percentile(bare, q)
        print(f"ratio {label}: {ratio:.2f}x (target <= 2x) {'OK' if ratio <= 2 else 'MISSED'}")


if __name__ == "__main__":
    sys.exit(main())
