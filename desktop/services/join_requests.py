"""Online join requests: the sync pull records them; the owning terminal accepts them in
arrival order while seats remain (desktop.core.groups.triage_join_requests). Their deposits
are held by the platform: the entry's tender is "platform"."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.core.clock import from_iso
from desktop.core.draw import is_valid_nonce
from desktop.core.groups import GroupState, is_expired, triage_join_requests
from desktop.core.groups import JoinRequest as Request
from desktop.core.ops import OpKind
from desktop.core.staff import Permission
from desktop.services.base import SYSTEM_ACTOR, Actor, ServiceBase, require
from desktop.services.seating import Customer, add_entry
from desktop.store.deal_models import JoinRequest
from desktop.store.group_queries import (
    entries_of,
    get_group,
    group_terms,
    groups_with_pending_requests,
    pending_join_requests,
)

REASON_BAD_NONCE = "invalid nonce"


def record_join_request(session: Session, request_id: str, group_id: str, member_id: str,
                        nonce: str, arrived_at: str, sequence: int = 0) -> bool:
    """Store a pulled join request (call inside the pull's transaction). Idempotent: a request
    seen before is left as it is. Returns True when it was new."""
    if session.get(JoinRequest, request_id) is not None:
        return False
    session.add(JoinRequest(request_id=request_id, group_id=group_id, member_id=member_id,
                            nonce=nonce, arrived_at=arrived_at, sequence=sequence,
                            status="pending"))
    return True


@dataclass(frozen=True)
class JoinOutcome:
    accepted: list[str]  # request ids
    refused: list[tuple[str, str]]  # request id, reason


class JoinRequestService(ServiceBase):
    def seat_pending(self) -> dict[str, JoinOutcome]:
        """Seat (or refuse) the pending online join requests of every group this terminal
        owns, in arrival order; requests for groups of other terminals are left alone (they
        have no group here). The background job (desktop.sync.group_jobs) calls it."""
        with self.db.read() as s:
            group_ids = groups_with_pending_requests(s)
        return {group_id: self.accept_join_requests(SYSTEM_ACTOR, group_id) for group_id in group_ids}

    def accept_join_requests(self, actor: Actor, group_id: str) -> JoinOutcome:
        require(actor, Permission.ENROL)
        with self.transaction(actor) as tx:
            group = get_group(tx.session, group_id)
            terms = group_terms(tx.session, group)
            rows = pending_join_requests(tx.session, group_id)
            bad = {r.request_id for r in rows.values() if not is_valid_nonce(r.nonce)}
            entries = entries_of(tx.session, group_id)
            held: dict[str, int] = {}
            for e in entries:
                held[e.customer] = held.get(e.customer, 0) + 1
            state = GroupState(group.state)
            if is_expired(state, from_iso(group.deadline), tx.now):
                state = GroupState.EXPIRED  # past the disclosed deadline: nobody is seated
            triage = triage_join_requests(
                [Request(r.request_id, r.member_id, from_iso(r.arrived_at), r.sequence)
                 for r in rows.values() if r.request_id not in bad],
                state, terms.group_size - len(entries), held, terms.per_member_limit)
            for request in triage.accepted:
                row = rows[request.request_id]
                entry = add_entry(tx, group, terms, Customer(row.member_id, member_id=row.member_id),
                                  "platform", nonce=row.nonce, request_id=row.request_id)
                row.status, row.entry_id, row.decided_at = "accepted", entry.id, tx.now_iso
                tx.emit(OpKind.JOIN_REQUEST_ACCEPTED, {"request_id": row.request_id,
                                                       "group_id": group_id, "entry_id": entry.id})
            refused = [(r.request_id, reason) for r, reason in triage.refused]
            refused += [(request_id, REASON_BAD_NONCE) for request_id in sorted(bad)]
            for request_id, reason in refused:
                row = rows[request_id]
                row.status, row.reason, row.decided_at = "refused", reason, tx.now_iso
                tx.emit(OpKind.JOIN_REQUEST_REFUSED, {"request_id": request_id,
                                                      "group_id": group_id, "reason": reason})
            tx.audit("join_requests.triaged", group_id=group_id,
                     accepted=[r.request_id for r in triage.accepted], refused=refused)
            return JoinOutcome([r.request_id for r in triage.accepted], refused)
