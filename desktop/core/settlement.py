"""Settlement plans for a drawn group, and refund plans for an expired or cancelled one.

Deposit holds follow one route, made by `hold_deposit`: a pending transfer from
`customer:<who>` to `Accounts.DEPOSITS_HELD`. A plan is pure data; the service applies its
transfers, issues the vouchers and records the coin grants in one database transaction.

For a drawn group:
- a winner's hold is posted, then moved from deposits held to deal revenue;
- every other hold is voided (the deposit goes back: the refund);
- each loser (eligible, not drawn) gets the consolation cash (expense → customer) and the
  consolation coins (COIN unit, expense → `Accounts.COINS_TO_GRANT`, which the platform
  credits to the member on the next sync);
- the leader gets the leader reward (leader excluded only) and the formation reward per joiner.
Transfer ids are derived from the group and entry ids, so a plan built twice is the same plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.deals import DealTerms, LeaderRule
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ledger import Accounts, Kind, Transfer, Unit


@dataclass(frozen=True)
class Seat:
    """One entry of the group, with the deposit it paid and the pending hold of that deposit."""

    entry_id: str
    customer: str  # member id or phone: the ledger account is Accounts.customer(customer)
    deposit_fen: int
    hold_id: str
    is_leader: bool = False


@dataclass(frozen=True)
class VoucherToIssue:
    group_id: str
    entry_id: str
    customer: str
    product: str
    valid_days: int


@dataclass(frozen=True)
class CoinGrant:
    customer: str
    coins: int


@dataclass(frozen=True)
class SettlementPlan:
    transfers: list[Transfer]
    vouchers: list[VoucherToIssue]
    coin_grants: list[CoinGrant]


def hold_deposit(hold_id: str, group_id: str, customer: str, amount_fen: int) -> Transfer:
    """The pending transfer that holds a deposit until the draw (the route settlement expects)."""
    return Transfer(
        id=hold_id,
        debit=Accounts.customer(customer),
        credit=Accounts.DEPOSITS_HELD,
        amount=amount_fen,
        kind=Kind.PENDING,
        ref=group_id,
    )


def settle_group(
    group_id: str, terms: DealTerms, seats: Sequence[Seat], winners: Sequence[str]
) -> SettlementPlan:
    """The complete plan for a drawn group; ValidationError if seats and winners disagree."""
    _check_seats(terms, seats)
    _check_winners(terms, seats, winners)
    won = set(winners)
    transfers: list[Transfer] = []
    grants: list[CoinGrant] = []
    for seat in seats:
        if seat.entry_id in won:
            transfers += _win(group_id, seat)
        else:
            transfers.append(_void(group_id, seat))
            if not _excluded_leader(terms, seat):
                transfers += _consolation_cash(group_id, terms, seat)
                transfers += _consolation_coins(group_id, terms, seat, grants)
    transfers += _leader_rewards(group_id, terms, seats)
    by_id = {seat.entry_id: seat for seat in seats}
    vouchers = [
        VoucherToIssue(group_id, w, by_id[w].customer, terms.product_name, terms.redemption_days)
        for w in winners
    ]
    return SettlementPlan(transfers, vouchers, grants)


def refund_group(group_id: str, seats: Sequence[Seat]) -> list[Transfer]:
    """Expired or cancelled: void every hold, nothing else moves."""
    _check_unique(seats)
    return [_void(group_id, seat) for seat in seats]


def _excluded_leader(terms: DealTerms, seat: Seat) -> bool:
    return seat.is_leader and terms.leader_rule is LeaderRule.EXCLUDED


def _win(group_id: str, seat: Seat) -> list[Transfer]:
    post = Transfer(
        id=f"{group_id}:post:{seat.entry_id}",
        debit=Accounts.customer(seat.customer),
        credit=Accounts.DEPOSITS_HELD,
        amount=seat.deposit_fen,
        kind=Kind.POST_PENDING,
        pending_id=seat.hold_id,
        ref=group_id,
    )
    revenue = Transfer(
        id=f"{group_id}:revenue:{seat.entry_id}",
        debit=Accounts.DEPOSITS_HELD,
        credit=Accounts.DEAL_REVENUE,
        amount=seat.deposit_fen,
        ref=group_id,
    )
    return [post, revenue]


def _void(group_id: str, seat: Seat) -> Transfer:
    return Transfer(
        id=f"{group_id}:void:{seat.entry_id}",
        debit=Accounts.customer(seat.customer),
        credit=Accounts.DEPOSITS_HELD,
        amount=seat.deposit_fen,
        kind=Kind.VOID_PENDING,
        pending_id=seat.hold_id,
        ref=group_id,
    )


def _consolation_cash(group_id: str, terms: DealTerms, seat: Seat) -> list[Transfer]:
    if not terms.consolation_cash_fen:
        return []
    return [
        Transfer(
            id=f"{group_id}:consolation:{seat.entry_id}",
            debit=Accounts.CONSOLATION,
            credit=Accounts.customer(seat.customer),
            amount=terms.consolation_cash_fen,
            ref=group_id,
        )
    ]


def _consolation_coins(
    group_id: str, terms: DealTerms, seat: Seat, grants: list[CoinGrant]
) -> list[Transfer]:
    if not terms.consolation_coins:
        return []
    grants.append(CoinGrant(seat.customer, terms.consolation_coins))
    return [
        Transfer(
            id=f"{group_id}:coins:{seat.entry_id}",
            debit=Accounts.CONSOLATION,
            credit=Accounts.COINS_TO_GRANT,
            amount=terms.consolation_coins,
            unit=Unit.COIN,
            ref=group_id,  # like every transfer of the group; the customer is in coin_grants
        )
    ]


def _leader_rewards(group_id: str, terms: DealTerms, seats: Sequence[Seat]) -> list[Transfer]:
    leader = next((seat for seat in seats if seat.is_leader), None)
    if leader is None:
        return []
    amounts = {
        "leader_reward": terms.leader_reward_fen if _excluded_leader(terms, leader) else 0,
        "formation_reward": terms.formation_reward_fen * (len(seats) - 1),
    }
    return [
        Transfer(
            id=f"{group_id}:{name}",
            debit=Accounts.REWARDS,
            credit=Accounts.customer(leader.customer),
            amount=amount,
            ref=group_id,
        )
        for name, amount in amounts.items()
        if amount > 0
    ]


def _check_unique(seats: Sequence[Seat]) -> None:
    ids = [seat.entry_id for seat in seats]
    holds = [seat.hold_id for seat in seats]
    if len(set(ids)) != len(ids) or len(set(holds)) != len(holds):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Each seat needs its own entry and hold"))
    if any(seat.deposit_fen <= 0 for seat in seats):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Every seat must have paid a deposit"))
    if sum(seat.is_leader for seat in seats) > 1:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A group has only one leader"))


def _check_seats(terms: DealTerms, seats: Sequence[Seat]) -> None:
    _check_unique(seats)
    if len(seats) != terms.group_size:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Only a full group is settled: {taken} of {n} seats"),
            taken=len(seats),
            n=terms.group_size,
        )
    if terms.leader_rule is LeaderRule.EXCLUDED and not any(s.is_leader for s in seats):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The excluded leader's seat is missing"))


def _check_winners(terms: DealTerms, seats: Sequence[Seat], winners: Sequence[str]) -> None:
    eligible = {s.entry_id for s in seats if not _excluded_leader(terms, s)}
    if len(winners) != terms.winners or len(set(winners)) != len(winners):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The draw must have {k} different winners"), k=terms.winners
        )
    for winner in winners:
        if winner not in eligible:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Winner {id} is not an eligible seat of this group"),
                id=winner,
            )
