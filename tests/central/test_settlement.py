"""Settlement lines and statements on the platform, over real HTTP (docs/settlement.md)."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from central.cli import main
from central.errors import ApiError
from central.models import Member, MemberContact, SettlementLine, Store
from central.server import RunningServer
from central.services import admin, alliance, statements
from central.services.schedules import Rates, add_schedule, change_schedule
from desktop.core import statement as st
from desktop.core.commission import sale_amounts
from desktop.sync.client import PlatformRejected
from tests.central.group_flow import TERMS, HonestGroup, counter
from tests.central.helpers import MovableClock, seed_platform
from tests.central.settlement_helpers import (
    SEED_RATES,
    core,
    kind_fen,
    refund_op,
    sale_op,
    signed_sum,
    two_merchants,
)


def test_a_member_of_a_spends_at_b_and_both_statements_show_it(server: RunningServer, clock: MovableClock) -> None:
    world = two_merchants(server)
    client, terminal = world.terminal(world.store_b)
    at = clock.now - timedelta(hours=2)
    # 204.00 bill, 204 coins = 20.40 (the cap), the tenders pay 183.60.
    implied = sale_amounts(member_sale_fen=18360, coin_fen=2040, has_member=True, home_merchant_id=world.a,
                           selling_merchant_id=world.b, rates=core(SEED_RATES, 1))
    assert (implied.coin_reimbursement_fen, implied.turnover_commission_fen, implied.alliance_share_fen) == (1632, 551, 184)
    key = world.capture(client, 204, "sale-1")
    results = client.push(terminal, [sale_op(1, 18360, at, member_id=world.member, coin_fen=2040, coins=204,
                                             amounts=implied, capture_key=key)])["results"]
    assert results[0]["status"] == "applied", results
    start, end = st.period_bounds("month", st.local_day(at))
    b = world.statement(world.b, start, end)
    a = world.statement(world.a, start, end)
    assert kind_fen(b, st.COIN_REIMBURSEMENT) == 1632
    assert kind_fen(b, st.TURNOVER_COMMISSION) == 551
    assert kind_fen(b, st.ALLIANCE_SHARE_PAID) == 184
    assert b["net_fen"] == 1632 - 551 and b["differences"] == 0 and b["position"] == "receivable"
    assert kind_fen(a, st.ALLIANCE_SHARE_EARNED) == 184 and a["net_fen"] == 184
    assert signed_sum(b) == b["net_fen"] and b["closing_fen"] == b["opening_fen"] + b["net_fen"]
    # Books: what merchants are owed net, plus what the platform keeps, is the coins' face value.
    platform_revenue = (2040 - 1632) + (551 - 184)
    assert a["net_fen"] + b["net_fen"] + platform_revenue == 2040
    # The terminal reads its store's statement over HTTP; paged.
    page = client.statement(start, end, limit=2)
    assert len(page["lines"]) == 2 and page["more"] is True and page["cursor"]
    assert len(client.statement_all(start, end)["lines"]) == 3


def test_a_difference_keeps_both_values_and_versions(server: RunningServer, clock: MovableClock) -> None:
    world = two_merchants(server)
    client, terminal = world.terminal(world.store_b)
    at = clock.now - timedelta(hours=1)
    wrong = sale_amounts(member_sale_fen=10000, coin_fen=0, has_member=True, home_merchant_id="",
                         selling_merchant_id=world.b, rates=core(Rates(2000, 500, 100, 1000, 10, 500), 9))
    client.push(terminal, [sale_op(1, 10000, at, member_id=world.member, amounts=wrong, version=9)])
    start, end = st.period_bounds("day", st.local_day(at))
    answer = world.statement(world.b, start, end)
    turnover = [line for line in answer["lines"] if line["kind"] == st.TURNOVER_COMMISSION][0]
    assert (turnover["fen"], turnover["schedule_version"], turnover["client_fen"], turnover["client_version"]) == (300, 1, 500, 9)
    assert turnover["differs"] and "does not have" in turnover["note"]
    assert answer["differences"] >= 1


def test_refunds_reverse_what_the_sale_implied_and_closed_periods_never_change(
        server: RunningServer, clock: MovableClock) -> None:
    world = two_merchants(server)
    client, terminal = world.terminal(world.store_b)
    sold_at = clock.now - timedelta(days=40)
    key = world.capture(client, 204, "sale-1")
    client.push(terminal, [sale_op(1, 18360, sold_at, member_id=world.member, coin_fen=2040, coins=204,
                                   capture_key=key)])
    start, end = st.period_bounds("month", st.local_day(sold_at))
    with world.tx() as session:
        statements.close_period(session, world.b, start, end, clock.now)
    closed = world.statement(world.b, start, end)
    # A refund of that sale now, and a late sale dated inside the closed month.
    client.push(terminal, [refund_op(2, "sale-1", 9180, clock.now, coin_fen=1020),
                           refund_op(3, "sale-1", 9180, clock.now, coin_fen=1020),
                           sale_op(4, 5000, sold_at + timedelta(hours=1), member_id=world.member)])
    assert world.statement(world.b, start, end) == closed
    now_start, now_end = end, st.period_bounds("month", st.local_day(clock.now))[1]  # after the closure
    current = world.statement(world.b, now_start, now_end)
    assert kind_fen(current, st.COIN_REIMBURSEMENT) == -1632  # the two halves reverse it exactly
    assert kind_fen(current, st.TURNOVER_COMMISSION) == -551 + 150
    assert all(line["adjusts"] for line in current["lines"])
    late = [line for line in current["lines"] if line["booked_at"] == end.isoformat()]
    assert late and all("late sale" in line["adjusts"] for line in late)
    assert any("closed period" in line["adjusts"] and "sale-1" in line["adjusts"] for line in current["lines"])
    assert current["opening_fen"] == closed["closing_fen"]
    a_now = world.statement(world.a, now_start, now_end)
    assert kind_fen(a_now, st.ALLIANCE_SHARE_EARNED) == -184  # A closed nothing: its late share stays in January


def test_schedules_are_refused_in_closed_periods_backwards_or_with_share_over_commission(
        server: RunningServer, clock: MovableClock) -> None:
    world = two_merchants(server)
    start, end = st.period_bounds("month", st.local_day(clock.now - timedelta(days=40)))
    with world.tx() as session:
        statements.close_period(session, world.b, start, end, clock.now)
    with world.tx() as session, pytest.raises(ApiError, match="closed period"):
        add_schedule(session, world.b, start + timedelta(days=2), SEED_RATES, clock.now)
    with world.tx() as session, pytest.raises(ApiError, match="forward only"):
        change_schedule(session, world.b, clock.now - timedelta(days=1), SEED_RATES, clock.now)
    with world.tx() as session, pytest.raises(ApiError, match="alliance share"):
        change_schedule(session, world.b, clock.now + timedelta(days=1), Rates(2000, 500, 400, 1000, 10, 300), clock.now)
    with world.tx() as session, pytest.raises(ApiError, match="closed already"):
        statements.close_period(session, world.b, start, end, clock.now)
    with world.tx() as session, pytest.raises(ApiError, match="once it is over"):
        statements.close_period(session, world.b, *st.period_bounds("month", st.local_day(clock.now)), clock.now)
    with world.tx() as session:
        assert change_schedule(session, world.b, clock.now + timedelta(days=1), SEED_RATES, clock.now) == 2


def test_a_member_locked_to_a_merchant_that_left_earns_the_platform_the_share(
        server: RunningServer, clock: MovableClock) -> None:
    world = two_merchants(server)
    with world.tx() as session:
        alliance.leave_alliance(session, world.a, "contract ended", clock.now - timedelta(days=1))
    client, terminal = world.terminal(world.store_b)
    client.push(terminal, [sale_op(1, 10000, clock.now, member_id=world.member)])
    start, end = st.period_bounds("day", st.local_day(clock.now))
    b = world.statement(world.b, start, end)
    paid = [line for line in b["lines"] if line["kind"] == st.ALLIANCE_SHARE_PAID][0]
    assert paid["counterparty"] == "platform" and paid["fen"] == 100
    assert world.statement(world.a, start, end)["line_count"] == 0
    with world.tx() as session, pytest.raises(ApiError, match="left the alliance"):
        alliance.move_lock(session, world.member, world.a, "back", clock.now)


def test_another_merchants_statement_is_refused(server: RunningServer, clock: MovableClock) -> None:
    world = two_merchants(server)
    client, _ = world.terminal(world.store_b)
    start, end = st.period_bounds("day", st.local_day(clock.now))
    with pytest.raises(PlatformRejected) as refused:
        client.statement(start, end, merchant_id=world.a)
    assert refused.value.status == 403
    assert client.statement(start, end, merchant_id=world.b)["merchant_id"] == world.b
    stranger = type(client)(server.url, timeout=10)
    with pytest.raises(PlatformRejected) as anonymous:
        stranger.statement(start, end)
    assert anonymous.value.status == 401
    member = client.http.get(server.url + "/v1/statement", params={"period": "day"},
                             headers={"Authorization": f"Member {_member_token(world)}"})
    assert member.status_code == 401  # a member's phone token is no terminal's
    for bad in ({"scope": "everyone"}, {"limit": 0}, {"cursor": "not-a-cursor"},
                {"cursor": "x" * 513}, {"period": None, "from": "2026-01-01T00:00:00+00:00",
                                        "to": "2027-01-03T00:00:00+00:00"}):
        response = client.http.get(server.url + "/v1/statement", params={"period": "day", **bad},
                                   headers={"Authorization": f"Bearer {client.token}"})
        assert response.status_code == 422
    response = client.http.get(server.url + "/v1/statement", params={"period": "year"},
                               headers={"Authorization": f"Bearer {client.token}"})
    assert response.status_code == 422


def test_admin_moves_a_lock_with_a_reason_and_the_terminals_pull_it(server: RunningServer, clock: MovableClock) -> None:
    world = two_merchants(server)
    client, terminal = world.terminal(world.store_b)
    with world.tx() as session:
        with pytest.raises(ApiError, match="reason"):
            alliance.move_lock(session, world.member, world.b, "  ", clock.now)
        alliance.move_lock(session, world.member, world.b, "member asked", clock.now)
    members = {m["member_id"]: m for m in client.pull(None)["members"]}
    assert members[world.member]["home_merchant_id"] == world.b
    assert members[world.member]["locked_at"] == clock.now.isoformat()


def test_admin_cli_statements_fees_locks_and_schedules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"

    def run(*args: str, ok: bool = True) -> str:
        assert main(["central", "admin", "--db", db, *args]) == (0 if ok else 1)
        captured = capsys.readouterr()
        return (captured.out if ok else captured.err).strip()

    merchant = run("add-merchant", "Steak House")
    other = run("add-merchant", "Tea")
    member = run("add-member", "13900000000", "Wang", "--home", merchant)
    assert "version 1" in run("add-schedule", merchant, "--from", "2020-01-01T00:00:00+08:00",
                              "--turnover-commission", "3", "--alliance-share", "1")
    assert "forward only" in run("change-schedule", merchant, "--from", "2020-02-01T00:00:00+08:00", ok=False)
    assert "alliance share" in run("change-schedule", merchant, "--from", "2099-01-01T00:00:00+08:00",
                                   "--turnover-commission", "1", "--alliance-share", "2", ok=False)
    assert "entry fee of 100000 fen" in run("entry-fee", merchant, "100000", "--at", "2020-01-05T10:00:00+08:00",
                                            "--reason", "joining the alliance")
    text = run("statement", merchant, "--period", "month", "--day", "2020-01-05")
    assert "entry_fee" in text and "-100000" in text
    csv_path = tmp_path / "statement.csv"
    assert "wrote 1 lines" in run("statement", merchant, "--period", "month", "--day", "2020-01-05", "--csv", str(csv_path))
    assert "entry_fee" in csv_path.read_text(encoding="utf-8")
    assert "closed 2020-01" in run("close-period", merchant, "--period", "month", "--day", "2020-01-05")
    assert "closed period" in run("entry-fee", merchant, "5", "--at", "2020-01-06T00:00:00+08:00", "--reason", "x", ok=False)
    assert "[closed]" in run("statement", merchant, "--period", "month", "--day", "2020-01-05")
    assert "locked to" in run("move-lock", member, other, "--reason", "moved house")
    assert "reason" in run("move-lock", member, merchant, ok=False)
    assert "left the alliance" in run("leave-alliance", other, "--reason", "closed down")
    assert "not a date" in run("statement", merchant, "--day", "soon", ok=False)


def _member_token(world: object) -> str:
    from central.services.members import issue_token

    with world.tx() as session:  # type: ignore[attr-defined]
        return issue_token(session, world.member)  # type: ignore[attr-defined]


def test_the_alliance_view_is_the_terminals_own_merchants(server: RunningServer, clock: MovableClock) -> None:
    world = two_merchants(server)
    seller, seller_terminal = world.terminal(world.store_b, "B")
    seller.push(seller_terminal, [sale_op(1, 10000, clock.now - timedelta(hours=1), member_id=world.member)])
    home, _ = world.terminal(world.store_a, "A")
    start, end = clock.now - timedelta(days=1), clock.now + timedelta(hours=1)
    mine = home.alliance(start, end)
    assert (mine["locked_members"], mine["spend_elsewhere_fen"], mine["share_fen"]) == (1, 10000, 100)
    assert mine["members"][0]["spend_elsewhere_fen"] == 10000 and "phone" not in mine["members"][0]
    theirs = seller.alliance(start, end)  # B sees its own: no member of A, no share of A
    assert (theirs["locked_members"], theirs["share_fen"], theirs["members"]) == (0, 0, [])
    with pytest.raises(PlatformRejected) as too_long:
        home.alliance(start - timedelta(days=100), end)
    assert too_long.value.status == 422
    with pytest.raises(PlatformRejected) as anonymous:
        type(home)(server.url, timeout=10).alliance(start, end)
    assert anonymous.value.status == 401


def test_a_phone_registered_at_a_counter_locks_the_new_member_there(server: RunningServer) -> None:
    """Counter registration: a cashier seats a customer by a phone the platform does not know;
    the new member is locked to that store's merchant by `counter_registration`. A known member
    seated at another merchant's counter stays locked where they were first counted."""
    seed = seed_platform(server)
    other = counter(seed, "Tea counter", seed.other_store_id)
    group = HonestGroup(other, dict(TERMS))
    assert group.launch()["status"] == "applied" and group.open()["status"] == "applied"
    assert group.join(phone="13900001234")["status"] == "applied"
    assert group.join(member_id=seed.members[0])["status"] == "applied"
    with server.app.state.platform.tx() as session:
        new = session.scalar(select(Member).where(Member.phone == "13900001234"))
        tea = session.get(Store, seed.other_store_id)
        known = session.get(Member, seed.members[0])
        assert new is not None and tea is not None and known is not None
        assert (new.home_merchant_id, new.lock_reason) == (tea.merchant_id, "counter_registration")
        assert known.home_merchant_id == seed.merchant_id
        contact = session.get(MemberContact, (new.id, seed.other_store_id))
        assert contact is not None and contact.kind == "counter_registration"


