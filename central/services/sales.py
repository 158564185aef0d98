"""Sales, refunds and voids as stores push them (docs/sync-protocol.md, sale.completed,
sale.refunded, sale.voided). The platform believes a store about its own counter and nothing
else: coins in a sale must be a capture the platform made for that terminal and member (online,
by its Idempotency-Key) or an authorization of that member captured for that store (offline,
coins.captured pushed before the sale); each backs one sale. A refund names a sale of the same
store, never gives back more money or coins than the sale took, and returns the coins to the
member exactly once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.db import defer_insert, exists, lookup
from central.errors import OpRejected
from central.models import (
    CoinAuthorization,
    CoinTransfer,
    Conflict,
    Member,
    StoreSale,
    StoreSaleRefund,
    Terminal,
)
from central.platform import TerminalContext
from central.services import coin_ledger
from central.services.changes import next_change_seq
from central.services.coins import CLOCK_SKEW
from central.services.schedules import in_force
from desktop.core import op_contracts as contracts
from desktop.core.checkout import cap_fen

SALE_UNKNOWN_MEMBER = "sale.unknown_member"


def record_sale(session: Session, ctx: TerminalContext, data: contracts.SaleCompleted, op_id: str,
                at: datetime, now: datetime) -> str:
    """Check the sale's time, arithmetic and coins, and keep it for its refunds; OpRejected with
    the reason when it does not hold. A member the platform does not know is flagged to the
    store (a conflict, the reason returned): the sale stands (its money was taken), the member
    on it is the terminal's word only."""
    if exists(session, StoreSale, (ctx.store_id, data.sale_id)):
        raise OpRejected(f"sale {data.sale_id} was pushed already by this store")
    _check_time(session, ctx, at, now)
    _check_arithmetic(data)
    if data.coins or data.coin_fen:
        _check_coins(session, ctx, data, at)
    # Written with the batch's other sales when the push ends (central.db.defer_insert): the
    # ops that read store sales by anything but their key have them written first.
    defer_insert(session, StoreSale, dict(
        store_id=ctx.store_id, sale_id=data.sale_id, terminal_id=ctx.terminal_id, op_id=op_id,
        member_id=data.member_id, total_fen=data.total_fen, coins=data.coins, coin_fen=data.coin_fen,
        coin_capture_key=data.coin_capture_key if data.coins else None,
        coin_token_id=data.coin_token_id if data.coins else None, refunded_fen=0, coins_returned=0,
        voided=False, sold_at=at), key=(ctx.store_id, data.sale_id))
    flagged = ""
    if data.member_id and lookup(session, Member, (data.member_id,)) is None:
        flagged = (f"sale {data.receipt_no or data.sale_id} names member {data.member_id}, whom the platform "
                   "does not know: no alliance share is due to them")
        session.add(Conflict(
            store_id=ctx.store_id, kind=SALE_UNKNOWN_MEMBER, subject_id=data.sale_id, winner_op_id=op_id,
            winner_terminal_id=ctx.terminal_id, loser_op_id=op_id, loser_terminal_id=ctx.terminal_id,
            detail=flagged, created_at=now, change_seq=next_change_seq(session)))
    return flagged


# A counter may sell before it is paired (its outbox waits): sales up to this long before the
# pairing are its history; older ones are refused.
BEFORE_PAIRING = timedelta(days=90)


def _check_time(session: Session, ctx: TerminalContext, at: datetime, now: datetime) -> None:
    """The sale's `at` picks the schedule that values its coins and commission: it cannot lie in
    the platform's future (beyond the clock skew) nor longer than BEFORE_PAIRING before the
    terminal was paired."""
    if at > now + CLOCK_SKEW:
        raise OpRejected(f"the sale's time {at.isoformat()} is in the platform's future")
    terminal = session.get(Terminal, ctx.terminal_id)
    if terminal is not None and at < terminal.created_at - BEFORE_PAIRING:
        raise OpRejected(f"the sale's time {at.isoformat()} is more than {BEFORE_PAIRING.days} days before "
                         "this terminal was paired")


def _check_arithmetic(data: contracts.SaleCompleted) -> None:
    if (data.coins or data.coin_fen) and (data.base_fen is None or not data.lines):
        raise OpRejected("a sale paid partly with coins must carry base_fen and its lines: the coin cap "
                         "is checked on them")
    if data.base_fen is not None and data.total_fen != data.base_fen - data.coin_fen + data.rounding_fen:
        raise OpRejected(f"total_fen {data.total_fen} is not base_fen {data.base_fen} - coin_fen "
                         f"{data.coin_fen} + rounding_fen {data.rounding_fen}")
    if data.lines and data.base_fen is not None:
        lines = sum(line.amount_fen for line in data.lines)
        for line in data.lines:
            if line.amount_fen != line.quantity * line.unit_price_fen - line.discount_fen:
                raise OpRejected(f"line {line.line_no}: amount_fen is not quantity x unit price - discount")
        if data.base_fen != lines - data.bill_discount_fen:
            raise OpRejected("base_fen is not the lines less the bill discount")
    if data.tenders and sum(t.amount_fen for t in data.tenders) - data.change_fen != data.total_fen:
        raise OpRejected("the tenders less the change do not pay total_fen")


