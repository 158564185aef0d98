"""Property tests over HTTP against the real platform: random op kinds and random JSON payloads
(lone surrogates, NULs, huge ints, deep nesting, odd times) never get a 5xx; every op of a batch
gets an answer and advances last_seq. Random query strings for reconcile and pull cursors, and
random member ids in a path, never get a 5xx either."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.ops import OpKind
from tests.central.helpers import Seed, hand_made_proof, paired

ODD_TEXT = ["\ud800", "\udfff", "a\ud83d", "\x00", "nul\x00nul", "\u202e", "\ufeff", "%00", "'; DROP TABLE x;--",
            "\U0001f600", "中文", "e\u0301", "\\", "\n\r\t"]
ODD_TIMES = ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2030-02-30T00:00:00+00:00",
             "1999-12-31T23:59:59+00:00", "2199-12-31T23:59:59-23:59", "2030-01-01T00:00:00",
             "2030-01-01", "", "T", "+05:00", "2030-01-01T00:00:00+24:00", "9" * 40]
ODD_INTS = [0, -1, 2**31, 2**32, 2**63, -(2**63) - 1, 2**64, 10**19, 10**300]

texts = st.one_of(st.text(max_size=40), st.sampled_from(ODD_TEXT), st.sampled_from(ODD_TIMES))
scalars = st.one_of(st.none(), st.booleans(), st.sampled_from(ODD_INTS),
                    st.integers(min_value=-(10**30), max_value=10**30),
                    st.floats(allow_nan=False, allow_infinity=False), texts)
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)), max_leaves=12)


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


SAMPLES: dict[str, dict[str, Any]] = {
    OpKind.SALE_COMPLETED: {"sale_id": "s1", "total_fen": 100, "coins": 0, "coin_fen": 0},
    OpKind.GROUP_OPENED: {"group_id": "g1", "deal_id": "d1", "commitment": "0" * 64, "size": 2},
    OpKind.GROUP_JOINED: {"group_id": "g1", "entry_id": "e1", "nonce": "0" * 32, "deposit_fen": 100},
    OpKind.GROUP_DRAWN: {"group_id": "g1", "proof": hand_made_proof("g1", 2, 1)[0]},
    OpKind.GROUP_SETTLED: {"group_id": "g1", "coin_grants": [{"member_id": "m", "coins": 1}], "cash_fen": 0},
    OpKind.GROUP_EXPIRED: {"group_id": "g1", "refunded_fen": 100},
    OpKind.VOUCHER_REDEEMED: {"voucher_id": "v1", "redeemed_at": "2030-01-01T00:00:00+00:00"},
    OpKind.VOUCHER_ISSUED: {"voucher_id": "v1", "group_id": "g1", "entry_id": "e1",
                            "expires_at": "2030-01-01T00:00:00+00:00"},
    OpKind.COINS_CAPTURED: {"token_id": "0" * 32, "member_id": "m", "coins": 1},
    OpKind.JOIN_REQUEST_ACCEPTED: {"request_id": "r1", "group_id": "g1"},
    OpKind.SIGNING_KEY_ADDED: {"key_id": "00000000", "public_key": "A" * 43 + "="},
    OpKind.STAFF_CHANGED: {"staff_id": 1, "name": "n", "role": "cashier", "active": True},
}


@st.composite
def near_valid(draw: st.DrawFn) -> tuple[str, Any]:
    """A real kind's sample payload with one field replaced, one added, or `at` made odd."""
    kind = draw(st.sampled_from(sorted(SAMPLES)))
    payload = json.loads(json.dumps(SAMPLES[kind]))
    how = draw(st.sampled_from(["replace", "add", "at", "nest"]))
    if how == "replace":
        payload[draw(st.sampled_from(sorted(payload)))] = draw(json_values)
    elif how == "add":
        payload[draw(texts)] = draw(json_values)
    elif how == "at":
        payload["at"] = draw(st.sampled_from(ODD_TIMES))
    else:
        payload[draw(st.sampled_from(sorted(payload)))] = _nested(draw(st.integers(30, 400)))
    return kind, payload


any_kind = st.one_of(st.sampled_from([k.value for k in OpKind]), texts.filter(lambda t: 0 < len(t) <= 64))
ops = st.one_of(near_valid(), st.tuples(any_kind, json_values))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(batch=st.lists(ops, min_size=1, max_size=6))
def test_random_ops_never_get_a_5xx_and_always_advance_last_seq(seed: Seed, batch: list[tuple[str, Any]]) -> None:
    client, terminal = _terminal(seed)
    start = _LAST_SEQ.get(terminal, 0)
    body = {"terminal_id": terminal, "batch": [
        {"seq": start + i, "op_id": f"p{start + i}", "kind": kind, "payload": payload}
        for i, (kind, payload) in enumerate(batch, start=1)]}
    response = client.http.post(seed.server.url + "/v1/push", json=body, timeout=30,
                                headers={"Authorization": f"Bearer {client.token}"})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert [r["seq"] for r in answer["results"]] == [start + i for i in range(1, len(batch) + 1)]
    assert all(r["status"] in {"applied", "rejected", "duplicate"} and isinstance(r["reason"], str)
               for r in answer["results"])
    assert answer["last_seq"] == start + len(batch)
    _LAST_SEQ[terminal] = answer["last_seq"]


query_text = st.one_of(st.text(max_size=60), st.sampled_from(ODD_TIMES + ODD_TEXT))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=query_text, end=query_text, cursor=query_text)
def test_random_query_strings_never_get_a_5xx(seed: Seed, start: str, end: str, cursor: str) -> None:
    client, _ = _terminal(seed)
    headers = {"Authorization": f"Bearer {client.token}"}

    def get(path: str, params: dict[str, str]) -> requests.Response:
        safe = {k: v.encode("utf-8", "surrogatepass") for k, v in params.items()}
        return client.http.get(seed.server.url + path, params=safe, headers=headers, timeout=30)

    member = quote(cursor.encode("utf-8", "surrogatepass"), safe="") or "x"
    for response in (get("/v1/reconcile", {"from": start, "to": end}), get("/v1/pull", {"cursor": cursor}),
                     get(f"/v1/members/{member}/coins", {})):
        assert response.status_code < 500, response.text
        assert response.status_code == 200 or {"error", "reason"} <= set(response.json())


_LAST_SEQ: dict[str, int] = {}


def _terminal(seed: Seed) -> tuple[Any, str]:
    """One paired terminal per server (the fixture's server lives for the whole test)."""
    made = getattr(seed.server, "property_terminal", None)
    if made is None:
        made = paired(seed)
        seed.server.property_terminal = made  # type: ignore[attr-defined]
    return made
