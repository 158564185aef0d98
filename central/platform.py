"""The running platform's shared state: sessions, clock, signing key, policy settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.clock import Clock


@dataclass
class Platform:
    sessions: sessionmaker[Session]
    clock: Clock
    signing_key: Ed25519PrivateKey
    # An offline terminal may capture a token accepted before its expiry up to this long after.
    capture_grace: timedelta = timedelta(hours=72)

    @contextmanager
    def tx(self) -> Iterator[Session]:
        with self.sessions() as session, session.begin():
            yield session


@dataclass(frozen=True)
class TerminalContext:
    terminal_id: str
    store_id: str
    merchant_id: str
