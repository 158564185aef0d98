"""Double-entry ledger with two-phase transfers, modelled on TigerBeetle.

Every movement is a `Transfer` from a debit account to a credit account, so the entries of any
set of transfers sum to zero by construction. A pending transfer (a held deposit) reserves an
amount; later exactly one `post_pending` or `void_pending` transfer resolves it. Nothing is
edited in place: corrections are new transfers. Amounts are integer fen (unit "fen") or integer
coins (unit "coin"); units never mix in one transfer.

Accounts are strings: "cash:drawer", "customer:<member or phone>", "deposits:held",
"revenue:deals", "expense:consolation", "liability:coins", ... (see `Accounts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.errors import InvalidTransition, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.money import check_fen


class Kind(StrEnum):
    PLAIN = "plain"  # posted immediately
    PENDING = "pending"  # reserves the amount until posted or voided
    POST_PENDING = "post_pending"  # completes a pending transfer
    VOID_PENDING = "void_pending"  # releases a pending transfer


class Unit(StrEnum):
    FEN = "fen"
    COIN = "coin"


class Accounts:
    DRAWER = "asset:drawer"
    DEPOSITS_HELD = "liability:deposits_held"
    DEAL_REVENUE = "revenue:deals"
    SALES = "revenue:sales"
    CONSOLATION = "expense:consolation"
    REWARDS = "expense:leader_rewards"
    COINS_RECEIVABLE = "asset:coins_receivable"  # coins accepted, owed by the platform
    COINS_TO_GRANT = "liability:coins_to_grant"  # consolation coins the platform will credit

    @staticmethod
    def customer(who: str) -> str:
        return f"customer:{who}"


@dataclass(frozen=True)
class Transfer:
    id: str
    debit: str
    credit: str
    amount: int
    kind: Kind = Kind.PLAIN
    unit: Unit = Unit.FEN
    pending_id: str | None = None  # for post/void: the pending transfer it resolves
    ref: str = ""  # business reference (group id, voucher id, sale id)

    def __post_init__(self) -> None:
        check_fen(self.amount)
        if self.amount <= 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A transfer amount must be positive"))
        if self.debit == self.credit:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A transfer needs two different accounts"))
        resolves = self.kind in (Kind.POST_PENDING, Kind.VOID_PENDING)
        if resolves != (self.pending_id is not None):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only post and void name a pending transfer"))


@dataclass(frozen=True)
class Balance:
    debits_posted: int = 0
    credits_posted: int = 0
    debits_pending: int = 0
    credits_pending: int = 0

    @property
    def posted(self) -> int:
        """Credit-normal net: credits minus debits that are final."""
        return self.credits_posted - self.debits_posted

    @property
    def pending(self) -> int:
        return self.credits_pending - self.debits_pending


@dataclass
class Ledger:
    """An in-memory view of transfers that enforces the two-phase rules.

    The store persists the same `Transfer` rows; services replay the relevant ones into a
    `Ledger` to validate a new transfer before writing it.
    """

    transfers: dict[str, Transfer] = field(default_factory=dict)
    resolved: dict[str, str] = field(default_factory=dict)  # pending id -> resolving transfer id

    def apply(self, transfer: Transfer) -> Transfer:
        if transfer.id in self.transfers:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Transfer {id} exists already"), id=transfer.id)
        if transfer.pending_id is not None:
            self._check_resolution(transfer)
            self.resolved[transfer.pending_id] = transfer.id
        self.transfers[transfer.id] = transfer
        return transfer

    def _check_resolution(self, transfer: Transfer) -> None:
        pending = self.transfers.get(transfer.pending_id or "")
        if pending is None or pending.kind is not Kind.PENDING:
            raise InvalidTransition(QT_TRANSLATE_NOOP("errors", "No pending transfer {id}"), id=transfer.pending_id)
        if transfer.pending_id in self.resolved:
            raise InvalidTransition(
                QT_TRANSLATE_NOOP("errors", "Pending transfer {id} was already posted or voided"),
                id=transfer.pending_id,
            )
        same_route = (pending.debit, pending.credit, pending.unit) == (transfer.debit, transfer.credit, transfer.unit)
        if not same_route or transfer.amount > pending.amount:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Post or void must match its pending transfer"))

    def open_pending(self) -> list[Transfer]:
        return [t for t in self.transfers.values() if t.kind is Kind.PENDING and t.id not in self.resolved]

    def balances(self, unit: Unit = Unit.FEN) -> dict[str, Balance]:
        return balances(self.transfers.values(), unit)


def balances(transfers: Iterable[Transfer], unit: Unit = Unit.FEN) -> dict[str, Balance]:
    """Per-account balances. A pending transfer counts as pending until resolved; a post moves
    its amount to posted; a void releases it."""
    items = [t for t in transfers if t.unit is unit]
    resolved = {t.pending_id for t in items if t.pending_id}
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for t in items:
        if t.kind is Kind.PENDING and t.id not in resolved:
            sums[t.debit][2] += t.amount
            sums[t.credit][3] += t.amount
        elif t.kind in (Kind.PLAIN, Kind.POST_PENDING):
            sums[t.debit][0] += t.amount
            sums[t.credit][1] += t.amount
    return {acct: Balance(*vals) for acct, vals in sums.items()}


def trial_balance(transfers: Iterable[Transfer], unit: Unit = Unit.FEN) -> int:
    """Sum of all posted and pending nets across accounts: always zero in double entry."""
    return sum(b.posted + b.pending for b in balances(transfers, unit).values())
