"""Pairing a terminal with the platform (docs/sync-protocol.md, Pairing).

The terminal registers its Ed25519 public key with a one-time code and gets a terminal id and an
API token. The key registered is the terminal's voucher signing key (made on first use, private
half in the keychain by SigningKeyService): the platform hands it to the other terminals of the
store in pull, so they verify this terminal's vouchers offline. The token goes to the keychain
(SecretVault); ids, URL and the platform's public key to the database. A refused code writes
nothing (not even a new signing key, unless this terminal never had one).
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
)

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.urls import platform_url
from desktop.services.base import Actor
from desktop.services.registry import Services
from desktop.services.sync import Pairing
from desktop.store.keychain import SecretVault, token_name
from desktop.sync.client import PlatformClient, PlatformRejected, PlatformUnreachable

ClientFactory = Callable[[str], PlatformClient]


def check_url(url: str) -> str:
    """https:// to any host, http:// only on this computer or the local network (desktop.core.urls)."""
    return platform_url(url)


def check_code(code: str) -> str:
    cleaned = code.strip().upper().replace("-", "").replace(" ", "")
    if not cleaned.isalnum() or not 6 <= len(cleaned) <= 32:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Type the pairing code from the platform (10 letters and digits)"))
    return cleaned


class PairingFlow:
    def __init__(self, services: Services, vault: SecretVault,
                 client_factory: ClientFactory = lambda url: PlatformClient(url, timeout=15)) -> None:
        self.services = services
        self.sync = services.sync
        self.vault = vault
        self.client_factory = client_factory

    def pair(self, actor: Actor, url: str, code: str, name: str, *, force: bool = False) -> Pairing:
        """Slow (HTTP): call it off the UI thread. Raises a UserError the manager can act on."""
        self.sync.check_may_pair(actor, force=force)
        base_url, clean_code = check_url(url), check_code(code)
        key = self._identity_key()
        client = self.client_factory(base_url)
        try:
            try:
                answer = client.pair(clean_code, _public_b64(key), name.strip() or "Counter")
            except PlatformRejected as exc:
                if exc.code != "key_revoked":
                    raise
                # This key belonged to a revoked terminal: it is never trusted again. A new
                # key (the old one is retired here) pairs; the code was not used up.
                key = self._new_identity_key()
                answer = client.pair(clean_code, _public_b64(key), name.strip() or "Counter")
        except PlatformUnreachable as exc:
            if isinstance(exc.__cause__, requests.exceptions.SSLError):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "The platform at {url} did not show a valid certificate, so nothing was sent. "
                    "Check the address; the platform needs a certificate from a recognised authority."),
                    url=base_url) from exc
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Cannot reach the platform at {url}. Check the address and the network."),
                url=base_url) from exc
        finally:
            client.close()
        pairing = Pairing(answer["terminal_id"], name.strip() or "Counter", answer["store"]["id"],
                          answer["store"]["name"], answer["merchant"]["id"], base_url,
                          answer["platform_public_key"])
        previous = self.sync.pairing()
        self.services.groups.resign_for_pairing(pairing.store_id)  # tokens name the store
        self.vault.put(token_name(pairing.terminal_id), answer["token"])
        self.sync.record_pairing(actor, pairing)
        if previous is not None and previous.terminal_id != pairing.terminal_id:
            self.vault.delete(token_name(previous.terminal_id))  # the old identity's token is dead
        return pairing

    def _identity_key(self) -> Ed25519PrivateKey:
        return self.services.signing_keys.identity_key()

    def _new_identity_key(self) -> Ed25519PrivateKey:
        return self.services.signing_keys.new_identity_key()


def _public_b64(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")
