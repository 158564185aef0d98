"""The voucher signing key and the keychain: a locked keychain never costs the store its key."""

from __future__ import annotations

import keyring
import pytest
from keyring.errors import KeyringError
from sqlalchemy import select

from desktop.services.signing_keys import SigningKeyService
from desktop.store.deal_models import SigningKey
from desktop.store.keychain import KeychainUnavailable
from tests.support.memory_keyring import MemoryKeyring


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("the keychain is locked")


def test_a_locked_keychain_stops_signing_without_retiring_the_key(services, clock) -> None:
    first = SigningKeyService(services.db, clock)
    with services.db.write() as session:
        made = first.current_key(session)
    later = SigningKeyService(services.db, clock)  # a new start of the app: nothing cached
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(KeychainUnavailable, match="keychain does not answer"), services.db.write() as session:
        later.current_key(session)
    with services.db.read() as session:
        rows = session.scalars(select(SigningKey).where(SigningKey.own)).all()
    assert len(rows) == 1 and rows[0].retired_at is None
    assert made is not None
