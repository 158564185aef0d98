from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from central.auth import current_terminal, platform_of
from central.platform import TerminalContext
from central.schemas import JoinRequestBody
from central.services import join_requests
from central.services.reconcile import reconcile as reconcile_lines

router = APIRouter(prefix="/v1")
Terminal = Annotated[TerminalContext, Depends(current_terminal)]


@router.post("/groups/{group_id}/join-requests", tags=["groups"],
             summary="A customer's phone asks to join a group (no terminal token)")
def create_join_request(group_id: str, body: JoinRequestBody, request: Request) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:
        return join_requests.create(session, group_id, body.member_id, body.nonce, platform.clock())


@router.get("/reconcile", tags=["reconciliation"], summary="The platform's lines for a period")
def reconcile(request: Request, terminal: Terminal,
              start: Annotated[datetime, Query(alias="from")],
              end: Annotated[datetime, Query(alias="to")]) -> dict[str, Any]:
    # The service checks the bounds (UTC years, from <= to, at most a year): 422, never a 500.
    with platform_of(request).tx() as session:
        return reconcile_lines(session, terminal, start, end)
