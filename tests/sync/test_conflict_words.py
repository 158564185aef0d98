"""Conflicts the platform flags reach the counter's attention screen in their own words: a sale
naming a member the platform does not know (pushed by a tampered till straight to the platform,
over real HTTP), then pulled by the honest counter of the same store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.central.helpers import op, paired
from tests.support.till import MANAGER, Till, open_till


@pytest.fixture
def till(tmp_path, clock) -> Iterator[Till]:
    yield from open_till(tmp_path, clock)


def test_a_sale_with_an_unknown_member_is_an_attention_item_at_the_counter(till: Till) -> None:
    sale_id = uuid.uuid4().hex
    payload = {"sale_id": sale_id, "total_fen": 9800, "member_id": "U-nobody-0000001", "receipt_no": "S999",
               "tenders": [{"kind": "cash", "amount_fen": 9800}]}
    client, other = paired(till.seed)  # another terminal of the store, pushing its own ops
    [result] = client.push(other, [op(1, "sale.completed", payload)])["results"]
    assert result["status"] == "applied" and result["conflict"]
    till.sync()
    [item] = [i for i in till.services.attention.items(MANAGER) if i.subject == sale_id]
    assert item.kind == "conflict" and item.reason.startswith(f"Sale {sale_id}: sale S999 names member U-nobody")
    assert "does not know the member" in item.action and "redeemed" not in item.reason
