"""Kinds of outbox operations pushed to the platform (docs/sync-protocol.md).

Services write one outbox row per state change with one of these kinds and a JSON payload;
the platform (central/) applies the kinds it knows and rejects any other with a reason.
Payload fields are documented in docs/sync-protocol.md.
"""

from __future__ import annotations

from enum import StrEnum


class OpKind(StrEnum):
    STAFF_CHANGED = "staff.changed"  # {staff_id, name, role, active}
    DEAL_LAUNCHED = "deal.launched"  # {deal_id, terms, disclosure}
    DEAL_AMENDED = "deal.amended"  # {deal_id, terms, disclosure}
    GROUP_OPENED = "group.opened"  # {group_id, deal_id, commitment, deadline, size, winners}
    GROUP_JOINED = "group.joined"  # {group_id, entry_id, nonce, member_id, phone, deposit_fen, tender}
    GROUP_DRAWN = "group.drawn"  # {group_id, proof}: the platform recomputes the proof
    GROUP_SETTLED = "group.settled"  # {group_id, coin_grants: [{member_id, coins}], cash_fen}
    GROUP_EXPIRED = "group.expired"  # {group_id, refunded_fen}
    GROUP_CANCELLED = "group.cancelled"  # {group_id, refunded_fen, reason}
    JOIN_REQUEST_ACCEPTED = "join_request.accepted"  # {request_id, group_id, entry_id}
    JOIN_REQUEST_REFUSED = "join_request.refused"  # {request_id, group_id, reason}
    VOUCHER_ISSUED = "voucher.issued"  # {voucher_id, group_id, entry_id, expires_at}
    VOUCHER_REDEEMED = "voucher.redeemed"  # {voucher_id, redeemed_at, staff}
    SALE_COMPLETED = "sale.completed"  # {sale_id, total_fen, coins, coin_fen, schedule_version}
    COINS_CAPTURED = "coins.captured"  # {token_id, member_id, coins, sale_id}
    SIGNING_KEY_ADDED = "signing_key.added"  # {key_id, public_key}: base64 raw Ed25519, shared with the store
