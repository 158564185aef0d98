"""Groups as the platform sees them: the published commitment, states, and draw checking."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from central.errors import OpRejected
from central.models import Group
from central.platform import TerminalContext


def owned_group(session: Session, terminal: TerminalContext, group_id: str) -> Group | None:
    """The group if the platform knows it; only the launching store may change it."""
    group = session.get(Group, group_id)
    if group is not None and group.store_id != terminal.store_id:
        raise OpRejected(f"group {group_id} belongs to another store")
    return group


def set_state(session: Session, terminal: TerminalContext, group_id: str, state: str,
              from_states: tuple[str, ...]) -> None:
    group = owned_group(session, terminal, group_id)
    if group is None:
        return  # opened before the platform tracked it: recorded, state not tracked
    if group.state not in from_states:
        raise OpRejected(f"group {group_id} is {group.state}: it cannot become {state}")
    group.state = state


def verify(proof: dict[str, Any]) -> tuple[bool, str]:
    from desktop.core.draw import verify_proof  # noqa: PLC0415 - written by a teammate, loaded late

    result = verify_proof(proof)
    reason = getattr(result, "sentence", None) or getattr(result, "reason", "")
    return bool(result.ok), str(reason)


def record_draw(session: Session, terminal: TerminalContext, group_id: str, proof: dict[str, Any]) -> None:
    """Recompute the proof; reject it if it does not verify or does not match the group."""
    ok, reason = verify(proof)
    if not ok:
        raise OpRejected(f"the draw proof does not verify: {reason}")
    if proof.get("group_id") != group_id:
        raise OpRejected("the draw proof is for another group")
    group = owned_group(session, terminal, group_id)
    if group is None:
        return
    if group.commitment != proof.get("commitment"):
        raise OpRejected("the draw proof's commitment differs from the one published at opening")
    if group.state != "open":
        raise OpRejected(f"group {group_id} is {group.state}: a group is drawn once")
    group.state, group.winners = "drawn", json.dumps(proof.get("winners", []))
