"""Deals, groups, the draw, settlement and the ledger through the services, on real SQLite."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from desktop.core.draw import verify_proof
from desktop.core.errors import InvalidTransition, PermissionDenied, ValidationError
from desktop.core.groups import GroupState
from desktop.core.ledger import Accounts, Ledger, Unit, balances, trial_balance
from desktop.core.staff import Permission
from desktop.services.deal_ledger import all_transfers
from desktop.services.join_requests import record_join_request
from desktop.store.deal_models import Deal, Draw, Group, GroupEntry, JoinRequest, Voucher
from desktop.store.models import AuditRecord, LedgerTransfer, OutboxOp
from tests.support.deal_flow import EXAMPLE_D, PHONES, cashier, full_group, launched_deal, manager


def _counts(services) -> dict[str, int]:
    with services.db.read() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) for m in
                (Deal, Group, GroupEntry, Draw, Voucher, LedgerTransfer, OutboxOp, AuditRecord)}


def _ops(services, kind: str, **match: str) -> list[dict]:
    """Outbox payloads of one kind (the demo store has its own deal: match picks ours)."""
    with services.db.read() as s:
        rows = s.scalars(select(OutboxOp.payload).where(OutboxOp.kind == kind).order_by(OutboxOp.seq))
        payloads = [json.loads(p) for p in rows]
    return [p for p in payloads if all(p.get(k) == v for k, v in match.items())]


def _ledger(services, group_id: str) -> Ledger:
    """The group's fen transfers and its coin grants, replayed through the core rules."""
    with services.db.read() as s:
        ledger = Ledger()
        mine = [t for t in all_transfers(s) if t.ref == group_id or t.ref.startswith(group_id + ":")]
        for t in sorted(mine, key=lambda t: t.pending_id is not None):
            ledger.apply(t)
        return ledger


def test_launch_freezes_a_bilingual_disclosure_and_publishes_it(demo_services) -> None:
    deal_id = launched_deal(demo_services)
    info = demo_services.deals.get(deal_id)
    assert info.launched and "奖品：牛排套餐" in info.disclosure_zh
    assert "Prize: 牛排套餐 Steak set" in info.disclosure_en
    [op] = _ops(demo_services, "deal.launched", deal_id=deal_id)
    assert op["deal_id"] == deal_id and op["terms"]["group_price_fen"] == 9800
    assert op["disclosure"]["en"] == info.disclosure_en


def test_a_prize_above_50000_cny_is_refused_at_launch_and_nothing_changes(demo_services) -> None:
    boss = manager(demo_services)
    rich = replace(EXAMPLE_D, market_value_fen=5_000_001, group_price_fen=6_000_000)
    deal_id = demo_services.deals.save_draft(boss, rich, "021-1", "counter")
    before = _counts(demo_services)
    with pytest.raises(ValidationError, match="may not exceed"):
        demo_services.deals.launch(boss, deal_id)
    assert _counts(demo_services) == before
    assert demo_services.deals.get(deal_id).state == "draft"


@pytest.mark.parametrize(("change", "message"), [
    ({"winners": 5}, "fewer winners"),
    ({"group_price_fen": -100}, "cannot be negative"),
    ({"group_size": 1}, "at least 2 people"),
    ({"product_name": "  "}, "needs a name"),
])
def test_impossible_numbers_are_refused_and_nothing_is_written(demo_services, change, message) -> None:
    before = _counts(demo_services)
    with pytest.raises(ValidationError, match=message):
        demo_services.deals.save_draft(manager(demo_services), replace(EXAMPLE_D, **change), "c", "p")
    assert _counts(demo_services) == before


def test_amendments_only_in_the_customers_favour(demo_services) -> None:
    deal_id = launched_deal(demo_services)
    boss = manager(demo_services)
    with pytest.raises(ValidationError, match="customer's favour"):
        demo_services.deals.amend(boss, deal_id, replace(EXAMPLE_D, consolation_cash_fen=100))
    assert _ops(demo_services, "deal.amended") == []
    info = demo_services.deals.amend(boss, deal_id, replace(EXAMPLE_D, consolation_cash_fen=800))
    assert info.version == 2 and "8.00" in info.disclosure_en
    [op] = _ops(demo_services, "deal.amended")
    assert op["terms"]["consolation_cash_fen"] == 800


