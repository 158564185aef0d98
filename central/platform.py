"""The running platform's shared state: sessions, clock, signing key, policy settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.clock import Clock

READ_ONLY = "central_read_only"  # execution option: begin without the write lock (central/db.py)


@dataclass
class Platform:
    sessions: sessionmaker[Session]
    clock: Clock
    signing_key: Ed25519PrivateKey
    # An offline terminal may capture a token accepted before its expiry up to this long after.
    capture_grace: timedelta = timedelta(hours=72)
    # How long after a redemption it can be reversed (redemption.reversed), measured from the
    # redemption's time and from when the platform received it (central/services/shifts.py).
    reversal_window: timedelta = timedelta(hours=1)

    @contextmanager
    def tx(self) -> Iterator[Session]:
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction that only reads (authentication, lookups): on SQLite a deferred BEGIN,
        so it never takes the write lock that pushes queue on (central/db.py)."""
        with self.sessions() as session, session.begin():
            session.connection(execution_options={READ_ONLY: True})
            yield session


@dataclass(frozen=True)
class TerminalContext:
    terminal_id: str
    store_id: str
    merchant_id: str
