"""HTTP client of the central platform API (docs/sync-protocol.md). No Qt, no database.

Errors come in two kinds, so the sync worker knows what to do:
- `PlatformUnreachable`: connection refused or reset, timeout, 5xx. Nothing is known to have
  happened; retry later with backoff (push and capture are safe to retry).
- `PlatformRejected` (a UserError): a 4xx with the server's reason; retrying the same request
  will not help. `status`, `code` and `body` carry the details (e.g. a push gap's expected_seq).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from desktop.core.clock import to_iso
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.statement import StatementRows
from desktop.core.urls import platform_url  # no token in clear to a public host

if TYPE_CHECKING:  # requests (with urllib3, idna, charset_normalizer: ~9 MiB) is imported by the first client
    import requests

DEFAULT_TIMEOUT = 15.0


class PlatformUnreachable(Exception):
    """The platform could not be reached or failed (5xx): try again later."""


# What a cashier reads for the platform's refusals they can act on (the error codes of
# central/services/coin_consents.py, coins.py, coin_ledger.py); other codes keep the platform's
# sentence, which the log and the attention screen also keep.
REFUSALS: dict[str, str] = {
    "member_code_invalid": QT_TRANSLATE_NOOP(
        "errors", "The member code was not accepted: ask the member to refresh it on their phone and scan again"),
    "member_code_used": QT_TRANSLATE_NOOP(
        "errors", "This member code was used already: ask the member to show a fresh one"),
    "member_code_locked": QT_TRANSLATE_NOOP(
        "errors", "Too many wrong member codes: wait a few minutes, then scan again"),
    "consent_required": QT_TRANSLATE_NOOP("errors", "Scan the member's code first"),
    "consent_invalid": QT_TRANSLATE_NOOP("errors", "The member's consent was not accepted: scan their code again"),
    "consent_used": QT_TRANSLATE_NOOP("errors", "The member's consent was used already: scan their code again"),
    "consent_expired": QT_TRANSLATE_NOOP("errors", "The member's consent has expired: scan their code again"),
    "insufficient_coins": QT_TRANSLATE_NOOP("errors", "The member does not have that many coins"),
    "beyond_authorization": QT_TRANSLATE_NOOP("errors", "That is more coins than the member authorized"),
    "authorization_expired": QT_TRANSLATE_NOOP("errors", "The member's coin authorization has expired"),
    "forged_token": QT_TRANSLATE_NOOP("errors", "This coin authorization is not genuine"),
    "wrong_scope": QT_TRANSLATE_NOOP("errors", "This coin authorization is for another store"),
    "too_many_authorizations": QT_TRANSLATE_NOOP(
        "errors", "The member has too many open coin authorizations: use or cancel one first"),
}


class PlatformRejected(UserError):
    """The platform refused the request (4xx); the reason says why (in the cashier's words for
    the codes of REFUSALS)."""

    def __init__(self, status: int, code: str, reason: str, body: dict[str, Any]) -> None:
        if code in REFUSALS:
            super().__init__(REFUSALS[code])
        else:
            super().__init__(QT_TRANSLATE_NOOP("errors", "The platform refused: {reason}"), reason=reason)
        self.status = status
        self.code = code
        self.reason = reason
        self.body = body


@dataclass(frozen=True)
class OutboxOp:
    """One row of the client's outbox, as pushed."""

    seq: int
    op_id: str
    kind: str
    payload: Any


STATEMENT_PAGE = 20_000  # lines per page of a whole statement (the platform's most)


