"""Pairing a terminal with the platform (docs/sync-protocol.md, Pairing).

The terminal makes its Ed25519 identity key, registers the public key with a one-time code and
gets a terminal id and an API token. Secrets go to the keychain (SecretVault); ids, URL and the
platform's public key to the database. A refused code writes nothing.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from urllib.parse import urlparse

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.services.base import Actor
from desktop.services.sync import Pairing, SyncService
from desktop.sync.client import PlatformClient, PlatformUnreachable
from desktop.sync.keychain import SecretVault, identity_key_name, token_name

ClientFactory = Callable[[str], PlatformClient]


def check_url(url: str) -> str:
    cleaned = url.strip().rstrip("/")
    parsed = urlparse(cleaned)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The platform address must start with https:// (or http:// on a local network)"))
    return cleaned


def check_code(code: str) -> str:
    cleaned = code.strip().upper().replace("-", "").replace(" ", "")
    if not cleaned.isalnum() or not 6 <= len(cleaned) <= 32:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Type the pairing code from the platform (10 letters and digits)"))
    return cleaned


class PairingFlow:
    def __init__(self, sync: SyncService, vault: SecretVault,
                 client_factory: ClientFactory = lambda url: PlatformClient(url, timeout=15)) -> None:
        self.sync = sync
        self.vault = vault
        self.client_factory = client_factory

    def pair(self, actor: Actor, url: str, code: str, name: str, *, force: bool = False) -> Pairing:
        """Slow (HTTP): call it off the UI thread. Raises a UserError the manager can act on."""
        self.sync.check_may_pair(actor, force=force)
        base_url, clean_code = check_url(url), check_code(code)
        key = Ed25519PrivateKey.generate()
        client = self.client_factory(base_url)
        try:
            answer = client.pair(clean_code, _public_b64(key), name.strip() or "Counter")
        except PlatformUnreachable as exc:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Cannot reach the platform at {url}. Check the address and the network."),
                url=base_url) from exc
        finally:
            client.close()
        pairing = Pairing(answer["terminal_id"], name.strip() or "Counter", answer["store"]["id"],
                          answer["store"]["name"], answer["merchant"]["id"], base_url,
                          answer["platform_public_key"])
        self.vault.put(token_name(pairing.terminal_id), answer["token"])
        self.vault.put(identity_key_name(pairing.terminal_id), _private_b64(key))
        self.sync.record_pairing(actor, pairing)
        return pairing


def _public_b64(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def _private_b64(key: Ed25519PrivateKey) -> str:
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.b64encode(raw).decode("ascii")
