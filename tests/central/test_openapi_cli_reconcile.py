from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from central.cli import main
from central.openapi import document
from tests.central.group_flow import TERMS, HonestGroup, counter
from tests.central.helpers import MovableClock, Seed, sale

ROOT = Path(__file__).resolve().parents[2]


def test_openapi_document_is_up_to_date() -> None:
    committed = json.loads((ROOT / "docs" / "central-openapi.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(document())), (
        "regenerate: python -m central.openapi > docs/central-openapi.json")


def test_reconcile_lists_lines_with_schedule_version_and_sums(seed: Seed, clock: MovableClock) -> None:
    c = counter(seed)
    client, terminal = c.client, c.terminal_id
    at = clock.now.isoformat()
    group = HonestGroup(c, TERMS)
    group.launch()
    group.open()  # seqs 1, 2
    c.push("group.joined", group.joined(phone="13700000001") | {"at": at})
    client.push(terminal, [
        sale(4, 9800, at=at, schedule_version=1),
        sale(5, 200, at=at, schedule_version=7),
        sale(6, 100, at=(clock.now + timedelta(days=3)).isoformat()),
    ])
    answer = client.reconcile(clock.now - timedelta(hours=1), clock.now + timedelta(hours=1))
    assert [line["schedule_version"] for line in answer["lines"] if line["kind"] == "sale.completed"] == [1, 1]
    assert answer["totals"]["sale.completed"] == {"count": 2, "amount_fen": 10000, "coins": 0}
    assert answer["totals"]["group.joined"]["amount_fen"] == 9800


def test_admin_cli_seeds_a_platform(tmp_path: Path, capsys: object) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"

    def run(*args: str) -> str:
        assert main(["central", "admin", "--db", db, *args]) == 0
        return capsys.readouterr().out.strip()  # type: ignore[attr-defined]

    merchant = run("add-merchant", "Steak House")
    store = run("add-store", merchant, "Branch 1")
    assert len(run("pairing-code", store)) == 10
    member = run("add-member", "13900000000", "Wang")
    run("grant-coins", member, "50")
    assert "version 1" in run("add-schedule", merchant, "--coin-cap", "10%")
    assert main(["central", "admin", "--db", db, "grant-coins", member, "-3"]) == 1
    assert main(["central", "admin", "--db", db, "add-store", "nope", "x"]) == 1
    assert "unknown merchant" in capsys.readouterr().err  # type: ignore[attr-defined]
