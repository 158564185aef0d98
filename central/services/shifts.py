"""Z reports and redemption reversals on the platform (shift.closed, redemption.reversed).

A Z report is numbered per terminal from 1: a number that arrives again is refused (the first
report with that number stays, whatever the second one says); a number past the next expected
one is accepted and a gap is flagged to the store (a conflict row: a report is missing).

A reversal takes back one redemption op of the pushing terminal: refused when the voucher's
standing redemption on the platform is another terminal's (it redeemed the voucher since, or
first), or another op than the one named, or when that redemption was reversed already.
Applied, the redemption row goes and the voucher can be redeemed again.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.errors import OpRejected
from central.models import Conflict, VoucherRedemption, VoucherReversal, ZReportReceived
from central.platform import TerminalContext
from central.services.changes import next_change_seq
from desktop.core import op_contracts as contracts

Z_GAP = "z_report.gap"


def record_z(session: Session, terminal: TerminalContext, op_id: str, data: contracts.ShiftClosed,
             now: datetime) -> bool:
    """Store the Z report; True when a gap before it was flagged."""
    key = (terminal.terminal_id, data.z_number)
    if session.get(ZReportReceived, key) is not None:
        raise OpRejected(f"Z report {data.z_number} of this terminal was received already: "
                         "a Z number is never reused")
    last = session.scalar(select(func.max(ZReportReceived.number)).where(
        ZReportReceived.terminal_id == terminal.terminal_id)) or 0
    session.add(ZReportReceived(
        terminal_id=terminal.terminal_id, number=data.z_number, store_id=terminal.store_id,
        shift_id=data.shift_id, op_id=op_id, digest=data.digest, expected_fen=data.expected_fen,
        counted_fen=data.counted_fen, over_short_fen=data.over_short_fen, sales_fen=data.sales_fen,
        closed_at=datetime.fromisoformat(data.closed_at), received_at=now,
        payload=json.dumps(data.model_dump(), ensure_ascii=False, sort_keys=True)))
    gap = data.z_number > last + 1
    if gap:
        session.add(Conflict(
            store_id=terminal.store_id, kind=Z_GAP, subject_id=f"Z{data.z_number}",
            winner_op_id=op_id, winner_terminal_id=terminal.terminal_id, loser_op_id=op_id,
            loser_terminal_id=terminal.terminal_id,
            detail=f"Z report {data.z_number} arrived after {last}: reports {last + 1}-{data.z_number - 1} "
                   "are missing", created_at=now, change_seq=next_change_seq(session)))
    session.flush()
    return gap


def reverse_redemption(session: Session, terminal: TerminalContext, op_id: str,
                       data: contracts.RedemptionReversed, now: datetime) -> None:
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
    session.delete(standing)
    session.add(VoucherReversal(
        store_id=terminal.store_id, redemption_op_id=data.redemption_op_id, voucher_id=data.voucher_id,
        terminal_id=terminal.terminal_id, op_id=op_id, reason=data.reason, approver=data.approver,
        reversed_at=datetime.fromisoformat(data.reversed_at)))
    session.flush()
