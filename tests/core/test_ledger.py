from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from desktop.core.errors import InvalidTransition, ValidationError
from desktop.core.ledger import Accounts, Kind, Ledger, Transfer, Unit, balances, trial_balance

ACCOUNTS = [Accounts.DRAWER, Accounts.DEPOSITS_HELD, Accounts.DEAL_REVENUE, Accounts.customer("a"),
            Accounts.customer("b"), Accounts.CONSOLATION]


def test_hold_then_post_moves_pending_to_posted() -> None:
    ledger = Ledger()
    ledger.apply(Transfer("h1", Accounts.DRAWER, Accounts.DEPOSITS_HELD, 9800, Kind.PENDING))
    assert ledger.balances()[Accounts.DEPOSITS_HELD].pending == 9800
    ledger.apply(Transfer("p1", Accounts.DRAWER, Accounts.DEPOSITS_HELD, 9800, Kind.POST_PENDING, pending_id="h1"))
    held = ledger.balances()[Accounts.DEPOSITS_HELD]
    assert (held.pending, held.posted) == (0, 9800)


def test_a_hold_resolves_once() -> None:
    ledger = Ledger()
    ledger.apply(Transfer("h1", Accounts.DRAWER, Accounts.DEPOSITS_HELD, 100, Kind.PENDING))
    ledger.apply(Transfer("v1", Accounts.DRAWER, Accounts.DEPOSITS_HELD, 100, Kind.VOID_PENDING, pending_id="h1"))
    with pytest.raises(InvalidTransition, match="already"):
        ledger.apply(Transfer("p1", Accounts.DRAWER, Accounts.DEPOSITS_HELD, 100, Kind.POST_PENDING, pending_id="h1"))
    assert ledger.open_pending() == []


@pytest.mark.parametrize("bad", [
    dict(amount=0), dict(amount=-5), dict(credit=Accounts.DRAWER), dict(kind=Kind.POST_PENDING),
    dict(pending_id="x"),
])
def test_malformed_transfers_are_refused(bad: dict[str, object]) -> None:
    fields: dict[str, object] = dict(id="t", debit=Accounts.DRAWER, credit=Accounts.SALES, amount=100)
    with pytest.raises(ValidationError):
        Transfer(**{**fields, **bad})  # type: ignore[arg-type]


def test_post_must_match_its_hold() -> None:
    ledger = Ledger()
    ledger.apply(Transfer("h", Accounts.DRAWER, Accounts.DEPOSITS_HELD, 100, Kind.PENDING))
    with pytest.raises(ValidationError):
        ledger.apply(Transfer("p", Accounts.DRAWER, Accounts.SALES, 100, Kind.POST_PENDING, pending_id="h"))
    with pytest.raises(ValidationError):
        ledger.apply(Transfer("p", Accounts.DRAWER, Accounts.DEPOSITS_HELD, 101, Kind.POST_PENDING, pending_id="h"))


class LedgerMachine(RuleBasedStateMachine):
    """Any sequence of valid operations keeps every unit balanced and resolves holds once."""

    holds = Bundle("holds")

    def __init__(self) -> None:
        super().__init__()
        self.ledger = Ledger()
        self.counter = 0

    def _id(self) -> str:
        self.counter += 1
        return f"t{self.counter}"

    @rule(debit=st.sampled_from(ACCOUNTS), credit=st.sampled_from(ACCOUNTS),
          amount=st.integers(1, 10**9), unit=st.sampled_from(Unit))
    def plain(self, debit: str, credit: str, amount: int, unit: Unit) -> None:
        if debit != credit:
            self.ledger.apply(Transfer(self._id(), debit, credit, amount, unit=unit))

    @rule(target=holds, amount=st.integers(1, 10**9), who=st.sampled_from(["a", "b"]))
    def hold(self, amount: int, who: str) -> str:
        transfer = Transfer(self._id(), Accounts.customer(who), Accounts.DEPOSITS_HELD, amount, Kind.PENDING)
        return self.ledger.apply(transfer).id

    @rule(pending=holds, post=st.booleans())
    def resolve(self, pending: str, post: bool) -> None:
        original = self.ledger.transfers[pending]
        kind = Kind.POST_PENDING if post else Kind.VOID_PENDING
        transfer = Transfer(self._id(), original.debit, original.credit, original.amount, kind, pending_id=pending)
        if pending in self.ledger.resolved:
            with pytest.raises(InvalidTransition):
                self.ledger.apply(transfer)
        else:
            self.ledger.apply(transfer)

    @invariant()
    def balanced(self) -> None:
        for unit in Unit:
            assert trial_balance(self.ledger.transfers.values(), unit) == 0
            for balance in balances(self.ledger.transfers.values(), unit).values():
                assert isinstance(balance.posted, int) and isinstance(balance.pending, int)


TestLedgerMachine = LedgerMachine.TestCase


@given(st.lists(st.integers(1, 10**6), min_size=1, max_size=30))
def test_holds_voided_leave_no_trace_in_posted(amounts: list[int]) -> None:
    ledger = Ledger()
    for i, amount in enumerate(amounts):
        ledger.apply(Transfer(f"h{i}", Accounts.customer("a"), Accounts.DEPOSITS_HELD, amount, Kind.PENDING))
        ledger.apply(Transfer(f"v{i}", Accounts.customer("a"), Accounts.DEPOSITS_HELD, amount,
                              Kind.VOID_PENDING, pending_id=f"h{i}"))
    assert all(b.posted == 0 and b.pending == 0 for b in ledger.balances().values())
