"""Voucher redemptions are scoped to the issuing store (over HTTP, SQLite and PostgreSQL): another
store's voucher is refused with a reason that reveals nothing of that store, cannot take the
voucher id first, and nothing of the other store's redemptions reaches it in pull."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from central.services.vouchers import NO_TEXT, NOT_OURS
from tests.central.helpers import MovableClock, Seed
from tests.central.voucher_helpers import KeyedTerminal, issued, keyed_terminal, redeemed


def _everything_said(result: dict) -> str:
    return json.dumps(result)


def test_store_b_cannot_redeem_store_a_voucher_and_a_redeems_it_later_without_conflict(
        seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Steak counter")
    a2 = keyed_terminal(seed, "Steak counter 2")
    b = keyed_terminal(seed, "Tea counter", store_id=seed.other_store_id)
    voucher_id, text = a.voucher(clock.now)
    a.push(issued(voucher_id, clock.now))
    clock.advance(minutes=1)
    # B scanned A's customer's QR (or copied it) and pushes its redemption first.
    stolen = b.push(redeemed(voucher_id, text, clock.now))[0]
    forged_id, forged = b.voucher(clock.now, key=Ed25519PrivateKey.generate())  # a plain forgery
    nonsense = b.push(redeemed(forged_id, forged, clock.now), redeemed(voucher_id, None, clock.now))
    assert stolen["status"] == "rejected" and stolen["reason"] == NOT_OURS
    assert nonsense[0]["reason"] == NOT_OURS  # the same sentence: nothing tells A's voucher apart
    assert nonsense[1]["status"] == "rejected" and nonsense[1]["reason"] == NO_TEXT
    for result in (stolen, *nonsense):
        said = _everything_said(result)
        assert seed.store_id not in said and a.terminal_id not in said and "redeemed at" not in said
    clock.advance(minutes=1)
    honest = a2.push(redeemed(voucher_id, text, clock.now))[0]
    assert (honest["status"], honest["conflict"], honest["reason"]) == ("applied", False, "")
    assert a.client.pull()["conflicts"] == [] and a2.client.pull()["conflicts"] == []
    b_pull = b.client.pull()
    assert b_pull["conflicts"] == []
    assert all(k["terminal_id"] not in (a.terminal_id, a2.terminal_id) for k in b_pull["terminal_keys"])
    assert seed.store_id not in json.dumps(b_pull)


def test_store_b_squatting_a_voucher_id_with_its_own_key_does_not_touch_store_a(
        seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Steak counter")
    b = keyed_terminal(seed, "Tea counter", store_id=seed.other_store_id)
    voucher_id, text = a.voucher(clock.now)
    _, own_copy = b.voucher(clock.now, voucher_id=voucher_id)  # B's own voucher, A's id
    assert b.push(redeemed(voucher_id, own_copy, clock.now))[0]["status"] == "applied"
    again = b.push(redeemed(voucher_id, own_copy, clock.now))[0]
    assert again["conflict"] and a.terminal_id not in _everything_said(again)  # B's own conflict
    result = a.push(redeemed(voucher_id, text, clock.now))[0]
    assert (result["status"], result["conflict"]) == ("applied", False)
    assert a.client.pull()["conflicts"] == []
    assert [c["winner_terminal_id"] for c in b.client.pull()["conflicts"]] == [b.terminal_id]


def test_a_voucher_claiming_store_a_but_signed_by_store_b_is_refused_at_a(seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Steak counter")
    b = keyed_terminal(seed, "Tea counter", store_id=seed.other_store_id)
    voucher_id, text = b.voucher(clock.now, store_id=seed.store_id)
    assert a.push(redeemed(voucher_id, text, clock.now))[0]["reason"] == NOT_OURS
    assert b.push(redeemed(voucher_id, text, clock.now))[0]["reason"] == NOT_OURS


def test_the_voucher_id_must_be_the_signed_one(seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed)
    voucher_id, text = a.voucher(clock.now)
    other_id, _ = a.voucher(clock.now)
    result = a.push(redeemed(other_id, text, clock.now))[0]
    assert result["status"] == "rejected" and "does not match" in result["reason"]
    assert a.push(redeemed(voucher_id, text, clock.now))[0]["status"] == "applied"


def test_an_old_op_without_the_voucher_text_needs_an_issue_of_the_same_store(seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Steak counter")
    a2 = keyed_terminal(seed, "Steak counter 2")
    voucher_id, _ = a.voucher(clock.now)
    assert a2.push(redeemed(voucher_id, None, clock.now))[0]["reason"] == NO_TEXT  # not issued yet
    a.push(issued(voucher_id, clock.now - timedelta(minutes=1)))
    assert a2.push(redeemed(voucher_id, None, clock.now))[0]["status"] == "applied"
    again = a.push(redeemed(voucher_id, None, clock.now))[0]
    assert again["status"] == "applied" and again["conflict"]  # same store: the conflict as before


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(min_size=0, max_size=400), key_bytes=st.binary(min_size=0, max_size=40))
def test_random_voucher_texts_and_keys_are_rejected_never_a_5xx(seed: Seed, clock: MovableClock, body: bytes,
                                                                key_bytes: bytes) -> None:
    terminal = _shared(seed)
    text = "PSV1" + base64.b32encode(body).decode().rstrip("=")
    results = terminal.push(redeemed("0" * 20, text, clock.now),
                            ("signing_key.added", {"key_id": "0" * 8,
                                                   "public_key": base64.b64encode(key_bytes).decode() or "A"}))
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert all(r["reason"] for r in results)


_TERMINALS: dict[str, KeyedTerminal] = {}


def _shared(seed: Seed) -> KeyedTerminal:
    """One terminal per server for the property test (pairing per example would be slow)."""
    if seed.server.url not in _TERMINALS:
        _TERMINALS.clear()
        _TERMINALS[seed.server.url] = keyed_terminal(seed)
    return _TERMINALS[seed.server.url]
