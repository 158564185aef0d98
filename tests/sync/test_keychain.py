"""The API token lives in the OS keychain, never in the database or any file of the data dir;
with no usable keychain it is kept in memory and the status says so."""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordSetError

from desktop.services.base import SYSTEM_ACTOR
from desktop.store.keychain import SERVICE, SecretVault, token_name
from desktop.sync.runtime import SyncRuntime
from desktop.ui.sync_status import state_text
from tests.support.stores import open_services


def _data_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_the_token_is_in_the_keychain_and_nowhere_in_the_data_dir(terminal, memory_keyring, tmp_path) -> None:
    assert memory_keyring.get_password(SERVICE, token_name(terminal.terminal_id)) == terminal.token
    assert not terminal.runtime.vault.in_memory
    terminal.services.sync.record_success()  # more writes: WAL and main file both checked
    blob = _data_bytes(tmp_path / "t1")
    assert terminal.terminal_id.encode() in blob  # the ids are stored...
    assert terminal.token.encode() not in blob  # ...the token is not
    private = [v for (_, name), v in memory_keyring.secrets.items() if name.startswith("voucher-signing-key:")]
    assert private and private[0].encode() not in blob  # the identity (= voucher) key's private half


class BrokenKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("no D-Bus session")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the keychain is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("no D-Bus session")


def _pair_without_keychain(tmp_path, seed, clock, backend: KeyringBackend) -> SyncRuntime:
    keyring.set_keyring(backend)
    services = open_services(tmp_path, clock)
    services.demo.seed()
    runtime = SyncRuntime(services, SecretVault())
    runtime.flow.pair(SYSTEM_ACTOR, seed.server.url, seed.pairing_code(), "Counter 9")
    return runtime


def test_without_a_keychain_the_token_stays_in_memory_and_the_status_says_so(qapp, tmp_path, seed, clock) -> None:
    for i, backend in enumerate((fail.Keyring(), BrokenKeyring())):
        runtime = _pair_without_keychain(tmp_path / str(i), seed, clock, backend)
        try:
            token = runtime.token()
            assert token and runtime.vault.in_memory
            assert "token kept in memory until restart" in state_text(runtime)
            assert token.encode() not in _data_bytes(tmp_path / str(i))
            # After a restart (a new vault) the token is gone: the status asks to pair again.
            restarted = SyncRuntime(runtime.services, SecretVault())
            assert restarted.token() is None
            assert state_text(restarted) == "Paired, but the token is lost: pair again"
        finally:
            runtime.services.close()


def test_pairing_again_removes_the_old_token_from_the_keychain(terminal, memory_keyring, seed) -> None:
    old = terminal.terminal_id
    pairing = terminal.runtime.flow.pair(SYSTEM_ACTOR, seed.server.url, seed.pairing_code(), "Counter 1b", force=True)
    assert pairing.terminal_id != old
    assert memory_keyring.get_password(SERVICE, token_name(old)) is None
    assert memory_keyring.get_password(SERVICE, token_name(pairing.terminal_id))
