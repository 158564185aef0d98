"""The reference platform's FastAPI application."""

from __future__ import annotations

import logging
from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from central.db import make_engine, session_factory, transaction
from central.errors import ApiError
from central.limits import Limits, LimitsMiddleware
from central.migrate import upgrade
from central.phone import routes as phone
from central.phone.payments import PaymentProvider, SandboxPayments
from central.phone.security import install_headers
from central.phone.signin import csrf_key
from central.phone.sms import DevelopmentSms, SmsProvider
from central.platform import Platform
from central.routes import beacons, coins, misc, pairing, settlement, sync
from central.services.changes import ensure_state, load_signing_key
from desktop.core.clock import Clock, utc_now

API_VERSION = "1.0.0"
log = logging.getLogger("central")


def create_app(db_url: str, signing_key: Ed25519PrivateKey | None = None, *,
               clock: Clock = utc_now, capture_grace: timedelta = timedelta(hours=72),
               limits: Limits | None = None, sms: SmsProvider | None = None,
               payments: PaymentProvider | None = None, dev_providers: bool = False,
               reversal_window: timedelta = timedelta(hours=1)) -> FastAPI:
    """Migrate the database at `db_url` to head and build the app around it.

    `dev_providers`: the development SMS provider (codes in the log) and the payment sandbox
    (free deposits), for the demo, tests and development only (`pinshang central
    --dev-providers`): never on a deployed platform. Without them and without real providers
    the phone's sign-in and deposit answer 503 `not_configured`."""
    engine = make_engine(db_url)
    upgrade(engine)
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        ensure_state(session, signing_key)
        key = load_signing_key(session)
    app = FastAPI(title="Pinshang central platform", version=API_VERSION,
                  description="Pairing, push/pull sync, coins and reconciliation for Pinshang "
                              "Counter terminals. See docs/sync-protocol.md.")
    app.state.platform = Platform(sessions, clock, key, capture_grace, reversal_window)
    app.state.engine = engine
    for module in (pairing, sync, coins, misc, beacons, settlement, phone):
        app.include_router(module.router)
    # The customer's phone (central/phone): the providers given; the development SMS provider
    # and the payment sandbox only when asked for.
    providers: dict[str, PaymentProvider] = {}
    if dev_providers:
        sms = sms or DevelopmentSms()
        sandbox = SandboxPayments(sessions, csrf_key(key) + b"sandbox", clock)
        providers[sandbox.name] = sandbox
        payments = payments or sandbox
        log.warning("development providers on: sign-in codes go to the log, deposits to the payment "
                    "sandbox (never deploy like this)")
    if payments is not None:
        providers[payments.name] = payments
    app.state.phone = phone.PhoneConfig(sms, providers, payments.name if payments else None, csrf_key(key))
    install_headers(app)
    _install_error_handlers(app)
    app.state.limits = limits or Limits()
    app.add_middleware(LimitsMiddleware, limits=app.state.limits)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()))
        # The message only: pydantic's "input" would echo the client's bytes back.
        return JSONResponse({"error": "invalid_request", "reason": _text(f"{where}: {first.get('msg')}")},
                            status_code=422)

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        # Starlette's own refusals: unknown path (404), wrong method (405), a body that is
        # not JSON (400). Same shape as ours.
        codes = {400: "invalid_request", 404: "not_found", 405: "method_not_allowed"}
        return JSONResponse({"error": codes.get(exc.status_code, "http_error"), "reason": _text(str(exc.detail))},
                            status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # A bug: the log has everything, the client nothing but a sentence.
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"error": "internal", "reason": "the platform failed on this request; "
                                      "the error is logged. Try again later."}, status_code=500)


def _text(reason: str) -> str:
    """A reason safe to send: valid UTF-8, bounded."""
    return reason.encode("utf-8", "replace").decode("utf-8")[:500]
