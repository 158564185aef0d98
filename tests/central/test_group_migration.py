"""A platform upgraded with groups in flight: the deals and entries it applied before
(received_ops) are rebuilt, so the honest counter's draw and settlement still go through."""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import text

from central.auth import hash_token
from central.db import make_engine
from central.migrate import upgrade
from central.server import start_in_thread
from desktop.core.draw import Entry, build_proof, commitment, draw_winners
from desktop.sync.client import PlatformClient
from tests.central.group_flow import TERMS

AT = datetime(2030, 1, 1, tzinfo=UTC)


def _old_platform(db_url: str, token: str, group_id: str, seed: bytes) -> list[dict[str, object]]:
    """The schema before 0005_groups, with what the old platform recorded of a group of 3."""
    engine = make_engine(db_url)
    upgrade(engine, "0004_coins")
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    entries = [{"group_id": group_id, "entry_id": f"E{i}", "nonce": secrets.token_hex(16),
                "member_id": "U1" if i == 0 else None, "phone": None if i == 0 else f"1370000000{i}",
                "deposit_fen": 9800, "tender": "cash"} for i in range(3)]
    ops = [("deal.launched", {"deal_id": "d1", "terms": {**TERMS, "group_size": 3},
                              "disclosure": {"zh_CN": "", "en": ""}, "version": 1}),
           ("group.opened", {"group_id": group_id, "deal_id": "d1", "commitment": commitment(seed), "size": 3}),
           *(("group.joined", e) for e in entries)]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO merchants (id, name, change_seq) VALUES ('M1', 'm', 1)"))
        conn.execute(text("INSERT INTO stores (id, merchant_id, name, change_seq) VALUES ('S1', 'M1', 's', 1)"))
        conn.execute(text("INSERT INTO terminals (id, store_id, name, public_key, token_hash, last_seq, audit_length, "
                          "audit_hash, created_at, change_seq) VALUES ('T1', 'S1', 't', :pk, :th, :n, 0, '', :at, 1)"),
                     {"pk": base64.b64encode(raw).decode(), "th": hash_token(token), "n": len(ops), "at": AT})
        conn.execute(text("INSERT INTO members (id, phone, name, change_seq, code_secret) "
                          "VALUES ('U1', '13800000001', 'u', 1, :s)"), {"s": secrets.token_bytes(32)})
        conn.execute(text("INSERT INTO groups (id, store_id, terminal_id, deal_id, commitment, size, state, winners) "
                          "VALUES (:g, 'S1', 'T1', 'd1', :c, 3, 'open', '[]')"), {"g": group_id, "c": commitment(seed)})
        for seq, (kind, payload) in enumerate(ops, start=1):
            conn.execute(text("INSERT INTO received_ops (terminal_id, seq, op_id, kind, payload, status, reason, "
                              "conflict, received_at) VALUES ('T1', :seq, :op, :k, :p, 'applied', '', false, :at)"),
                         {"seq": seq, "op": uuid.uuid4().hex, "k": kind, "p": json.dumps(payload), "at": AT})
    engine.dispose()
    return entries


def test_a_group_in_flight_at_the_upgrade_is_drawn_and_settled(db_url: str) -> None:
    token, group_id, seed = "old-terminal-token", "G-in-flight", secrets.token_bytes(32)
    entries = _old_platform(db_url, token, group_id, seed)
    server = start_in_thread(db_url)  # migrates to head
    try:
        client = PlatformClient(server.url, token, timeout=10)
        draw_entries = [Entry(str(e["entry_id"]), str(e["nonce"])) for e in entries]
        winners = draw_winners(seed, draw_entries, 1)
        proof = build_proof(group_id, seed, draw_entries, 1, winners)
        losers = [e for e in entries if e["entry_id"] not in winners]
        grants = [{"entry_id": e["entry_id"], "coins": 10} for e in losers]
        answer = client.push("T1", [(6, uuid.uuid4().hex, "group.drawn", {"group_id": group_id, "proof": proof}),
                                    (7, uuid.uuid4().hex, "group.settled",
                                     {"group_id": group_id, "coin_grants": grants, "cash_fen": 1000})])
        results = [(r["status"], r["reason"]) for r in answer["results"]]
        assert results[0] == ("applied", "")
        # no grant refused: the phone entries (no member registered before) are resolved now
        assert results[1] == ("applied", "")
    finally:
        server.stop()
    engine = make_engine(db_url)
    with engine.connect() as conn:
        coins = dict(conn.execute(text(
            "SELECT m.phone, b.posted FROM members m JOIN coin_balances b ON b.account = 'member:' || m.id")).all())
    engine.dispose()
    assert coins == {("13800000001" if e["member_id"] else e["phone"]): 10 for e in losers}


