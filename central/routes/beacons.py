"""The draw beacon of pinshang-draw-v2 and the platform's public key (docs/sync-protocol.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from central.auth import current_terminal, platform_of
from central.platform import TerminalContext
from central.services import beacons

router = APIRouter(prefix="/v1", tags=["draws"])
Terminal = Annotated[TerminalContext, Depends(current_terminal)]


class BeaconRequest(BaseModel):
    commitment: str = Field(pattern=r"^[0-9a-f]{64}$")
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")


@router.post("/groups/{group_id}/beacon", summary="The owning terminal asks for its full group's "
             "beacon (once per group, only for the entries the platform holds)")
def beacon(group_id: str, body: BeaconRequest, request: Request, terminal: Terminal) -> dict[str, Any]:
    platform = platform_of(request)
    with platform.tx() as session:
        return beacons.issue(session, platform.signing_key, terminal, group_id[:64], body.commitment,
                             body.digest, platform.clock())


@router.get("/platform-key", summary="The platform's Ed25519 public key (beacons, coin tokens)")
def platform_key(request: Request) -> dict[str, str]:
    return {"platform_key": beacons.public_key_hex(platform_of(request).signing_key)}
