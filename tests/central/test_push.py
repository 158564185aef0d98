from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from central.models import PlatformLine, ReceivedOp
from central.server import start_in_thread
from desktop.sync.client import PlatformClient, PlatformRejected, PlatformUnreachable
from tests.central.group_flow import balance, counter, honest_group
from tests.central.helpers import (
    LoseResponseAdapter,
    MovableClock,
    Seed,
    hand_made_proof,
    new_public_key,
    op,
    paired,
    sale,
)


def _lines(seed: Seed) -> int:
    with seed.server.app.state.platform.tx() as session:
        return int(session.execute(select(func.count()).select_from(PlatformLine)).scalar_one())


def test_same_batch_twice_is_applied_once(seed: Seed) -> None:
    client, terminal = paired(seed)
    batch = [sale(1), sale(2), sale(3)]
    first = client.push(terminal, batch, {"length": 3, "hash": "ab" * 32})
    again = client.push(terminal, batch)
    assert [r["status"] for r in first["results"]] == ["applied"] * 3
    assert [r["status"] for r in again["results"]] == ["duplicate"] * 3
    assert [r["original_status"] for r in again["results"]] == ["applied"] * 3
    assert first["last_seq"] == again["last_seq"] == 3
    assert _lines(seed) == 3


def test_lost_acknowledgement_then_retry_applies_nothing_twice(seed: Seed) -> None:
    client, terminal = paired(seed)
    lossy = LoseResponseAdapter(lose=1)
    client.http.mount(seed.server.url, lossy)
    batch = [sale(1), sale(2)]
    with pytest.raises(PlatformUnreachable):
        client.push(terminal, batch)
    assert _lines(seed) == 2  # the server committed before the answer was lost
    retry = client.push(terminal, [*batch, sale(3)])
    assert [r["status"] for r in retry["results"]] == ["duplicate", "duplicate", "applied"]
    assert retry["last_seq"] == 3 and _lines(seed) == 3


def test_reordered_and_duplicated_ops_in_a_batch(seed: Seed) -> None:
    client, terminal = paired(seed)
    one, two, three = sale(1), sale(2), sale(3)
    answer = client.push(terminal, [three, one, two, one])
    assert [r["seq"] for r in answer["results"]] == [1, 2, 3]
    assert answer["last_seq"] == 3 and _lines(seed) == 3


def test_a_gap_is_refused_and_nothing_is_applied(seed: Seed) -> None:
    client, terminal = paired(seed)
    client.push(terminal, [sale(1)])
    with pytest.raises(PlatformRejected) as refused:
        client.push(terminal, [sale(2), sale(4)])
    assert refused.value.status == 409 and refused.value.body["expected_seq"] == 3
    assert _lines(seed) == 1
    assert client.push(terminal, [sale(2)])["last_seq"] == 2


def test_same_op_id_under_a_new_seq_is_a_duplicate(seed: Seed) -> None:
    client, terminal = paired(seed)
    first = sale(1)
    answer = client.push(terminal, [first, (2, first[1], first[2], first[3])])
    assert [r["status"] for r in answer["results"]] == ["applied", "duplicate"]
    assert answer["last_seq"] == 2 and _lines(seed) == 1


def test_rejected_op_advances_last_seq_with_its_reason(seed: Seed) -> None:
    client, terminal = paired(seed)
    batch = [sale(1), op(2, "no.such.kind", {}), sale(3, total_fen=-5), sale(4)]
    answer = client.push(terminal, batch)
    statuses = [(r["status"], r["reason"]) for r in answer["results"]]
    assert statuses[0][0] == statuses[3][0] == "applied"
    assert statuses[1] == ("rejected", "unknown op kind 'no.such.kind'")
    assert statuses[2][0] == "rejected" and "total_fen" in statuses[2][1]
    assert answer["last_seq"] == 4 and _lines(seed) == 2
    replay = client.push(terminal, batch[1:2])["results"][0]
    assert replay["original_status"] == "rejected" and "unknown op kind" in replay["reason"]


def test_a_valid_draw_is_applied_and_a_tampered_one_rejected(seed: Seed) -> None:
    group = honest_group(counter(seed), [None] * 5, [f"1370000000{i}" for i in range(5)])
    proof = group.proof()
    tampered = dict(proof, winners=[e["entry_id"] for e in proof["entries"] if e["entry_id"] not in proof["winners"]][:1])
    rejected = group.draw(tampered)
    assert rejected["status"] == "rejected" and "does not verify" in rejected["reason"]
    assert group.draw(proof)["status"] == "applied"
    again = group.draw(proof)
    assert again["status"] == "rejected" and "drawn once" in again["reason"]


