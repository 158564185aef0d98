"""Online join requests: a customer's phone asks to join a group; the owning terminal answers."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from central.errors import ApiError, invalid, not_found
from central.models import Group, JoinRequest, Member
from central.services.admin import new_id
from central.services.changes import next_change_seq

_NONCE = re.compile(r"^[0-9a-f]{32,128}$")


def create(session: Session, group_id: str, member_id: str, nonce: str, now: datetime) -> dict[str, Any]:
    group = session.get(Group, group_id)
    if group is None:
        raise not_found("group", group_id)
    if group.state != "open":
        raise ApiError(409, "group_closed", f"group {group_id} is {group.state}: it takes no joiners")
    if session.get(Member, member_id) is None:
        raise not_found("member", member_id)
    if not _NONCE.match(nonce):
        raise invalid("nonce must be lower-case hex of at least 16 random bytes")
    request = JoinRequest(id=new_id("J"), group_id=group_id, store_id=group.store_id,
                          member_id=member_id, nonce=nonce, status="pending", created_at=now,
                          change_seq=next_change_seq(session))
    session.add(request)
    session.flush()
    return {"request_id": request.id, "group_id": group_id, "status": "pending"}
