"""The phone's pages and their JSON API (docs/phone.md). Pages are static templates (package
data) filled with the CSRF token; the scripts beside them fetch the JSON below. Every
state-changing call needs the `X-CSRF-Token` header; member calls need the session cookie."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from central.auth import platform_of
from central.errors import ApiError
from central.models import Group, PaymentOrder
from central.phone import payments, signin, views
from central.phone.payments import PaymentProvider, SandboxPayments
from central.phone.sms import SmsProvider
from central.platform import Platform
from central.services import beacons, coin_consents, coins
from central.services.join_requests import (
    RateLimited,
    check_rates,
    check_taking_joiners,
    find_group,
)
from desktop.core.draw import is_valid_nonce
from desktop.core.urls import is_local_host

router = APIRouter(include_in_schema=False)
STATIC = ("phone.css", "phone.js", "text.js", "drawcheck.js", "join.js", "draw.js", "member.js", "signin.js",
          "sandbox.js")
TYPES = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}


@dataclass
class PhoneConfig:
    sms: SmsProvider | None  # None: no SMS provider configured (sign-in answers not_configured)
    payments: dict[str, PaymentProvider]
    default_payment: str | None  # None: no payment provider configured
    csrf_key: bytes

    def sms_provider(self) -> SmsProvider:
        if self.sms is None:
            raise ApiError(503, "not_configured", "sign-in by SMS is not configured on this platform")
        return self.sms

    def payment_provider(self) -> PaymentProvider:
        if self.default_payment is None:
            raise ApiError(503, "not_configured", "deposit payments are not configured on this platform")
        return self.payments[self.default_payment]


def config_of(request: Request) -> PhoneConfig:
    config: PhoneConfig = request.app.state.phone
    return config


@cache
def _template(name: str) -> str:
    return resources.files("central.phone").joinpath("static", name).read_text("utf-8")


def _page(request: Request, name: str) -> HTMLResponse:
    pre = request.cookies.get(signin.PRE_COOKIE)
    fresh = not pre or len(pre) > 100
    if fresh:
        pre = signin.new_pre()
    assert pre is not None
    html = _template(name).replace("{{csrf}}", signin.csrf_token(config_of(request).csrf_key, pre))
    response = HTMLResponse(html, headers={"Cache-Control": "no-store"})
    if fresh:
        _cookie(request, response, signin.PRE_COOKIE, pre, max_age=30 * 86400)
    return response


def _cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    # Secure whenever the page came over https or from a non-local host; plain http is only
    # for this computer and the local network (development, the demo).
    secure = request.url.scheme == "https" or not is_local_host(request.url.hostname or "")
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax", secure=secure, path="/")


def require_csrf(request: Request) -> None:
    if not signin.csrf_ok(config_of(request).csrf_key, request.cookies.get(signin.PRE_COOKIE),
                          request.headers.get("x-csrf-token")):
        raise ApiError(403, "csrf", "this page is out of date: reload it and try again")


def optional_member(request: Request) -> str | None:
    platform = platform_of(request)
    with platform.tx() as session:
        return signin.session_member(session, request.cookies.get(signin.SESSION_COOKIE), platform.clock())


def signed_in(request: Request) -> str:
    member = optional_member(request)
    if member is None:
        raise ApiError(401, "member_unauthorized", "sign in with your phone first")
    return member


Csrf = Annotated[None, Depends(require_csrf)]
Member = Annotated[str, Depends(signed_in)]
MaybeMember = Annotated[str | None, Depends(optional_member)]


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# --- pages ---------------------------------------------------------------------------------

@router.get("/j/{group_id}")
def join_page(request: Request, group_id: str) -> HTMLResponse:
    return _page(request, "join.html")


@router.get("/signin")
def signin_page(request: Request) -> HTMLResponse:
    return _page(request, "signin.html")


@router.get("/d/{group_id}")
def draw_page(request: Request, group_id: str) -> HTMLResponse:
    return _page(request, "draw.html")


@router.get("/m")
def member_page(request: Request) -> HTMLResponse:
    return _page(request, "member.html")


@router.get("/sandbox/pay/{order_id}")
def sandbox_page(request: Request, order_id: str) -> HTMLResponse:
    return _page(request, "sandbox.html")


@router.get("/static/phone/{name}")
def static_file(name: str) -> Response:
    if name not in STATIC:
        raise ApiError(404, "not_found", "no such file")
    return Response(_template(name), media_type=TYPES[name.rsplit(".", 1)[1]],
                    headers={"Cache-Control": "public, max-age=300"})


# --- sign-in -------------------------------------------------------------------------------

class PhoneBody(BaseModel):
    phone: str = Field(max_length=32)


class CodeBody(BaseModel):
    phone: str = Field(max_length=32)
    code: str = Field(max_length=12)


def _limited(exc: RateLimited) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=429, headers={"Retry-After": str(exc.retry_after)})


@router.post("/p/api/sms")
def send_code(body: PhoneBody, request: Request, _csrf: Csrf) -> Any:
    platform = platform_of(request)
    try:
        with platform.tx() as session:
            masked = signin.send_code(session, config_of(request).sms_provider(), body.phone, _address(request),
                                      platform.clock())
    except RateLimited as exc:
        return _limited(exc)
    return {"sent_to": masked}


@router.post("/p/api/signin")
def sign_in(body: CodeBody, request: Request, _csrf: Csrf) -> Any:
    platform = platform_of(request)
    now = platform.clock()
    try:
        with platform.tx() as session:  # commits the counted try, right or wrong (signin.try_code)
            member_id = signin.try_code(session, body.phone, body.code, now)
            token = signin.open_session(session, member_id, now) if member_id is not None else None
    except RateLimited as exc:
        return _limited(exc)
    if member_id is None or token is None:
        raise signin.WrongCode()
    response = JSONResponse({"member_id": member_id})
    _cookie(request, response, signin.SESSION_COOKIE, token, max_age=int(signin.SESSION_TTL.total_seconds()))
    return response


@router.post("/p/api/signout")
def sign_out(request: Request, _csrf: Csrf) -> Any:
    with platform_of(request).tx() as session:
        signin.close_session(session, request.cookies.get(signin.SESSION_COOKIE))
    response = JSONResponse({"signed_out": True})
    response.delete_cookie(signin.SESSION_COOKIE, path="/")
    return response


# --- the join page -------------------------------------------------------------------------

@router.get("/p/api/groups/{group_id}")
def group_info(group_id: str, request: Request, member: MaybeMember,
               t: Annotated[str, Query(max_length=200)] = "") -> Any:
    platform = platform_of(request)
    if member is not None:
        _refresh_orders(request, platform, member)
    with platform.tx() as session:
        return views.group_page(session, find_group(session, group_id, t), member, platform.clock())


@router.get("/p/api/groups/{group_id}/seats")
def group_seats(group_id: str, request: Request, t: Annotated[str, Query(max_length=200)] = "") -> Any:
    platform = platform_of(request)
    with platform.tx() as session:
        return views.seats(session, find_group(session, group_id, t), platform.clock())


class OrderBody(BaseModel):
    t: str = Field(max_length=200)
    nonce: str = Field(max_length=128)


@router.post("/p/api/groups/{group_id}/orders")
def create_order(group_id: str, body: OrderBody, request: Request, member: Member, _csrf: Csrf) -> Any:
    """Pay the deposit for a seat: the order is created, the provider's page is where to pay."""
    platform, config = platform_of(request), config_of(request)
    now = platform.clock()
    provider = config.payment_provider()
    if not is_valid_nonce(body.nonce):
        raise ApiError(422, "bad_nonce", "the entry's random number must be lower-case hex of 16 bytes or more")
    try:
        with platform.tx() as session:
            check_rates(session, member, _address(request), now)
    except RateLimited as exc:
        return _limited(exc)
    with platform.tx() as session:
        group = find_group(session, group_id, body.t, lock=True)
        existing = session.scalar(select(PaymentOrder).where(
            PaymentOrder.store_id == group.store_id, PaymentOrder.group_id == group.id,
            PaymentOrder.member_id == member))
        if existing is None:
            check_taking_joiners(session, group, now)
            if views.seats(session, group)["left"] <= 0:
                raise ApiError(409, "group_full", "no seat is left in this group")
            price = views.group_page(session, group, None)["deal"]["price_fen"]
            existing = payments.new_order(session, provider, member, group.store_id, group.id, body.nonce,
                                          price, now)
        order_id, amount, status = existing.id, existing.amount_fen, existing.status
    back = f"/j/{group_id}?t={body.t}"
    pay_url = provider.create(order_id, amount, str(request.url_for("payment_notice", provider=provider.name)),
                              back) if status == "created" else back
    return {"order_id": order_id, "status": status, "pay_url": pay_url}


