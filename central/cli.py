"""`pinshang central ...`: run the platform, or administer its database.

    pinshang central [--db URL] [--host 127.0.0.1] [--port 8700] [--workers N]
    pinshang central admin [--db URL] add-merchant NAME [--id ID]
    pinshang central admin add-store MERCHANT_ID NAME [--id ID]
    pinshang central admin pairing-code STORE_ID [--hours 24]
    pinshang central admin add-member PHONE NAME [--home MERCHANT_ID] [--id ID]
    pinshang central admin grant-coins MEMBER_ID COINS [--ref TEXT]
    pinshang central admin add-schedule MERCHANT_ID --from ISO --coin-settlement 20 ...
    pinshang central admin change-schedule MERCHANT_ID --from ISO ... (forward only, never in a closed period)
    pinshang central admin statement MERCHANT_ID --period month --day 2026-11-15 [--csv FILE]
    pinshang central admin close-period MERCHANT_ID --period month --day 2026-11-15 [--reason TEXT]
    pinshang central admin entry-fee MERCHANT_ID FEN --at ISO --reason TEXT
    pinshang central admin move-lock MEMBER_ID MERCHANT_ID --reason TEXT
    pinshang central admin leave-alliance MERCHANT_ID --reason TEXT
    pinshang central admin revoke-terminal TERMINAL_ID
    pinshang central admin revoke-authorization TOKEN_ID
    pinshang central admin member-token MEMBER_ID   (a new access token for the member's phone)
    pinshang central admin member-code MEMBER_ID    (the member's current rotating code)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy.orm import Session

from central.db import make_engine, session_factory, transaction
from central.errors import ApiError
from central.migrate import upgrade
from central.platform import Platform
from central.services import admin, alliance, coins, members, pairing, statements
from central.services.changes import ensure_state, load_signing_key
from central.services.schedules import Rates, add_schedule, change_schedule
from desktop.core import statement as statement_rules
from desktop.core.clock import from_iso, utc_now
from desktop.core.errors import UserError
from desktop.core.money import parse_rate
from desktop.core.phones import normalize_phone


def default_db_url() -> str:
    path = user_data_path("pinshang-central", appauthor=False, ensure_exists=True) / "central.db"
    return f"sqlite:///{path}"


def main(argv: list[str]) -> int:
    args = list(argv[1:] if argv[:1] == ["central"] else argv)
    parser = _parser()
    options = parser.parse_args(args)
    if options.command != "admin":
        from central.server import serve  # noqa: PLC0415 - uvicorn only when serving

        serve(options.db, options.host, options.port, workers=options.workers,
              dev_providers=options.dev_providers)
        return 0
    try:
        print(_run_admin(options))
    except (ApiError, UserError) as exc:
        print(f"error: {getattr(exc, 'reason', None) or exc}", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pinshang central", description="The reference platform.")
    parser.add_argument("--db", default=default_db_url(), help="SQLAlchemy URL (sqlite:///... or postgresql+psycopg://...)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8700)
    parser.add_argument("--workers", type=int, default=1,
                        help="uvicorn worker processes (use PostgreSQL for more than one)")
    parser.add_argument("--dev-providers", action="store_true",
                        help="development only, never deployed: sign-in codes in the log (no SMS sent) "
                             "and the payment sandbox (free deposits)")
    commands = parser.add_subparsers(dest="command")
    admin_parser = commands.add_parser("admin", help="administer the platform database")
    admin_parser.add_argument("--db", default=argparse.SUPPRESS)
    sub = admin_parser.add_subparsers(dest="action", required=True)
    _add(sub, "add-merchant", ("name",), ("--id",))
    _add(sub, "add-store", ("merchant_id", "name"), ("--id",))
    _add(sub, "pairing-code", ("store_id",), ("--hours",))
    _add(sub, "add-member", ("phone", "name"), ("--home", "--id"))
    _add(sub, "grant-coins", ("member_id", "coins"), ("--ref",))
    rates = ("--from", "--coin-settlement", "--turnover-commission", "--deal-commission",
             "--alliance-share", "--coin-cap", "--coin-value-fen")
    _add(sub, "add-schedule", ("merchant_id",), rates)
    _add(sub, "change-schedule", ("merchant_id",), rates)
    _add(sub, "statement", ("merchant_id",), ("--period", "--day", "--csv", "--store"))
    _add(sub, "close-period", ("merchant_id",), ("--period", "--day", "--reason"))
    _add(sub, "entry-fee", ("merchant_id", "fen"), ("--at", "--reason"))
    _add(sub, "move-lock", ("member_id", "merchant_id"), ("--reason",))
    _add(sub, "leave-alliance", ("merchant_id",), ("--reason",))
    _add(sub, "revoke-terminal", ("terminal_id",), ())
    _add(sub, "revoke-authorization", ("token_id",), ())
    _add(sub, "member-token", ("member_id",), ())
    _add(sub, "member-code", ("member_id",), ())
    _add(sub, "sms", (), ("--phone",))  # what the development SMS provider sent (sign-in codes)
    return parser


def _add(sub: Any, name: str, positional: tuple[str, ...], optional: tuple[str, ...]) -> None:
    command = sub.add_parser(name)
    for arg in positional:
        command.add_argument(arg)
    for arg in optional:
        command.add_argument(arg)


def _run_admin(options: argparse.Namespace) -> str:
    engine = make_engine(options.db)
    try:
        upgrade(engine)
        sessions = session_factory(engine)
        with transaction(sessions) as session:
            ensure_state(session, None)
            platform = Platform(sessions, utc_now, load_signing_key(session))
            return ACTIONS[options.action](session, platform, options)
    finally:
        engine.dispose()


def _schedule(session: Session, platform: Platform, o: argparse.Namespace) -> str:
    def bp(text: str | None, default: str) -> int:
        return parse_rate(text or default)

    rates = Rates(bp(o.coin_settlement, "20"), bp(o.deal_commission, "5"), bp(o.alliance_share, "2"),
                  bp(o.coin_cap, "10"), _whole(o.coin_value_fen or "1", "coin value"),
                  bp(o.turnover_commission, "3"))
    effective = _moment(o.__dict__["from"]) if o.__dict__["from"] else platform.clock()
    change = change_schedule if o.action == "change-schedule" else add_schedule
    version = change(session, o.merchant_id, effective, rates, platform.clock())
    return f"schedule version {version} for {o.merchant_id} from {effective.isoformat()}"


def _whole(text: str, what: str) -> int:
    if not text.strip().isdigit():
        raise ApiError(422, "invalid_request", f"{what} must be a whole number")
    return int(text)


def _moment(text: str) -> datetime:
    try:
        moment = from_iso(text)
    except ValueError as exc:
        raise ApiError(422, "invalid_request", f"{text!r} is not an ISO date and time") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=statement_rules.PLATFORM_ZONE)


def _period(platform: Platform, o: argparse.Namespace) -> tuple[datetime, datetime]:
    try:
        day = date.fromisoformat(o.day) if o.day else platform.clock().date()
    except ValueError as exc:
        raise ApiError(422, "invalid_request", f"{o.day!r} is not a date (YYYY-MM-DD)") from exc
    return statements.bounds(o.period or "month", day)


def _statement(session: Session, platform: Platform, o: argparse.Namespace) -> str:
    start, end = _period(platform, o)
    answer = statements.statement(session, o.merchant_id, start, end, store_id=o.store)
    if o.csv:
        Path(o.csv).write_text(statements.to_csv(answer), encoding="utf-8")
        return f"wrote {answer['line_count']} lines to {o.csv}"
    return statements.as_text(answer)


def _close(session: Session, platform: Platform, o: argparse.Namespace) -> str:
    start, end = _period(platform, o)
    return statements.close_period(session, o.merchant_id, start, end, platform.clock(), o.reason or "")


def _entry_fee(session: Session, platform: Platform, o: argparse.Namespace) -> str:
    at = _moment(o.at) if o.at else platform.clock()
    return alliance.entry_fee(session, o.merchant_id, _whole(o.fen, "the fee in fen"), at, o.reason or "",
                              platform.clock())


def _pairing_code(session: Session, platform: Platform, o: argparse.Namespace) -> str:
    ttl = timedelta(hours=float(o.hours or 24))
    return pairing.create_pairing_code(session, o.store_id, platform.clock(), ttl)


def _grant(session: Session, platform: Platform, o: argparse.Namespace) -> str:
    if not o.coins.isdigit():
        raise ApiError(422, "invalid_request", "coins must be a positive whole number")
    return admin.grant_coins(session, o.member_id, int(o.coins), o.ref or "admin grant", platform.clock())


def _revoke_terminal(session: Session, platform: Platform, o: argparse.Namespace) -> str:
    pairing.revoke_terminal(session, o.terminal_id, platform.clock())
    return f"revoked {o.terminal_id}"


def _revoke_authorization(session: Session, platform: Platform, o: argparse.Namespace) -> str:
    coins.revoke(session, platform, o.token_id)
    return f"revoked {o.token_id}"


def _sms(session: Session, _platform: Platform, o: argparse.Namespace) -> str:
    from central.phone.sms import recent_messages  # noqa: PLC0415

    rows = recent_messages(session, normalize_phone(o.phone) if o.phone else None)
    return "\n".join(f"{m.sent_at.isoformat()} {m.phone} {m.text}" for m in rows) or "no messages"


ACTIONS: dict[str, Callable[[Session, Platform, argparse.Namespace], str]] = {
    "add-merchant": lambda s, _p, o: admin.create_merchant(s, o.name, o.id),
    "add-store": lambda s, _p, o: admin.create_store(s, o.merchant_id, o.name, o.id),
    "pairing-code": _pairing_code,
    "add-member": lambda s, _p, o: admin.create_member(s, o.phone, o.name, o.home, o.id),
    "member-token": lambda s, _p, o: members.issue_token(s, o.member_id),
    "member-code": lambda s, p, o: members.current_code(s, o.member_id, p.clock()),
    "grant-coins": _grant,
    "add-schedule": _schedule,
    "change-schedule": _schedule,
    "statement": _statement,
    "close-period": _close,
    "entry-fee": _entry_fee,
    "move-lock": lambda s, p, o: alliance.move_lock(s, o.member_id, o.merchant_id, o.reason or "", p.clock()),
    "leave-alliance": lambda s, p, o: alliance.leave_alliance(s, o.merchant_id, o.reason or "", p.clock()),
    "revoke-terminal": _revoke_terminal,
    "revoke-authorization": _revoke_authorization,
    "sms": _sms,
}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
