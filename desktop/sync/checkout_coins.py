"""Coins at the counter, online (docs/checkout.md): the member's code turned into a consent by
the platform, and the capture made BEFORE the sale completes, with an Idempotency-Key written
to the store first. A timeout or a lost answer leaves no doubt: the capture is looked up by its
key before anything is sent again, and a retry uses the same key (the platform answers a key
once). Offline the member shows a coin authorization instead (desktop.services.checkout)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.core.checkout import Tender
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.member_codes import parse_member_code
from desktop.core.staff import Actor
from desktop.services.checkout_order import CounterMember, Order
from desktop.services.checkout_writes import CompletedSale
from desktop.services.registry import Services
from desktop.sync.client import PlatformClient, PlatformRejected, PlatformUnreachable

log = logging.getLogger(__name__)
ClientFactory = Callable[[], PlatformClient | None]
_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "The platform did not answer, so it is not known whether the coins were taken. "
    "Try again when it is back: it is asked first, and coins are never taken twice.")


class CaptureUnknown(UserError):
    """The platform did not answer and could not be asked whether the coins were taken."""


@dataclass(frozen=True)
class Identified:
    member: CounterMember
    online: bool  # False: the platform is out of reach, coins only with an authorization QR


class CoinDesk:
    def __init__(self, services: Services, client: ClientFactory) -> None:
        self.services = services
        self.client = client

    def identify(self, member_code: str) -> Identified:
        """The member of a scanned code with their consent and available coins; offline, the
        member as this store knows them (no coins without their authorization QR)."""
        parsed = parse_member_code(member_code)
        if parsed is None:
            raise UserError(QT_TRANSLATE_NOOP("errors", "This is not a member code we can read"))
        client = self.client()
        if client is None:
            return Identified(self.services.checkout.member_by_id(parsed.member_id), False)
        try:
            answer = client.coin_consent(member_code.strip())
        except PlatformUnreachable:
            log.info("member code of %s read offline: no coins without an authorization", parsed.member_id)
            return Identified(self.services.checkout.member_by_id(parsed.member_id), False)
        finally:
            client.close()
        member = self.services.checkout.with_consent(str(answer["member_id"]), str(answer["consent_id"]),
                                                     int(answer.get("available", 0)),
                                                     home_merchant_id=answer.get("home_merchant_id"))
        return Identified(member, True)

    def complete_sale(self, actor: Actor, order: Order, tenders: Sequence[Tender], *,
                      approver: Actor | None = None) -> CompletedSale:
        """Check the bill and tenders, capture the coins online (if the member consented
        online), then complete the sale in one transaction."""
        checkout = self.services.checkout
        checkout.validate(actor, order, tenders, approver=approver)
        key = None
        member = order.member
        if order.coins and member is not None and not member.token_text:
            key = self.capture(actor, member, order.coins)
        return checkout.complete(actor, order, tenders, capture_key=key, approver=approver)

    def capture(self, actor: Actor, member: CounterMember, coins: int) -> str:
        """The key of a capture the platform made of `coins` of the member; UserError if refused
        or unknown (then the next try looks it up first, under the same key)."""
        checkout = self.services.checkout
        key, state = checkout.begin_capture(actor, member.member_id, coins)
        if state == "captured":
            return key
        client = self.client()
        if client is None:
            raise UserError(QT_TRANSLATE_NOOP(
                "errors", "The platform cannot be reached: use the member's coin authorization QR"))
        try:
            if state == "pending" and self._resolved(actor, client, key):  # an earlier try arrived
                return key
            return self._send(actor, client, key, member, coins)
        finally:
            client.close()

    def _send(self, actor: Actor, client: PlatformClient, key: str, member: CounterMember, coins: int) -> str:
        for attempt in (1, 2):
            try:
                client.capture_coins(member.member_id, coins, "", key, consent_id=member.consent_id or None)
                break
            except PlatformRejected as exc:
                self.services.checkout.record_capture(actor, key, captured=False, reason=exc.reason)
                raise
            except PlatformUnreachable:
                log.warning("capture %s: no answer (try %d); looking it up before any retry", key, attempt)
                if self._resolved(actor, client, key):
                    return key
                if attempt == 2:
                    raise CaptureUnknown(_UNKNOWN) from None
        self.services.checkout.record_capture(actor, key, captured=True)
        return key

    def _resolved(self, actor: Actor, client: PlatformClient, key: str) -> bool:
        """Did the capture under `key` arrive? True: it was made (recorded); False: it never
        arrived; PlatformRejected: it arrived and was refused; CaptureUnknown: cannot tell."""
        try:
            found = client.lookup_capture(key)
        except PlatformUnreachable as exc:
            raise CaptureUnknown(_UNKNOWN) from exc
        if found is None:
            return False
        if int(found.get("status", 0)) == 200:
            self.services.checkout.record_capture(actor, key, captured=True)
            return True
        answer = found.get("answer") or {}
        reason = str(answer.get("reason") or answer.get("error") or "refused")
        self.services.checkout.record_capture(actor, key, captured=False, reason=reason)
        raise PlatformRejected(int(found.get("status", 409)), str(answer.get("error", "")), reason, answer)
