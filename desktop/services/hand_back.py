"""What the counter hands each person back after a draw or a cancellation, from a group view.

The same rules as desktop.core.settlement: a loser's deposit is refunded and, unless the
leader is excluded from the draw, the loser gets the consolation cash and coins; the leader
gets the leader and formation rewards. A cancelled or expired group refunds every deposit by
its tender: cash is handed back now, a card refund is still to do at the card terminal, an
online deposit goes back through the platform. The group screen's "what to hand back"
column and the printed refund slips both read this.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.deals import LeaderRule
from desktop.core.groups import GroupState
from desktop.services.group_views import EntryInfo, GroupView

REFUNDED_STATES = (GroupState.CANCELLED, GroupState.EXPIRED, GroupState.REFUNDED)
DRAWN_STATES = (GroupState.DRAWN, GroupState.SETTLED)


@dataclass(frozen=True)
class HandBack:
    won: bool = False
    refund_fen: int = 0
    consolation_fen: int = 0
    coins: int = 0
    reward_fen: int = 0
    tender: str = "cash"


def hand_back(view: GroupView, entry: EntryInfo) -> HandBack | None:
    """None while the group is still open or full: nothing is handed back yet."""
    terms = view.terms
    if view.state in REFUNDED_STATES:
        return HandBack(refund_fen=entry.deposit_fen, tender=entry.tender)
    if view.state not in DRAWN_STATES:
        return None
    reward = 0
    excluded = entry.is_leader and terms.leader_rule is LeaderRule.EXCLUDED
    if entry.is_leader:
        reward = terms.formation_reward_fen * (len(view.entries) - 1) + (terms.leader_reward_fen if excluded else 0)
    if entry.id in view.winners:
        return HandBack(won=True, reward_fen=reward, tender=entry.tender)
    return HandBack(refund_fen=entry.deposit_fen,
                    consolation_fen=0 if excluded else terms.consolation_cash_fen,
                    coins=0 if excluded else terms.consolation_coins, reward_fen=reward, tender=entry.tender)
