from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from central.auth import current_terminal, platform_of
from central.errors import ApiError
from central.phone.payments import run_refunds
from central.platform import TerminalContext
from central.schemas import PushRequest
from central.services import pull as pull_service
from central.services.push import Op, push

router = APIRouter(prefix="/v1", tags=["sync"])
Terminal = Annotated[TerminalContext, Depends(current_terminal)]


@router.post("/push", summary="Apply a batch of outbox ops exactly once")
def push_ops(body: PushRequest, request: Request, response: Response, terminal: Terminal) -> dict[str, Any]:
    if body.terminal_id != terminal.terminal_id:
        raise ApiError(403, "wrong_terminal", "terminal_id does not match the API token")
    ops = [Op(o.seq, o.op_id, o.kind, o.payload) for o in body.batch]
    head = body.audit_head.model_dump() if body.audit_head else None
    platform = platform_of(request)
    answer = push(platform, terminal, ops, head)
    # Deposits of join requests the store refused (full, expired) go back at once.
    run_refunds(platform.sessions, request.app.state.phone.payments, platform.clock())
    # The next batch comes on a new connection, which the least busy worker process accepts: a
    # kept-alive one would pin all of a terminal's batches to one worker while others sit idle
    # (docs/sync-protocol.md, Push). A push carries up to hundreds of ops: one connect more is
    # nothing beside it.
    response.headers["Connection"] = "close"
    return answer


MAX_CURSOR = 512  # ours are ~60 characters


@router.get("/pull", summary="Platform-owned data changed since the cursor")
def pull(request: Request, terminal: Terminal, cursor: str | None = None,
         limit: Annotated[int, Query(ge=1, le=pull_service.MAX_PAGE_MEMBERS)] = pull_service.PAGE_MEMBERS,
         ) -> dict[str, Any]:
    # A cursor that is not one of ours (too long, not base64 JSON, another database) means a
    # full reload (`reset: true`), never an error.
    if cursor is not None and len(cursor) > MAX_CURSOR:
        cursor = None
    with platform_of(request).tx() as session:
        return pull_service.pull(session, terminal, cursor, limit)
