"""What a sale, a refund or a settled group implies under a commission schedule version
(docs/settlement.md): the same functions run on the counter, which records them, and on the
platform, which recomputes them from its own data. Rates are basis points; every amount is
rounded half-up to the fen on its own line (`money.apply_rate`); totals are sums of lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import BP_WHOLE, apply_rate


@dataclass(frozen=True)
class Rates:
    """One version of a merchant's commission schedule."""

    version: int
    coin_settlement_bp: int  # 扣点: the platform keeps this share of the coins' face value
    turnover_commission_bp: int  # on member sales, after discounts and coins
    deal_commission_bp: int  # on what a settled group kept
    alliance_share_bp: int  # of member sales, paid to the member's home merchant (<= turnover)
    coin_cap_bp: int  # the most of a bill coins may pay
    coin_value_fen: int  # one coin's face value

    def check(self) -> None:
        """ValidationError for a schedule the platform must refuse."""
        for rate in (self.coin_settlement_bp, self.turnover_commission_bp, self.deal_commission_bp,
                     self.alliance_share_bp, self.coin_cap_bp):
            if not 0 <= rate <= BP_WHOLE:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A rate must be between 0% and 100%."))
        if self.alliance_share_bp > self.turnover_commission_bp:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The alliance share cannot be more than the turnover commission."))
        if self.coin_value_fen < 1:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A coin must be worth at least one fen."))


@dataclass(frozen=True)
class SaleAmounts:
    """Mirrors op_contracts.SaleAmounts; negated for a refund."""

    coin_reimbursement_fen: int = 0
    turnover_commission_fen: int = 0
    alliance_share_fen: int = 0
    home_merchant_id: str = ""

    def negated(self) -> SaleAmounts:
        return SaleAmounts(-self.coin_reimbursement_fen, -self.turnover_commission_fen,
                           -self.alliance_share_fen, self.home_merchant_id)


def coin_reimbursement_fen(coin_fen: int, rates: Rates) -> int:
    """The platform owes the merchant the coins' face value minus 扣点."""
    return apply_rate(coin_fen, BP_WHOLE - rates.coin_settlement_bp)


def turnover_commission_fen(member_sale_fen: int, rates: Rates) -> int:
    return apply_rate(member_sale_fen, rates.turnover_commission_bp)


def deal_commission_fen(kept_fen: int, rates: Rates) -> int:
    return apply_rate(kept_fen, rates.deal_commission_bp)


def alliance_share_fen(member_sale_fen: int, rates: Rates) -> int:
    return apply_rate(member_sale_fen, rates.alliance_share_bp)


def sale_amounts(*, member_sale_fen: int, coin_fen: int, has_member: bool, home_merchant_id: str,
                 selling_merchant_id: str, rates: Rates) -> SaleAmounts:
    """A sale's amounts. `member_sale_fen` is what the tenders paid (after discounts and coins);
    commission and share apply only with an identified member; the share only when the member's
    home merchant is another merchant of the alliance."""
    reimbursement = coin_reimbursement_fen(coin_fen, rates)
    if not has_member:
        return SaleAmounts(coin_reimbursement_fen=reimbursement)
    other_home = bool(home_merchant_id) and home_merchant_id != selling_merchant_id
    return SaleAmounts(
        coin_reimbursement_fen=reimbursement,
        turnover_commission_fen=turnover_commission_fen(member_sale_fen, rates),
        alliance_share_fen=alliance_share_fen(member_sale_fen, rates) if other_home else 0,
        home_merchant_id=home_merchant_id if other_home else "",
    )
