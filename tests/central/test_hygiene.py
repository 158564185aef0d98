"""Finding 8: content never makes a 5xx. Lone surrogates, NULs, times out of the UTC range,
odd query strings: every refusal is a 4xx (or a rejected op that still advances last_seq) with
{"error", "reason"}; driver error text never reaches a client."""

from __future__ import annotations

import logging
import sqlite3

import pytest
import requests
from sqlalchemy import create_engine, text

from central.server import RunningServer
from tests.central.helpers import Seed, new_public_key, paired, sale

SURROGATE = "\ud800"


def _raw_json(text: str) -> bytes:
    """JSON with a lone surrogate escape, which a JSON parser turns into a lone surrogate."""
    return text.encode("ascii")


def _post(server: RunningServer, path: str, body: bytes, token: str | None = None) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.post(server.url + path, data=body, headers=headers, timeout=10)


def test_a_lone_surrogate_in_a_payload_is_rejected_and_the_terminal_goes_on(seed: Seed) -> None:
    client, terminal = paired(seed)
    body = ('{"terminal_id": "TERMINAL", "batch": ['
            '{"seq": 1, "op_id": "a1", "kind": "sale.completed", "payload": {"sale_id": "s\\ud800", "total_fen": 1}},'
            '{"seq": 2, "op_id": "a2", "kind": "no.such\\ud800", "payload": {"k\\udfff": "\\u0000"}},'
            '{"seq": 3, "op_id": "a3", "kind": "sale.completed", "payload": {"sale_id": "s3", "total_fen": 5}}'
            ']}').replace("TERMINAL", terminal)
    answer = _post(seed.server, "/v1/push", _raw_json(body), client.token)
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied"]
    assert "lone surrogate" in results[0]["reason"] and "unknown op kind" in results[1]["reason"]
    assert answer.json()["last_seq"] == 3
    replay = _post(seed.server, "/v1/push", _raw_json(body), client.token).json()  # stored, answered again
    assert [r["original_status"] for r in replay["results"]] == ["rejected", "rejected", "applied"]


@pytest.mark.parametrize("at", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00",
                                "1999-12-31T23:59:59+00:00", "2030-01-01T00:00:00", "not a time"])
def test_a_time_out_of_the_utc_range_is_rejected_as_an_op(seed: Seed, at: str) -> None:
    client, terminal = paired(seed)
    answer = client.push(terminal, [sale(1, at=at), sale(2)])
    assert [r["status"] for r in answer["results"]] == ["rejected", "applied"]
    assert "at" in answer["results"][0]["reason"] and answer["last_seq"] == 2


@pytest.mark.parametrize(("start", "end", "reason"), [
    ("0001-01-01T00:00:00+05:00", "2030-01-01T00:00:00+00:00", "'from' is outside"),
    ("2030-01-01T00:00:00+00:00", "9999-12-31T23:59:59-05:00", "'to' is outside"),
    ("2030-02-01T00:00:00+00:00", "2030-01-01T00:00:00+00:00", "must not be after"),
    ("2030-01-01T00:00:00+00:00", "2032-01-01T00:00:00+00:00", "at most 366 days"),
    ("yesterday", "2030-01-01T00:00:00+00:00", "from"),
    ("2030-01-01T00:00:00+25:00", "2030-01-01T00:00:00+00:00", "from"),
])
def test_reconcile_query_times_are_bounded(seed: Seed, start: str, end: str, reason: str) -> None:
    client, _ = paired(seed)
    response = requests.get(seed.server.url + "/v1/reconcile", params={"from": start, "to": end},
                            headers={"Authorization": f"Bearer {client.token}"}, timeout=10)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid_request" and reason in response.json()["reason"]


def test_reconcile_honest_period_still_works(seed: Seed) -> None:
    client, _ = paired(seed)
    response = requests.get(seed.server.url + "/v1/reconcile",
                            params={"from": "2030-01-01T00:00:00+08:00", "to": "2030-01-01T00:00:00+08:00"},
                            headers={"Authorization": f"Bearer {client.token}"}, timeout=10)
    assert response.status_code == 200 and response.json()["lines"] == []


@pytest.mark.parametrize("cursor", ["x" * 5000, "%ff", "W1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tb", "eyJ2IjoxLCJzIjoxZTEwMDB9",
                                    "\u4e2d\u6587", "eyJ2IjogMSwgImkiOiBudWxsLCAicyI6IFtdfQ"])
def test_any_pull_cursor_is_a_full_reload_not_an_error(seed: Seed, cursor: str) -> None:
    client, _ = paired(seed)
    response = requests.get(seed.server.url + "/v1/pull", params={"cursor": cursor},
                            headers={"Authorization": f"Bearer {client.token}"}, timeout=10)
    assert response.status_code == 200 and response.json()["reset"] is True


