"""Keys on the platform, over HTTP (SQLite and PostgreSQL): weak keys refused at pairing and in
signing_key.added; key history with retirement and revocation times in pull; redemptions of
vouchers signed after a key's bound refused; a revoked key cannot be registered again."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from central.services.pairing import revoke_terminal
from desktop.core.vouchers import key_id, public_key_bytes
from desktop.sync.client import PlatformClient, PlatformRejected
from tests.central.helpers import MovableClock, Seed
from tests.central.voucher_helpers import b64, issued, keyed_terminal, redeemed
from tests.core.test_ed25519_keys import SMALL_ORDER, non_canonical_encodings

WEAK = SMALL_ORDER + non_canonical_encodings()


def _revoke(seed: Seed, terminal_id: str) -> None:
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        revoke_terminal(session, terminal_id, platform.clock())


def test_pairing_with_any_weak_key_is_refused_and_the_code_stays_usable(seed: Seed) -> None:
    code = seed.pairing_code()
    client = PlatformClient(seed.server.url, timeout=10)
    for raw in WEAK:
        with pytest.raises(PlatformRejected) as refused:
            client.pair(code, b64(raw), "Counter")
        assert refused.value.status == 422
        assert refused.value.code in ("weak_public_key", "invalid_request"), refused.value.body
        assert "public_key" in refused.value.reason
    identity = SMALL_ORDER[0]
    with pytest.raises(PlatformRejected) as refused:
        client.pair(code, b64(identity), "Counter")
    assert refused.value.body == {"error": "weak_public_key",
                                  "reason": "public_key refused: the public key is a small-order point (a weak key)"}
    assert client.pair(code, b64(public_key_bytes(Ed25519PrivateKey.generate())), "Counter")["terminal_id"]


def test_signing_key_added_with_a_weak_key_is_rejected_and_pull_never_shows_it(seed: Seed) -> None:
    terminal = keyed_terminal(seed)
    other = keyed_terminal(seed, "Counter 2")
    results = terminal.push(*[("signing_key.added", {"key_id": key_id(raw), "public_key": b64(raw)})
                              for raw in WEAK])
    assert {r["status"] for r in results} == {"rejected"}
    assert all("public_key" in r["reason"] for r in results), results
    assert "small-order point" in results[0]["reason"]
    pulled = {k["public_key"] for k in other.client.pull()["terminal_keys"]}
    assert pulled == {b64(public_key_bytes(t.key)) for t in (terminal, other)}


def test_pull_gives_every_key_of_the_store_with_added_at_and_not_after(seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Counter A")
    b = keyed_terminal(seed, "Counter B")
    first = b64(public_key_bytes(a.key))
    new_key = Ed25519PrivateKey.generate()
    clock.advance(hours=1)
    rotated_at = clock.now - timedelta(minutes=10)  # the rotation happened offline, earlier
    assert a.push(("signing_key.added", {"key_id": key_id(public_key_bytes(new_key)),
                                         "public_key": b64(public_key_bytes(new_key)),
                                         "at": rotated_at.isoformat()}))[0]["status"] == "applied"
    keys = [k for k in b.client.pull()["terminal_keys"] if k["terminal_id"] == a.terminal_id]
    assert [(k["public_key"], k["not_after"]) for k in keys] == [
        (first, rotated_at.isoformat()), (b64(public_key_bytes(new_key)), None)]
    assert all(k["added_at"] and k["key_id"] == key_id(base64.b64decode(k["public_key"])) for k in keys)
    clock.advance(hours=1)
    cursor = b.client.pull()["cursor"]
    _revoke(seed, a.terminal_id)
    changed = [k for k in b.client.pull(cursor)["terminal_keys"] if k["terminal_id"] == a.terminal_id]
    assert [(k["not_after"], k["revoked"]) for k in changed] == [
        (rotated_at.isoformat(), True), (clock.now.isoformat(), True)]
    # a terminal paired after all this still gets the whole history
    late = keyed_terminal(seed, "Counter C")
    history = [k for k in late.client.pull()["terminal_keys"] if k["terminal_id"] == a.terminal_id]
    assert len(history) == 2


def test_a_revoked_terminals_key_after_revocation_is_refused_before_honoured(seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Counter A")
    b = keyed_terminal(seed, "Counter B")
    before_id, before = a.voucher(clock.now)
    a.push(issued(before_id, clock.now))  # A told the platform about it before it was revoked
    unreported_id, unreported = a.voucher(clock.now)  # issued, never pushed
    clock.advance(minutes=30)
    _revoke(seed, a.terminal_id)
    clock.advance(minutes=1)
    after_id, after = a.voucher(clock.now)  # the thief signs with the stolen key
    backdated_id, backdated = a.voucher(clock.now - timedelta(hours=2))  # and back-dates one
    results = b.push(redeemed(after_id, after, clock.now), redeemed(backdated_id, backdated, clock.now),
                     redeemed(unreported_id, unreported, clock.now), redeemed(before_id, before, clock.now))
    assert [r["status"] for r in results] == ["rejected", "rejected", "rejected", "applied"]
    assert "after its key was retired or revoked" in results[0]["reason"]
    assert "never received its voucher.issued before the revocation" in results[1]["reason"]
    assert results[2]["reason"] == results[1]["reason"]


def test_a_retired_key_verifies_only_vouchers_issued_before_the_rotation(seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Counter A")
    b = keyed_terminal(seed, "Counter B")
    old_key = a.key
    early_id, early = a.voucher(clock.now)
    clock.advance(minutes=5)
    a.key = Ed25519PrivateKey.generate()
    a.push(("signing_key.added", {"key_id": key_id(public_key_bytes(a.key)),
                                  "public_key": b64(public_key_bytes(a.key)), "at": clock.now.isoformat()}))
    clock.advance(minutes=5)
    late_id, late = a.voucher(clock.now, key=old_key)
    new_id, new = a.voucher(clock.now)
    results = b.push(redeemed(late_id, late, clock.now), redeemed(early_id, early, clock.now),
                     redeemed(new_id, new, clock.now))
    assert [r["status"] for r in results] == ["rejected", "applied", "applied"]
    assert "after its key was retired or revoked" in results[0]["reason"]


def test_a_revoked_key_cannot_be_registered_again(seed: Seed) -> None:
    a = keyed_terminal(seed, "Counter A")
    _revoke(seed, a.terminal_id)
    for store in (seed.store_id, seed.other_store_id):
        with pytest.raises(PlatformRejected) as refused:
            keyed_terminal(seed, "Counter A again", store_id=store, key=a.key)
        assert refused.value.code == "key_revoked"
    b = keyed_terminal(seed, "Counter B")
    raw = public_key_bytes(a.key)
    result = b.push(("signing_key.added", {"key_id": key_id(raw), "public_key": b64(raw)}))[0]
    assert result["status"] == "rejected" and "revoked terminal" in result["reason"]


def test_a_re_paired_terminal_announcing_an_older_rotation_keeps_its_newest_key(
        seed: Seed, clock: MovableClock) -> None:
    """Offline, a terminal rotated K1 -> K2, then was re-paired with K2; its outbox still
    announces K1 and then K2 (in the order it made them)."""
    k1 = Ed25519PrivateKey.generate()
    a = keyed_terminal(seed, "Counter A")  # paired with K2 = a.key
    b = keyed_terminal(seed, "Counter B")
    made_k1, made_k2 = clock.now - timedelta(days=1), clock.now - timedelta(hours=1)
    ops = [("signing_key.added", {"key_id": key_id(public_key_bytes(k)), "public_key": b64(public_key_bytes(k)),
                                  "at": at.isoformat()}) for k, at in ((k1, made_k1), (a.key, made_k2))]
    assert [r["status"] for r in a.push(*ops)] == ["applied", "applied"]
    keys = {k["public_key"]: k["not_after"] for k in b.client.pull()["terminal_keys"]
            if k["terminal_id"] == a.terminal_id}
    assert keys == {b64(public_key_bytes(k1)): made_k2.isoformat(), b64(public_key_bytes(a.key)): None}
    clock.advance(minutes=1)
    vid, text = a.voucher(clock.now)
    old_id, old = a.voucher(made_k2 - timedelta(minutes=5), key=k1)
    late_id, late = a.voucher(clock.now, key=k1)
    results = b.push(redeemed(vid, text, clock.now), redeemed(old_id, old, clock.now),
                     redeemed(late_id, late, clock.now))
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]


def test_a_terminal_clock_behind_the_platform_never_retires_a_key_before_it_was_registered(
        seed: Seed, clock: MovableClock) -> None:
    a = keyed_terminal(seed, "Counter A")
    b = keyed_terminal(seed, "Counter B")
    paired_key, new_key = a.key, Ed25519PrivateKey.generate()
    slow = clock.now - timedelta(minutes=10)  # the terminal's clock is 10 minutes slow
    vid, text = a.voucher(slow - timedelta(minutes=1), key=paired_key)
    raw = public_key_bytes(new_key)
    a.push(("signing_key.added", {"key_id": key_id(raw), "public_key": b64(raw), "at": slow.isoformat()}))
    keys = {k["public_key"]: k["not_after"] for k in b.client.pull()["terminal_keys"]
            if k["terminal_id"] == a.terminal_id}
    assert keys == {b64(public_key_bytes(paired_key)): clock.now.isoformat(), b64(raw): None}
    a.key = new_key
    new_id, new = a.voucher(slow + timedelta(minutes=1))
    assert [r["status"] for r in b.push(redeemed(vid, text, clock.now), redeemed(new_id, new, clock.now))] == [
        "applied", "applied"]


# Two keys with one key id (found by a birthday search: 70,358 keys, 2.5 s on one core).
COLLIDING_SEEDS = ("23c9ae6b92b12b55619c874f0d9d643e7b819541cb7067bbf09677a3827ba52b",
                   "2d3a9def0f0f778d8fa489cfb00a3e9a4ea5f850b1bf4f114999348b028821f0")


def test_a_key_whose_key_id_another_key_of_the_store_has_is_refused(seed: Seed) -> None:
    first, second = (Ed25519PrivateKey.from_private_bytes(bytes.fromhex(s)) for s in COLLIDING_SEEDS)
    assert key_id(public_key_bytes(first)) == key_id(public_key_bytes(second)) == "0f26575a"
    a = keyed_terminal(seed, "Counter A", key=first)
    with pytest.raises(PlatformRejected) as refused:
        keyed_terminal(seed, "Counter B", key=second)
    assert refused.value.code == "key_id_taken"
    raw = public_key_bytes(second)
    b = keyed_terminal(seed, "Counter B")
    result = b.push(("signing_key.added", {"key_id": key_id(raw), "public_key": b64(raw)}))[0]
    assert result["status"] == "rejected" and "same key id" in result["reason"]
    assert keyed_terminal(seed, "Tea", store_id=seed.other_store_id, key=second).terminal_id  # per store
    assert a.terminal_id


def test_a_weak_key_registered_before_the_checks_is_never_pulled_nor_trusted(seed: Seed, clock: MovableClock) -> None:
    """A platform upgraded from before key checks may hold a weak key in its history."""
    from central.models import TerminalKey
    from central.services.changes import next_change_seq

    a = keyed_terminal(seed, "Counter A")
    b = keyed_terminal(seed, "Counter B")
    identity = SMALL_ORDER[0]
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        session.add(TerminalKey(terminal_id=a.terminal_id, store_id=seed.store_id, key_id=key_id(identity),
                                public_key=b64(identity), added_at=clock.now, change_seq=next_change_seq(session)))
    pulled = {k["public_key"] for k in b.client.pull()["terminal_keys"]}
    assert b64(identity) not in pulled and b64(public_key_bytes(a.key)) in pulled
    from tests.core.test_voucher_key_trust import forged_under

    forged = forged_under(identity, store_id=seed.store_id)
    from desktop.core.vouchers import decode_voucher

    result = b.push(redeemed(decode_voucher(forged).claims.voucher_id, forged, clock.now))[0]
    assert result["status"] == "rejected" and result["reason"] == "the voucher is not a valid voucher of this store"
