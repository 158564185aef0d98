from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from central.auth import current_member, current_terminal, platform_of
from central.platform import TerminalContext
from central.schemas import JoinRequestBody
from central.services import join_requests
from central.services.members import MemberContext
from central.services.reconcile import reconcile as reconcile_lines

router = APIRouter(prefix="/v1")
Terminal = Annotated[TerminalContext, Depends(current_terminal)]


@router.post("/groups/{group_id}/join-requests", tags=["groups"],
             summary="A signed-in member's phone asks to join a group (invite's join token)",
             response_model=None)
def create_join_request(group_id: str, body: JoinRequestBody, request: Request,
                        member: Annotated[MemberContext, Depends(current_member)]) -> Any:
    platform = platform_of(request)
    now = platform.clock()
    address = request.client.host if request.client else "unknown"
    try:
        with platform.tx() as session:  # counted even when the request is then refused
            join_requests.check_rates(session, member.member_id, address, now)
    except join_requests.RateLimited as exc:
        return JSONResponse(exc.body(), status_code=429, headers={"Retry-After": str(exc.retry_after)})
    with platform.tx() as session:
        return join_requests.create(session, group_id, body.join_token, member.member_id, body.nonce, now)


@router.get("/reconcile", tags=["reconciliation"], summary="The platform's lines for a period")
def reconcile(request: Request, terminal: Terminal,
              start: Annotated[datetime, Query(alias="from")],
              end: Annotated[datetime, Query(alias="to")]) -> dict[str, Any]:
    # The service checks the bounds (UTC years, from <= to, at most a year): 422, never a 500.
    with platform_of(request).tx() as session:
        return reconcile_lines(session, terminal, start, end)
