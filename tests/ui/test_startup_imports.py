"""The login window is painted before anything it does not need is imported
(docs/development.md, Start-up; bench/startup.py measures the time): the real `pinshang` start
of an existing store, stopped where the event loop would begin, lists what the UI thread has
imported by then (the store opens in the background only after that first paint)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.services.registry import Services
from desktop.store.migrate import open_store

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys

import desktop.ui.runner as runner


def at_first_paint(shell):
    from PySide6 import QtCore

    modules = sorted(sys.modules)
    shown = shell.gate.isVisible() and shell.login is not None and shell.login.staff_list.count()
    import json

    print("MODULES " + json.dumps({"modules": modules, "qt_namespace": "Qt" in vars(QtCore), "shown": bool(shown)}))
    return 0


def exec_shell(shell):
    shell.show()
    return at_first_paint(shell)


runner.exec_shell = exec_shell
from desktop.cli import main

sys.exit(main(["--data-dir", sys.argv[1]]))
"""
NOT_BEFORE_LOGIN = ("sqlalchemy", "alembic", "pydantic", "requests", "cryptography", "keyring", "pypinyin",
                    "json", "hashlib", "importlib.metadata", "importlib.resources",  # (not tempfile: PySide6 imports it)
                    "desktop.services.registry", "desktop.ui.operations", "desktop.ui.context",
                    "desktop.ui.main_window", "desktop.licences")


def test_the_login_window_is_up_before_the_store_or_the_main_window_is_imported(tmp_path: Path) -> None:
    services = Services.build(open_store(tmp_path / "pinshang.db"))
    services.demo.seed()
    services.close()
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                      "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("MODULES "))
    seen = json.loads(line.removeprefix("MODULES "))
    assert seen["shown"], "the login window with the staff names is up"
    imported = [name for name in NOT_BEFORE_LOGIN
                if any(module == name or module.startswith(name + ".") for module in seen["modules"])]
    assert imported == []
    assert not seen["qt_namespace"], "PySide6's Qt namespace (~130 enums) is created after the first paint"
