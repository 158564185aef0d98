"""The life of a group (docs/architecture.md, Domain rules): open → full → drawn → settled; open → expired →
refunded; open → cancelled. Seats, per-member limits, expiry and online join requests.

The terminal that launched a group owns it: it allocates seats. Join requests from the
platform are accepted strictly in arrival order while seats remain; the rest are refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.core.errors import InvalidTransition, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP


class GroupState(StrEnum):
    OPEN = "open"
    FULL = "full"
    DRAWN = "drawn"
    SETTLED = "settled"
    EXPIRED = "expired"
    REFUNDED = "refunded"
    CANCELLED = "cancelled"


ACTIVE_STATES = (GroupState.OPEN, GroupState.FULL)  # still taking part: seats or a draw to come


class GroupEvent(StrEnum):
    FILL = "fill"  # the last seat was taken
    DRAW = "draw"
    SETTLE = "settle"
    EXPIRE = "expire"  # the fill deadline passed with seats left
    REFUND = "refund"
    CANCEL = "cancel"


_TRANSITIONS: Mapping[tuple[GroupState, GroupEvent], GroupState] = {
    (GroupState.OPEN, GroupEvent.FILL): GroupState.FULL,
    (GroupState.FULL, GroupEvent.DRAW): GroupState.DRAWN,
    (GroupState.DRAWN, GroupEvent.SETTLE): GroupState.SETTLED,
    (GroupState.OPEN, GroupEvent.EXPIRE): GroupState.EXPIRED,
    (GroupState.EXPIRED, GroupEvent.REFUND): GroupState.REFUNDED,
    (GroupState.OPEN, GroupEvent.CANCEL): GroupState.CANCELLED,
}

FINAL_STATES = frozenset({GroupState.SETTLED, GroupState.REFUNDED, GroupState.CANCELLED})

REASON_FULL = QT_TRANSLATE_NOOP("errors", "group full")
REASON_MEMBER_LIMIT = QT_TRANSLATE_NOOP("errors", "member limit reached")
REASON_NOT_OPEN = QT_TRANSLATE_NOOP("errors", "group not open")


def transition(state: GroupState, event: GroupEvent) -> GroupState:
    """The next state, or InvalidTransition saying why (a drawn group never re-draws)."""
    target = _TRANSITIONS.get((state, event))
    if target is None:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "A group that is {state} cannot {event}"),
            state=state.value,
            event=event.value,
        )
    return target


def allowed_events(state: GroupState) -> list[GroupEvent]:
    return [event for (source, event) in _TRANSITIONS if source is state]


# The words that fill {state} and {event} in messages, marked so the UI can translate them.
_WORDS = (
    QT_TRANSLATE_NOOP("errors", "open"), QT_TRANSLATE_NOOP("errors", "full"),
    QT_TRANSLATE_NOOP("errors", "drawn"), QT_TRANSLATE_NOOP("errors", "settled"),
    QT_TRANSLATE_NOOP("errors", "expired"), QT_TRANSLATE_NOOP("errors", "refunded"),
    QT_TRANSLATE_NOOP("errors", "cancelled"), QT_TRANSLATE_NOOP("errors", "fill"),
    QT_TRANSLATE_NOOP("errors", "draw"), QT_TRANSLATE_NOOP("errors", "settle"),
    QT_TRANSLATE_NOOP("errors", "expire"), QT_TRANSLATE_NOOP("errors", "refund"),
    QT_TRANSLATE_NOOP("errors", "cancel"),
)


def seats_left(group_size: int, taken: int) -> int:
    return max(0, group_size - taken)


def check_can_join(state: GroupState, group_size: int, taken: int) -> None:
    """A seat can be taken only in an open group with room; a full group takes no one else."""
    if state is not GroupState.OPEN:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "The group is {state}: nobody can join"), state=state.value
        )
    if seats_left(group_size, taken) == 0:
        raise InvalidTransition(QT_TRANSLATE_NOOP("errors", "The group is full"))


def state_after_join(group_size: int, taken_after: int) -> GroupState:
    """OPEN while seats remain; FULL when the last seat was taken."""
    return GroupState.FULL if taken_after >= group_size else GroupState.OPEN


def check_member_limit(entries_of_member: int, per_member_limit: int) -> None:
    if entries_of_member >= per_member_limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "This member already holds {count} of {limit} allowed seats"
            ),
            count=entries_of_member,
            limit=per_member_limit,
        )


def is_expired(state: GroupState, deadline: datetime, now: datetime) -> bool:
    """Only an open group expires: at the deadline, not a moment before."""
    return state is GroupState.OPEN and now >= deadline


@dataclass(frozen=True)
class JoinRequest:
    request_id: str
    member_id: str
    arrived_at: datetime  # when the platform received it
    sequence: int = 0  # the platform's order number: breaks ties of equal arrival times


@dataclass(frozen=True)
class JoinTriage:
    accepted: list[JoinRequest]
    refused: list[tuple[JoinRequest, str]]  # request and reason ("group full", ...)


def triage_join_requests(
    requests: Iterable[JoinRequest],
    state: GroupState,
    free_seats: int,
    entries_by_member: Mapping[str, int],
    per_member_limit: int,
) -> JoinTriage:
    """Accept requests strictly in arrival order while seats remain; refuse the rest."""
    ordered: Sequence[JoinRequest] = sorted(requests, key=lambda r: (r.arrived_at, r.sequence))
    held = dict(entries_by_member)
    accepted: list[JoinRequest] = []
    refused: list[tuple[JoinRequest, str]] = []
    for request in ordered:
        reason = _refusal(request, state, free_seats - len(accepted), held, per_member_limit)
        if reason:
            refused.append((request, reason))
            continue
        accepted.append(request)
        held[request.member_id] = held.get(request.member_id, 0) + 1
    return JoinTriage(accepted, refused)


def _refusal(
    request: JoinRequest, state: GroupState, free: int, held: Mapping[str, int], limit: int
) -> str | None:
    if state is not GroupState.OPEN:
        return REASON_NOT_OPEN
    if free <= 0:
        return REASON_FULL
    if held.get(request.member_id, 0) >= limit:
        return REASON_MEMBER_LIMIT
    return None
