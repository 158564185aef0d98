"""Findings 1, 3 and 11 over HTTP against the real central: coins only from a settlement the
platform accepted, draws the platform can vouch for, phone-enrolled losers' consolation coins.
Each attack beside the honest path (tests/central/group_flow.py)."""

from __future__ import annotations

import base64
import secrets
from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select

from central.models import Member, MemberContact
from desktop.core.vouchers import key_id
from tests.central.group_flow import TERMS, HonestGroup, balance, counter, honest_group
from tests.central.helpers import MovableClock, Seed

MAX_COINS = 4_294_967_295


# --- finding 1: coins out of nothing --------------------------------------------------------


def test_a_settlement_of_a_group_never_opened_is_rejected_and_no_coin_appears(seed: Seed) -> None:
    c = counter(seed)
    member = seed.members[0]
    result = c.push("group.settled", {"group_id": "never-opened", "cash_fen": 0,
                                      "coin_grants": [{"member_id": member, "coins": MAX_COINS}]})
    assert result["status"] == "rejected"
    assert "never opened on the platform by this store" in result["reason"]
    assert balance(seed, member) == 0
    # the honest path: a drawn group's losers get the deal's coins
    group = honest_group(c, [*seed.members[:3], None], [None, None, None, "13700000001"])
    assert group.draw()["status"] == "applied"
    assert group.settle()["status"] == "applied"
    assert sum(balance(seed, m) for m in seed.members[:3]) == 10 * (3 - sum(
        e["entry_id"] in group.winners for e in group.entries[:3]))


def test_an_undrawn_or_foreign_or_settled_group_is_never_settled(seed: Seed) -> None:
    a, b = counter(seed), counter(seed, "Tea 1", seed.other_store_id)
    group = honest_group(a, seed.members[:2])
    early = group.settle(grants=[{"entry_id": group.entries[0]["entry_id"], "coins": 10}])
    assert early["status"] == "rejected" and "is open: only a drawn group is settled" in early["reason"]
    group.draw()
    foreign = b.push("group.settled", group.settled())
    assert foreign["status"] == "rejected" and "never opened on the platform by this store" in foreign["reason"]
    assert group.settle()["status"] == "applied"
    again = group.settle()
    assert again["status"] == "rejected" and "is settled" in again["reason"]
    loser = group.losers()[0]["member_id"]
    assert balance(seed, loser) == 10  # once


def test_one_bad_grant_is_refused_alone_and_every_other_grant_applies(seed: Seed) -> None:
    c = counter(seed)
    with seed.server.app.state.platform.tx() as session:
        outsider = session.scalar(select(Member.id).where(Member.phone == "13800000002"))
    group = honest_group(c, [seed.members[0], seed.members[1], None, None],
                         [None, None, "13700000011", "13700000012"], winners=1)
    group.draw()
    honest = group.honest_grants()
    winner = next(e for e in group.entries if e["entry_id"] in group.winners)
    bad = [
        {"member_id": outsider, "coins": 10},  # never joined
        {"entry_id": winner["entry_id"], "coins": 10},  # a winner is no loser
        {"entry_id": honest[0]["entry_id"], "coins": 10},  # twice
        {"entry_id": "E-unknown", "coins": 10},
    ]
    greedy = dict(honest[1], coins=MAX_COINS)  # above the deal's 10
    result = group.settle(grants=[honest[0], *bad, greedy, *honest[2:]])
    assert result["status"] == "applied"
    assert "5 coin grant(s) refused, the others applied" in result["reason"]
    assert "never" not in result["reason"] and f"{MAX_COINS} coins" in result["reason"]
    assert balance(seed, outsider) == 0
    granted = {g["entry_id"] for g in [honest[0], *honest[2:]]}
    for entry in group.entries:
        who = _member_of(seed, entry)
        assert balance(seed, who) == (10 if entry["entry_id"] in granted else 0), entry


def _member_of(seed: Seed, entry: dict) -> str:
    if entry["member_id"]:
        return str(entry["member_id"])
    with seed.server.app.state.platform.tx() as session:
        return str(session.scalar(select(Member.id).where(Member.phone == entry["phone"])))


