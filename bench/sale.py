"""Completing a 5-line sale with coins taken offline, against a bare SQLite insert + commit, in
one run.

Each measured sale is the real use case: check the member's platform-signed coin authorization
(Ed25519, store, merchant, expiry, revocation, used before), then `CheckoutService.complete`:
the bill's arithmetic, the schedule in force, one BEGIN IMMEDIATE transaction with the gapless
receipt number, the sale, 5 lines, 2 tenders, the accepted authorization (UNIQUE), the ledger
transfers, the coins.captured and sale.completed ops (validated against their contracts) and the
audit record (hash chain), COMMIT (WAL, synchronous=FULL). The baseline is one bare INSERT +
COMMIT on a plain sqlite3 connection with the same pragmas, on the same disk, measured
interleaved. Prints p50 and p99 of both and the ratios; target: <= 3x.

    .venv/bin/python bench/sale.py [--sales 500]
"""

from __future__ import annotations

import argparse
import base64
import secrets
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat  # noqa: E402

from desktop.core.checkout import Tender  # noqa: E402
from desktop.core.clock import to_iso  # noqa: E402
from desktop.core.coin_tokens import CoinToken, encode_token  # noqa: E402
from desktop.core.pins import ScryptCost  # noqa: E402
from desktop.core.staff import Actor, Role  # noqa: E402
from desktop.services.checkout_order import Order  # noqa: E402
from desktop.services.registry import Services  # noqa: E402
from desktop.store.migrate import open_store  # noqa: E402
from desktop.store.sync_models import CommissionSchedule, Member, SyncState  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from redeem import Baseline, percentile  # noqa: E402

STORE, MERCHANT, MEMBER = "bench-store", "bench-merchant", "U-bench"
CASHIER = Actor(3, "小张", Role.CASHIER)


def build(folder: Path, sales: int) -> tuple[Services, list[str]]:
    services = Services.build(open_store(folder / "pinshang.db"), pin_cost=ScryptCost(2**10, 8, 1))
    services.demo.seed()
    key = Ed25519PrivateKey.generate()
    public = base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    now = datetime.now(UTC)
    with services.db.write() as s:
        s.add(SyncState(id=1, terminal_id="T-bench", terminal_name="bench", store_id=STORE, store_name="bench",
                        merchant_id=MERCHANT, platform_url="http://127.0.0.1:9", platform_public_key=public,
                        seq_base=0, paired_at=to_iso(now)))
        s.add(CommissionSchedule(merchant_id=MERCHANT, version=1, effective_from=to_iso(now - timedelta(days=1)),
                                 coin_settlement_bp=2000, deal_commission_bp=500, alliance_share_bp=200,
                                 coin_cap_bp=1000, coin_value_fen=10))
        s.add(Member(member_id=MEMBER, name="陈小姐", phone_masked="138****0001"))
    tokens = [encode_token(CoinToken(secrets.token_hex(16), MEMBER, 200, now + timedelta(hours=2), STORE, MERCHANT),
                           key) for _ in range(sales)]
    return services, tokens


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pinshang-bench-sale-") as tmp:
        folder = Path(tmp)
        services, tokens = build(folder, args.sales + 20)
        checkout = services.checkout
        order = Order()
        for item in checkout.items()[:5]:
            order = order.with_item(checkout.line_for_item(item.id))
        first = checkout.accept_authorization(tokens[0], None)
        payable = checkout.totals(replace(order, member=first, coins=200)).payable_fen  # the screen shows it
        tenders = [Tender("wechat", 10_000), Tender("cash", payable - 10_000 + 50)]
        baseline = Baseline(folder / "baseline.db")
        sale_times: list[float] = []
        bare_times: list[float] = []
        for n, token in enumerate(tokens):
            started = time.perf_counter()
            member = checkout.accept_authorization(token, None)
            checkout.complete(CASHIER, replace(order, member=member, coins=200), tenders)
            elapsed = time.perf_counter() - started
            started = time.perf_counter()
            baseline()
            bare = time.perf_counter() - started
            if n >= 20:  # warm-up: caches, the first pages of each table
                sale_times.append(elapsed * 1000)
                bare_times.append(bare * 1000)
        services.close()
    p50, p99 = percentile(sale_times, 0.5), percentile(sale_times, 0.99)
    b50, b99 = percentile(bare_times, 0.5), percentile(bare_times, 0.99)
    print(f"sale with coins (5 lines, offline): p50 {p50:.2f} ms  p99 {p99:.2f} ms  ({len(sale_times)} sales)")
    print(f"bare insert + commit:               p50 {b50:.2f} ms  p99 {b99:.2f} ms")
    print(f"ratio: p50 {p50 / b50:.1f}x  p99 {p99 / b99:.1f}x  (target <= 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
