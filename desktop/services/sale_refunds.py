"""Voids and refunds of sales (docs/checkout.md): a new record that reverses a sale, whole or by
line, never an edit of the sale. The coins it used go back to the member (the platform applies
the op once), the money goes back by tender, the ledger gets the reversing transfers, and the
amounts the sale implied are reversed under the sale's own schedule version. A manager approves
(Permission.REFUND / VOID); a void is of a sale of today, and a sale is voided at most once."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.checkout import CASH
from desktop.core.commission import SaleAmounts
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ledger import Accounts
from desktop.core.ops import OpKind
from desktop.core.staff import Actor, Permission
from desktop.services.base import ServiceBase, Transaction, require
from desktop.services.checkout_writes import add_transfer, receipt_number, tender_account
from desktop.store.sale_models import SaleRefund, SaleRefundLine, SaleRefundTender
from desktop.store.sale_queries import (
    HistoryFilter,
    SaleRecord,
    history,
    next_number,
    refunded_line_fen,
    refunded_quantities,
    refunded_tenders,
    sale_by_receipt,
    sale_record,
)
from desktop.store.shift_queries import open_shift, require_open_shift

REFUND_SERIES = "refund"
__all__ = ["HistoryFilter", "RefundDone", "SaleRecord", "SaleRefundService"]


@dataclass(frozen=True)
class RefundDone:
    refund_id: str
    refund_no: str
    sale_id: str
    kind: str  # refund | void
    total_fen: int
    coins_returned: int
    tenders: tuple[tuple[str, int], ...]


def _refused(message: str, **params: object) -> ValidationError:
    return ValidationError(message, **params)


class SaleRefundService(ServiceBase):
    # --- reads ---------------------------------------------------------------------------

    def history(self, wanted: HistoryFilter) -> list[SaleRecord]:
        with self.db.read() as s:
            return history(s, wanted)

    def has_sales(self) -> bool:
        with self.db.read() as s:
            return bool(history(s, HistoryFilter(limit=1)))

    def sale(self, sale_id: str) -> SaleRecord:
        with self.db.read() as s:
            record = sale_record(s, sale_id)
        if record is None:
            raise _refused(QT_TRANSLATE_NOOP("errors", "No such sale"))
        return record

    def by_receipt(self, receipt_no: str) -> SaleRecord:
        """The sale of a scanned or typed receipt number."""
        with self.db.read() as s:
            sale = sale_by_receipt(s, receipt_no)
            record = sale_record(s, sale.id) if sale else None
        if record is None:
            raise _refused(QT_TRANSLATE_NOOP("errors", "No sale has the receipt number {number}"),
                           number=receipt_no.strip()[:32])
        return record

    def refundable(self, sale_id: str) -> dict[int, int]:
        """line_no -> quantity still refundable."""
        with self.db.read() as s:
            record = sale_record(s, sale_id)
            return {} if record is None else _left(s, record)

    # --- writes --------------------------------------------------------------------------

    def void(self, actor: Actor, sale_id: str, reason: str) -> RefundDone:
        """Void a sale of the open shift it was rung in, whole; refused twice, after part of it was
        refunded, or once its shift closed (then it is a refund)."""
        require(actor, Permission.VOID)
        reason = _reason(reason)
        with self.transaction(actor) as tx:
            record = _record(tx.session, sale_id)
            if record.voided:
                raise _refused(QT_TRANSLATE_NOOP("errors", "Sale {number} was voided already"),
                               number=record.sale.receipt_no)
            if record.refunds:
                raise _refused(QT_TRANSLATE_NOOP(
                    "errors", "Part of sale {number} was refunded: refund the rest instead of voiding it"),
                    number=record.sale.receipt_no)
            shift = open_shift(tx.session)
            if shift is None or record.sale.shift_id != str(shift.id):
                raise _refused(QT_TRANSLATE_NOOP(
                    "errors", "Only a sale of the open shift can be voided: refund sale {number} instead"),
                    number=record.sale.receipt_no)
            quantities = {line.line_no: line.quantity for line in record.lines}
            return _reverse(tx, record, quantities, reason, "void")

    def refund(self, actor: Actor, sale_id: str, reason: str,
               quantities: dict[int, int] | None = None) -> RefundDone:
        """Refund a sale whole (`quantities` None) or the given quantities of its lines."""
        require(actor, Permission.REFUND)
        reason = _reason(reason)
        with self.transaction(actor) as tx:
            record = _record(tx.session, sale_id)
            if record.voided:
                raise _refused(QT_TRANSLATE_NOOP("errors", "Sale {number} was voided: nothing is left to refund"),
                               number=record.sale.receipt_no)
            left = _left(tx.session, record)
            wanted = {n: q for n, q in (left if quantities is None else quantities).items() if q}
            for line_no, quantity in wanted.items():
                if line_no not in left or not 0 < quantity <= left[line_no]:
                    raise _refused(QT_TRANSLATE_NOOP(
                        "errors", "Line {line} has {left} left to refund"), line=line_no, left=left.get(line_no, 0))
            if not any(wanted.values()):
                raise _refused(QT_TRANSLATE_NOOP("errors", "Sale {number} was refunded in full already"),
                               number=record.sale.receipt_no)
            return _reverse(tx, record, wanted, reason, "refund")


def _reason(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise _refused(QT_TRANSLATE_NOOP("errors", "Say why (a reason is required)"))
    return cleaned[:500]


def _record(s: Session, sale_id: str) -> SaleRecord:
    record = sale_record(s, sale_id)
    if record is None:
        raise _refused(QT_TRANSLATE_NOOP("errors", "No such sale"))
    return record


def _share(whole: int, part: int, of: int) -> int:
    return whole * part // of if of else 0


def _reverse(tx: Transaction, record: SaleRecord, quantities: dict[int, int], reason: str, kind: str) -> RefundDone:
    s, sale = tx.session, record.sale
    done = refunded_quantities(s, sale.id)
    final = all(done.get(line.line_no, 0) + quantities.get(line.line_no, 0) == line.quantity
                for line in record.lines)
    if final:  # the rest, exactly: what the sale took minus what earlier refunds gave back
        money = sale.total_fen - record.refunded_fen
        coins = sale.coins - record.coins_returned
        coin_fen = sale.coin_fen - sum(r.coin_fen_returned for r in record.refunds)
        amounts = SaleAmounts(
            -(sale.coin_reimbursement_fen + sum(r.coin_reimbursement_fen for r in record.refunds)),
            -(sale.turnover_commission_fen + sum(r.turnover_commission_fen for r in record.refunds)),
            -(sale.alliance_share_fen + sum(r.alliance_share_fen for r in record.refunds)),
            sale.home_merchant_id)
    else:  # the lines' share of the bill after the bill discount, floored (the last refund takes the rest)
        value = sum(_share(line.amount_fen, quantities.get(line.line_no, 0), line.quantity) for line in record.lines)
        lines_total = sum(line.amount_fen for line in record.lines)
        base_share = _share(sale.base_fen, value, lines_total)
        coins = _share(sale.coins, base_share, sale.base_fen)
        coin_fen = _share(sale.coin_fen, coins, sale.coins) if sale.coins else 0
        money = max(0, base_share - coin_fen)
        amounts = SaleAmounts(-_share(sale.coin_reimbursement_fen, coins, sale.coins) if sale.coins else 0,
                              -_share(sale.turnover_commission_fen, money, sale.total_fen),
                              -_share(sale.alliance_share_fen, money, sale.total_fen), sale.home_merchant_id)
    tenders = _by_tender(s, record, money)
    shift_id = str(require_open_shift(s).id)  # money goes back: only in an open shift
    refund_id = uuid.uuid4().hex
    refund_no = receipt_number(REFUND_SERIES, next_number(s, REFUND_SERIES))
    try:
        with s.begin_nested():
            s.add(SaleRefund(
                id=refund_id, refund_no=refund_no, sale_id=sale.id, kind=kind, at=tx.now_iso, cashier=tx.actor.label,
                approved_by=tx.actor.approved_by or "", reason=reason, shift_id=shift_id, total_fen=money,
                coins_returned=coins, coin_fen_returned=coin_fen,
                coin_reimbursement_fen=amounts.coin_reimbursement_fen,
                turnover_commission_fen=amounts.turnover_commission_fen, alliance_share_fen=amounts.alliance_share_fen))
    except IntegrityError as exc:  # the one-void index: another void won
        raise _refused(QT_TRANSLATE_NOOP("errors", "Sale {number} was voided already"), number=sale.receipt_no) from exc
    line_rows = []
    done_fen = refunded_line_fen(s, sale.id)
    for line in record.lines:
        quantity = quantities.get(line.line_no, 0)
        if not quantity:
            continue
        closes = done.get(line.line_no, 0) + quantity == line.quantity
        amount = line.amount_fen - done_fen.get(line.line_no, 0) if closes \
            else _share(line.amount_fen, quantity, line.quantity)
        line_rows.append({"line_no": line.line_no, "quantity": quantity, "amount_fen": amount})
        s.add(SaleRefundLine(refund_id=refund_id, line_no=line.line_no, quantity=quantity, amount_fen=amount))
    for n, (tender_kind, amount) in enumerate(tenders, start=1):
        s.add(SaleRefundTender(refund_id=refund_id, position=n, kind=tender_kind, amount_fen=amount))
    _ledger(s, tenders, coin_fen, refund_id, tx.now_iso)
    op_kind = OpKind.SALE_VOIDED if kind == "void" else OpKind.SALE_REFUNDED
    tx.emit(op_kind, {
        "refund_id": refund_id, "sale_id": sale.id, "reason": reason, "approved_by": (tx.actor.approved_by or "")[:200],
        "lines": line_rows, "total_fen": money, "coins_returned": coins, "coin_fen_returned": coin_fen,
        "tenders": [{"kind": k, "amount_fen": a, "reference": ""} for k, a in tenders],
        "schedule_version": sale.schedule_version, "amounts": asdict(amounts), "shift_id": shift_id,
        "cashier": tx.actor.label[:200], "at": tx.now_iso})
    tx.audit(f"sale.{'voided' if kind == 'void' else 'refunded'}", sale_id=sale.id, receipt_no=sale.receipt_no,
             refund_no=refund_no, total_fen=money, coins_returned=coins, reason=reason)
    return RefundDone(refund_id, refund_no, sale.id, kind, money, coins, tuple(tenders))


def _by_tender(s: Session, record: SaleRecord, money: int) -> list[tuple[str, int]]:
    """The money back by the tenders that paid: card, app and other tenders first (back where
    it came from), cash last; never more than a tender paid (cash net of the change)."""
    paid: dict[str, int] = {}
    for tender in record.tenders:
        paid[tender.kind] = paid.get(tender.kind, 0) + tender.amount_fen
    if CASH in paid:
        paid[CASH] -= record.sale.change_fen
    already = refunded_tenders(s, record.sale.id)
    order = [k for k in paid if k != CASH] + ([CASH] if CASH in paid else [])
    left, result = money, []
    for kind in order:
        take = min(left, paid[kind] - already.get(kind, 0))
        if take > 0:
            result.append((kind, take))
            left -= take
    if left > 0:  # nothing is refunded beyond what was paid
        raise _refused(QT_TRANSLATE_NOOP("errors", "The refund is more than what is left of the sale"))
    return result


def _ledger(s: Session, tenders: list[tuple[str, int]], coin_fen: int, refund_id: str, at: str) -> None:
    ref = f"refund:{refund_id}"
    for kind, amount in tenders:
        add_transfer(s, Accounts.SALES, tender_account(kind), amount, ref, at)
    add_transfer(s, Accounts.SALES, Accounts.COINS_RECEIVABLE, coin_fen, ref, at)


def _left(session: Session, record: SaleRecord) -> dict[int, int]:
    """line_no -> the quantity of the line not refunded yet."""
    done = refunded_quantities(session, record.sale.id)
    return {line.line_no: line.quantity - done.get(line.line_no, 0) for line in record.lines}
