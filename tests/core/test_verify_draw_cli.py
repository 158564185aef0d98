"""`pinshang verify-draw`: after "checks out" it says which version it checked and whether the
v2 beacon's key was checked against the platform key given (docs/draw.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.core.test_draw_crosscheck import V2_PLATFORM_KEY, hand_proof, hand_proof_v2

OTHER_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"  # RFC 8032 test 1


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], proof: dict[str, object], *extra: str) -> tuple[int, list[str]]:
    path = tmp_path / "proof.json"
    path.write_text(json.dumps(proof, ensure_ascii=False), encoding="utf-8")
    code = main(["verify-draw", str(path), *extra])
    return code, capsys.readouterr().out.splitlines()


def test_v2_without_a_key_says_the_key_was_not_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _run(tmp_path, capsys, hand_proof_v2())
    assert code == 0
    assert lines[0] == "The draw proof checks out: winners 张三, e"
    assert lines[1].startswith("Checked as pinshang-draw-v2, but the beacon's key was NOT checked")
    assert V2_PLATFORM_KEY in lines[1] and "--platform-key" in lines[1]


def test_v2_with_the_platform_key_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _run(tmp_path, capsys, hand_proof_v2(), "--platform-key", V2_PLATFORM_KEY)
    assert code == 0
    assert lines[1] == f"Checked as pinshang-draw-v2: the beacon is signed under the platform key you gave ({V2_PLATFORM_KEY})"


def test_v2_signed_under_another_key_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _run(tmp_path, capsys, hand_proof_v2(), "--platform-key", OTHER_KEY)
    assert code == 1
    assert lines == [f"The beacon is signed under the key {V2_PLATFORM_KEY}, not the platform's key {OTHER_KEY}"]


def test_v1_says_merchant_randomness_only_with_or_without_a_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _run(tmp_path, capsys, hand_proof())
    assert code == 0
    assert lines == ["The draw proof checks out: winners d, c",
                     "Checked as pinshang-draw-v1: merchant randomness only, the owner alone chose the seed"]
    code, lines = _run(tmp_path, capsys, hand_proof(), "--platform-key", OTHER_KEY)
    assert code == 0
    assert lines[1].endswith("(--platform-key is not used: a v1 proof has no beacon)")


def test_a_bad_key_argument_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "proof.json"
    path.write_text(json.dumps(hand_proof_v2()), encoding="utf-8")
    assert main(["verify-draw", str(path), "--platform-key", V2_PLATFORM_KEY.upper()]) == 2
    assert "64 lower-case hex digits" in capsys.readouterr().err