def test_a_hand_made_proof_is_checked_against_the_published_commitment(seed: Seed) -> None:
    group = honest_group(counter(seed), [None] * 4, [f"1370000001{i}" for i in range(4)])
    proof, _ = hand_made_proof(group.group_id, people=4, k=1)  # valid on its own, another seed
    result = group.draw(proof)
    assert result["status"] == "rejected" and "commitment" in result["reason"]


def test_settled_group_credits_consolation_coins_once(seed: Seed) -> None:
    c = counter(seed)
    group = honest_group(c, seed.members[:3])
    group.draw()
    settled = op(c.seq + 1, "group.settled", group.settled())
    c.seq += 1
    first = c.client.push(c.terminal_id, [settled])["results"][0]
    replay = c.client.push(c.terminal_id, [settled])["results"][0]
    assert first["status"] == "applied" and replay["status"] == "duplicate"
    assert sorted(balance(seed, m) for m in seed.members[:3]) == [0, 10, 10]
    bad = group.settle(grants=[{"member_id": seed.members[0], "coins": 5}, {"member_id": "nobody", "coins": 5}])
    assert bad["status"] == "rejected" and "is settled" in bad["reason"]
    assert sorted(balance(seed, m) for m in seed.members[:3]) == [0, 10, 10]  # nothing more


def test_server_restart_mid_sync_loses_nothing(seed: Seed, db_url: str, clock: MovableClock) -> None:
    client, terminal = paired(seed)
    batch = [sale(1), sale(2), sale(3)]
    client.push(terminal, batch[:2])
    seed.server.stop()
    with pytest.raises(PlatformUnreachable):
        client.push(terminal, batch[2:])
    restarted = start_in_thread(db_url, clock=clock)
    try:
        client.base_url = restarted.url
        answer = client.push(terminal, batch)
        assert [r["status"] for r in answer["results"]] == ["duplicate", "duplicate", "applied"]
        with restarted.app.state.platform.tx() as session:
            assert session.execute(select(func.count()).select_from(ReceivedOp)).scalar_one() == 3
    finally:
        restarted.stop()


def test_push_for_another_terminal_is_refused(seed: Seed) -> None:
    client, _ = paired(seed)
    _, other_terminal = paired(seed, "Counter 2")
    with pytest.raises(PlatformRejected) as refused:
        client.push(other_terminal, [sale(1)])
    assert refused.value.status == 403


def test_unreachable_platform_is_reported_as_such() -> None:
    client = PlatformClient("http://127.0.0.1:9", timeout=2)
    with pytest.raises(PlatformUnreachable):
        client.pull()


def test_a_new_signing_key_is_shared_and_a_mismatched_one_rejected(seed: Seed) -> None:
    import base64 as b64

    from desktop.core.vouchers import key_id

    client, terminal = paired(seed)
    other, _ = paired(seed, "Counter 2")
    fresh = new_public_key()
    good = {"key_id": key_id(b64.b64decode(fresh)), "public_key": fresh}
    bad = {"key_id": "00000000", "public_key": new_public_key()}
    answer = client.push(terminal, [op(1, "signing_key.added", good), op(2, "signing_key.added", bad)])
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected"]
    assert "does not match" in answer["results"][1]["reason"]
    keys = {k["terminal_id"]: k["public_key"] for k in other.pull(None)["terminal_keys"]}
    assert keys[terminal] == fresh


def test_a_push_answer_closes_its_connection_so_the_next_batch_finds_the_least_busy_worker(
        seed: Seed, monkeypatch: pytest.MonkeyPatch) -> None:
    """With several worker processes, a terminal's kept-alive connection would pin all its
    batches to the worker that first accepted it (docs/sync-protocol.md, Push): the answer says
    `Connection: close`, and the client's next request opens a new connection. Other answers
    keep theirs."""
    import urllib3.util.connection

    client, terminal = paired(seed)
    connects: list[object] = []
    create_connection = urllib3.util.connection.create_connection

    def counted(*args: Any, **kwargs: Any) -> Any:
        connects.append(args[0])
        return create_connection(*args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", counted)

    def opened() -> int:  # TCP connections the client has opened so far
        return len(connects)

    answer = client.http.post(seed.server.url + "/v1/push", json={"terminal_id": terminal, "batch": []},
                              headers={"Authorization": f"Bearer {client.token}"}, timeout=10)
    assert answer.status_code == 200 and answer.headers["Connection"] == "close"
    before = opened()
    assert client.push(terminal, [sale(1)])["last_seq"] == 1
    assert client.push(terminal, [sale(2)])["last_seq"] == 2
    assert opened() == before + 2  # each push on a new connection
    client.pull(None)
    client.pull(None)
    assert opened() == before + 3  # the first pull's connection serves the second
