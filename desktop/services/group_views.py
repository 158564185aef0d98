"""Read-only views of groups for the screens: seats, commitment, draw, vouchers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop.core.clock import from_iso
from desktop.core.deals import DealTerms
from desktop.core.groups import GroupState
from desktop.core.phones import customer_label
from desktop.services.base import ServiceBase
from desktop.services.vouchers import VoucherInfo, vouchers_of_group
from desktop.store.deal_models import Draw, GroupEntry
from desktop.store.group_queries import entries_of, get_group, group_terms
from desktop.store.raw_write import raw_read

_GROUPS = ("SELECT g.id, g.deal_id, g.state, coalesce(t.n, 0), g.deadline, g.opened_at FROM deal_groups g "
           "LEFT JOIN (SELECT group_id, count(*) AS n FROM group_entries GROUP BY group_id) t ON t.group_id = g.id")
_GROUPS_ORDER = " ORDER BY g.opened_at DESC, g.id"


@dataclass(frozen=True)
class EntryInfo:
    id: str
    position: int
    customer: str
    member_id: str | None
    phone: str | None
    tender: str
    deposit_fen: int
    is_leader: bool
    joined_at: datetime

    @property
    def label(self) -> str:
        """A masked phone (138****5678) or the member id: what a receipt may show."""
        return customer_label(self.phone or self.member_id or self.customer)


@dataclass(frozen=True)
class GroupSummary:
    id: str
    deal_id: str
    product: str
    state: GroupState
    taken: int
    size: int
    deadline: datetime
    opened_at: datetime


@dataclass(frozen=True)
class GroupView:
    id: str
    deal_id: str
    terms: DealTerms
    state: GroupState
    commitment: str
    opened_at: datetime
    deadline: datetime
    entries: list[EntryInfo]
    winners: list[str]  # entry ids in draw order; empty before the draw
    proof_digest: str | None
    seed_hex: str | None  # revealed only after the draw
    drawn_at: datetime | None
    vouchers: list[VoucherInfo]

    @property
    def seats_left(self) -> int:
        return max(0, self.terms.group_size - len(self.entries))

    def entry(self, entry_id: str) -> EntryInfo | None:
        return next((e for e in self.entries if e.id == entry_id), None)


class GroupQueries(ServiceBase):
    def list_groups(self, deal_id: str | None = None) -> list[GroupSummary]:
        """Every group (a busy store holds tens of thousands): one lean query on the raw
        connection, each deal's terms parsed once (bench/groups_table.py)."""
        with raw_read(self.db) as conn:
            deals = {d: (product, int(json.loads(terms)["group_size"]))
                     for d, product, terms in conn.execute("SELECT id, product_name, terms FROM deals")}
            if deal_id is None:
                rows = conn.execute(_GROUPS + _GROUPS_ORDER).fetchall()
            else:
                rows = conn.execute(_GROUPS + " WHERE g.deal_id = ?" + _GROUPS_ORDER, (deal_id,)).fetchall()
        states = {s.value: s for s in GroupState}
        return [GroupSummary(g, d, deals[d][0], states[state], n, deals[d][1], from_iso(deadline), from_iso(opened))
                for g, d, state, n, deadline, opened in rows]

    def view(self, group_id: str) -> GroupView:
        with self.db.read() as s:
            group = get_group(s, group_id)
            draw = s.get(Draw, group_id)
            entries = [_entry_info(e) for e in entries_of(s, group_id)]
            return GroupView(
                id=group.id, deal_id=group.deal_id, terms=group_terms(s, group),
                state=GroupState(group.state), commitment=group.commitment,
                opened_at=from_iso(group.opened_at), deadline=from_iso(group.deadline),
                entries=entries,
                winners=json.loads(draw.winners) if draw else [],
                proof_digest=draw.digest if draw else None,
                seed_hex=group.seed_hex if draw else None,
                drawn_at=from_iso(draw.drawn_at) if draw else None,
                vouchers=vouchers_of_group(s, group_id),
            )


def _entry_info(e: GroupEntry) -> EntryInfo:
    return EntryInfo(e.id, e.position, e.customer, e.member_id, e.phone, e.tender,
                     e.deposit_fen, e.is_leader, from_iso(e.joined_at))
