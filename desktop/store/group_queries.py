"""The shared reads of groups and their entries: one home for the queries several services
(groups, draws, join requests, views, printing data) run inside their own transactions."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.deals import DealTerms, terms_from_dict
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.store.deal_models import Deal, Group, GroupEntry, JoinRequest


def terms_from_json(text: str) -> DealTerms:
    """A deal's terms as the `deals.terms` column stores them (desktop.services.deals writes it)."""
    return terms_from_dict(json.loads(text))


def get_group(session: Session, group_id: str) -> Group:
    group = session.get(Group, group_id)
    if group is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no group {id}"), id=group_id)
    return group


def deal_of(session: Session, group: Group) -> Deal:
    deal = session.get(Deal, group.deal_id)
    assert deal is not None  # foreign key
    return deal


def group_terms(session: Session, group: Group) -> DealTerms:
    return terms_from_json(deal_of(session, group).terms)


def entries_of(session: Session, group_id: str) -> list[GroupEntry]:
    """The group's entries in join order (the order the draw hashes them in)."""
    return list(session.scalars(
        select(GroupEntry).where(GroupEntry.group_id == group_id).order_by(GroupEntry.position)
    ))


def pending_join_requests(session: Session, group_id: str) -> dict[str, JoinRequest]:
    """The group's join requests not decided yet, by request id."""
    rows = session.scalars(select(JoinRequest).where(JoinRequest.group_id == group_id,
                                                     JoinRequest.status == "pending"))
    return {row.request_id: row for row in rows}


def groups_with_pending_requests(session: Session) -> list[str]:
    """Ids of groups this terminal holds (owns) with join requests still pending, oldest first."""
    query = (select(JoinRequest.group_id).join(Group, Group.id == JoinRequest.group_id)
             .where(JoinRequest.status == "pending")
             .group_by(JoinRequest.group_id).order_by(JoinRequest.group_id))
    return list(session.scalars(query))
