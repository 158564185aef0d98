"""A member's consent to move their coins, as the platform checks it (docs/sync-protocol.md).

A terminal never moves a member's coins on its own word. It presents, for this one request:
- the member's rotating member code (desktop/core/member_codes.py) scanned from their phone,
  checked and used up here (one use, about two minutes); or
- a consent id: `give_consent` turns a member code into a consent bound to THIS terminal and
  member, good for one capture or authorization within CONSENT_TTL; the answer carries the
  member's available coins so the counter can show them before it asks for an amount.
Offline, the consent is a coin authorization the platform issued (central/services/coins.py).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.models import CoinConsent, Member, MemberCodeFailure
from central.platform import Platform, TerminalContext
from central.services import coin_ledger, members
from desktop.core.member_codes import parse_member_code

CONSENT_TTL = timedelta(minutes=2)
# Guessing codes: 5 steps of 10^8 are accepted, so a wrong code is a guess worth 5e-8. At most
# WRONG_CODES_PER_MEMBER wrong codes naming a member, and WRONG_CODES_PER_TERMINAL from one
# terminal, within CODE_FAILURE_WINDOW; then codes are refused (429) until the window passes.
WRONG_CODES_PER_MEMBER = 10
WRONG_CODES_PER_TERMINAL = 30
CODE_FAILURE_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class Consented:
    """Proof, inside the platform, that the member consented: at `terminal_id` (a member code or
    a consent id, used up), or from their own phone (terminal_id None, their sign-in)."""

    member_id: str
    terminal_id: str | None


def by_member(member_id: str) -> Consented:
    """The member asked themselves, signed in on their phone (central.auth.current_member)."""
    return Consented(member_id, None)


def give_consent(session: Session, platform: Platform, ctx: TerminalContext,
                 member_code: str) -> dict[str, Any]:
    """Use up a member code; a consent for one coin movement at this terminal, with the balance."""
    now = platform.clock()
    member_id = consume(session, platform, ctx, member_code, "coins.consent")
    consent = CoinConsent(consent_id=secrets.token_hex(16), member_id=member_id,
                          terminal_id=ctx.terminal_id, created_at=now, expires_at=now + CONSENT_TTL)
    session.add(consent)
    member = session.get(Member, member_id)
    # The member's lock, so the counter records the alliance share its sale implies (docs/settlement.md).
    home = member.home_merchant_id if member is not None else None
    return {"consent_id": consent.consent_id, "member_id": member_id,
            "expires_at": consent.expires_at.isoformat(), "available": available(session, member_id),
            "home_merchant_id": home}


def available(session: Session, member_id: str) -> int:
    return coin_ledger.available(session, coin_ledger.member_account(member_id))


def _live_consent(session: Session, platform: Platform, ctx: TerminalContext, consent_id: str,
                  member_id: str) -> CoinConsent:
    consent = session.execute(
        select(CoinConsent).where(CoinConsent.consent_id == consent_id).with_for_update()
    ).scalar_one_or_none()
    if consent is None or consent.terminal_id != ctx.terminal_id or consent.member_id != member_id:
        raise ApiError(403, "consent_invalid",
                       "no such consent of this member at this terminal: scan the member's code again")
    if consent.used_at is not None:
        raise ApiError(403, "consent_used", "this consent was used already: scan the member's code again")
    if platform.clock() >= consent.expires_at:
        raise ApiError(403, "consent_expired", "the member's consent has expired: scan their code again")
    return consent


def check_consent(session: Session, platform: Platform, ctx: TerminalContext, consent_id: str,
                  member_id: str) -> None:
    """A live consent of this member at this terminal (not used up: balance reads)."""
    _live_consent(session, platform, ctx, consent_id, member_id)


def require_consent(session: Session, platform: Platform, ctx: TerminalContext, member_id: str, *,
                    member_code: str | None, consent_id: str | None, purpose: str) -> Consented:
    """The member's consent for one coin movement, used up; ApiError 403 when there is none."""
    now = platform.clock()
    if member_code:
        consume(session, platform, ctx, member_code, purpose, member_id)
    elif consent_id:
        _live_consent(session, platform, ctx, consent_id, member_id).used_at = now
    else:
        raise ApiError(403, "consent_required",
                       "a terminal moves a member's coins only with the member's consent: "
                       "scan the member code on their phone, or accept their coin authorization")
    return Consented(member_id, ctx.terminal_id)


def _named_member(text: str, member_id: str | None) -> str:
    parsed = parse_member_code(text)
    return parsed.member_id if parsed is not None else (member_id or "")


def consume(session: Session, platform: Platform, ctx: TerminalContext, text: str, purpose: str,
            member_id: str | None = None) -> str:
    """members.consume_code behind the wrong-code budget (429 member_code_locked)."""
    now = platform.clock()
    named = _named_member(text, member_id)
    since = now - CODE_FAILURE_WINDOW
    by_member, by_terminal = session.execute(select(
        func.count().filter(MemberCodeFailure.member_id == named),
        func.count().filter(MemberCodeFailure.terminal_id == ctx.terminal_id),
    ).where(MemberCodeFailure.at >= since, or_(MemberCodeFailure.member_id == named,
                                               MemberCodeFailure.terminal_id == ctx.terminal_id))).one()
    if by_member >= WRONG_CODES_PER_MEMBER or by_terminal >= WRONG_CODES_PER_TERMINAL:
        raise ApiError(429, "member_code_locked", "too many wrong member codes: member codes are refused "
                       f"for {int(CODE_FAILURE_WINDOW.total_seconds() // 60)} minutes")
    return members.consume_code(session, text, purpose, now, member_id=member_id)


def require_consent_counting(session: Session, platform: Platform, ctx: TerminalContext, member_id: str, *,
                             member_code: str | None, consent_id: str | None, purpose: str) -> Consented:
    """require_consent, with a refused member code counted towards the guessing limit before
    the refusal is raised (the caller's transaction must still commit)."""
    try:
        return require_consent(session, platform, ctx, member_id, member_code=member_code,
                               consent_id=consent_id, purpose=purpose)
    except ApiError as exc:
        note_wrong_code(session, platform, ctx, exc, member_code, member_id)
        raise


def note_wrong_code(session: Session, platform: Platform, ctx: TerminalContext, error: ApiError,
                    text: str | None, member_id: str | None = None) -> None:
    """Count a refused code (call in a transaction that commits, after the refusing one)."""
    if error.code == "member_code_invalid" and text:
        session.add(MemberCodeFailure(member_id=_named_member(text, member_id)[:64],
                                      terminal_id=ctx.terminal_id, at=platform.clock()))
