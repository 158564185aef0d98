"""Kinds of outbox operations pushed to the platform (docs/sync-protocol.md).

Services write one outbox row per state change with one of these kinds and a JSON payload;
the platform (central/) applies the kinds it knows and rejects any other with a reason.
Each kind's payload has one typed definition in desktop/core/op_contracts.py (named beside
it), documented with the platform's checks in docs/sync-protocol.md.
"""

from __future__ import annotations

from enum import StrEnum


class OpKind(StrEnum):
    STAFF_CHANGED = "staff.changed"  # op_contracts.StaffChanged
    DEAL_LAUNCHED = "deal.launched"  # op_contracts.DealPublished
    DEAL_AMENDED = "deal.amended"  # op_contracts.DealPublished
    GROUP_OPENED = "group.opened"  # op_contracts.GroupOpened
    GROUP_JOINED = "group.joined"  # op_contracts.GroupJoined
    GROUP_DRAWN = "group.drawn"  # op_contracts.GroupDrawn
    GROUP_SETTLED = "group.settled"  # op_contracts.GroupSettled
    GROUP_EXPIRED = "group.expired"  # op_contracts.GroupRefunded
    GROUP_CANCELLED = "group.cancelled"  # op_contracts.GroupRefunded
    JOIN_REQUEST_ACCEPTED = "join_request.accepted"  # op_contracts.JoinRequestAccepted
    JOIN_REQUEST_REFUSED = "join_request.refused"  # op_contracts.JoinRequestRefused
    VOUCHER_ISSUED = "voucher.issued"  # op_contracts.VoucherIssued
    VOUCHER_REDEEMED = "voucher.redeemed"  # op_contracts.VoucherRedeemed
    SALE_COMPLETED = "sale.completed"  # op_contracts.SaleCompleted
    SALE_REFUNDED = "sale.refunded"  # op_contracts.SaleRefunded
    SALE_VOIDED = "sale.voided"  # op_contracts.SaleRefunded
    COINS_CAPTURED = "coins.captured"  # op_contracts.CoinsCaptured
    SIGNING_KEY_ADDED = "signing_key.added"  # op_contracts.SigningKeyAdded
    SHIFT_CLOSED = "shift.closed"  # op_contracts.ShiftClosed
    REDEMPTION_REVERSED = "redemption.reversed"  # op_contracts.RedemptionReversed