def test_statement_pages_follow_a_stable_key_and_a_line_booked_mid_fetch_shifts_nothing(
        server: RunningServer, clock: MovableClock) -> None:
    """Pages resume after the last line sent (booked_at, line id), up to the lines the first
    page saw: a line booked between two pages, even one dated before the page boundary,
    neither repeats nor hides a line, and the pages add up to the first page's totals."""
    world = two_merchants(server)
    client, terminal = world.terminal(world.store_b)
    base = clock.now - timedelta(hours=10)
    ops = [sale_op(n + 1, 1000 + n, base + timedelta(minutes=10 * n), member_id=world.member) for n in range(6)]
    assert {r["status"] for r in client.push(terminal, ops)["results"]} == {"applied"}
    start, end = base - timedelta(hours=1), clock.now + timedelta(hours=1)
    first = client.statement(start, end, limit=4)
    assert first["more"] and first["line_count"] == len(ops) * 2  # commission and share paid each
    # booked mid-fetch, dated before every line of the first page
    late = sale_op(7, 5000, base - timedelta(minutes=5), member_id=world.member)
    assert client.push(terminal, [late])["results"][0]["status"] == "applied"
    lines, cursor = list(first["lines"]), first["cursor"]
    while cursor:
        page = client.statement(start, end, limit=4, cursor=cursor)
        assert "totals" not in page
        lines += page["lines"]
        cursor = page["cursor"]
    ids = [line["line_id"] for line in lines]
    assert len(ids) == len(set(ids)) == first["line_count"]
    assert sum(line["fen"] for line in lines) == sum(t["fen"] for t in first["totals"].values())
    keys = [(line["booked_at"], line["line_id"]) for line in lines]
    assert keys == sorted(keys)
    # the next fetch has the late line, first in key order
    again = client.statement_all(start, end)
    assert again["line_count"] == first["line_count"] + 2 and again["lines"][0]["ref"] == "sale-7"
    # a cursor belongs to its statement: another period's, or another scope's, is refused
    other_day = (start - timedelta(days=1), end - timedelta(days=1))
    with pytest.raises(PlatformRejected) as refused:
        client.statement(*other_day, cursor=first["cursor"])
    assert refused.value.status == 422
    with pytest.raises(PlatformRejected) as refused:
        client.statement(start, end, scope="merchant", cursor=first["cursor"])
    assert refused.value.status == 422


