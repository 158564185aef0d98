"""Vouchers on the platform: issues recorded, redemptions checked and made single use per store.

A `voucher.redeemed` carries the signed voucher text; the platform verifies it itself, against
the keys of the pushing terminal's OWN store only (central/services/keys.py): the signature
under a key one of its terminals registered, the store id in the voucher, the voucher id, and
`issued_at` before the key's `not_after`. A key of a revoked terminal can back-date `issued_at`,
so its vouchers are honoured only when their voucher.issued reached the platform before the
revocation. Whatever is wrong with another store's voucher, the reason is the same sentence, so
a store learns nothing about the others. The first redemption to arrive wins, per store.
"""

from __future__ import annotations

import base64
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from central.errors import OpRejected
from central.models import Conflict, TerminalKey, VoucherIssue, VoucherRedemption
from central.platform import TerminalContext
from central.services.changes import next_change_seq
from central.services.keys import store_keys
from desktop.core.errors import ValidationError
from desktop.core.vouchers import (
    DecodedVoucher,
    TrustedKey,
    Verdict,
    decode_voucher,
    verify_voucher,
)

DOUBLE_REDEMPTION = "voucher.double_redemption"
NOT_OURS = "the voucher is not a valid voucher of this store"
NO_TEXT = ("voucher.redeemed without the signed voucher is accepted only for a voucher that a "
           "terminal of this store reported issued")


def record_issue(session: Session, terminal: TerminalContext, op_id: str, voucher_id: str,
                 now: datetime, group_id: str | None = None, entry_id: str | None = None) -> None:
    """Remember when the platform first heard of a voucher of this store (the first one stays),
    and the winning entry it is for."""
    if session.get(VoucherIssue, (terminal.store_id, voucher_id)) is None:
        session.add(VoucherIssue(store_id=terminal.store_id, voucher_id=voucher_id,
                                 terminal_id=terminal.terminal_id, op_id=op_id, received_at=now,
                                 group_id=group_id, entry_id=entry_id))
        session.flush()


def check_redeemable(session: Session, terminal: TerminalContext, voucher_id: str,
                     text: str | None) -> None:
    """OpRejected unless the voucher is one of this store's, signed under a key its terminal
    still held when it signed. Ops from before vouchers were sent along (`text` None) are
    accepted only for a voucher a terminal of this store reported issued."""
    if text is None:
        if session.get(VoucherIssue, (terminal.store_id, voucher_id)) is None:
            raise OpRejected(NO_TEXT)
        return
    decoded, key = _verified(session, terminal.store_id, text)
    claims = decoded.claims
    if claims.voucher_id != voucher_id:
        raise OpRejected("voucher_id does not match the signed voucher")
    not_after = key.not_after
    if not_after is not None and claims.issued_at >= not_after:
        raise OpRejected(f"the voucher was signed at {claims.issued_at.isoformat()}, after its key "
                         f"was retired or revoked ({not_after.isoformat()})")
    if key.revoked_at is not None:
        issue = session.get(VoucherIssue, (terminal.store_id, voucher_id))
        if issue is None or issue.terminal_id != key.terminal_id or issue.received_at >= key.revoked_at:
            raise OpRejected("the voucher's terminal was revoked and the platform never received "
                             "its voucher.issued before the revocation")


def _verified(session: Session, store_id: str, text: str) -> tuple[DecodedVoucher, TerminalKey]:
    """The voucher and this store's key that signed it; OpRejected (NOT_OURS) for anything else."""
    try:
        decoded = decode_voucher(text)
    except ValidationError as exc:
        raise OpRejected(NOT_OURS) from exc
    claims = decoded.claims
    if claims.store_id != store_id:
        raise OpRejected(NOT_OURS)
    for key in store_keys(session, store_id, claims.key_id):
        public = _public(key)
        # not_after is checked by the caller, with its own reason (this store's key).
        check = verify_voucher(text, {claims.key_id: TrustedKey(public)}, store_id, claims.issued_at)
        if check.verdict in (Verdict.VALID, Verdict.EXPIRED):
            return decoded, key
    raise OpRejected(NOT_OURS)


def _public(key: TerminalKey) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(key.public_key))


def redeem(session: Session, terminal: TerminalContext, op_id: str, voucher_id: str,
           redeemed_at: str, now: datetime) -> bool:
    """Record the redemption; returns True when it lost to an earlier one of the same store
    (a conflict row, visible to that store only)."""
    first = session.get(VoucherRedemption, (terminal.store_id, voucher_id))
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