def test_a_cashier_cannot_launch_a_deal_or_cancel_a_group(demo_services) -> None:
    deal_id = demo_services.deals.save_draft(manager(demo_services), EXAMPLE_D, "c", "p")
    with pytest.raises(PermissionDenied):
        demo_services.deals.launch(cashier(demo_services), deal_id)
    demo_services.deals.launch(manager(demo_services), deal_id)
    group_id = demo_services.groups.open_group(cashier(demo_services), deal_id, PHONES[0])
    with pytest.raises(PermissionDenied):
        demo_services.groups.cancel(cashier(demo_services), group_id)
    approved = replace(cashier(demo_services), approved_by="李经理",
                       approver_role=manager(demo_services).role, approved_permission=Permission.CANCEL_GROUP)
    assert demo_services.groups.cancel(approved, group_id, "customer left") == 9800
    assert demo_services.group_views.view(group_id).state is GroupState.CANCELLED
    assert _ledger(demo_services, group_id).open_pending() == []


def test_open_enrol_fill_draw_settle(demo_services) -> None:
    deal_id = launched_deal(demo_services)
    group_id = full_group(demo_services, deal_id)
    view = demo_services.group_views.view(group_id)
    assert view.state is GroupState.FULL and view.entries[0].is_leader
    [opened] = _ops(demo_services, "group.opened", group_id=group_id)
    assert opened["commitment"] == view.commitment and view.seed_hex is None
    with pytest.raises(InvalidTransition, match="nobody can join"):
        demo_services.groups.enrol(cashier(demo_services), group_id, PHONES[5])

    outcome = demo_services.draws.draw_and_settle(cashier(demo_services), group_id)
    assert verify_proof(outcome.proof_json).ok
    assert len(outcome.vouchers) == 1 and outcome.vouchers[0].entry_id == outcome.winners[0]
    view = demo_services.group_views.view(group_id)
    assert view.state is GroupState.SETTLED and view.seed_hex and view.winners == outcome.winners
    with pytest.raises(InvalidTransition):
        demo_services.draws.draw_and_settle(cashier(demo_services), group_id)

    ledger = _ledger(demo_services, group_id)
    assert ledger.open_pending() == []
    assert trial_balance(ledger.transfers.values()) == 0
    fen = balances(ledger.transfers.values())
    assert fen[Accounts.DEAL_REVENUE].posted == 9800
    assert fen[Accounts.CONSOLATION].posted == -4 * 500
    winner = view.entry(outcome.winners[0]).customer
    losers = [e.customer for e in view.entries if e.customer != winner]
    assert all(fen[Accounts.customer(c)].posted == 500 for c in losers)
    coins = balances(ledger.transfers.values(), Unit.COIN)
    assert coins[Accounts.COINS_TO_GRANT].posted == 40
    [settled] = _ops(demo_services, "group.settled")
    assert settled["cash_fen"] == 2000
    assert sorted(g.get("member_id") or g["phone"] for g in settled["coin_grants"]) == sorted(losers)
    loser_entries = [e.id for e in view.entries if e.customer != winner]
    assert [g["entry_id"] for g in settled["coin_grants"]] == loser_entries  # each names its entry
    [drawn] = _ops(demo_services, "group.drawn")
    assert verify_proof(drawn["proof"]).ok


def test_a_group_past_its_deadline_expires_and_releases_every_deposit(demo_services, clock) -> None:
    deal_id = launched_deal(demo_services)
    group_id = demo_services.groups.open_group(cashier(demo_services), deal_id, PHONES[0])
    demo_services.groups.enrol(cashier(demo_services), group_id, "U0123456789abcde", "card")
    clock.advance(hours=1, minutes=59)
    assert demo_services.groups.expire_due() == []
    clock.advance(minutes=1)
    with pytest.raises(InvalidTransition, match="deadline has passed"):
        demo_services.groups.enrol(cashier(demo_services), group_id, PHONES[2])
    assert group_id in demo_services.groups.expire_due()
    assert demo_services.group_views.view(group_id).state is GroupState.REFUNDED
    ledger = _ledger(demo_services, group_id)
    assert ledger.open_pending() == []
    assert all(b.posted == 0 and b.pending == 0 for b in balances(ledger.transfers.values()).values())
    assert _ops(demo_services, "group.expired", group_id=group_id)[0]["refunded_fen"] == 2 * 9800


def test_member_limit_and_open_group_limit(demo_services) -> None:
    deal_id = launched_deal(demo_services, replace(EXAMPLE_D, max_open_groups=1))
    group_id = demo_services.groups.open_group(cashier(demo_services), deal_id, PHONES[0])
    with pytest.raises(ValidationError, match="already holds 1 of 1"):
        demo_services.groups.enrol(cashier(demo_services), group_id, "+86 138 0000 0001")
    with pytest.raises(InvalidTransition, match="maximum"):
        demo_services.groups.open_group(cashier(demo_services), deal_id, PHONES[1])
    with pytest.raises(ValidationError, match="neither a member code nor"):
        demo_services.groups.enrol(cashier(demo_services), group_id, "'; DROP TABLE deals;--")


