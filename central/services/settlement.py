"""The platform's settlement lines (docs/settlement.md): every sale, refund, settled group and
coin capture is recomputed here from the platform's own data and schedule history with
desktop.core.commission; what the terminal recorded is kept beside it, with both versions.

Booking: a line is filed under its event's time, unless that falls in a closed period of the
merchant: then it is filed at the start of the first open period, as an adjustment naming the
op and the period it came from (a closed statement never changes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from central.db import defer_insert, exists, lookup
from central.models import Group, Member, Merchant, SettlementLine, SettlementSale
from central.platform import TerminalContext
from central.services.groups import entries_of
from central.services.schedules import by_version, closed_until, core_rates, in_force
from desktop.core import op_contracts as contracts
from desktop.core import statement as st
from desktop.core.commission import Rates, SaleAmounts, sale_amounts
from desktop.core.ops import OpKind

M = TypeVar("M", bound=contracts.Payload)
PLATFORM = "platform"  # the counterparty of a share whose home merchant left the alliance


SKEW = timedelta(minutes=10)  # how far ahead of the platform a counter's clock may run


@dataclass(frozen=True)
class Origin:
    """Who sent the op and when it happened (`received`: when it reached the platform; `note`:
    what every line of the op says about its time)."""

    terminal: TerminalContext
    op_id: str
    at: datetime
    received: datetime | None = None
    note: str = ""


def plausible(origin: Origin) -> Origin:
    """An event dated after it reached the platform (beyond a clock's skew) is priced and
    booked when it was received, with a note: a terminal cannot push its commission into a
    later period, or under a later schedule, by dating its sales ahead."""
    if origin.received is None or origin.at <= origin.received + SKEW:
        return origin
    note = (f"the terminal dated it {origin.at.isoformat()}, after it reached the platform: "
            f"booked when received")
    return replace(origin, at=origin.received, note=note)


def record_op(session: Session, origin: Origin, kind: str, payload: Any) -> None:
    """The settlement lines of one applied op (called for the money-carrying kinds); `payload`
    as pushed, or as the op's handler parsed it already."""
    origin = plausible(origin)
    if kind == OpKind.SALE_COMPLETED:
        record_sale(session, origin, _parsed(contracts.SaleCompleted, payload))
    elif kind in (OpKind.SALE_REFUNDED, OpKind.SALE_VOIDED):
        record_refund(session, origin, _parsed(contracts.SaleRefunded, payload))
    elif kind == OpKind.GROUP_SETTLED:
        record_group(session, origin, _parsed(contracts.GroupSettled, payload))
    elif kind == OpKind.COINS_CAPTURED:
        record_capture(session, origin, _parsed(contracts.CoinsCaptured, payload))


def _parsed(model: type[M], payload: Any) -> M:
    return payload if isinstance(payload, model) else contracts.validate_model(model, payload)


def _rates(session: Session, merchant_id: str, at: datetime) -> Rates | None:
    row = in_force(session, merchant_id, at)
    return core_rates(row) if row is not None else None


def _version_note(session: Session, merchant_id: str, client_version: int | None) -> str:
    if client_version is not None and by_version(session, merchant_id, client_version) is None:
        return f"the terminal named schedule version {client_version}, which the platform does not have"
    return ""


def _share_recipient(session: Session, home_merchant_id: str, at: datetime) -> str:
    """The home merchant, or the platform when that merchant had left the alliance by then."""
    home = session.get(Merchant, home_merchant_id)
    if home is None or (home.left_at is not None and home.left_at <= at):
        return PLATFORM
    return home.id


def record_sale(session: Session, origin: Origin, data: contracts.SaleCompleted) -> None:
    terminal = origin.terminal
    rates = _rates(session, terminal.merchant_id, origin.at)
    member = lookup(session, Member, (data.member_id,)) if data.member_id else None
    home = (member.home_merchant_id or "") if member is not None else ""
    ours = sale_amounts(member_sale_fen=data.total_fen, coin_fen=data.coin_fen,
                        has_member=data.member_id is not None, home_merchant_id=home,
                        selling_merchant_id=terminal.merchant_id,
                        rates=rates) if rates is not None else SaleAmounts()
    version = rates.version if rates is not None else None
    key = (terminal.store_id, data.sale_id)
    if not exists(session, SettlementSale, key):  # written when the push ends (central.db.defer_insert)
        defer_insert(session, SettlementSale, dict(
            store_id=terminal.store_id, sale_id=data.sale_id, merchant_id=terminal.merchant_id,
            member_id=data.member_id,
            home_merchant_id=ours.home_merchant_id, paid_fen=data.total_fen, coin_fen=data.coin_fen,
            coin_reimbursement_fen=ours.coin_reimbursement_fen,
            turnover_commission_fen=ours.turnover_commission_fen,
            alliance_share_fen=ours.alliance_share_fen, schedule_version=version, refunded_fen=0,
            coins_refunded_fen=0, reversed_reimbursement_fen=0, reversed_commission_fen=0,
            reversed_share_fen=0, occurred_at=origin.at), key=key)
    _book_amounts(session, origin, st.SOURCE_SALE, data.sale_id, ours, version, data.amounts,
                  data.schedule_version, origin.at, "")


def record_refund(session: Session, origin: Origin, data: contracts.SaleRefunded) -> None:
    """A refund or void reverses what its sale implied, under the sale's version: in
    proportion to the part refunded so far (desktop.core.statement.refund_share)."""
    terminal = origin.terminal
    # As the database holds it now (its StoreSale is locked by the refund's check), not as loaded before.
    sale = session.get(SettlementSale, (terminal.store_id, data.sale_id), populate_existing=True)
    if sale is None:
        ours, version, sale_at, note = SaleAmounts(), None, origin.at, f"sale {data.sale_id} unknown to the platform"
    else:
        implied = SaleAmounts(sale.coin_reimbursement_fen, sale.turnover_commission_fen,
                              sale.alliance_share_fen, sale.home_merchant_id)
        before = SaleAmounts(sale.reversed_reimbursement_fen, sale.reversed_commission_fen,
                             sale.reversed_share_fen, sale.home_merchant_id)
        ours = st.refund_share(implied, before, paid_fen=sale.paid_fen, coin_fen=sale.coin_fen,
                               refunded_before_fen=sale.refunded_fen, refunded_fen=data.total_fen,
                               coins_before_fen=sale.coins_refunded_fen,
                               coins_returned_fen=data.coin_fen_returned)
        sale.refunded_fen += data.total_fen
        sale.coins_refunded_fen += data.coin_fen_returned
        sale.reversed_reimbursement_fen -= ours.coin_reimbursement_fen
        sale.reversed_commission_fen -= ours.turnover_commission_fen
        sale.reversed_share_fen -= ours.alliance_share_fen
        version, sale_at, note = sale.schedule_version, sale.occurred_at, ""
    adjusts = ""
    closed = closed_until(session, terminal.merchant_id)
    if sale is not None and closed is not None and sale.occurred_at < closed:
        day = st.local_day(sale.occurred_at).isoformat()
        adjusts = f"refund of sale {data.sale_id} of {day}, in a closed period"
    _book_amounts(session, origin, st.SOURCE_REFUND, data.refund_id, ours, version, data.amounts,
                  data.schedule_version, sale_at, adjusts, note)


def _book_amounts(session: Session, origin: Origin, source: str, ref: str, ours: SaleAmounts,
                  version: int | None, theirs: contracts.SaleAmounts | None, their_version: int | None,
                  share_at: datetime, adjusts: str, note: str = "") -> None:
    terminal = origin.terminal
    note = note or _version_note(session, terminal.merchant_id, their_version)
    recipient = _share_recipient(session, ours.home_merchant_id, share_at) if ours.alliance_share_fen else ""
    pairs = ((st.COIN_REIMBURSEMENT, ours.coin_reimbursement_fen,
              theirs.coin_reimbursement_fen if theirs else None),
             (st.TURNOVER_COMMISSION, ours.turnover_commission_fen,
              theirs.turnover_commission_fen if theirs else None),
             (st.ALLIANCE_SHARE_PAID, ours.alliance_share_fen, theirs.alliance_share_fen if theirs else None))
    for kind, fen, client_fen in pairs:
        if fen or client_fen:
            book(session, merchant_id=terminal.merchant_id, origin=origin, source=source, ref=ref,
                 kind=kind, fen=fen, version=version, client_fen=client_fen, client_version=their_version,
                 counterparty=recipient if kind == st.ALLIANCE_SHARE_PAID else "", note=note,
                 adjusts=adjusts)
    if ours.alliance_share_fen and recipient != PLATFORM:
        book(session, merchant_id=recipient, origin=origin, source=st.SOURCE_ALLIANCE, ref="",
             kind=st.ALLIANCE_SHARE_EARNED, fen=ours.alliance_share_fen, version=version,
             counterparty=terminal.merchant_id, adjusts=adjusts, own_line=False)


def record_group(session: Session, origin: Origin, data: contracts.GroupSettled) -> None:
    """Deal commission on what the settled group kept: the winners' deposits."""
    terminal = origin.terminal
    group = session.get(Group, (terminal.store_id, data.group_id))
    winners = set(json.loads(group.winners)) if group is not None else set()
    kept = sum(e.deposit_fen for e in entries_of(session, group) if e.entry_id in winners) if group else 0
    rates = _rates(session, terminal.merchant_id, origin.at)
    lines = st.group_lines(kept, rates) if rates is not None else []
    fen = lines[0].fen if lines else 0
    client = data.deal_commission_fen
    if fen or client:
        book(session, merchant_id=terminal.merchant_id, origin=origin, source=st.SOURCE_GROUP,
             ref=data.group_id, kind=st.DEAL_COMMISSION, fen=fen,
             version=rates.version if rates else None, client_fen=client,
             client_version=data.schedule_version,
             note=_version_note(session, terminal.merchant_id, data.schedule_version))


def record_capture(session: Session, origin: Origin, data: contracts.CoinsCaptured) -> None:
    """Coins captured for a sale are reimbursed on the sale's own line; coins captured outside
    a sale make their own reimbursement line."""
    if data.sale_id:
        return
    terminal = origin.terminal
    rates = _rates(session, terminal.merchant_id, origin.at)
    lines = st.capture_lines(data.coins * rates.coin_value_fen, rates) if rates is not None else []
    fen = lines[0].fen if lines else 0
    client = data.coin_reimbursement_fen
    if fen or client:
        book(session, merchant_id=terminal.merchant_id, origin=origin, source=st.SOURCE_COINS,
             ref=data.token_id, kind=st.COIN_REIMBURSEMENT, fen=fen,
             version=rates.version if rates else None, client_fen=client,
             client_version=data.schedule_version,
             note=_version_note(session, terminal.merchant_id, data.schedule_version))


def book(session: Session, *, merchant_id: str, origin: Origin | None, source: str, ref: str, kind: str,
         fen: int, version: int | None, client_fen: int | None = None, client_version: int | None = None,
         counterparty: str = "", note: str = "", adjusts: str = "", at: datetime | None = None,
         own_line: bool = True) -> None:
    """Write one line. `own_line`: the line is the sending terminal's own (it has a counterpart
    on the counter); a share earned by another merchant is not."""
    occurred = at or (origin.at if origin else None)
    assert occurred is not None
    booked, closed = occurred, closed_until(session, merchant_id)
    if closed is not None and occurred < closed:
        booked = closed
        adjusts = adjusts or (f"late {source} {ref or ''} of {st.local_day(occurred).isoformat()}, "
                              f"in a closed period").replace("  ", " ")
    if origin is not None and origin.note:
        note = f"{note}; {origin.note}" if note else origin.note
    differs = client_fen is not None and (client_fen != fen or (client_version is not None and client_version != version))
    # Nothing reads a line back before the transaction ends: a push writes its batch's lines
    # in one insert when it ends, dropping those of an op whose savepoint rolls back (central.db).
    defer_insert(session, SettlementLine, dict(
        merchant_id=merchant_id, store_id=origin.terminal.store_id if origin and own_line else None,
        terminal_id=origin.terminal.terminal_id if origin and own_line else None,
        op_id=origin.op_id if origin else None, source=source, ref=ref, kind=st.check_kind(kind),
        amount_fen=fen, schedule_version=version, client_fen=client_fen, client_version=client_version,
        differs=differs, counterparty=counterparty, note=note[:2000], adjusts=adjusts[:200],
        occurred_at=occurred, booked_at=booked))
