"""What the counter hands each person back after a draw or a cancellation.

Built from what the group view already holds (terms, seats, winners, state), with the same
rules as desktop.core.settlement: a loser's deposit is refunded and, unless the leader is
excluded from the draw, the loser gets the consolation cash and coins; the leader gets the
leader and formation rewards. A cancelled or expired group refunds every deposit, split by
tender: cash is handed back now, a card refund is still to do at the card terminal, an
online deposit goes back through the platform.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.core.deals import LeaderRule
from desktop.core.groups import GroupState
from desktop.core.money import format_fen
from desktop.services.group_views import EntryInfo, GroupView
from desktop.ui.i18n import current_language

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


def _money(fen: int) -> str:
    return format_fen(fen, current_language())


def describe_hand_back(view: GroupView, back: HandBack) -> str:
    """One line for the person's row: "Refund ¥98 + consolation ¥5 + 50 coins"."""
    parts: list[str] = []
    if back.won:
        parts.append(QCoreApplication.translate("hand_back", "Won: hand over the voucher"))
    elif view.state in REFUNDED_STATES:
        parts.append(refund_text(back.tender, back.refund_fen))
    else:
        parts.append(refund_text(back.tender, back.refund_fen, drawn=True))
    if back.consolation_fen:
        parts.append(QCoreApplication.translate("hand_back", "consolation {amount}").format(amount=_money(back.consolation_fen)))
    if back.coins:
        parts.append(QCoreApplication.translate("hand_back", "{n} coins").format(n=back.coins))
    if back.reward_fen:
        parts.append(QCoreApplication.translate("hand_back", "leader reward {amount}").format(amount=_money(back.reward_fen)))
    return " + ".join(parts)


def refund_text(tender: str, fen: int, drawn: bool = False) -> str:
    amount = _money(fen)
    if tender == "card":
        return QCoreApplication.translate("hand_back", "Card refund {amount} (to do)").format(amount=amount)
    if tender == "platform":
        return QCoreApplication.translate("hand_back", "Refunded online {amount}").format(amount=amount)
    return QCoreApplication.translate("hand_back", "Refund {amount}").format(amount=amount) if drawn else QCoreApplication.translate("hand_back", "Cash back {amount} now").format(amount=amount)


def refund_summary(view: GroupView) -> str:
    """A cancelled or expired group: the refunds split by tender, in one line."""
    totals: dict[str, list[int]] = {}
    for entry in view.entries:
        total = totals.setdefault(entry.tender, [0, 0])
        total[0] += entry.deposit_fen
        total[1] += 1
    names = {"cash": QCoreApplication.translate("hand_back", "Cash back now: {amount} ({n})"), "card": QCoreApplication.translate("hand_back", "Card refunds to do: {amount} ({n})"),
             "platform": QCoreApplication.translate("hand_back", "Refunded online: {amount} ({n})")}
    return " · ".join(names.get(tender, "{amount} ({n})").format(amount=_money(fen), n=n)
                      for tender, (fen, n) in totals.items())