@pytest.mark.parametrize(("path", "body"), [
    ("/v1/pair", '{"code": "abc", "public_key": "AAAA", "name": "n\\ud800"}'),
    ("/v1/pair", '{"code": "a\\u0000", "public_key": "AAAA", "name": "n"}'),
    ("/v1/coins/authorizations", '{"member_id": "m\\udc00", "max_coins": 5}'),
    ("/v1/coins/capture", '{"member_id": "m", "coins": 5, "sale_id": "\\ud83d"}'),
    ("/v1/groups/g1/join-requests", '{"member_id": "m\\ud800", "nonce": "%s"}' % ("0" * 32)),
    ("/v1/push", '{"terminal_id": "t", "batch": [{"seq": 1, "op_id": "x\\ud800", "kind": "k", "payload": 1}]}'),
    ("/v1/push", '{"terminal_id": "t", "batch": [{"seq": 99999999999999999999999, "op_id": "x", "kind": "k"}]}'),
    ("/v1/push", "[" * 5000 + "]" * 5000),
    ("/v1/push", '{"terminal_id": "t", "batch": '),
    ("/v1/pair", "\xff\xfe not json"),
])
def test_bad_bodies_answer_4xx_with_a_reason(seed: Seed, path: str, body: str) -> None:
    client, _ = paired(seed)
    response = _post(seed.server, path, body.encode("utf-8", "surrogatepass"), client.token)
    assert 400 <= response.status_code < 500, response.text
    assert set(response.json()) >= {"error", "reason"}


@pytest.mark.parametrize("target", ["/v1/members/%00/coins", "/v1/pull?cursor=%00", "/v1/pull?cursor=a%2500%00",
                                    "/v1/reconcile?from=2030-01-01%00&to=2030-01-02"])
def test_a_nul_in_a_path_or_query_is_refused(seed: Seed, target: str) -> None:
    client, _ = paired(seed)
    response = requests.get(seed.server.url + target, headers={"Authorization": f"Bearer {client.token}"}, timeout=5)
    assert response.status_code == 400 and response.json()["error"] == "invalid_request"


def test_unknown_paths_and_methods_answer_in_the_same_shape(server: RunningServer) -> None:
    missing = requests.get(server.url + "/v1/nothing", timeout=5)
    wrong = requests.delete(server.url + "/v1/pair", timeout=5)
    assert (missing.status_code, missing.json()["error"]) == (404, "not_found")
    assert (wrong.status_code, wrong.json()["error"]) == (405, "method_not_allowed")


def test_driver_error_text_is_logged_not_sent(seed: Seed, db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    _refusing_trigger(db_url)
    client, terminal = paired(seed)
    with caplog.at_level(logging.WARNING, logger="central.services.push"):
        answer = client.push(terminal, [sale(1, total_fen=1234), sale(2)])
    results = answer["results"]
    assert results[0]["status"] == "rejected" and "secret" not in str(answer)
    assert results[0]["reason"] == "conflicts with data the platform already holds"
    assert results[1]["status"] == "applied" and answer["last_seq"] == 2
    assert "secret driver detail 42" in caplog.text and "seq=1" in caplog.text


def _refusing_trigger(db_url: str) -> None:
    """The database itself refuses a line of 12.34 CNY, with a message a client must never see."""
    if db_url.startswith("sqlite"):
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
            conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON platform_lines WHEN NEW.amount_fen = 1234 "
                         "BEGIN SELECT RAISE(ABORT, 'secret driver detail 42'); END")
        return
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.amount_fen = 1234 THEN "
                          "RAISE EXCEPTION 'secret driver detail 42' USING ERRCODE = '23505'; END IF; "
                          "RETURN NEW; END $$ LANGUAGE plpgsql"))
        conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON platform_lines FOR EACH ROW "
                          "EXECUTE FUNCTION refuse()"))
    engine.dispose()


def test_a_bug_answers_500_without_details(seed: Seed, caplog: pytest.LogCaptureFixture) -> None:
    """A real bug may still 500, but says nothing: here the platform's database is gone."""
    client, terminal = paired(seed)
    seed.server.app.state.engine.dispose()
    platform = seed.server.app.state.platform
    broken = platform.sessions.kw["bind"]
    platform.sessions.configure(bind=__import__("sqlalchemy").create_engine("sqlite:////nonexistent/dir/x.db"))
    try:
        with caplog.at_level(logging.ERROR, logger="central"):
            response = requests.post(seed.server.url + "/v1/pair", json={
                "code": "abc", "public_key": new_public_key(), "name": "n"}, timeout=10)
    finally:
        platform.sessions.configure(bind=broken)
    assert response.status_code == 500
    assert response.json()["error"] == "internal" and "sqlite" not in response.text.lower()
    assert "unhandled error on POST /v1/pair" in caplog.text
