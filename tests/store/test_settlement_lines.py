"""The counter's settlement lines: made by the outbox trigger with every op that carries amounts
(and for the ops written before the migration), none for coins captured for a sale."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from desktop.core.ops import OpKind
from desktop.services.base import SYSTEM_ACTOR
from desktop.store.db import Database
from desktop.store.migrate import open_store, upgrade
from desktop.store.settlement_models import SettlementLine

SALE = {"sale_id": "s1", "total_fen": 18360, "coin_fen": 2040, "coins": 204, "schedule_version": 2,
        "at": "2030-03-01T12:00:00+00:00",
        "amounts": {"coin_reimbursement_fen": 1632, "turnover_commission_fen": 551, "alliance_share_fen": 184,
                    "home_merchant_id": "MA"}}


def _lines(db: Database) -> list[tuple[str, str, str, int, int | None, str]]:
    with db.read() as s:
        return [(line.source, line.ref, line.kind, line.fen, line.schedule_version, line.at)
                for line in s.scalars(select(SettlementLine).order_by(SettlementLine.id))]


def test_ops_written_before_the_migration_get_their_lines(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.db")
    upgrade(db, "0012_sales")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO outbox (op_id, kind, payload, created_at, status) VALUES "
                             "('o1', 'sale.completed', ?, '2030-03-01T12:00:01+00:00', 'applied')",
                             (json.dumps(SALE),))
    db.close()
    db = open_store(tmp_path / "old.db")
    assert _lines(db) == [("sale", "s1", "coin_reimbursement", 1632, 2, SALE["at"]),
                          ("sale", "s1", "turnover_commission", 551, 2, SALE["at"]),
                          ("sale", "s1", "alliance_share_paid", 184, 2, SALE["at"])]
    db.close()


def test_every_op_with_amounts_makes_its_lines_in_its_transaction(services) -> None:
    with services.sync.transaction(SYSTEM_ACTOR) as tx:
        tx.emit(OpKind.SALE_REFUNDED, {"refund_id": "r1", "sale_id": "s1", "reason": "cold", "total_fen": 9180,
                                       "schedule_version": 2, "at": "2030-03-02T10:00:00+00:00",
                                       "amounts": {"coin_reimbursement_fen": -816, "turnover_commission_fen": -275}})
        tx.emit(OpKind.GROUP_SETTLED, {"group_id": "G1", "cash_fen": 0, "kept_fen": 9800,
                                       "deal_commission_fen": 490, "schedule_version": 1})
        tx.emit(OpKind.COINS_CAPTURED, {"at": "2030-03-02T10:00:00+00:00", "token_id": "a" * 32,
                                        "member_id": "U1", "coins": 10, "sale_id": "s9", "token": "x",
                                        "coin_reimbursement_fen": 80})
        tx.emit(OpKind.COINS_CAPTURED, {"at": "2030-03-02T10:00:00+00:00", "token_id": "b" * 32,
                                        "member_id": "U1", "coins": 10, "token": "x", "coin_reimbursement_fen": 80,
                                        "schedule_version": 1})
        tx.emit(OpKind.SALE_COMPLETED, {"sale_id": "s2", "total_fen": 100, "at": "2030-03-02T10:00:00+00:00"})
    lines = [(source, ref, kind, fen, version) for source, ref, kind, fen, version, _ in _lines(services.db)]
    assert lines == [("refund", "r1", "coin_reimbursement", -816, 2), ("refund", "r1", "turnover_commission", -275, 2),
                     ("group", "G1", "deal_commission", 490, 1), ("coins", "b" * 32, "coin_reimbursement", 80, 1)]
