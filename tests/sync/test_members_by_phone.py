"""The counter holds its members minimum-necessary (finding 13): after a real pull the local
database has masked phones and keyed hashes, never a full number, and a typed phone of a pulled
member enrols that member; any other phone still enrols by phone."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.services.members import member_by_phone
from desktop.store.group_queries import entries_of
from desktop.store.sync_models import Member, SyncState
from tests.central.helpers import Seed
from tests.support.deal_flow import cashier, launched_deal
from tests.sync.support import Terminal


def _db_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*.db*") if p.is_file())


def test_pulled_members_carry_no_full_phone_and_a_typed_phone_finds_them(
        tmp_path: Path, seed: Seed, terminal: Terminal) -> None:
    terminal.worker(seed.server.url).sync_once()
    with terminal.services.db.read() as s:
        rows = {m.member_id: m for m in s.scalars(select(Member))}
        # the seed's members, and the demo group's two phone customers, whom the platform
        # registered (and locked here) when their group.joined arrived
        assert set(seed.members) <= set(rows) and len(rows) == len(seed.members) + 2
        assert {rows[m].phone_masked for m in seed.members} == {"138****0000", "138****0001", "138****0002"}
        assert all("****" in m.phone_masked for m in rows.values())
        state = s.get(SyncState, 1)
        assert state is not None and state.phone_key and len(state.phone_key) == 64
        found = member_by_phone(s, "138-0000-0001")
        assert found is not None and found.member_id == seed.members[1]
        assert member_by_phone(s, "13900000009") is None
    for phone in (b"13800000000", b"13800000001", b"13800000002"):
        assert phone not in _db_bytes(tmp_path / "t1"), "a member's full phone number is stored at the counter"

    services = terminal.services
    deal_id = launched_deal(services)
    group_id = services.groups.open_group(cashier(services), deal_id, "13800000001", "cash")
    services.groups.enrol(cashier(services), group_id, "13700000005", "cash")
    with services.db.read() as s:
        entries = entries_of(s, group_id)
    assert (entries[0].member_id, entries[0].customer) == (seed.members[1], seed.members[1])
    assert (entries[1].member_id, entries[1].customer, entries[1].phone) == (None, "13700000005", "13700000005")
