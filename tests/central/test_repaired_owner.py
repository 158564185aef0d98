"""A counter paired again (same device, same voucher key, a new terminal id) still owns the
groups it opened before: it seats their entries, answers their join requests, draws and settles
them (review of issue 8: the groups area's owner check vs the client's re-pairing). Another
terminal of the store, with another key, still does not."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.sync.client import PlatformClient
from tests.central.group_flow import TERMS, Counter, HonestGroup, balance, counter
from tests.central.helpers import Seed


def _paired_again(seed: Seed, old: Counter) -> Counter:
    """What desktop/sync/pairing.py does: a new pairing code, the terminal's current key."""
    raw = old.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    client = PlatformClient(seed.server.url, timeout=10)
    answer = client.pair(seed.pairing_code(), base64.b64encode(raw).decode(), "Counter 1")
    assert answer["terminal_id"] != old.terminal_id
    return Counter(seed, client, answer["terminal_id"], answer["store"]["id"], old.key)


def test_a_counter_paired_again_finishes_the_groups_it_opened_before(seed: Seed) -> None:
    first = counter(seed)
    group = HonestGroup(first, {**TERMS, "group_size": 4})
    assert group.launch()["status"] == "applied" and group.open()["status"] == "applied"
    assert group.join(seed.members[0])["status"] == "applied"
    assert group.join(seed.members[1])["status"] == "applied"
    # everything was sent; the manager pairs the counter again (a new terminal id)
    group.counter = again = _paired_again(seed, first)
    assert group.join(seed.members[2])["status"] == "applied", "an honest counter is refused"
    assert group.join(None, "13700000021")["status"] == "applied"
    assert group.draw()["status"] == "applied"
    assert group.settle()["status"] == "applied"
    losers = {e["member_id"] for e in group.losers() if e["member_id"]}
    assert all(balance(seed, m) == 10 for m in losers)
    # another terminal of the store, with its own key, still cannot seat in this group
    other = counter(seed, "Counter 2")
    group2 = HonestGroup(again, {**TERMS, "group_size": 2})
    group2.launch()
    group2.open()
    intruder = other.push("group.joined", group2.joined(seed.members[0]))
    assert intruder["status"] == "rejected" and "opened by another terminal" in intruder["reason"]
