"""The audit row's hash body is built directly for speed (bench/audit_verify.py): it must be
exactly the compact JSON that json.dumps gives, for any text, or old chains stop verifying."""

from __future__ import annotations

import hashlib
import json

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.audit import GENESIS, AuditRow, row_hash, verify_chain, verify_tuples

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(st.integers(min_value=0, max_value=2**53), texts, texts, texts, texts)
def test_row_hash_is_sha256_of_the_compact_json_row(row_id: int, at: str, actor: str, action: str, detail: str) -> None:
    body = json.dumps([row_id, at, actor, action, detail], separators=(",", ":"), ensure_ascii=False)
    expected = hashlib.sha256(GENESIS.encode("ascii") + body.encode("utf-8")).hexdigest()
    assert row_hash(GENESIS, row_id, at, actor, action, detail) == expected


def _chain(n: int) -> list[AuditRow]:
    rows, prev = [], GENESIS
    for i in range(1, n + 1):
        detail = json.dumps({"n": i, "备注": "\"引号\" \\ \n"}, ensure_ascii=False)
        digest = row_hash(prev, i, "2026-11-25T12:00:00+00:00", "小张", "voucher.redeemed", detail)
        rows.append(AuditRow(i, "2026-11-25T12:00:00+00:00", "小张", "voucher.redeemed", detail, prev, digest))
        prev = digest
    return rows


def test_verify_names_the_first_changed_row_and_reports_progress() -> None:
    rows = _chain(7)
    seen: list[int] = []
    as_tuples = [(r.id, r.at, r.actor, r.action, r.detail, r.prev_hash, r.hash) for r in rows]
    assert verify_tuples(as_tuples, seen.append).ok and verify_chain(rows).length == 7
    changed = list(as_tuples)
    changed[4] = (*changed[4][:4], changed[4][4].replace("5", "6"), *changed[4][5:])
    check = verify_tuples(changed)
    assert (check.ok, check.bad_row, check.length) == (False, 5, 4)
    assert "content" in check.problem