class PlatformClient:
    def __init__(self, base_url: str, token: str | None = None, timeout: float = DEFAULT_TIMEOUT,
                 session: requests.Session | None = None) -> None:
        import requests

        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.http = session or requests.Session()
        # Never let the environment decide where the token goes: no ~/.netrc credentials that
        # replace the Authorization header, no proxy from HTTP(S)_PROXY (docs/security.md).
        self.http.trust_env = False

    def close(self) -> None:
        self.http.close()

    # --- endpoints -------------------------------------------------------------------------

    def pair(self, code: str, public_key: str, name: str) -> dict[str, Any]:
        """Register this terminal; returns terminal_id, token (keep it: shown once), store,
        merchant, platform_public_key. Sets the token on this client."""
        answer = self._call("POST", "/v1/pair", json={"code": code, "public_key": public_key, "name": name},
                            auth=False)
        self.token = answer["token"]
        return answer

    def push(self, terminal_id: str, batch: Iterable[OutboxOp | Sequence[Any]],
             audit_head: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send outbox rows `(seq, op_id, kind, payload)` in seq order; returns
        {last_seq, results: [{seq, op_id, status, reason, conflict, ...}]}."""
        ops = [_op_json(row) for row in batch]
        body = {"terminal_id": terminal_id, "batch": ops, "audit_head": audit_head}
        return self._call("POST", "/v1/push", json=body)

    def pull(self, cursor: str | None = None, limit: int | None = None) -> dict[str, Any]:
        """One page of a pull (`more: true`: pull again with its cursor for the next)."""
        params: dict[str, Any] = {"cursor": cursor} if cursor else {}
        if limit is not None:
            params["limit"] = limit
        return self._call("GET", "/v1/pull", params=params or None)

    def coin_consent(self, member_code: str) -> dict[str, Any]:
        """The member's consent (their member code, used up) for one coin movement at this
        terminal: {consent_id, member_id, available, expires_at}."""
        return self._call("POST", "/v1/coins/consents", json={"member_code": member_code})

    def authorize_coins(self, member_id: str, max_coins: int, ttl_seconds: int = 900, *,
                        member_code: str | None = None, consent_id: str | None = None) -> dict[str, Any]:
        body = {"member_id": member_id, "max_coins": max_coins, "ttl_seconds": ttl_seconds,
                "member_code": member_code, "consent_id": consent_id}
        return self._call("POST", "/v1/coins/authorizations", json=body)

    def capture_coins(self, member_id: str, coins: int, sale_id: str, idempotency_key: str,
                      token: str | None = None, *, member_code: str | None = None,
                      consent_id: str | None = None) -> dict[str, Any]:
        """Capture online with a token or the member's consent; the same idempotency_key always
        gets the same answer, once."""
        body = {"member_id": member_id, "coins": coins, "sale_id": sale_id, "token": token,
                "member_code": member_code, "consent_id": consent_id}
        return self._call("POST", "/v1/coins/capture", json=body,
                          headers={"Idempotency-Key": idempotency_key})

    def lookup_capture(self, idempotency_key: str) -> dict[str, Any] | None:
        """What the capture sent with this key got ({key, status, answer}), or None when it never
        arrived (then sending it again is safe). Asked after a timeout, before any retry."""
        try:
            return self._call("GET", f"/v1/coins/captures/{idempotency_key}")
        except PlatformRejected as exc:
            if exc.status == 404 and exc.code == "unknown_capture":
                return None
            raise

    def coin_balance(self, member_id: str, consent_id: str) -> int:
        """The member's available coins, with a live consent of theirs at this terminal."""
        return int(self._call("GET", f"/v1/members/{member_id}/coins",
                              params={"consent_id": consent_id})["available"])

    def lookup_member(self, phone: str) -> dict[str, Any]:
        """The member of this merchant or store with a typed phone: {member_id, phone_masked, name}."""
        return self._call("POST", "/v1/members/lookup", json={"phone": phone})

    def reconcile(self, start: datetime, end: datetime) -> dict[str, Any]:
        return self._call("GET", "/v1/reconcile", params={"from": to_iso(start), "to": to_iso(end)})

    def beacon(self, group_id: str, commitment: str, digest: str) -> dict[str, Any]:
        """The group's pinshang-draw-v2 beacon: {beacon, platform_key, ...} (hex)."""
        return self._call("POST", f"/v1/groups/{quote(group_id, safe='')}/beacon",
                          json={"commitment": commitment, "digest": digest})

    def statement(self, start: datetime, end: datetime, *, scope: str = "store", cursor: str | None = None,
                  limit: int = 1000, merchant_id: str | None = None) -> dict[str, Any]:
        """One page of the settlement statement of this terminal's store (or merchant): the
        first (balances, totals) without `cursor`, else the lines after that page's cursor."""
        params: dict[str, Any] = {"from": to_iso(start), "to": to_iso(end), "scope": scope, "limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        if merchant_id is not None:
            params["merchant_id"] = merchant_id
        return self._call("GET", "/v1/statement", params=params)

    def statement_all(self, start: datetime, end: datetime, *, scope: str = "store") -> dict[str, Any]:
        """The whole statement as one answer: the head of the first page, every line as a dict."""
        whole = self.statement_rows(start, end, scope=scope)
        return {**whole.head, "lines": whole.lines(), "more": False, "cursor": None}

    def statement_rows(self, start: datetime, end: datetime, *, scope: str = "store") -> StatementRows:
        """The whole statement, page after page in the compact form (what reconciliation reads)."""
        whole: StatementRows | None = None
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"from": to_iso(start), "to": to_iso(end), "scope": scope,
                                      "limit": STATEMENT_PAGE, "rows": "true"}
            if cursor is not None:
                params["cursor"] = cursor
            page = self._call("GET", "/v1/statement", params=params)
            if whole is None:
                whole = StatementRows.of_first_page(page)
            else:
                whole.add_page(page)
            if not page["more"]:
                return whole
            cursor = str(page["cursor"])

    def alliance(self, start: datetime, end: datetime) -> dict[str, Any]:
        return self._call("GET", "/v1/alliance", params={"from": to_iso(start), "to": to_iso(end)})

    def request_join(self, group_id: str, join_token: str, nonce: str, member_token: str) -> dict[str, Any]:
        """What a signed-in customer's phone does with a scanned invite (demo and tests)."""
        return self._call("POST", f"/v1/groups/{group_id}/join-requests",
                          json={"join_token": join_token, "nonce": nonce}, auth=False,
                          headers={"Authorization": f"Member {member_token}"})

    # --- plumbing --------------------------------------------------------------------------

    def _call(self, method: str, path: str, *, auth: bool = True, headers: dict[str, str] | None = None,
              **kwargs: Any) -> dict[str, Any]:
        import requests

        all_headers = dict(headers or {})
        if auth and self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        try:
            # Redirects are never followed: a 307 from https:// to http:// (or to another host)
            # would re-send the token and the push body where pairing never agreed to.
            response = self.http.request(method, platform_url(self.base_url) + path, headers=all_headers,
                                         timeout=self.timeout, allow_redirects=False, **kwargs)
        except requests.RequestException as exc:  # refused, reset, timeout, DNS, bad TLS
            raise PlatformUnreachable(f"{method} {path}: {exc}") from exc
        return _answer(method, path, response)


def _answer(method: str, path: str, response: requests.Response) -> dict[str, Any]:
    if 300 <= response.status_code < 400:
        raise PlatformRejected(response.status_code, "redirected",
                               "the platform address answered with a redirect to another address: "
                               "check the platform address (redirects are not followed)", {})
    if response.status_code >= 500:
        raise PlatformUnreachable(f"{method} {path}: server error {response.status_code}")
    body = _json(response)
    if response.status_code >= 400:
        reason = str(body.get("reason") or body.get("detail") or response.reason or "refused")
        raise PlatformRejected(response.status_code, str(body.get("error", "")), reason, body)
    return body


def _json(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as exc:
        if response.status_code >= 400:
            return {}
        raise PlatformUnreachable(f"the platform answered with something that is not JSON: {exc}") from exc
    return body if isinstance(body, dict) else {"value": body}


def _op_json(row: OutboxOp | Sequence[Any]) -> dict[str, Any]:
    if isinstance(row, OutboxOp):
        seq, op_id, kind, payload = row.seq, row.op_id, row.kind, row.payload
    else:
        seq, op_id, kind, payload = row
    return {"seq": int(seq), "op_id": str(op_id), "kind": str(kind), "payload": payload}
