"""What the deposit slip and the refund/consolation slips show, from the store: the data of
desktop.documents.slips. The amounts come from desktop.services.hand_back, the rule the group
screen shows, so slip and screen always agree."""

from __future__ import annotations

from datetime import datetime

from desktop.core.clock import from_iso
from desktop.core.errors import ValidationError
from desktop.core.groups import GroupState
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.phones import customer_label
from desktop.documents.slips import DepositSlipData, RefundSlipData, SlipReason
from desktop.services.base import ServiceBase
from desktop.services.group_views import GroupQueries, GroupView
from desktop.services.hand_back import hand_back
from desktop.services.settings import STORE_NAME
from desktop.store.deal_models import GroupEntry
from desktop.store.group_queries import get_group, group_terms
from desktop.store.models import Setting

_REASONS = {GroupState.DRAWN: SlipReason.DRAWN, GroupState.SETTLED: SlipReason.DRAWN,
            GroupState.CANCELLED: SlipReason.CANCELLED, GroupState.EXPIRED: SlipReason.EXPIRED,
            GroupState.REFUNDED: SlipReason.EXPIRED}


class SlipDataService(ServiceBase):
    def deposit_slip(self, entry_id: str) -> DepositSlipData:
        with self.db.read() as s:
            entry = s.get(GroupEntry, entry_id)
            if entry is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no entry {id}"), id=entry_id)
            group = get_group(s, entry.group_id)
            terms = group_terms(s, group)
            store = s.get(Setting, STORE_NAME)
            return DepositSlipData(
                store_name=store.value if store else "", deal_title=terms.product_name,
                group_id=group.id, entry_id=entry.id, position=entry.position,
                group_size=terms.group_size,
                customer_label=customer_label(entry.phone or entry.member_id or entry.customer),
                deposit_fen=entry.deposit_fen, tender=entry.tender, joined_at=from_iso(entry.joined_at),
                winners=terms.winners, deadline=from_iso(group.deadline), commitment=group.commitment,
                draw_method=terms.draw_method, is_leader=entry.is_leader,
            )

    def refund_slips(self, group_id: str) -> list[RefundSlipData]:
        """One slip per person who gets money or coins back: every loser of a drawn group,
        everybody of a cancelled or expired group; in seat order."""
        view = GroupQueries(self.db, self.clock).view(group_id)
        reason = _REASONS.get(view.state)
        if reason is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Group {id} has not been drawn or cancelled: nothing to hand back yet"), id=group_id)
        with self.db.read() as s:
            store = s.get(Setting, STORE_NAME)
            closed = get_group(s, group_id).closed_at
        at = view.drawn_at or (from_iso(closed) if closed else self.clock())
        return [slip for slip in (_slip(view, reason, store.value if store else "", at, e.id)
                                  for e in view.entries) if slip is not None]


def _slip(view: GroupView, reason: SlipReason, store_name: str, at: datetime,
          entry_id: str) -> RefundSlipData | None:
    entry = view.entry(entry_id)
    back = hand_back(view, entry) if entry is not None else None
    if entry is None or back is None or back.won:  # a winner gets the voucher
        return None
    return RefundSlipData(
        store_name=store_name, deal_title=view.terms.product_name, group_id=view.id, reason=reason,
        at=at, entry_id=entry.id, position=entry.position, customer_label=entry.label,
        tender=entry.tender, refund_fen=back.refund_fen, consolation_fen=back.consolation_fen,
        coins=back.coins, reward_fen=back.reward_fen,
    )