def _check_coins(session: Session, ctx: TerminalContext, data: contracts.SaleCompleted, at: datetime) -> None:
    if not data.member_id or data.coins <= 0:
        raise OpRejected("coins in a sale need the member who paid with them")
    schedule = in_force(session, ctx.merchant_id, at)
    if schedule is None:
        raise OpRejected("no commission schedule in force: coins cannot be valued")
    if data.coin_fen != data.coins * schedule.coin_value_fen:
        raise OpRejected(f"{data.coins} coins are worth {data.coins * schedule.coin_value_fen} fen, "
                         f"not {data.coin_fen}")
    if data.base_fen is None or data.coin_fen > cap_fen(data.base_fen, schedule.coin_cap_bp):
        raise OpRejected(f"coins of {data.coin_fen} fen are beyond the coin cap of this bill")
    if data.coin_capture_key:
        _check_capture(session, ctx, data)
    elif data.coin_token_id:
        _check_authorization(session, ctx, data)
    else:
        raise OpRejected("coins without a capture or an authorization of the member")


def _check_capture(session: Session, ctx: TerminalContext, data: contracts.SaleCompleted) -> None:
    ref = f"capture:{ctx.terminal_id}:{data.coin_capture_key}"
    transfer = session.scalar(select(CoinTransfer).where(CoinTransfer.ref == ref,
                                                         CoinTransfer.kind.in_(("plain", "post_pending"))))
    if (transfer is None or transfer.debit != coin_ledger.member_account(data.member_id or "")
            or transfer.credit != coin_ledger.merchant_account(ctx.merchant_id) or transfer.amount != data.coins):
        raise OpRejected(f"no capture of {data.coins} coins of this member under that key at this terminal")
    used = session.scalar(select(StoreSale.sale_id).where(StoreSale.terminal_id == ctx.terminal_id,
                                                          StoreSale.coin_capture_key == data.coin_capture_key))
    if used is not None:
        raise OpRejected(f"the capture {data.coin_capture_key} already paid sale {used}")


def _check_authorization(session: Session, ctx: TerminalContext, data: contracts.SaleCompleted) -> None:
    auth = session.scalar(select(CoinAuthorization).where(CoinAuthorization.token_id == data.coin_token_id))
    if (auth is None or auth.state != "captured" or auth.member_id != data.member_id
            or auth.store_id != ctx.store_id or auth.captured_coins != data.coins):
        raise OpRejected(f"no coins.captured of {data.coins} coins of this member under that "
                         "authorization at this store")
    used = session.scalar(select(StoreSale.sale_id).where(StoreSale.coin_token_id == data.coin_token_id))
    if used is not None:
        raise OpRejected(f"the coin authorization already paid sale {used}")


def record_refund(session: Session, ctx: TerminalContext, data: contracts.SaleRefunded, op_id: str,
                  kind: str, at: datetime, now: datetime) -> None:
    """A refund or void of one of this store's sales; the coins go back to the member once."""
    sale = session.execute(select(StoreSale).where(StoreSale.store_id == ctx.store_id,
                                                   StoreSale.sale_id == data.sale_id).with_for_update()
                           .execution_options(populate_existing=True)  # as locked, not as loaded before
                           ).scalar_one_or_none()
    if sale is None:
        raise OpRejected(f"no sale {data.sale_id} of this store")
    if lookup(session, StoreSaleRefund, (ctx.store_id, data.refund_id)) is not None:
        raise OpRejected(f"refund {data.refund_id} was applied already")
    if sale.voided:
        raise OpRejected(f"sale {data.sale_id} was voided already")
    if at > now + CLOCK_SKEW or at < sale.sold_at - CLOCK_SKEW:
        raise OpRejected(f"the {kind}'s time {at.isoformat()} is before its sale or in the platform's future")
    if kind == "void" and (sale.refunded_fen or sale.coins_returned):
        raise OpRejected(f"sale {data.sale_id} was partly refunded: it cannot be voided")
    if kind == "void" and (data.total_fen != sale.total_fen or data.coins_returned != sale.coins):
        raise OpRejected(f"a void returns all of sale {data.sale_id}: {sale.total_fen} fen and {sale.coins} "
                         f"coins, not {data.total_fen} fen and {data.coins_returned} coins")
    if sale.refunded_fen + data.total_fen > sale.total_fen:
        raise OpRejected(f"refunds of {sale.refunded_fen + data.total_fen} fen would exceed the sale's "
                         f"{sale.total_fen}")
    if sale.coins_returned + data.coins_returned > sale.coins:
        raise OpRejected(f"{sale.coins_returned + data.coins_returned} coins returned would exceed the "
                         f"{sale.coins} the sale used")
    transfer = None
    if data.coins_returned:
        transfer = coin_ledger.move(session, coin_ledger.merchant_account(ctx.merchant_id),
                                    coin_ledger.member_account(sale.member_id or ""), data.coins_returned,
                                    f"sale-refund:{ctx.store_id}:{data.refund_id}", at)
    sale.refunded_fen += data.total_fen
    sale.coins_returned += data.coins_returned
    sale.voided = kind == "void"
    session.add(StoreSaleRefund(store_id=ctx.store_id, refund_id=data.refund_id, sale_id=data.sale_id, kind=kind,
                                op_id=op_id, total_fen=data.total_fen, coins_returned=data.coins_returned,
                                coin_transfer_id=transfer, at=at))
    session.flush()
