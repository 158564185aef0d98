"""The terminal's Ed25519 voucher signing key.

Made on first use. The private key lives in the OS keychain (`keyring`, service
"pinshang-counter"); every public key ever used stays in `signing_keys` for ever, so vouchers
signed before a rotation still verify. With no usable keychain backend the private key is kept
in memory for this session only (`keychain_warning` says so) and a new key is made next time.
A keychain that is there but does not answer (locked) stops the draw with a clear message:
a good key is never retired because of it.
"""

from __future__ import annotations

import base64
import logging
import sqlite3
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.clock import Clock, from_iso, to_iso, utc_now
from desktop.core.ed25519_keys import is_trusted_key
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ops import OpKind
from desktop.core.staff import Permission
from desktop.core.vouchers import TrustedKey, key_id, public_key_bytes
from desktop.services.base import SYSTEM_ACTOR, Actor, ServiceBase, require
from desktop.store.db import Database
from desktop.store.deal_models import SigningKey
from desktop.store.keychain import SecretVault
from desktop.store.raw_write import raw_audit, raw_emit, sqlite_of
from desktop.store.redemption_sql import signing_key_row

if TYPE_CHECKING:  # cryptography is imported when a key is first made, loaded or checked
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

log = logging.getLogger(__name__)
NO_KEYCHAIN = QT_TRANSLATE_NOOP(
    "errors",
    "No keychain is available: the voucher signing key is kept in memory for this session only",
)


def _username(kid: str) -> str:
    return f"voucher-signing-key:{kid}"


class SigningKeyService(ServiceBase):
    """Keys are cached per process: verifying a voucher never touches the keychain or, once
    a key id is known, the database."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        super().__init__(db, clock)
        self._private: dict[str, Ed25519PrivateKey] = {}
        self._public: dict[str, Ed25519PublicKey] = {}
        self.keychain_warning: str | None = None
        self.vault = SecretVault()

    # --- signing ----------------------------------------------------------------------------

    def current_key(self, session: Session) -> Ed25519PrivateKey:
        """The active private key, made (and registered) on first use; call inside a write."""
        active = select(SigningKey).where(SigningKey.own, SigningKey.retired_at.is_(None))
        row = session.scalar(active.limit(1))
        if row is not None:
            private = self._private.get(row.key_id) or self._load(row.key_id)
            if private is not None:
                return private
            row.retired_at = to_iso(self.clock())  # its private half is lost: retire it
        return self._create(session)

    def identity_key(self) -> Ed25519PrivateKey:
        """The active key in its own write (made on first use): the key pairing registers."""
        with self.db.write() as session:
            return self.current_key(session)

    def new_identity_key(self) -> Ed25519PrivateKey:
        """Retire the active key and make a new one, in its own write (pairing, when the
        platform refuses the key as one of a revoked terminal)."""
        with self.db.write() as session:
            return self.replace_key(session)

    def replace_key(self, session: Session) -> Ed25519PrivateKey:
        """Retire the active key and make a new one, inside the caller's write (pairing, when
        the platform refuses the key as one of a revoked terminal)."""
        now = to_iso(self.clock())
        for row in session.scalars(select(SigningKey).where(SigningKey.own, SigningKey.retired_at.is_(None))):
            row.retired_at = now
        return self._create(session)

    def rotate(self, actor: Actor) -> str:
        """Retire the current key and make a new one; returns the new key id."""
        require(actor, Permission.MANAGE_DEALS)
        with self.transaction(actor) as tx:
            mine = select(SigningKey).where(SigningKey.own, SigningKey.retired_at.is_(None))
            for row in tx.session.scalars(mine):
                row.retired_at = tx.now_iso
            new_key = self._create(tx.session)
            kid = key_id(public_key_bytes(new_key))
            tx.audit("signing_key.rotated", key_id=kid)
            return kid

    def _create(self, session: Session) -> Ed25519PrivateKey:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = Ed25519PrivateKey.generate()
        raw_public = public_key_bytes(private)
        kid = key_id(raw_public)
        self._store(kid, private)
        now = to_iso(self.clock())
        session.add(SigningKey(key_id=kid, public_key=raw_public.hex(), created_at=now))
        session.flush()
        # The platform shares the new key with the store's other terminals (they verify this
        # terminal's vouchers offline); the change is audited like any key change.
        driver = sqlite_of(session)
        # `at`: the platform retires this terminal's older keys at that time.
        raw_emit(driver, now, OpKind.SIGNING_KEY_ADDED,
                 {"key_id": kid, "public_key": base64.b64encode(raw_public).decode("ascii"),
                  "at": now})
        raw_audit(driver, now, SYSTEM_ACTOR, "signing_key.created", key_id=kid)
        self._private[kid] = private
        self._public[kid] = private.public_key()
        return private

    def _store(self, kid: str, private: Ed25519PrivateKey) -> None:
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
        )

        raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        self.vault.put(_username(kid), raw.hex())
        if self.vault.in_memory:
            log.warning("voucher key %s kept in memory only: no usable keychain", kid)
            self.keychain_warning = NO_KEYCHAIN

    def _load(self, kid: str) -> Ed25519PrivateKey | None:
        """The private key, or None when the keychain has none (then the key is lost). A
        keychain that does not answer raises KeychainUnavailable instead."""
        text = self.vault.get(_username(kid), strict=True)
        if not text:
            return None
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(text))
        self._private[kid] = private
        return private

    # --- verifying --------------------------------------------------------------------------

    @property
    def cached(self) -> dict[str, Ed25519PublicKey]:
        return self._public

    def public_keys(self, session: Session, wanted: str | None = None) -> dict[str, Ed25519PublicKey]:
        """Every known public key by key id (weak keys left out). Reads the table only when
        nothing is cached yet, or when `wanted` (a key id) is not cached; None forces a reload.
        No bounds here: the verifier's path is `trusted`."""
        if wanted is None or not self._public or (wanted and wanted not in self._public):
            self.remember([(row.key_id, row.public_key) for row in
                           session.execute(select(SigningKey.key_id, SigningKey.public_key))])
        return self._public

    def remember(self, rows: list[tuple[str, str]]) -> None:
        """Cache (key id, hex public key) rows read elsewhere; a weak key is never cached."""
        for kid, public_hex in rows:
            if kid not in self._public:
                public = _trusted_public(public_hex)
                if public is not None:
                    self._public[kid] = public

    def trusted(self, conn: sqlite3.Connection, kid: str) -> TrustedKey | None:
        """The key `kid` as the verifier trusts it: read fresh (one primary-key lookup, so a
        bound that a pull just wrote counts at once), parsed once. None: unknown or weak."""
        row = signing_key_row(conn, kid)
        if row is None:
            return None
        public = self._public.get(kid)
        if public is None:
            self.remember([(kid, row[0])])
            public = self._public.get(kid)
        if public is None:
            return None
        ends = [from_iso(t) for t in (row[1], row[2]) if t]
        return TrustedKey(public, min(ends) if ends else None)


def _trusted_public(public_hex: str) -> Ed25519PublicKey | None:
    """The key of a hex column value, or None when malformed or weak (desktop.core.ed25519_keys)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw = bytes.fromhex(public_hex)
        public = Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        return None
    if not is_trusted_key(raw):
        log.warning("weak voucher key %s refused", public_hex[:16])
        return None
    return public