def test_the_compact_gzipped_pages_are_the_whole_lines(server: RunningServer, clock: MovableClock) -> None:
    """`rows=true` leaves the derivable fields out and a big page comes gzipped; the client's
    whole lines are the platform's, field for field, open or closed."""
    world = two_merchants(server)
    client, terminal = world.terminal(world.store_b)
    base = clock.now - timedelta(hours=3)
    ops = [sale_op(n + 1, 1000 + n, base + timedelta(seconds=20 * n), member_id=world.member) for n in range(400)]
    assert {r["status"] for r in client.push(terminal, ops)["results"]} == {"applied"}
    start, end = base - timedelta(hours=1), clock.now + timedelta(hours=1)
    whole = client.statement(start, end, limit=statements.MAX_PAGE)
    assert not whole["more"] and len(whole["lines"]) == 800
    raw = client.http.get(server.url + "/v1/statement", headers={"Authorization": f"Bearer {client.token}",
                                                                  "Accept-Encoding": "gzip"},
                          params={"from": start.isoformat(), "to": end.isoformat(), "rows": "true", "limit": 20000})
    assert raw.headers["Content-Encoding"] == "gzip" and int(raw.headers["Content-Length"]) < len(raw.content) / 3
    assert "signed_fen" not in raw.json()["line_fields"]
    assert client.statement_all(start, end)["lines"] == whole["lines"]
    plain = client.http.get(server.url + "/v1/statement", headers={"Authorization": f"Bearer {client.token}",
                                                                    "Accept-Encoding": "identity"},
                            params={"from": start.isoformat(), "to": end.isoformat(), "limit": 10})
    assert "Content-Encoding" not in plain.headers and len(plain.json()["lines"]) == 10
    clock.advance(hours=2)
    with world.tx() as session:  # closed: answered from the stored copy, in the same two forms
        statements.close_period(session, world.b, start, end, clock.now)
    closed = client.statement(start, end, scope="merchant", limit=statements.MAX_PAGE)
    assert closed["closed"] and len(closed["lines"]) == 800
    assert client.statement_all(start, end, scope="merchant")["lines"] == closed["lines"]
    assert [line["line_id"] for line in client.statement(start, end, scope="merchant", limit=300,
                                                         cursor=client.statement(start, end, scope="merchant",
                                                                                 limit=500)["cursor"])["lines"]] \
        == [line["line_id"] for line in closed["lines"][500:800]]


