"""What the counter hands each person back, in words: the amounts are the rule of
desktop.services.hand_back (the printed refund slips read the same), this says them in the
person's language: "Refund ¥98 + consolation ¥5 + 50 coins", split by tender for a cancelled
or expired group (cash back now, a card refund to do, refunded online).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.money import format_fen
from desktop.services.group_views import GroupView
from desktop.services.hand_back import DRAWN_STATES, REFUNDED_STATES, HandBack, hand_back
from desktop.ui.i18n import current_language

__all__ = ["DRAWN_STATES", "REFUNDED_STATES", "HandBack", "describe_hand_back", "hand_back", "refund_summary"]


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
