"""Issuing winner vouchers: signed with the terminal's key, bound to store, group and entry,
valid for the deal's redemption days, with a typed fallback code stored UNIQUE."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso, to_iso
from desktop.core.ops import OpKind
from desktop.core.settlement import VoucherToIssue
from desktop.core.vouchers import (
    VoucherClaims,
    fallback_code,
    key_id,
    new_voucher_id,
    public_key_bytes,
    sign_voucher,
)
from desktop.services.base import Transaction
from desktop.services.signing_keys import SigningKeyService
from desktop.store.deal_models import Voucher


@dataclass(frozen=True)
class VoucherInfo:
    id: str
    group_id: str
    entry_id: str
    product: str
    customer: str
    qr_text: str
    fallback_code: str
    issued_at: datetime
    expires_at: datetime


def issue_vouchers(tx: Transaction, keys: SigningKeyService, store_id: str,
                   wanted: Sequence[VoucherToIssue]) -> list[Voucher]:
    private = keys.current_key(tx.session)
    kid = key_id(public_key_bytes(private))
    issued = tx.now.replace(microsecond=0)  # the wire format keeps whole seconds
    rows = []
    for item in wanted:
        voucher_id = new_voucher_id()
        claims = VoucherClaims(voucher_id, store_id, item.group_id, item.entry_id, kid, issued,
                               issued + timedelta(days=item.valid_days), item.product)
        row = Voucher(id=voucher_id, group_id=item.group_id, entry_id=item.entry_id,
                      store_id=store_id, key_id=kid, product=item.product,
                      customer=item.customer, qr_text=sign_voucher(claims, private),
                      fallback_code=fallback_code(voucher_id), issued_at=to_iso(issued),
                      expires_at=to_iso(claims.expires_at))
        tx.session.add(row)
        tx.emit(OpKind.VOUCHER_ISSUED, {"voucher_id": voucher_id, "group_id": item.group_id,
                                        "entry_id": item.entry_id,
                                        "expires_at": row.expires_at, "voucher": row.qr_text,
                                        "at": tx.now_iso})
        rows.append(row)
    tx.session.flush()
    return rows


def voucher_info(row: Voucher) -> VoucherInfo:
    return VoucherInfo(row.id, row.group_id, row.entry_id, row.product, row.customer,
                       row.qr_text, row.fallback_code, from_iso(row.issued_at),
                       from_iso(row.expires_at))


def vouchers_of_group(session: Session, group_id: str) -> list[VoucherInfo]:
    rows = session.scalars(select(Voucher).where(Voucher.group_id == group_id)
                           .order_by(Voucher.issued_at, Voucher.entry_id))
    return [voucher_info(row) for row in rows]
