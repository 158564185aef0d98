"""Single use of vouchers across the terminals of a store: the first redemption to arrive wins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from central.models import Conflict, VoucherRedemption
from central.platform import TerminalContext
from central.services.changes import next_change_seq

DOUBLE_REDEMPTION = "voucher.double_redemption"


def redeem(session: Session, terminal: TerminalContext, op_id: str, voucher_id: str,
           redeemed_at: str, now: datetime) -> bool:
    """Record the redemption; returns True when it lost to an earlier one (a conflict row)."""
    first = session.get(VoucherRedemption, voucher_id)
    if first is None:
        session.add(VoucherRedemption(voucher_id=voucher_id, store_id=terminal.store_id,
                                      terminal_id=terminal.terminal_id, op_id=op_id,
                                      redeemed_at=redeemed_at[:40]))
        return False
    session.add(Conflict(
        store_id=terminal.store_id, kind=DOUBLE_REDEMPTION, subject_id=voucher_id,
        winner_op_id=first.op_id, winner_terminal_id=first.terminal_id, loser_op_id=op_id,
        loser_terminal_id=terminal.terminal_id,
        detail=f"first redeemed at {first.redeemed_at}, again at {redeemed_at[:40]}",
        created_at=now, change_seq=next_change_seq(session),
    ))
    return True
