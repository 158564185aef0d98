"""Idle memory: an unpaired terminal at its login window, with the store opened the way the app
opens it, has not imported the libraries only some uses need (pypinyin, pydantic, requests,
cryptography, keyring, the OS network backend); and each use still gets them when it comes.

In a fresh Python process (a test process has imported everything long ago)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.services.registry import Services
from desktop.store.migrate import open_store

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pypinyin", "pydantic", "requests", "urllib3", "cryptography", "keyring", "PySide6.QtNetwork")

SCRIPT = """
import json, logging, sys
from pathlib import Path

HEAVY = %r
folder = Path(sys.argv[1])

def loaded():
    return sorted(name for name in HEAVY if name in sys.modules)

from PySide6.QtWidgets import QApplication

from desktop import app as composition
from desktop.ui import runner

# the app's start (desktop.app._run_opened): the store and its chores, the login window, the
# sync runtime of an unpaired terminal, and a round of the groups' background job
services = composition.open_for_counter(folder)
shell = runner.start_ui(services, "en", None)
shell.show()
runtime = composition._start_sync(services, shell, thread=False)
runtime.group_job.run_once()
QApplication.processEvents()
report = {"idle": loaded(), "built": sorted(k for k in vars(services) if not k.startswith("_"))}

# a menu item added gets its pinyin search terms
from desktop.core.catalogue import ItemValues
from desktop.core.staff import Role
from desktop.services.base import Actor

manager = Actor(2, "李经理", Role.MANAGER)
item = services.catalogue.add(manager, ItemValues(name="杨梅冰沙", name_en="Bayberry slush", category="饮品",
                                                  barcode=None, sku=None, price_fen=2200, cost_fen=500))
report["found_by_initials"] = [row.id for row in services.catalogue.search("ymbs")] == [item.id]
report["after_item"] = loaded()

# the voucher key, made on first use: cryptography and keyring come then, and with no usable
# keychain the key stays in memory and says so, at that moment; its op is validated (pydantic)
warnings = []
handler = logging.Handler()
handler.emit = lambda record: warnings.append(record.getMessage())
logging.getLogger("desktop.services.signing_keys").addHandler(handler)
services.signing_keys.identity_key()
report["kept_in_memory_warning"] = any("kept in memory only" in text for text in warnings)
report["keychain_warning"] = services.signing_keys.keychain_warning is not None
report["after_key"] = loaded()

# an op that breaks its contract is still refused before it is written
from desktop.core.op_contracts import ContractError
from desktop.core.ops import OpKind
from desktop.store.raw_write import raw_emit, raw_write

try:
    with raw_write(services.db) as conn:
        raw_emit(conn, "2026-11-25T12:00:00+00:00", OpKind.SIGNING_KEY_ADDED, {"key_id": "x", "bogus": 1})
    report["bad_op_refused"] = False
except ContractError:
    report["bad_op_refused"] = True

# pairing brings the HTTP client
runtime.flow
report["after_pairing_flow"] = loaded()
runtime.stop()
services.close()
print("REPORT " + json.dumps(report))
"""


def test_an_unpaired_terminal_at_idle_imports_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    services = Services.build(open_store(tmp_path / "pinshang.db"))
    services.demo.seed()
    services.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # no keychain: never the user's own
    result = subprocess.run([sys.executable, "-c", SCRIPT % (HEAVY,), str(tmp_path)], capture_output=True,
                            text=True, env=env, timeout=120, cwd=ROOT)
    lines = [line for line in result.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, result.stdout + result.stderr
    report = json.loads(lines[0].removeprefix("REPORT "))
    assert report["idle"] == []
    assert "catalogue" not in report["built"] and "checkout" not in report["built"]  # built when first used
    assert report["found_by_initials"] and "pypinyin" in report["after_item"]
    assert {"cryptography", "keyring", "pydantic"} <= set(report["after_key"])
    assert report["kept_in_memory_warning"] and report["keychain_warning"]
    assert report["bad_op_refused"]
    assert {"requests", "urllib3"} <= set(report["after_pairing_flow"])


WARM = """
import json, sys
from pathlib import Path

from desktop import app as composition
from desktop.services.registry import WARM_SERVICES

services = composition.open_for_counter(Path(sys.argv[1]))
before = sorted(name for name in ("pydantic", "cryptography") if name in sys.modules)
services.warm_up()  # what the shell runs in the background once someone has logged in
after = sorted(name for name in ("pydantic", "cryptography", "pypinyin") if name in sys.modules)
built = [name for name in WARM_SERVICES if name in vars(services)]
services.close()
print("REPORT " + json.dumps({"before": before, "after": after, "built": built, "wanted": list(WARM_SERVICES)}))
"""


def test_after_login_the_first_bills_libraries_are_loaded_in_the_background(tmp_path: Path) -> None:
    services = Services.build(open_store(tmp_path / "pinshang.db"))
    services.demo.seed()
    services.close()
    result = subprocess.run([sys.executable, "-c", WARM, str(tmp_path)], capture_output=True, text=True, timeout=120,
                            cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    lines = [line for line in result.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, result.stdout + result.stderr
    report = json.loads(lines[0].removeprefix("REPORT "))
    assert report["before"] == []
    assert report["after"] == ["cryptography", "pydantic"]  # pypinyin waits for a menu item to be saved
    assert report["built"] == report["wanted"]
