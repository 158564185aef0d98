"""Commission schedules: versioned per merchant, with effective dates; history is never edited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.errors import invalid, not_found
from central.models import CommissionSchedule, Merchant, SettlementClosure
from central.services.changes import next_change_seq
from desktop.core import commission
from desktop.core.money import BP_WHOLE


@dataclass(frozen=True)
class Rates:
    coin_settlement_bp: int
    deal_commission_bp: int
    alliance_share_bp: int
    coin_cap_bp: int
    coin_value_fen: int
    # Older callers name five rates: their turnover commission is 3% (at least the share).
    turnover_commission_bp: int = 300

    def check(self) -> None:
        for name in ("coin_settlement_bp", "turnover_commission_bp", "deal_commission_bp",
                     "alliance_share_bp", "coin_cap_bp"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value <= BP_WHOLE:
                raise invalid(f"{name} must be whole basis points between 0 and 10000")
        if not isinstance(self.coin_value_fen, int) or not 1 <= self.coin_value_fen <= 10_000:
            raise invalid("coin_value_fen must be a whole number of fen between 1 and 10000")
        if self.alliance_share_bp > self.turnover_commission_bp:
            raise invalid("the alliance share cannot be more than the turnover commission: "
                          "it is paid out of it")


def core_rates(row: CommissionSchedule) -> commission.Rates:
    """A stored version as desktop.core.commission computes with it."""
    return commission.Rates(version=row.version, coin_settlement_bp=row.coin_settlement_bp,
                            turnover_commission_bp=row.turnover_commission_bp,
                            deal_commission_bp=row.deal_commission_bp,
                            alliance_share_bp=row.alliance_share_bp, coin_cap_bp=row.coin_cap_bp,
                            coin_value_fen=row.coin_value_fen)


def add_schedule(session: Session, merchant_id: str, effective_from: datetime, rates: Rates,
                 now: datetime) -> int:
    """Append the next version; returns its version number."""
    if session.get(Merchant, merchant_id) is None:
        raise not_found("merchant", merchant_id)
    rates.check()
    closed = closed_until(session, merchant_id)
    if closed is not None and effective_from < closed:
        raise invalid(f"the effective date {effective_from.isoformat()} lies in a closed period "
                      f"(closed until {closed.isoformat()}): a closed statement never changes")
    latest = session.execute(
        select(func.max(CommissionSchedule.version)).where(CommissionSchedule.merchant_id == merchant_id)
    ).scalar_one()
    version = (latest or 0) + 1
    session.info.pop(_LOADED, None)  # in_force reads the merchant's schedules again
    session.add(CommissionSchedule(
        merchant_id=merchant_id, version=version, effective_from=effective_from, created_at=now,
        change_seq=next_change_seq(session), **rates.__dict__,
    ))
    session.flush()
    return version


_LOADED = "central_schedules_loaded"  # session.info: a merchant's schedules, loaded once a transaction


def change_schedule(session: Session, merchant_id: str, effective_from: datetime, rates: Rates,
                    now: datetime) -> int:
    """The admin's schedule change: forward only (from now on, never rewriting what ops already
    used), never inside a closed period."""
    if effective_from < now:
        raise invalid(f"a schedule change applies forward only: {effective_from.isoformat()} is "
                      f"before now ({now.isoformat()})")
    return add_schedule(session, merchant_id, effective_from, rates, now)


_CLOSED = "central_closed_until"  # session.info: a merchant's closed_until, read once a transaction


def closed_until(session: Session, merchant_id: str) -> datetime | None:
    """The end of the merchant's last closed period (None: none closed). Read once a
    transaction (a push books several lines per sale); closing a period forgets it
    (`forget_closed`)."""
    cached: dict[str, datetime | None] = session.info.setdefault(_CLOSED, {})
    if merchant_id not in cached:
        # Held to the end of the transaction: closing this merchant's period (which locks the
        # row for update, central/services/statements.py) waits until the lines booked with
        # this answer are committed, and a transaction starting after it reads the new end.
        session.execute(select(Merchant.id).where(Merchant.id == merchant_id).with_for_update(read=True, key_share=True))
        cached[merchant_id] = session.execute(
            select(SettlementClosure.period_end).where(SettlementClosure.merchant_id == merchant_id)
            .order_by(SettlementClosure.period_end.desc()).limit(1)
        ).scalar_one_or_none()
    return cached[merchant_id]


def forget_closed(session: Session) -> None:
    session.info.pop(_CLOSED, None)


def by_version(session: Session, merchant_id: str, version: int) -> CommissionSchedule | None:
    return next((s for s in _schedules(session, merchant_id) if s.version == version), None)


def in_force(session: Session, merchant_id: str, at: datetime) -> CommissionSchedule | None:
    """The version in force at `at`: latest effective_from not after it; ties go to the newer
    version. A merchant's schedules (a handful) are read once per transaction: a push of 500
    sales asks 500 times."""
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    return next((s for s in _schedules(session, merchant_id) if _aware(s.effective_from) <= moment), None)


def _schedules(session: Session, merchant_id: str) -> list[CommissionSchedule]:
    """The merchant's versions, latest effective first, read once a transaction."""
    loaded: dict[str, list[CommissionSchedule]] = session.info.setdefault(_LOADED, {})
    if merchant_id not in loaded:
        loaded[merchant_id] = list(session.scalars(
            select(CommissionSchedule).where(CommissionSchedule.merchant_id == merchant_id)
            .order_by(CommissionSchedule.effective_from.desc(), CommissionSchedule.version.desc())))
    return loaded[merchant_id]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def as_dict(row: CommissionSchedule) -> dict[str, Any]:
    return {
        "merchant_id": row.merchant_id, "version": row.version,
        "effective_from": row.effective_from.isoformat(),
        "coin_settlement_bp": row.coin_settlement_bp,
        "turnover_commission_bp": row.turnover_commission_bp, "deal_commission_bp": row.deal_commission_bp,
        "alliance_share_bp": row.alliance_share_bp, "coin_cap_bp": row.coin_cap_bp,
        "coin_value_fen": row.coin_value_fen,
    }
