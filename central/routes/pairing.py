from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from central.auth import platform_of
from central.schemas import PairRequest
from central.services import pairing

router = APIRouter(prefix="/v1", tags=["pairing"])


@router.post("/pair", summary="Pair a terminal with a one-time code")
def pair(body: PairRequest, request: Request) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:
        return pairing.pair(session, body.code, body.public_key, body.name, platform.clock(),
                            platform.signing_key)


@router.get("/health", summary="Liveness probe")
def health() -> dict[str, str]:
    return {"status": "ok"}