def test_online_join_requests_are_accepted_in_arrival_order(demo_services) -> None:
    deal_id = launched_deal(demo_services, replace(EXAMPLE_D, group_size=3, winners=1))
    group_id = demo_services.groups.open_group(cashier(demo_services), deal_id, PHONES[0])
    with demo_services.db.write() as s:
        for n, (arrived, member) in enumerate([("2026-11-25T12:03:00+00:00", "U000000000000003"),
                                              ("2026-11-25T12:01:00+00:00", "U000000000000001"),
                                              ("2026-11-25T12:02:00+00:00", "U000000000000002")]):
            record_join_request(s, f"R{n}", group_id, member, "ab" * 16, arrived)
        assert not record_join_request(s, "R0", group_id, "U000000000000003", "ab" * 16, "x")
    outcome = demo_services.join_requests.accept_join_requests(cashier(demo_services), group_id)
    assert outcome.accepted == ["R1", "R2"] and outcome.refused == [("R0", "group full")]
    view = demo_services.group_views.view(group_id)
    assert view.state is GroupState.FULL and [e.tender for e in view.entries] == ["cash", "platform", "platform"]
    with demo_services.db.read() as s:
        assert s.get(JoinRequest, "R0").status == "refused"
    assert [op["request_id"] for op in _ops(demo_services, "join_request.accepted")] == ["R1", "R2"]


def test_join_requests_after_the_deadline_are_refused(demo_services, clock) -> None:
    deal_id = launched_deal(demo_services, replace(EXAMPLE_D, group_size=3, winners=1))
    group_id = demo_services.groups.open_group(cashier(demo_services), deal_id, PHONES[0])
    with demo_services.db.write() as s:
        record_join_request(s, "R-late", group_id, "U000000000000009", "ab" * 16, "2026-11-25T12:01:00+00:00")
    clock.advance(hours=3)  # the fill window (2 h) has passed
    outcome = demo_services.join_requests.accept_join_requests(cashier(demo_services), group_id)
    assert outcome.accepted == [] and outcome.refused == [("R-late", "group not open")]
    assert len(demo_services.group_views.view(group_id).entries) == 1


def test_no_code_path_deletes_deal_records() -> None:
    """Records are kept at least RETENTION_DAYS (two years): nothing in the services or the
    store ever deletes deals, groups, entries, draws, vouchers or redemptions."""
    import re
    from pathlib import Path

    tables = ("deals", "deal_groups", "group_entries", "draws", "vouchers", "redemptions",
              "signing_keys", "join_requests")
    models = ("Deal", "Group", "GroupEntry", "Draw", "Voucher", "Redemption", "SigningKey")
    root = Path(__file__).resolve().parents[2] / "desktop"
    for source in [*root.glob("services/*.py"), *root.glob("store/*.py"), *root.glob("sync/*.py")]:
        text = source.read_text(encoding="utf-8")
        for table in tables:
            assert not re.search(rf"DELETE\s+FROM\s+{table}\b", text, re.I), (source, table)
        for model in models:
            assert not re.search(rf"delete\(\s*{model}\b", text), (source, model)


def test_a_deal_whose_consolation_coins_are_worth_more_than_its_price_is_not_launched(demo_services) -> None:
    """The platform caps a loser's consolation coins at the group price (the merchant pays for
    them): the counter says so before launch instead of sending a deal the platform refuses."""
    services = demo_services
    boss = manager(services)
    greedy = replace(EXAMPLE_D, consolation_coins=EXAMPLE_D.group_price_fen + 1)
    deal_id = services.deals.save_draft(boss, greedy, "021-12345678", "品尚小馆 counter")
    with services.db.read() as s:
        before = s.query(OutboxOp).count()
    with pytest.raises(ValidationError, match="more than the group price"):
        services.deals.launch(boss, deal_id)
    with services.db.read() as s:
        assert s.query(OutboxOp).count() == before
    assert not services.deals.get(deal_id).launched
    fair = replace(EXAMPLE_D, consolation_coins=EXAMPLE_D.group_price_fen)
    assert services.deals.launch(boss, services.deals.save_draft(boss, fair, "021-1", "counter")).launched