def test_junk_the_old_platform_applied_neither_stops_the_upgrade_nor_makes_a_5xx(db_url: str) -> None:
    """Before issue 8 the platform applied any payload. A terminal's junk deal.launched and
    group.joined (a text version, a list group id, a text deposit, terms that are no terms) must
    not stop the upgrade (every store's), and a later op on that deal is refused, never a 500;
    the honest group in flight beside them is still drawn and settled."""
    token, group_id, seed = "old-terminal-token", "G-in-flight", secrets.token_bytes(32)
    entries = _old_platform(db_url, token, group_id, seed)
    junk = [("deal.launched", {"deal_id": "d-text-version", "terms": {**TERMS}, "version": "two"}),
            ("deal.launched", {"deal_id": "d-no-terms", "terms": ["not", "terms"], "version": 1}),
            ("deal.launched", {"deal_id": "d-half-terms", "terms": {"group_size": 3}, "version": 1}),
            ("deal.launched", {"deal_id": "d-text-cash", "version": 1,
                               "terms": {**TERMS, "group_size": 3, "consolation_cash_fen": "5 CNY"}}),
            ("deal.launched", {"deal_id": ["a", "list"], "version": 1}),
            ("group.joined", {"group_id": ["a", "list"], "entry_id": "E9"}),
            ("group.joined", {"group_id": group_id, "entry_id": "E8", "deposit_fen": "lots", "nonce": 7}),
            ("group.joined", {"group_id": group_id, "entry_id": {"x": 1}, "deposit_fen": 1})]
    engine = make_engine(db_url)
    with engine.begin() as conn:
        for n, (kind, payload) in enumerate(junk, start=100):
            conn.execute(text("INSERT INTO received_ops (terminal_id, seq, op_id, kind, payload, status, reason, "
                              "conflict, received_at) VALUES ('T1', :seq, :op, :k, :p, 'applied', '', false, :at)"),
                         {"seq": n, "op": uuid.uuid4().hex, "k": kind, "p": json.dumps(payload), "at": AT})
    engine.dispose()
    server = start_in_thread(db_url)  # migrates to head
    try:
        client = PlatformClient(server.url, token, timeout=10)
        draw_entries = [Entry(str(e["entry_id"]), str(e["nonce"])) for e in entries]
        winners = draw_winners(seed, draw_entries, 1)
        proof = build_proof(group_id, seed, draw_entries, 1, winners)
        grants = [{"entry_id": e["entry_id"], "coins": 10} for e in entries if e["entry_id"] not in winners]
        opened = {"group_id": "G-new", "commitment": "0" * 64, "size": 3}
        answer = client.push("T1", [
            (6, uuid.uuid4().hex, "group.drawn", {"group_id": group_id, "proof": proof}),
            (7, uuid.uuid4().hex, "group.settled", {"group_id": group_id, "coin_grants": grants, "cash_fen": 1000}),
            (8, uuid.uuid4().hex, "group.opened", {**opened, "deal_id": "d-no-terms"}),
            (9, uuid.uuid4().hex, "group.opened", {**opened, "deal_id": "d-half-terms"}),
            (10, uuid.uuid4().hex, "group.opened", {**opened, "deal_id": "d-text-version"}),
            (11, uuid.uuid4().hex, "group.opened", {**opened, "deal_id": "d-text-cash"})])
        results = [(r["status"], r["reason"]) for r in answer["results"]]
        assert results[:2] == [("applied", ""), ("applied", "")]
        assert [status for status, _ in results[2:]] == ["rejected"] * 4, results
        assert "not valid deal terms" in results[3][1] and "not valid deal terms" in results[5][1]
    finally:
        server.stop()