def _refresh_orders(request: Request, platform: Platform, member_id: str) -> None:
    """The query step: an order still `created` is asked about (a notice may be late or lost),
    then refunds waiting for this member are made."""
    config = config_of(request)
    with platform.tx() as session:
        waiting = [(o.id, o.provider) for o in session.scalars(select(PaymentOrder).where(
            PaymentOrder.member_id == member_id, PaymentOrder.status == "created"))]
    for order_id, name in waiting:
        provider = config.payments.get(name)
        notice = provider.query(order_id) if provider is not None else None
        if notice is not None and notice.paid:
            with platform.tx() as session:
                payments.apply_paid(session, notice, platform.clock())
    payments.run_refunds(platform.sessions, config.payments, platform.clock(), member_id)


@router.post("/p/payments/{provider}/notify", name="payment_notice")
async def payment_notice(provider: str, request: Request) -> Any:
    config, platform = config_of(request), platform_of(request)
    chosen = config.payments.get(provider)
    body = await request.body()
    notice = chosen.parse_notice(body[:4096], request.headers.get("x-sandbox-signature", "")) if chosen else None
    if notice is None:
        raise ApiError(403, "bad_signature", "not a notice signed by this payment provider")
    return _apply_notice(platform, config, notice)


def _apply_notice(platform: Platform, config: PhoneConfig, notice: payments.Notice) -> dict[str, Any]:
    with platform.tx() as session:
        order = payments.apply_paid(session, notice, platform.clock())
        answer = {"order_id": notice.order_id, "status": order.status if order else "unknown"}
    payments.run_refunds(platform.sessions, config.payments, platform.clock())
    return answer


