"""The real client end to end through the worker: a counter launches a deal, opens a group
(join token signed, invite printed with it), seats customers by phone, by member code and by
an online join request, draws and settles; every op is applied by the platform, which credits
the phone-enrolled losers' consolation coins to members it registered and locked here."""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs, urlparse

from sqlalchemy import select

from central.models import CoinBalance, Member, MemberContact
from central.models import Group as CentralGroup
from central.services.admin import create_member
from central.services.coin_ledger import member_account
from central.services.members import issue_token
from desktop.core.join_token import token_hash
from desktop.store.deal_models import Group
from desktop.sync.client import PlatformClient
from tests.support.deal_flow import PHONES, cashier, launched_deal
from tests.sync.support import outbox


def _platform(server):
    return server.app.state.platform


def test_an_honest_counter_is_never_refused_and_phone_losers_get_their_coins(server, seed, terminal) -> None:
    services = terminal.services
    staff = cashier(services)
    deal_id = launched_deal(services)
    group_id = services.groups.open_group(staff, deal_id, PHONES[0], "cash")
    terminal.worker(server.url).sync_once()  # the platform knows the group and its token

    invite = services.print_data.invite(group_id)
    url = urlparse(invite.join_url)
    assert f"{url.scheme}://{url.netloc}" == server.url and url.path == f"/j/{group_id}"
    join_token = parse_qs(url.query)["t"][0]
    with services.db.read() as s:
        assert s.get(Group, group_id).join_token == join_token
    with _platform(server).tx() as session:
        row = session.get(CentralGroup, (seed.store_id, group_id))
        assert row is not None and row.join_token_hash == token_hash(join_token)
        online_member = create_member(session, "13900000077", "Online joiner", None)
        member_token = issue_token(session, online_member)

    phone = PlatformClient(server.url, timeout=5)  # the customer's phone, signed in
    request = phone.request_join(group_id, join_token, secrets.token_hex(16), member_token)
    services.groups.enrol(staff, group_id, PHONES[1], "card")
    services.groups.enrol(staff, group_id, seed.members[0], "cash")
    terminal.worker(server.url).sync_once()  # pulls the online request
    outcome = services.join_requests.accept_join_requests(staff, group_id)
    assert outcome.accepted == [request["request_id"]]
    services.groups.enrol(staff, group_id, PHONES[2], "cash")
    drawn = services.draws.draw_and_settle(staff, group_id)
    terminal.worker(server.url).sync_once()

    rows = outbox(services)
    assert all(r.acked_at for r in rows)
    assert [(r.kind, r.reason) for r in rows if r.status != "applied"] == []
    kinds = {r.kind for r in rows}
    assert {"deal.launched", "group.opened", "group.joined", "group.drawn", "group.settled",
            "join_request.accepted"} <= kinds
    settled = next(r for r in rows if r.kind == "group.settled")
    assert settled.reason in (None, "")  # no grant refused

    with services.db.read() as s:
        from desktop.store.deal_models import GroupEntry

        entries = {e.id: e.customer for e in s.scalars(select(GroupEntry).where(GroupEntry.group_id == group_id))}
    with _platform(server).tx() as session:
        # PHONES[0] and PHONES[1] are the phones of seed members 1 and 2 (registered already):
        # PHONES[0] was typed before the first pull (the platform matched the phone), PHONES[1]
        # after it (the counter matched it to the member it holds); PHONES[2] is registered now.
        # All are counted here and locked to this merchant.
        member_of = {c: c if c.startswith("U") else session.scalar(select(Member.id).where(Member.phone == c))
                     for c in entries.values()}
        new = session.scalar(select(Member.id).where(Member.phone == PHONES[2]))
        assert set(member_of.values()) == {*seed.members, online_member, new}
        members = {m: session.get(Member, m) for m in member_of.values()}
        assert all(m is not None and m.home_merchant_id == seed.merchant_id for m in members.values())
        contacts = set(session.scalars(select(MemberContact.member_id).where(
            MemberContact.store_id == seed.store_id)))
        assert set(members) <= contacts
        coins = {}
        for member_id in members:
            row = session.get(CoinBalance, member_account(member_id))
            coins[member_id] = row.posted if row else 0
    expected = dict.fromkeys(members, 0)
    for entry_id, customer in entries.items():
        if entry_id not in drawn.winners:
            expected[member_of[customer]] += 10
    assert coins == expected
    # one seat each: member 2, typed by phone, is the same member as their account
    assert sorted(member_of.values()) == sorted(set(member_of.values()))
