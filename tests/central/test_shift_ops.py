"""shift.closed and redemption.reversed over real HTTP against the real platform: the honest
path beside the attacks (a reused Z number, a gap, a reversal of another terminal's
redemption, of a redemption reversed already, of another store's voucher, a forged payload)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from central.models import VoucherRedemption, ZReportReceived
from central.services.shifts import Z_GAP, Z_SALES_DIFFER
from tests.central.helpers import MovableClock, Seed
from tests.central.voucher_helpers import KeyedTerminal, issued, keyed_terminal, redeemed


def push(term: KeyedTerminal, *ops: tuple[str, str, dict[str, Any]]) -> list[dict[str, Any]]:
    batch = []
    for op_id, kind, payload in ops:
        term.seq += 1
        batch.append((term.seq, op_id, kind, payload))
    return list(term.client.push(term.terminal_id, batch)["results"])


def z(number: int, clock: MovableClock, **change: Any) -> tuple[str, dict[str, Any]]:
    payload = {"shift_id": number, "z_number": number, "terminal": "Counter 1",
               "opened_at": (clock.now - timedelta(hours=8)).isoformat(), "closed_at": clock.now.isoformat(),
               "float_fen": 50000, "expected_fen": 125300, "counted_fen": 124950, "over_short_fen": -350,
               "reason": "gave too much change", "approver": "李经理", "sales_count": 0, "sales_fen": 0,
               "tenders": [{"kind": "cash", "amount_fen": 75300}], "digest": "ab" * 32,
               "at": clock.now.isoformat(), **change}
    return "shift.closed", payload


def reversal(voucher_id: str, redemption_op: str, clock: MovableClock, **change: Any) -> tuple[str, dict[str, Any]]:
    return "redemption.reversed", {
        "voucher_id": voucher_id, "redemption_op_id": redemption_op,
        "redeemed_at": (clock.now - timedelta(minutes=5)).isoformat(), "reversed_at": clock.now.isoformat(),
        "staff": "小张", "approver": "李经理", "reason": "scanned the wrong voucher", "at": clock.now.isoformat(),
        **change}


def _zs(seed: Seed, terminal_id: str) -> list[int]:
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        rows = session.query(ZReportReceived).filter_by(terminal_id=terminal_id).all()
        return sorted(r.number for r in rows)


def test_z_reports_are_numbered_once_per_terminal_and_a_gap_is_flagged(seed: Seed, clock: MovableClock) -> None:
    a, b = keyed_terminal(seed, "Counter 1"), keyed_terminal(seed, "Counter 2")
    first = a.push(z(1, clock))[0]
    assert (first["status"], first["conflict"]) == ("applied", False)
    again = a.push(z(1, clock, counted_fen=125300, over_short_fen=0))[0]  # rewrite history
    assert again["status"] == "rejected" and "never reused" in again["reason"]
    assert b.push(z(1, clock))[0]["status"] == "applied"  # numbers are per terminal
    jumped = a.push(z(4, clock))[0]
    assert jumped["status"] == "applied" and jumped["conflict"] and "missing" in jumped["reason"]
    assert [c["kind"] for c in a.client.pull()["conflicts"]] == [Z_GAP]
    bad = a.push(z(5, clock, z_number=0), z(5, clock, over_short_fen="-350"), z(5, clock, extra=1))
    assert [r["status"] for r in bad] == ["rejected"] * 3
    assert _zs(seed, a.terminal_id) == [1, 4] and _zs(seed, b.terminal_id) == [1]


def test_a_reversal_frees_the_voucher_once_and_only_for_its_own_redemption(seed: Seed, clock: MovableClock) -> None:
    a, a2 = keyed_terminal(seed, "Counter 1"), keyed_terminal(seed, "Counter 2")
    other_store = keyed_terminal(seed, "Tea", store_id=seed.other_store_id)
    voucher_id, text = a.voucher(clock.now)
    a.push(issued(voucher_id, clock.now))
    redemption_op = uuid.uuid4().hex
    assert push(a, (redemption_op, *redeemed(voucher_id, text, clock.now)))[0]["status"] == "applied"
    clock.advance(minutes=5)

    stranger = push(a2, (uuid.uuid4().hex, *reversal(voucher_id, redemption_op, clock)))[0]
    assert stranger["status"] == "rejected" and "another terminal" in stranger["reason"]
    foreign = push(other_store, (uuid.uuid4().hex, *reversal(voucher_id, redemption_op, clock)))[0]
    assert foreign["status"] == "rejected" and seed.store_id not in str(foreign)
    wrong_op = push(a, (uuid.uuid4().hex, *reversal(voucher_id, uuid.uuid4().hex, clock)))[0]
    assert wrong_op["status"] == "rejected" and "not the one" in wrong_op["reason"]
    no_reason = push(a, (uuid.uuid4().hex, *reversal(voucher_id, redemption_op, clock, reason="")))[0]
    assert no_reason["status"] == "rejected" and "reason" in no_reason["reason"]

    honest = push(a, (uuid.uuid4().hex, *reversal(voucher_id, redemption_op, clock)))[0]
    assert (honest["status"], honest["conflict"]) == ("applied", False)
    twice = push(a, (uuid.uuid4().hex, *reversal(voucher_id, redemption_op, clock)))[0]
    assert twice["status"] == "rejected" and "already" in twice["reason"]

    # The voucher is redeemable again: another terminal redeems it without a conflict ...
    again = push(a2, (uuid.uuid4().hex, *redeemed(voucher_id, text, clock.now)))[0]
    assert (again["status"], again["conflict"]) == ("applied", False)
    # ... and then the first terminal cannot take that redemption back.
    late = push(a, (uuid.uuid4().hex, *reversal(voucher_id, redemption_op, clock)))[0]
    assert late["status"] == "rejected"
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        row = session.get(VoucherRedemption, (seed.store_id, voucher_id))
        assert row is not None and row.terminal_id == a2.terminal_id


def test_a_reversal_of_a_voucher_another_terminal_redeemed_first_is_refused(seed: Seed, clock: MovableClock) -> None:
    a, a2 = keyed_terminal(seed, "Counter 1"), keyed_terminal(seed, "Counter 2")
    voucher_id, text = a.voucher(clock.now)
    a.push(issued(voucher_id, clock.now))
    assert a2.push(redeemed(voucher_id, text, clock.now))[0]["status"] == "applied"  # a2 first
    late_op = uuid.uuid4().hex  # a redeemed offline; its op arrives second: a conflict
    assert push(a, (late_op, *redeemed(voucher_id, text, clock.now)))[0]["conflict"]
    refused = push(a, (uuid.uuid4().hex, *reversal(voucher_id, late_op, clock)))[0]
    assert refused["status"] == "rejected" and "another terminal" in refused["reason"]


def test_a_z_report_whose_arithmetic_fails_is_refused_and_one_whose_sales_differ_is_flagged(
        seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Counter 1")
    clock.advance(hours=3)  # sales after the pairing
    wrong = a.push(z(1, clock, over_short_fen=0))[0]  # counted 1,249.50 of 1,253.00 expected is short
    assert wrong["status"] == "rejected" and "is not counted" in wrong["reason"]
    backwards = a.push(z(1, clock, opened_at=(clock.now + timedelta(hours=1)).isoformat()))[0]
    assert backwards["status"] == "rejected" and "before it opened" in backwards["reason"]
    for n, fen in enumerate((4200, 3000), start=1):
        sale = {"sale_id": uuid.uuid4().hex, "total_fen": fen, "at": (clock.now - timedelta(hours=n)).isoformat()}
        assert push(a, (uuid.uuid4().hex, "sale.completed", sale))[0]["status"] == "applied"
    honest = a.push(z(1, clock, sales_count=2, sales_fen=7200))[0]
    assert (honest["status"], honest["conflict"]) == ("applied", False)
    clock.advance(hours=9)
    inflated = a.push(z(2, clock, sales_count=5, sales_fen=99900))[0]  # no sales pushed in this shift
    assert inflated["status"] == "applied" and inflated["conflict"]
    assert "the platform holds 0 sales of 0 fen" in inflated["reason"]
    assert [c["kind"] for c in a.client.pull()["conflicts"]] == [Z_SALES_DIFFER]


def test_a_redemption_is_reversed_only_within_the_platforms_window(seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Counter 1")
    voucher_id, text = a.voucher(clock.now)
    a.push(issued(voucher_id, clock.now))
    redemption_op = uuid.uuid4().hex
    assert push(a, (redemption_op, *redeemed(voucher_id, text, clock.now)))[0]["status"] == "applied"
    redeemed_at = clock.now.isoformat()
    clock.advance(days=7)
    # a week later, dated back to five minutes after the redemption: the platform got it a week ago
    backdated = reversal(voucher_id, redemption_op, clock, redeemed_at=redeemed_at,
                         reversed_at=(clock.now - timedelta(days=7) + timedelta(minutes=5)).isoformat())
    refused = push(a, (uuid.uuid4().hex, *backdated))[0]
    assert refused["status"] == "rejected" and "can no longer be reversed" in refused["reason"]
    late = push(a, (uuid.uuid4().hex, *reversal(voucher_id, redemption_op, clock, redeemed_at=redeemed_at)))[0]
    assert late["status"] == "rejected" and "more than 60 minutes" in late["reason"]

    fresh_id, fresh_text = a.voucher(clock.now)
    a.push(issued(fresh_id, clock.now))
    fresh_op = uuid.uuid4().hex
    assert push(a, (fresh_op, *redeemed(fresh_id, fresh_text, clock.now)))[0]["status"] == "applied"
    clock.advance(minutes=20)
    honest = push(a, (uuid.uuid4().hex, *reversal(fresh_id, fresh_op, clock)))[0]
    assert honest["status"] == "applied"