@router.post("/sandbox/pay/{order_id}")
def sandbox_pay(order_id: str, request: Request, member: Member, _csrf: Csrf) -> Any:
    sandbox = config_of(request).payments.get("sandbox")
    if not isinstance(sandbox, SandboxPayments):
        raise ApiError(404, "not_found", "no sandbox on this platform")
    with platform_of(request).tx() as session:
        order = session.get(PaymentOrder, order_id)
        if order is None or order.member_id != member:
            raise ApiError(404, "not_found", "no such sandbox order")
    charge = sandbox.pay(order_id)
    if charge is None:
        raise ApiError(404, "not_found", "no such sandbox order")
    return {"order_id": order_id, "state": charge.state}


@router.get("/p/api/sandbox/{order_id}")
def sandbox_order(order_id: str, request: Request, member: Member) -> Any:
    """The sandbox page's order: only to the member who made it (anyone else: not found)."""
    platform = platform_of(request)
    if not isinstance(config_of(request).payments.get("sandbox"), SandboxPayments):
        raise ApiError(404, "not_found", "no sandbox on this platform")
    with platform.tx() as session:
        order = session.get(PaymentOrder, order_id)
        if order is None or order.provider != "sandbox" or order.member_id != member:
            raise ApiError(404, "not_found", "no such sandbox order")
        group = session.get(Group, (order.store_id, order.group_id))
        return {"order_id": order.id, "amount_fen": order.amount_fen, "group_id": order.group_id,
                "status": order.status, "product": views.group_page(session, group, None)["deal"]["product"]
                if group else ""}


# --- the result page and the member page -------------------------------------------------------

@router.get("/p/api/draws/{group_id}")
def draw_info(group_id: str, request: Request, member: MaybeMember,
              s: Annotated[str, Query(max_length=64)] = "") -> Any:
    with platform_of(request).tx() as session:
        query = select(Group).where(Group.id == group_id)
        if s:
            query = query.where(Group.store_id == s)
        found = list(session.scalars(query.limit(2)))
        if len(found) != 1:
            raise ApiError(404, "not_found", "no such group: scan the QR code on the draw slip again")
        page = views.draw_page(session, found[0], member)
    page["platform_key"] = beacons.public_key_hex(platform_of(request).signing_key)
    return page


@router.get("/p/api/me")
def me(request: Request, member: Member) -> Any:
    platform = platform_of(request)
    with platform.tx() as session:
        coins.expire_lapsed(session, platform, member)
        page = views.member_page(session, member)
        page["authorizations"] = coins.member_view(session, platform, member)["authorizations"]
        return page


@router.get("/p/api/me/code")
def my_code(request: Request, member: Member) -> Any:
    platform = platform_of(request)
    with platform.tx() as session:
        return views.member_code(session, member, platform.clock())


class OfflineBody(BaseModel):
    store_id: str = Field(max_length=64)
    max_coins: int = Field(ge=1, le=2**31)
    ttl_seconds: int = Field(ge=60, le=86400)


@router.post("/p/api/me/coin-authorizations")
def offline_coins(body: OfflineBody, request: Request, member: Member, _csrf: Csrf) -> Any:
    """Use coins offline: the platform reserves them and signs a token the counter verifies."""
    platform = platform_of(request)
    with platform.tx() as session:
        answer = coins.authorize(session, platform, coin_consents.by_member(member), body.store_id,
                                 body.max_coins, timedelta(seconds=body.ttl_seconds))
    answer["svg"] = views.qr_svg(str(answer.get("token", "")))
    return answer