def test_a_terminal_cannot_date_its_commission_away_or_name_the_share_s_earner(
        server: RunningServer, clock: MovableClock) -> None:
    """Attacks of a paired terminal on its statement: a sale dated 40 days ahead (to put its
    commission into a later period, under a later schedule) is refused as in the platform's
    future; amounts naming another home merchant (a sister merchant, to give it the share) are
    kept only as what the terminal said: the member's real home earns it."""
    world = two_merchants(server)
    with world.tx() as session:
        sister = admin.create_merchant(session, "B 的姐妹店")
        add_schedule(session, world.b, clock.now + timedelta(days=30), Rates(2000, 500, 0, 1000, 10, 0), clock.now)
    client, terminal = world.terminal(world.store_b)
    ahead = clock.now + timedelta(days=40)
    claimed = sale_amounts(member_sale_fen=10000, coin_fen=0, has_member=True, home_merchant_id=sister,
                           selling_merchant_id=world.b, rates=core(SEED_RATES, 1))
    result = client.push(terminal, [sale_op(1, 10000, ahead, member_id=world.member, amounts=claimed)])["results"][0]
    assert result["status"] == "rejected" and "in the platform's future" in result["reason"]
    later = st.period_bounds("day", st.local_day(ahead))
    assert world.statement(world.b, *later)["line_count"] == 0
    result = client.push(terminal, [sale_op(2, 10000, clock.now, member_id=world.member, amounts=claimed)])["results"][0]
    assert result["status"] == "applied"
    start, end = st.period_bounds("day", st.local_day(clock.now))
    b = world.statement(world.b, start, end)
    lines = {line["kind"]: line for line in b["lines"]}
    assert lines[st.TURNOVER_COMMISSION]["fen"] == 300 and lines[st.TURNOVER_COMMISSION]["schedule_version"] == 1
    assert lines[st.ALLIANCE_SHARE_PAID]["counterparty"] == world.a
    assert kind_fen(world.statement(world.a, start, end), st.ALLIANCE_SHARE_EARNED) == 100
    assert world.statement(sister, start, end)["line_count"] == 0