# --- finding 11: phone-enrolled losers ------------------------------------------------------


def test_phone_enrolled_losers_get_their_coins_and_the_cash_lines_reconcile(seed: Seed, clock: MovableClock) -> None:
    c = counter(seed)
    phones = ["13900000001", "13900000002", "13900000003", "13800000001"]  # the last is a member already
    group = honest_group(c, [None] * 4, phones, consolation_coins=25)
    with seed.server.app.state.platform.tx() as session:
        members = {p: session.scalar(select(Member).where(Member.phone == p)) for p in phones}
        assert all(m is not None for m in members.values())
        assert {m.home_merchant_id for m in members.values()} == {seed.merchant_id}  # locked here
        contacts = {member_id: kind for member_id, kind in session.execute(
            select(MemberContact.member_id, MemberContact.kind).where(MemberContact.store_id == seed.store_id))}
        ids = {p: m.id for p, m in members.items()}
    assert ids["13800000001"] == seed.members[1] and contacts[ids["13800000001"]] == "group_enrolment"
    assert {contacts[ids[p]] for p in phones[:3]} == {"counter_registration"}  # new phones: registered here
    group.draw()
    # an outbox written before entry ids were sent: member_id is the phone number
    old_format = [{"member_id": e["phone"], "phone": e["phone"], "coins": 25} for e in group.losers()]
    result = group.settle(grants=old_format)
    assert result["status"] == "applied" and result["reason"] == ""
    for entry in group.entries:
        assert balance(seed, ids[entry["phone"]]) == (0 if entry["entry_id"] in group.winners else 25)
    answer = c.client.reconcile(clock.now - timedelta(hours=1), clock.now + timedelta(hours=1))
    assert answer["totals"]["group.joined"]["amount_fen"] == 4 * TERMS["group_price_fen"]
    assert answer["totals"]["group.settled"] == {"count": 1, "amount_fen": 3 * 500, "coins": 3 * 25}


def test_a_wrong_cash_total_is_a_recorded_difference_not_a_lost_settlement(seed: Seed, clock: MovableClock) -> None:
    c = counter(seed)
    group = honest_group(c, seed.members[:2])
    group.draw()
    result = group.settle(cash_fen=999_999)
    assert result["status"] == "applied" and "recorded as a difference" in result["reason"]
    answer = c.client.reconcile(clock.now - timedelta(hours=1), clock.now + timedelta(hours=1))
    assert answer["totals"]["group.settled"]["amount_fen"] == 500  # the platform's figure
    assert answer["totals"]["group.settled"]["coins"] == 10


# --- finding 3: draws the platform cannot vouch for -----------------------------------------


def _full_group(seed: Seed, size: int = 4, **terms: object) -> HonestGroup:
    return honest_group(counter(seed), [None] * size, [f"1370000{i:04d}" for i in range(size)], **terms)


def test_a_proof_that_drops_a_pushed_entry_is_rejected(seed: Seed) -> None:
    group = _full_group(seed)
    dropped = group.proof(group.draw_entries()[:-1])
    result = group.draw(dropped)
    assert result["status"] == "rejected" and "3 entries: the platform holds 4" in result["reason"]
    assert group.draw()["status"] == "applied"  # the honest proof still goes through


def test_a_shill_entry_added_at_draw_time_is_rejected_even_when_it_wins(seed: Seed) -> None:
    group = _full_group(seed)
    from desktop.core.draw import Entry, draw_winners

    honest = group.draw_entries()
    for _ in range(200):  # the owner knows the seed: tries shill nonces until the shill wins
        shill = Entry("E-shill", secrets.token_hex(16))
        swapped = [*honest[:-1], shill]
        if draw_winners(group.seed_bytes, swapped, 1) == ["E-shill"]:
            break
    result = group.draw(group.proof(swapped))
    assert result["status"] == "rejected" and "not the pushed entry" in result["reason"]
    added = group.draw(group.proof([*honest, shill]))
    assert added["status"] == "rejected" and "5 entries" in added["reason"]
    assert group.draw()["status"] == "applied"


