"""Secrets in the OS keychain: the platform API token, the voucher signing keys.

Never in a file or the database. With no usable keychain backend (keyring's fail backend, or
one that raises), the secret is kept in this process's memory and `in_memory` says so: the
status bar tells the manager the terminal must be paired again after a restart.

keyring is imported when a secret is first put, read or deleted (it and its backends cost a few
MiB, and an unpaired terminal at its login window needs no secret).
"""

from __future__ import annotations

import logging

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
SERVICE = "pinshang-counter"


class KeychainUnavailable(UserError):
    """The keychain is there but would not answer (locked, no D-Bus, access denied)."""


def token_name(terminal_id: str) -> str:
    return f"token:{terminal_id}"


class SecretVault:
    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._memory: dict[str, str] = {}  # secrets the keychain would not take
        self._read: dict[str, str] = {}  # read from the keychain once: the status bar asks often

    @property
    def in_memory(self) -> bool:
        return bool(self._memory)

    def put(self, name: str, secret: str) -> None:
        import keyring
        from keyring.errors import KeyringError

        if not _usable():
            self._memory[name] = secret
            return
        try:
            keyring.set_password(self.service, name, secret)
        except (KeyringError, OSError, RuntimeError) as exc:  # locked, no D-Bus, denied...
            log.warning("the keychain refused the secret %s (%s); keeping it in memory", name, exc)
            self._memory[name] = secret
        else:
            self._memory.pop(name, None)
            self._read[name] = secret

    def get(self, name: str, *, strict: bool = False) -> str | None:
        """The secret, or None when there is none. A keychain that fails to answer also gives
        None, unless `strict`: then KeychainUnavailable, so a caller never mistakes a locked
        keychain for a lost secret."""
        if name in self._memory:
            return self._memory[name]
        if name in self._read:
            return self._read[name]
        import keyring
        from keyring.errors import KeyringError

        if not _usable():
            return None
        try:
            secret = keyring.get_password(self.service, name)
        except (KeyringError, OSError, RuntimeError) as exc:
            log.warning("cannot read %s from the keychain: %s", name, exc)
            if strict:
                raise KeychainUnavailable(QT_TRANSLATE_NOOP(
                    "errors", "The system keychain does not answer (is it locked?). Unlock it and try again."
                )) from exc
            return None
        if secret is not None:
            self._read[name] = secret
        return secret

    def delete(self, name: str) -> None:
        self._memory.pop(name, None)
        self._read.pop(name, None)
        import keyring
        from keyring.errors import KeyringError

        if _usable():
            try:
                keyring.delete_password(self.service, name)
            except (KeyringError, OSError, RuntimeError):
                pass  # nothing to delete, or the keychain is unavailable: either way it is gone


def _usable() -> bool:
    import keyring
    from keyring.backends import fail

    return not isinstance(keyring.get_keyring(), fail.Keyring)