def test_the_compact_rows_write_each_time_as_isoformat_does(server: RunningServer, clock: MovableClock) -> None:
    """The rows' times are made by the database on SQLite (central/services/statements.py): the
    same text as the stored time's isoformat(), with and without microseconds, on either engine;
    `occurred_at` is null when it is `booked_at`, and written when a late sale of a closed month
    was booked in this one."""
    world = two_merchants(server)
    client, terminal = world.terminal(world.store_b)
    last_month = clock.now - timedelta(days=40)
    closed_start, closed_end = st.period_bounds("month", st.local_day(last_month))
    with world.tx() as session:
        statements.close_period(session, world.b, closed_start, closed_end, clock.now)
    whole_second = (clock.now - timedelta(hours=3)).replace(microsecond=0)
    fraction = (clock.now - timedelta(hours=2)).replace(microsecond=123400)
    late = (last_month + timedelta(hours=1)).replace(microsecond=654321)  # inside the closed month
    ops = [sale_op(n, 5000, at, member_id=world.member, amounts=_member_sale(world))
           for n, at in ((1, whole_second), (2, fraction), (3, late))]
    assert [r["status"] for r in client.push(terminal, ops)["results"]] == ["applied"] * 3
    start, end = st.period_bounds("month", st.local_day(clock.now))
    whole = client.statement_rows(closed_end, end)
    booked, occurred = whole.position("booked_at"), whole.position("occurred_at")
    line_id = whole.position("line_id")
    with world.tx() as session:
        stored = {line.id: (line.booked_at, line.occurred_at) for line in session.scalars(select(SettlementLine))}
    assert len(whole.rows) == 6  # each sale's turnover commission and the share passed on
    for row in whole.rows:
        booked_at, occurred_at = stored[row[line_id]]
        assert row[booked] == booked_at.isoformat()
        assert row[occurred] == (None if occurred_at == booked_at else occurred_at.isoformat())
    assert {row[booked] for row in whole.rows} == {whole_second.isoformat(), fraction.isoformat(),
                                                    closed_end.astimezone(UTC).isoformat()}
    assert sorted({row[occurred] for row in whole.rows}, key=str) == [late.isoformat(), None]
    assert whole.lines() == client.statement_all(closed_end, end)["lines"]


def _member_sale(world: Any) -> Any:
    """A sale of 50.00 at B to A's member, without coins."""
    return sale_amounts(member_sale_fen=5000, coin_fen=0, has_member=True, home_merchant_id=world.a,
                        selling_merchant_id=world.b, rates=core(SEED_RATES, 1))
