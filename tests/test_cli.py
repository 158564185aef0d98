"""The `pinshang` command line, run as a real process where it matters."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.cli import main
from tests.support.stores import open_services


def _seeded(tmp_path: Path) -> Path:
    services = open_services(tmp_path)
    services.demo.seed()
    services.close()
    return tmp_path


def _audit_rows(folder: Path) -> int:
    with sqlite3.connect(folder / "pinshang.db") as conn:
        return int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_audit_verify_reports_the_chain_length(tmp_path: Path, capsys) -> None:
    assert main(["audit", "verify", "--data-dir", str(_seeded(tmp_path))]) == 0
    assert f"audit chain intact: {_audit_rows(tmp_path)} rows" in capsys.readouterr().out


def test_audit_verify_shows_its_progress_on_a_long_chain(tmp_path: Path, monkeypatch, capsys) -> None:
    import desktop.cli
    import desktop.core.audit

    folder = _seeded(tmp_path)
    rows = _audit_rows(folder)
    monkeypatch.setattr(desktop.cli, "PROGRESS_FROM", 2)  # "long" made short: no million rows here
    monkeypatch.setattr(desktop.core.audit, "PROGRESS_EVERY", 2)
    assert main(["audit", "verify", "--data-dir", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert f"audit chain intact: {rows} rows" in out
    assert f"checked 2 of {rows:,} rows" in err and err.count("checked ") == rows // 2


def test_changing_one_byte_of_an_audit_row_fails_verify_naming_it(tmp_path: Path) -> None:
    folder = _seeded(tmp_path)
    with sqlite3.connect(folder / "pinshang.db") as conn:
        at = conn.execute("SELECT at FROM audit_log WHERE id = 4").fetchone()[0]
        conn.execute("UPDATE audit_log SET at = ? WHERE id = 4", (at[:-1] + ("1" if at[-1] != "1" else "2"),))
    result = subprocess.run([sys.executable, "-m", "desktop", "audit", "verify", "--data-dir", str(folder)],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert result.returncode == 1
    assert "broken at row 4" in result.stdout


def test_data_dir_from_the_environment(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PINSHANG_DATA_DIR", str(_seeded(tmp_path)))
    assert main(["audit", "verify"]) == 0
    assert f"{_audit_rows(tmp_path)} rows" in capsys.readouterr().out


def test_a_damaged_database_is_a_clear_error_not_a_traceback(tmp_path: Path, capsys) -> None:
    (tmp_path / "pinshang.db").write_bytes(b"\x00garbage" * 1000)
    assert main(["audit", "verify", "--data-dir", str(tmp_path)]) == 2
    assert "damaged or not a Pinshang database" in capsys.readouterr().err
