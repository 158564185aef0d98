"""The merchant's side of the alliance: members locked to it, what they spent at the other
merchants in a period, and the share it earned, per day (the chart of the alliance screen)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.db import flush_deferred
from central.errors import invalid
from central.models import Member, SettlementLine, SettlementSale
from central.services.reconcile import utc_bound
from desktop.core import statement as st
from desktop.core.phones import mask_phone

MAX_DAYS = 92
MAX_MEMBERS = 500


def view(session: Session, merchant_id: str, start: datetime, end: datetime) -> dict[str, Any]:
    start, end = utc_bound(start, "from"), utc_bound(end, "to")
    if not start < end <= start + timedelta(days=MAX_DAYS):
        raise invalid(f"'from' must be before 'to', at most {MAX_DAYS} days apart")
    flush_deferred(session)  # lines and sales this transaction wrote (central.db.defer_insert) count too
    locked = session.execute(select(func.count()).select_from(Member).where(
        Member.home_merchant_id == merchant_id)).scalar_one()
    spend: dict[str, int] = defaultdict(int)
    per_member: dict[str, int] = defaultdict(int)
    for member_day_at, paid, refunded in session.execute(
            select(SettlementSale.occurred_at, SettlementSale.paid_fen, SettlementSale.refunded_fen)
            .where(SettlementSale.home_merchant_id == merchant_id, SettlementSale.merchant_id != merchant_id,
                   SettlementSale.occurred_at >= start, SettlementSale.occurred_at < end)):
        spend[st.local_day(member_day_at).isoformat()] += int(paid) - int(refunded)
    share: dict[str, int] = defaultdict(int)
    for at, fen in session.execute(select(SettlementLine.occurred_at, SettlementLine.amount_fen).where(
            SettlementLine.merchant_id == merchant_id, SettlementLine.kind == st.ALLIANCE_SHARE_EARNED,
            SettlementLine.occurred_at >= start, SettlementLine.occurred_at < end)):
        share[st.local_day(at).isoformat()] += int(fen)
    for member_id, paid, refunded in session.execute(
            select(SettlementSale.member_id, func.sum(SettlementSale.paid_fen), func.sum(SettlementSale.refunded_fen))
            .where(SettlementSale.home_merchant_id == merchant_id, SettlementSale.merchant_id != merchant_id,
                   SettlementSale.occurred_at >= start, SettlementSale.occurred_at < end)
            .group_by(SettlementSale.member_id)):
        per_member[member_id or ""] += int(paid) - int(refunded)
    spenders = sorted(per_member, key=lambda k: -per_member[k])[:MAX_MEMBERS]
    rows = [*session.execute(select(Member).where(Member.home_merchant_id == merchant_id,
                                                  Member.id.in_(spenders))).scalars(),
            *session.execute(select(Member).where(Member.home_merchant_id == merchant_id,
                                                  Member.id.not_in(spenders))
                             .order_by(Member.id).limit(MAX_MEMBERS - len(spenders))).scalars()]
    members = sorted(({"member_id": m.id, "name": m.name, "phone_masked": mask_phone(m.phone),
                       "locked_at": m.locked_at.isoformat() if m.locked_at else None, "lock_reason": m.lock_reason,
                       "spend_elsewhere_fen": per_member.get(m.id, 0)} for m in rows),
                     key=lambda m: (-int(m["spend_elsewhere_fen"]), str(m["member_id"])))
    days = []
    day = st.local_day(start)
    last = st.local_day(end - timedelta(microseconds=1))
    while day <= last:
        key = day.isoformat()
        days.append({"day": key, "spend_elsewhere_fen": spend.get(key, 0), "share_fen": share.get(key, 0)})
        day += timedelta(days=1)
    return {"merchant_id": merchant_id, "from": start.isoformat(), "to": end.isoformat(),
            "locked_members": int(locked), "members": members, "days": days,
            "spend_elsewhere_fen": sum(spend.values()), "share_fen": sum(share.values())}
