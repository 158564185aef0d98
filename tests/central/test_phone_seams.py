"""Seams between the members' phones as the platform stores them and as counters send them
(review of issue 8): one person is one member, whichever way the number was written."""

from __future__ import annotations

from sqlalchemy import func, select

from central.models import Member
from central.services import admin
from tests.central.group_flow import balance, counter, honest_group
from tests.central.helpers import Seed


def _members_with(seed: Seed, digits: str) -> list[str]:
    with seed.server.app.state.platform.tx() as session:
        return list(session.scalars(select(Member.id).where(func.replace(Member.phone, "+86", "") == digits)))


def test_a_member_registered_with_a_country_prefix_is_the_member_a_counter_enrols_by_phone(seed: Seed) -> None:
    """Attack/accident: the admin registers "+86 139 0000 0009"; the counter types 13900000009.
    Before the fix the platform made a second member for the same person and the consolation
    coins went to that ghost (and the typed-phone lookup never found the real member)."""
    platform = seed.server.app.state.platform
    with platform.tx() as session:
        real = admin.create_member(session, "+86 139 0000 0009", "Wang", seed.merchant_id)
    c = counter(seed)
    # the honest counter sends the 11 digits; an older outbox may carry the +86 form
    group = honest_group(c, [None, None, None], ["13900000009", "+8613900000008", "13900000007"],
                         winners=1, consolation_coins=10)
    assert _members_with(seed, "13900000009") == [real]
    assert group.draw()["status"] == "applied"
    assert group.settle()["status"] == "applied"
    loser = "13900000009" not in {e["phone"] for e in group.entries if e["entry_id"] in group.winners}
    assert balance(seed, real) == (10 if loser else 0)
    assert c.client.lookup_member("139 0000 0009")["member_id"] == real
    # the +86 form of a new number is the same member as its 11 digits
    honest_group(c, [None, None], ["13900000006", "+8613900000006"])
    assert len(_members_with(seed, "13900000006")) == 1
    assert len(_members_with(seed, "13900000008")) == 1


def test_the_upgrade_normalizes_the_phones_registered_before(db_url: str) -> None:
    """Members registered as "+86 …" before the fix become the member a counter's phone finds;
    a number another member holds already in its 11 digits is left for the admin."""
    import secrets

    from sqlalchemy import text

    from central.db import make_engine
    from central.migrate import upgrade

    engine = make_engine(db_url)
    try:
        upgrade(engine, "0005_groups")
        with engine.begin() as conn:
            for member_id, phone in [("U1", "+8613900000001"), ("U2", "+8613900000002"), ("U3", "13900000002"),
                                     ("U4", "13900000004")]:
                conn.execute(text("INSERT INTO members (id, phone, name, change_seq, code_secret) "
                                  "VALUES (:i, :p, 'm', 1, :s)"), {"i": member_id, "p": phone,
                                                                   "s": secrets.token_bytes(32)})
        upgrade(engine)
        with engine.connect() as conn:
            phones: dict[str, str] = {r.id: r.phone for r in conn.execute(text("SELECT id, phone FROM members"))}
    finally:
        engine.dispose()
    assert phones == {"U1": "13900000001", "U2": "+8613900000002", "U3": "13900000002", "U4": "13900000004"}
