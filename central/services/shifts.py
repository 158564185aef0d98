"""Z reports and redemption reversals on the platform (shift.closed, redemption.reversed).

A Z report is numbered per terminal from 1: a number that arrives again is refused (the first
report with that number stays, whatever the second one says); a number past the next expected
one is accepted and a gap is flagged to the store (a conflict row: a report is missing). A
report whose own arithmetic does not hold (over/short is not counted − expected, closed before it
opened) is refused; one whose sales differ from the sales this terminal pushed between its
opening and its closing is kept and flagged (`z_report.sales_differ`, with both figures).

A reversal takes back one redemption op of the pushing terminal: refused when the voucher's
standing redemption on the platform is another terminal's (it redeemed the voucher since, or
first), or another op than the one named, or when that redemption was reversed already.
Applied, the redemption row goes and the voucher can be redeemed again. The window (the
platform's `reversal_window`, one hour by default) holds twice: the reversal's time is within it
of the redemption's own time (as the platform recorded it), and the reversal reaches the platform
within it of when the platform received the redemption (a terminal cannot date a week-old
redemption's reversal back to its first minutes).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.errors import OpRejected
from central.models import (
    Conflict,
    ReceivedOp,
    StoreSale,
    VoucherRedemption,
    VoucherReversal,
    ZReportReceived,
)
from central.platform import TerminalContext
from central.services.changes import next_change_seq
from central.services.coins import CLOCK_SKEW
from desktop.core import op_contracts as contracts

Z_GAP = "z_report.gap"
Z_SALES_DIFFER = "z_report.sales_differ"


def record_z(session: Session, terminal: TerminalContext, op_id: str, data: contracts.ShiftClosed,
             now: datetime) -> list[str]:
    """Store the Z report; the reasons it was flagged to the store (a gap before it, sales that
    differ from the platform's), empty when none."""
    key = (terminal.terminal_id, data.z_number)
    if session.get(ZReportReceived, key) is not None:
        raise OpRejected(f"Z report {data.z_number} of this terminal was received already: "
                         "a Z number is never reused")
    if data.over_short_fen != data.counted_fen - data.expected_fen:
        raise OpRejected(f"over/short {data.over_short_fen} is not counted {data.counted_fen} - expected "
                         f"{data.expected_fen}")
    opened, closed = datetime.fromisoformat(data.opened_at), datetime.fromisoformat(data.closed_at)
    if closed < opened:
        raise OpRejected("the shift closed before it opened")
    last = session.scalar(select(func.max(ZReportReceived.number)).where(
        ZReportReceived.terminal_id == terminal.terminal_id)) or 0
    session.add(ZReportReceived(
        terminal_id=terminal.terminal_id, number=data.z_number, store_id=terminal.store_id,
        shift_id=data.shift_id, op_id=op_id, digest=data.digest, expected_fen=data.expected_fen,
        counted_fen=data.counted_fen, over_short_fen=data.over_short_fen, sales_fen=data.sales_fen,
        closed_at=datetime.fromisoformat(data.closed_at), received_at=now,
        payload=json.dumps(data.model_dump(), ensure_ascii=False, sort_keys=True)))
    flagged: list[tuple[str, str]] = []
    if data.z_number > last + 1:
        flagged.append((Z_GAP, f"Z report {data.z_number} arrived after {last}: reports {last + 1}-"
                               f"{data.z_number - 1} are missing"))
    count, fen = session.execute(select(func.count(), func.coalesce(func.sum(StoreSale.total_fen), 0)).where(
        StoreSale.terminal_id == terminal.terminal_id, StoreSale.sold_at >= opened,
        StoreSale.sold_at <= closed)).one()
    if (int(count), int(fen)) != (data.sales_count, data.sales_fen):
        flagged.append((Z_SALES_DIFFER, f"Z report {data.z_number} says {data.sales_count} sales of "
                                        f"{data.sales_fen} fen; the platform holds {count} sales of {fen} fen "
                                        "from this terminal in that shift"))
    for kind, detail in flagged:
        session.add(Conflict(
            store_id=terminal.store_id, kind=kind, subject_id=f"Z{data.z_number}",
            winner_op_id=op_id, winner_terminal_id=terminal.terminal_id, loser_op_id=op_id,
            loser_terminal_id=terminal.terminal_id, detail=detail, created_at=now,
            change_seq=next_change_seq(session)))
    session.flush()
    return [detail for _kind, detail in flagged]


def reverse_redemption(session: Session, terminal: TerminalContext, op_id: str,
                       data: contracts.RedemptionReversed, now: datetime, window: timedelta) -> None:
    if session.get(VoucherReversal, (terminal.store_id, data.redemption_op_id)) is not None:
        raise OpRejected("this redemption was reversed already")
    standing = session.get(VoucherRedemption, (terminal.store_id, data.voucher_id))
    if standing is None:
        raise OpRejected("the voucher is not redeemed on the platform: nothing to reverse")
    if standing.terminal_id != terminal.terminal_id:
        raise OpRejected("another terminal of the store redeemed this voucher: only its own "
                         "redemption can be reversed")
    if standing.op_id != data.redemption_op_id:
        raise OpRejected("the voucher's redemption on the platform is not the one this reversal names")
    _check_window(session, terminal, standing, data, now, window)
    session.delete(standing)
    session.add(VoucherReversal(
        store_id=terminal.store_id, redemption_op_id=data.redemption_op_id, voucher_id=data.voucher_id,
        terminal_id=terminal.terminal_id, op_id=op_id, reason=data.reason, approver=data.approver,
        reversed_at=datetime.fromisoformat(data.reversed_at)))
    session.flush()


def _check_window(session: Session, terminal: TerminalContext, standing: VoucherRedemption,
                  data: contracts.RedemptionReversed, now: datetime, window: timedelta) -> None:
    minutes = int(window.total_seconds() // 60)
    redeemed = datetime.fromisoformat(standing.redeemed_at)
    reversed_at = datetime.fromisoformat(data.reversed_at)
    if reversed_at < redeemed or reversed_at > now + CLOCK_SKEW:
        raise OpRejected("the reversal's time is before the redemption or in the platform's future")
    if reversed_at - redeemed > window:
        raise OpRejected(f"the reversal came more than {minutes} minutes after the redemption")
    received = session.scalar(select(ReceivedOp.received_at).where(
        ReceivedOp.terminal_id == terminal.terminal_id, ReceivedOp.op_id == standing.op_id))
    if received is not None and now - received > window + CLOCK_SKEW:
        raise OpRejected(f"the platform received the redemption more than {minutes} minutes before "
                         "this reversal: it can no longer be reversed")
