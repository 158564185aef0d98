"""The reference platform's FastAPI application."""

from __future__ import annotations

from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from central.db import make_engine, session_factory, transaction
from central.errors import ApiError
from central.migrate import upgrade
from central.platform import Platform
from central.routes import coins, misc, pairing, sync
from central.services.changes import ensure_state, load_signing_key
from desktop.core.clock import Clock, utc_now

API_VERSION = "1.0.0"


def create_app(db_url: str, signing_key: Ed25519PrivateKey | None = None, *,
               clock: Clock = utc_now, capture_grace: timedelta = timedelta(hours=72)) -> FastAPI:
    """Migrate the database at `db_url` to head and build the app around it."""
    engine = make_engine(db_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        ensure_state(session, signing_key)
        key = load_signing_key(session)
    app = FastAPI(title="Pinshang central platform", version=API_VERSION,
                  description="Pairing, push/pull sync, coins and reconciliation for Pinshang "
                              "Counter terminals. See docs/sync-protocol.md.")
    app.state.platform = Platform(sessions, clock, key, capture_grace)
    app.state.engine = engine
    for module in (pairing, sync, coins, misc):
        app.include_router(module.router)
    _install_error_handlers(app)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse({"error": "invalid_request", "reason": f"{where}: {first.get('msg')}"},
                            status_code=422)