def test_eight_entries_in_a_group_of_two_and_k3_where_the_deal_says_1_are_rejected(seed: Seed) -> None:
    c = counter(seed)
    group = HonestGroup(c, {**TERMS, "group_size": 2})
    group.launch()
    eight = group.opened() | {"size": 8}
    result = c.push("group.opened", eight)
    assert result["status"] == "rejected" and "differs from the deal's group size 2" in result["reason"]
    group.open()
    for i in range(2):
        group.join(phone=f"1360000000{i}")
    extra = group.join(phone="13600000009")
    assert extra["status"] == "rejected" and "is full (2 seats)" in extra["reason"]
    from desktop.core.draw import Entry

    shills = group.draw_entries() + [Entry(f"E{i}", secrets.token_hex(16)) for i in range(6)]
    assert "8 entries" in group.draw(group.proof(shills))["reason"]
    k3 = _full_group(seed, 4)
    result = k3.draw(k3.proof(k=3))
    assert result["status"] == "rejected" and "k=3: the deal says 1" in result["reason"]
    assert k3.draw()["status"] == "applied"


def test_a_group_never_opened_or_not_full_is_not_drawn_and_a_drawn_one_never_again(seed: Seed) -> None:
    c = counter(seed)
    ghost = HonestGroup(c, TERMS)
    for i in range(4):
        ghost.entries.append(ghost.joined(phone=f"1350000000{i}"))
    result = c.push("group.drawn", {"group_id": ghost.group_id, "proof": ghost.proof()})
    assert result["status"] == "rejected" and "no commitment published" in result["reason"]
    group = HonestGroup(c, TERMS)
    group.launch()
    group.open()
    group.join(phone="13500000011")
    early = group.draw(group.proof([*group.draw_entries(), *ghost.draw_entries()[:3]]))
    assert early["status"] == "rejected" and "1 of 4 entries pushed" in early["reason"]
    for i in range(3):
        group.join(phone=f"1350000002{i}")
    assert group.draw()["status"] == "applied"
    again = group.draw()
    assert again["status"] == "rejected" and "drawn once" in again["reason"]


def test_the_leader_rule_nonces_commitment_and_proof_are_checked(seed: Seed) -> None:
    group = _full_group(seed, 4, leader_rule="excluded", leader_reward_fen=1000, winners=1)
    from desktop.core.draw import Entry

    all_eligible = [Entry(e.entry_id, e.nonce, True) for e in group.draw_entries()]
    assert "eligibility (leader rule)" in group.draw(group.proof(all_eligible))["reason"]
    renonced = [Entry(e.entry_id, secrets.token_hex(16), e.eligible) for e in group.draw_entries()]
    assert "with its nonce" in group.draw(group.proof(renonced))["reason"]
    other_seed = dict(group.proof(), seed=secrets.token_hex(32))
    assert "does not verify" in group.draw(other_seed)["reason"]
    tampered = group.proof()
    loser = next(e["entry_id"] for e in tampered["entries"] if e["eligible"] and e["entry_id"] not in tampered["winners"])
    assert "does not verify" in group.draw(dict(tampered, winners=[loser]))["reason"]
    foreign = dict(group.proof(), commitment="0" * 64)
    assert "commitment differs" in group.draw(foreign)["reason"]
    assert group.draw()["status"] == "applied"
    group.settle()
    assert len(group.losers()) == 2  # the excluded leader is no loser: 3 eligible, 1 winner


