"""Stateful property test of the platform's coin ledger, straight on its database."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule
from sqlalchemy import select

from central.db import make_engine, session_factory, transaction
from central.errors import ApiError
from central.migrate import upgrade
from central.models import CoinBalance, CoinTransfer
from central.services import coin_ledger as ledger
from desktop.core.ledger import Balance, Kind, Transfer, balances, trial_balance

NOW = datetime(2030, 1, 1, tzinfo=UTC)
ACCOUNTS = [ledger.member_account(m) for m in ("a", "b", "c")] + [ledger.merchant_account("m")]


class CoinLedgerMachine(RuleBasedStateMachine):
    pendings = Bundle("pendings")

    def __init__(self) -> None:
        super().__init__()
        self.tmp = TemporaryDirectory()
        self.engine = make_engine(f"sqlite:///{Path(self.tmp.name) / 'l.db'}")
        upgrade(self.engine)
        self.sessions = session_factory(self.engine)

    def teardown(self) -> None:
        self.engine.dispose()
        self.tmp.cleanup()

    def _try(self, action: object) -> object:
        try:
            with transaction(self.sessions) as session:
                return action(session)  # type: ignore[operator]
        except ApiError:
            return None  # refused cleanly; the transaction rolled back

    @rule(to=st.sampled_from(ACCOUNTS), amount=st.integers(1, 500))
    def grant(self, to: str, amount: int) -> None:
        self._try(lambda s: ledger.move(s, ledger.ISSUER, to, amount, "grant", NOW))

    @rule(src=st.sampled_from(ACCOUNTS), dst=st.sampled_from(ACCOUNTS), amount=st.integers(1, 800))
    def spend(self, src: str, dst: str, amount: int) -> None:
        if src != dst:
            self._try(lambda s: ledger.move(s, src, dst, amount, "spend", NOW))

    @rule(target=pendings, src=st.sampled_from(ACCOUNTS[:3]), amount=st.integers(1, 800))
    def reserve(self, src: str, amount: int) -> object:
        return self._try(lambda s: ledger.reserve(s, src, ACCOUNTS[3], amount, "auth", NOW))

    @rule(pending=pendings, amount=st.integers(1, 900))
    def capture(self, pending: str | None, amount: int) -> None:
        if pending:
            self._try(lambda s: ledger.post(s, pending, amount, "capture", NOW))

    @rule(pending=pendings)
    def release(self, pending: str | None) -> None:
        if pending:
            self._try(lambda s: ledger.void(s, pending, "void", NOW))

    @invariant()
    def balances_never_negative_and_journal_sums_to_zero(self) -> None:
        with transaction(self.sessions) as session:
            rows = session.execute(select(CoinTransfer)).scalars().all()
            cached = {b.account: b for b in session.execute(select(CoinBalance)).scalars()}
        transfers = [Transfer(r.id, r.debit, r.credit, r.amount, Kind(r.kind), pending_id=r.pending_id) for r in rows]
        assert trial_balance(transfers) == 0
        derived = balances(transfers)
        for account, row in cached.items():
            expected = derived.get(account, Balance())
            if not ledger.may_go_negative(account):  # members: never below zero
                assert row.posted - row.reserved >= 0
            assert row.may_go_negative == ledger.may_go_negative(account)
            assert (row.posted, row.reserved) == (expected.posted, expected.debits_pending)


CoinLedgerMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=25, deadline=None)
TestCoinLedger = CoinLedgerMachine.TestCase
