"""Online join requests (docs/sync-protocol.md): a signed-in member's phone shows the join
token of a printed invite; the group's owning terminal answers the request by sync.

The member comes from their credential (never the body); the group from its id AND the join
token (only the store whose terminal signed the token can have opened it, so a squatted id
never receives these requests). Limited per member and per client address (rows counted in a
window, so the limits hold across several platform workers), one request per member and
group (asking again answers the same request), and never more pending than seats left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central.errors import ApiError, invalid
from central.models import Group, JoinRequest, RateHit
from central.services.admin import new_id
from central.services.changes import next_change_seq
from central.services.deals import latest_terms
from central.services.groups import entries_of, pending_requests
from desktop.core.draw import is_valid_nonce
from desktop.core.join_token import token_hash


@dataclass(frozen=True)
class Limit:
    per_window: int
    window: timedelta = timedelta(minutes=1)


MEMBER_LIMIT = Limit(5)
ADDRESS_LIMIT = Limit(30)


# What a 429 `rate_limited` limited (its `limit` field), so a page can say it in the reader's language.
LIMITED_WORDS = {
    "join": "too many join requests from this {what}",
    "sms_send": "too many sign-in codes asked for this {what}",
    "sms_wrong": "too many wrong sign-in codes for this phone",
}


class RateLimited(ApiError):
    def __init__(self, what: str, retry_after: int, limit: str = "join") -> None:
        super().__init__(429, "rate_limited", LIMITED_WORDS[limit].format(what=what)
                         + f": try again in {retry_after} seconds", retry_after=retry_after, limit=limit)
        self.retry_after = retry_after


def count_hit(session: Session, bucket: str, limit: Limit, now: datetime, what: str,
              kind: str = "join") -> None:
    """Record one request in `bucket`; RateLimited when the window already holds the limit."""
    since = now - limit.window
    session.execute(delete(RateHit).where(RateHit.bucket == bucket, RateHit.at <= since))
    hits = list(session.scalars(select(RateHit.at).where(RateHit.bucket == bucket, RateHit.at > since)
                                .order_by(RateHit.at)))
    if len(hits) >= limit.per_window:
        oldest = hits[len(hits) - limit.per_window]
        raise RateLimited(what, max(1, int((oldest + limit.window - now).total_seconds()) + 1), kind)
    session.add(RateHit(bucket=bucket[:200], at=now))


def check_rates(session: Session, member_id: str, address: str, now: datetime) -> None:
    count_hit(session, f"member:{member_id}", MEMBER_LIMIT, now, "member")
    count_hit(session, f"address:{address}", ADDRESS_LIMIT, now, "address")


def find_group(session: Session, group_id: str, join_token: str, *, lock: bool = False) -> Group:
    """The group behind an invite: its id and its join token. The same answer for an unknown id
    and a wrong token, so a stranger learns nothing about other stores' groups."""
    query = select(Group).where(Group.id == group_id, Group.join_token_hash == token_hash(join_token),
                                Group.join_token_hash != "")
    group = session.scalar(query.with_for_update() if lock else query)
    if group is None:
        raise ApiError(404, "not_found", "no open group matches this invite: scan the printed QR code again")
    return group


def deadline_of(session: Session, group: Group) -> datetime | None:
    """When the group stops taking joiners: its opening plus the deal's fill window (the
    latest terms: an amendment may only lengthen it). None when the deal is unknown here."""
    terms = latest_terms(session, group.store_id, group.deal_id)
    return None if terms is None else group.opened_at + terms.fill_window


def check_taking_joiners(session: Session, group: Group, now: datetime) -> None:
    """The platform's own refusal of a join the group cannot take: not open, or past its
    deadline (whatever the owning terminal has or has not pushed yet)."""
    if group.state != "open":
        raise ApiError(409, "group_closed", f"group {group.id} is {group.state}: it takes no joiners")
    deadline = deadline_of(session, group)
    if deadline is not None and now >= deadline:
        raise ApiError(409, "group_expired", f"group {group.id} passed its deadline "
                       f"({deadline.isoformat(timespec='minutes')}): it takes no joiners")


def create(session: Session, group_id: str, join_token: str, member_id: str, nonce: str,
           now: datetime) -> dict[str, Any]:
    group = find_group(session, group_id, join_token, lock=True)
    return create_for_group(session, group, member_id, nonce, now)


def create_for_group(session: Session, group: Group, member_id: str, nonce: str,
                     now: datetime) -> dict[str, Any]:
    """The request of a member for a group found by its invite (or its paid deposit order)."""
    group_id = group.id
    existing = session.scalar(select(JoinRequest).where(
        JoinRequest.store_id == group.store_id, JoinRequest.group_id == group.id,
        JoinRequest.member_id == member_id))
    if existing is not None:
        return _answer(existing)
    check_taking_joiners(session, group, now)
    if not is_valid_nonce(nonce):
        raise invalid("nonce must be lower-case hex of at least 16 random bytes")
    seats_left = group.size - len(entries_of(session, group)) - pending_requests(session, group)
    if seats_left <= 0:
        raise ApiError(409, "group_full", f"group {group_id} has no seat left for another request")
    request = JoinRequest(id=new_id("J"), group_id=group.id, store_id=group.store_id,
                          member_id=member_id, nonce=nonce, status="pending", created_at=now,
                          change_seq=next_change_seq(session))
    session.add(request)
    session.flush()
    return _answer(request)


def _answer(request: JoinRequest) -> dict[str, Any]:
    return {"request_id": request.id, "group_id": request.group_id, "status": request.status}

