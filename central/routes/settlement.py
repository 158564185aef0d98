"""A terminal's settlement statement (docs/sync-protocol.md, Statements) and its alliance view."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from central.auth import current_terminal, platform_of
from central.errors import ApiError, invalid
from central.platform import TerminalContext
from central.services import alliance_view, statements

router = APIRouter(prefix="/v1")
MAX_SPAN = timedelta(days=366)
Terminal = Annotated[TerminalContext, Depends(current_terminal)]


@router.get("/statement", tags=["settlement"],
            summary="The settlement statement of the terminal's store or merchant for a period (paged)")
def statement(request: Request, terminal: Terminal,
              period: Annotated[str | None, Query(max_length=8)] = None,
              day: Annotated[date | None, Query()] = None,
              start: Annotated[datetime | None, Query(alias="from")] = None,
              end: Annotated[datetime | None, Query(alias="to")] = None,
              scope: Annotated[str, Query(pattern="^(store|merchant)$")] = "store",
              merchant_id: Annotated[str | None, Query(max_length=64)] = None,
              cursor: Annotated[str | None, Query(max_length=512)] = None,
              limit: Annotated[int, Query(ge=1, le=statements.MAX_PAGE)] = 1000,
              rows: bool = False) -> Response:
    """A paired terminal reads its own merchant's statements only: naming another merchant is
    refused (403), whatever that merchant is. The first page (no `cursor`) carries the balances
    and totals; `more` and `cursor` lead to the next page, lines only, in (booked_at, line id)
    order. `rows=true`: the lines as rows under `line_fields`."""
    if merchant_id is not None and merchant_id != terminal.merchant_id:
        raise ApiError(403, "forbidden", "a terminal reads its own merchant's statements only")
    if period is not None:
        start, end = statements.bounds(period, day or platform_of(request).clock().date())
    if start is None or end is None:
        raise invalid("give period (and day), or from and to")
    if end - start > MAX_SPAN:
        raise invalid("'from' and 'to' may be at most 366 days apart")
    with platform_of(request).tx() as session:
        answer = statements.statement(session, terminal.merchant_id, start, end,
                                      store_id=terminal.store_id if scope == "store" else None,
                                      cursor=cursor, limit=limit, rows=rows)
    return _json(request, answer)


GZIP_FROM = 64 * 1024  # a page of a month is megabytes of JSON: gzip at level 1 makes it a fifth


def _json(request: Request, answer: dict[str, Any]) -> Response:
    """Plain JSON already (no encoder walk over thousands of lines), gzipped when it is big and
    the client takes gzip (a fast level: it costs less than the bytes it saves on a real link)."""
    body = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(body) < GZIP_FROM or "gzip" not in request.headers.get("accept-encoding", "").lower():
        return Response(body, media_type="application/json")
    return Response(gzip.compress(body, compresslevel=1, mtime=0), media_type="application/json",
                    headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})


@router.get("/alliance", tags=["settlement"],
            summary="Members locked to the terminal's merchant, their spend elsewhere and the share earned")
def alliance(request: Request, terminal: Terminal,
             start: Annotated[datetime, Query(alias="from")],
             end: Annotated[datetime, Query(alias="to")]) -> dict[str, Any]:
    with platform_of(request).tx() as session:
        return alliance_view.view(session, terminal.merchant_id, start, end)