def test_openings_and_joins_must_follow_the_deal_and_the_owner(seed: Seed) -> None:
    c, other = counter(seed), counter(seed, "Counter 2")
    group = HonestGroup(c, TERMS)
    assert "never launched by this store" in group.open()["reason"]
    group.launch()
    assert "was launched already" in group.launch()["reason"]
    assert "winners 2 differs" in c.push("group.opened", group.opened() | {"winners": 2})["reason"]
    forged = group.opened() | {"join_token": HonestGroup(other, TERMS, group_id=group.group_id,
                                                         seed_bytes=group.seed_bytes).join_token}
    assert "not this terminal's signature" in c.push("group.opened", forged)["reason"]
    wrong_key = group.opened() | {"key_id": other.key_id}
    assert "not this terminal's registered key" in c.push("group.opened", wrong_key)["reason"]
    assert group.open()["status"] == "applied"
    assert "opened already" in group.open()["reason"]
    cheap = group.join(phone="13400000001", deposit_fen=1)
    assert cheap["status"] == "rejected" and "differs from the deal's price" in cheap["reason"]
    no_nonce = c.push("group.joined", group.joined(phone="13400000001") | {"nonce": None})
    assert "nonce" in no_nonce["reason"]
    stranger = other.push("group.joined", group.joined(phone="13400000001"))
    assert stranger["status"] == "rejected" and "opened by another terminal" in stranger["reason"]
    first = group.join(phone="13400000001")
    assert first["status"] == "applied"
    twice = c.push("group.joined", group.joined(phone="13400000002") | {"entry_id": group.entries[0]["entry_id"]})
    assert "is in group" in twice["reason"]
    limit = group.join(phone="13400000001")  # paid at the counter: kept, with a note
    assert limit["status"] == "applied" and "more than the deal's 1 per member" in limit["reason"]


def test_a_deal_is_amended_only_in_the_customers_favour(seed: Seed) -> None:
    c = counter(seed)
    group = HonestGroup(c, TERMS)
    group.launch()

    def amend(version: int, **change: object) -> dict:
        return c.push("deal.amended", {"deal_id": group.deal_id, "terms": {**TERMS, **change},
                                       "disclosure": {"zh_CN": "改", "en": "changed"}, "version": version})

    worse = amend(2, consolation_coins=1)
    assert worse["status"] == "rejected" and "consolation_coins" in worse["reason"]
    assert "only changes in the customer's favour" in amend(2, group_price_fen=20000)["reason"]
    assert "must be version 2" in amend(5, consolation_coins=50)["reason"]
    assert amend(2, consolation_coins=50)["status"] == "applied"
    foreign = counter(seed, "Tea 1", seed.other_store_id)
    stolen = foreign.push("deal.amended", {"deal_id": group.deal_id, "terms": TERMS,
                                           "disclosure": {"zh_CN": "", "en": ""}, "version": 2})
    assert stolen["status"] == "rejected" and "never launched by this store" in stolen["reason"]
    group.open()
    for i in range(4):
        group.join(phone=f"1330000000{i}")
    group.draw()
    assert group.settle(grants=[{"entry_id": e["entry_id"], "coins": 50} for e in group.losers()])["reason"] == ""


def test_a_join_token_must_be_signed_by_a_key_this_terminal_holds_in_force(seed: Seed) -> None:
    """The opening's join token is checked against the platform's key history: a key another
    terminal of the store holds, or a key this terminal rotated away before the opening, does
    not vouch for the token; the terminal's current key does."""
    first, second = counter(seed, "Counter 1"), counter(seed, "Counter 2")
    borrowed = HonestGroup(first, TERMS)
    assert borrowed.launch()["status"] == "applied"
    first.key, real = second.key, first.key  # counter 1 signs with counter 2's key
    refused = borrowed.open()
    assert refused["status"] == "rejected" and "not this terminal's registered key" in refused["reason"]

    first.key = real
    new_key = Ed25519PrivateKey.generate()
    new_raw = new_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    rotated = first.push("signing_key.added", {"key_id": key_id(new_raw),
                                                "public_key": base64.b64encode(new_raw).decode()})
    assert rotated["status"] == "applied", rotated
    stale = HonestGroup(first, TERMS)
    assert stale.launch()["status"] == "applied"
    assert stale.open()["status"] == "rejected"  # signed with the key retired by the rotation
    first.key = new_key
    honest = HonestGroup(first, TERMS)
    assert honest.launch()["status"] == "applied" and honest.open()["status"] == "applied"
