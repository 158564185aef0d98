"""Two merchants of the alliance on one platform, for the settlement tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from central.server import RunningServer
from central.services import admin, members, statements
from central.services.schedules import Rates, add_schedule
from desktop.core import commission
from desktop.core import statement as st
from desktop.core.member_codes import STEP_SECONDS
from desktop.sync.client import PlatformClient
from tests.central.helpers import Seed, paired

# The seed's numbers: 扣点 20%, coin cap 10%, a coin worth 0.10 CNY; 3% turnover, 1% share, 5% deals.
SEED_RATES = Rates(2000, 500, 100, 1000, 10, 300)


def core(rates: Rates, version: int) -> commission.Rates:
    return commission.Rates(version=version, coin_settlement_bp=rates.coin_settlement_bp,
                            turnover_commission_bp=rates.turnover_commission_bp,
                            deal_commission_bp=rates.deal_commission_bp,
                            alliance_share_bp=rates.alliance_share_bp, coin_cap_bp=rates.coin_cap_bp,
                            coin_value_fen=rates.coin_value_fen)


@dataclass
class Alliance:
    server: RunningServer
    a: str  # merchant A (the member's home)
    b: str  # merchant B (where the member spends)
    store_a: str
    store_b: str
    member: str

    def tx(self) -> Any:
        return self.server.app.state.platform.tx()

    @property
    def clock(self) -> Any:
        return self.server.app.state.platform.clock

    def terminal(self, store: str, name: str = "Counter") -> tuple[PlatformClient, str]:
        seed = Seed(self.server, self.a, store, store)
        return paired(seed, name, store)

    def capture(self, client: PlatformClient, coins: int, sale_id: str) -> str:
        """Coins of the member captured online with a fresh member code: the Idempotency-Key."""
        platform = self.server.app.state.platform
        platform.clock.advance(seconds=STEP_SECONDS)
        with self.tx() as session:
            code = members.current_code(session, self.member, platform.clock())
        key = uuid.uuid4().hex
        client.capture_coins(self.member, coins, sale_id, key, member_code=code)
        return key

    def statement(self, merchant: str, start: datetime, end: datetime) -> dict[str, Any]:
        with self.tx() as session:
            return statements.statement(session, merchant, start, end)


def two_merchants(server: RunningServer, rates: Rates = SEED_RATES) -> Alliance:
    platform = server.app.state.platform
    now = platform.clock()
    with platform.tx() as session:
        a = admin.create_merchant(session, "牛排馆 A")
        b = admin.create_merchant(session, "奶茶店 B")
        store_a = admin.create_store(session, a, "A 一号店")
        store_b = admin.create_store(session, b, "B 一号店")
        member = admin.create_member(session, "13800000099", "王", a)
        admin.grant_coins(session, member, 5000, "test", now)
        for merchant in (a, b):
            add_schedule(session, merchant, now - timedelta(days=60), rates, now)
    return Alliance(server, a, b, store_a, store_b, member)


def sale_op(seq: int, total_fen: int, at: datetime, *, member_id: str | None = None, coin_fen: int = 0,
            coins: int = 0, amounts: commission.SaleAmounts | None = None, version: int | None = 1,
            sale_id: str | None = None, capture_key: str | None = None) -> tuple[int, str, str, Any]:
    payload: dict[str, Any] = {"sale_id": sale_id or f"sale-{seq}", "total_fen": total_fen, "coins": coins,
                               "coin_fen": coin_fen, "at": at.isoformat(), "member_id": member_id,
                               "schedule_version": version, "base_fen": total_fen + coin_fen,
                               "coin_capture_key": capture_key,
                               "lines": [{"line_no": 1, "name": "套餐", "quantity": 1, "unit_price_fen": total_fen + coin_fen,
                                          "amount_fen": total_fen + coin_fen}]}
    if amounts is not None:
        payload["amounts"] = {"coin_reimbursement_fen": amounts.coin_reimbursement_fen,
                              "turnover_commission_fen": amounts.turnover_commission_fen,
                              "alliance_share_fen": amounts.alliance_share_fen,
                              "home_merchant_id": amounts.home_merchant_id}
    return (seq, uuid.uuid4().hex, "sale.completed", {k: v for k, v in payload.items() if v is not None})


def refund_op(seq: int, sale_id: str, total_fen: int, at: datetime, *, coin_fen: int = 0,
              amounts: commission.SaleAmounts | None = None, kind: str = "sale.refunded") -> tuple[int, str, str, Any]:
    payload: dict[str, Any] = {"refund_id": f"refund-{seq}", "sale_id": sale_id, "reason": "test",
                               "total_fen": total_fen, "coin_fen_returned": coin_fen,
                               "coins_returned": coin_fen // 10, "at": at.isoformat()}
    if amounts is not None:
        payload["amounts"] = {"coin_reimbursement_fen": amounts.coin_reimbursement_fen,
                              "turnover_commission_fen": amounts.turnover_commission_fen,
                              "alliance_share_fen": amounts.alliance_share_fen,
                              "home_merchant_id": amounts.home_merchant_id}
    return (seq, uuid.uuid4().hex, kind, payload)


def kind_fen(answer: dict[str, Any], kind: str) -> int:
    return int(answer["totals"][kind]["fen"])


def signed_sum(answer: dict[str, Any]) -> int:
    return sum(st.signed(line["kind"], line["fen"]) for line in answer["lines"])
