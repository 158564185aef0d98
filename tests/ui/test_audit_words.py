"""Every audit action the code writes has words in the audit screen (no raw code reaches a
person): the actions are read from the source, so a new action without words fails here."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.ui.wording import AUDIT_ACTIONS

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _written_actions() -> set[str]:
    actions: set[str] = set()
    for path in DESKTOP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = node.args[3:4] if name == "raw_audit" else node.args[:1] if name == "audit" else []
            actions.update(a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return actions


def test_every_audit_action_the_code_writes_has_words() -> None:
    written = _written_actions()
    assert {"staff.login", "voucher.redeemed", "staff.unlocked"} <= written  # the scan finds them
    assert sorted(written - AUDIT_ACTIONS.keys()) == []
