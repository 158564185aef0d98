"""PySide6's import hook still tells the modules that use PySide from the others, and no
longer keeps their source in linecache (desktop/ui/pyside_sources.py)."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import desktop.ui  # noqa: F401 (installs the check, as the app does)
from desktop.ui.pyside_sources import uses_pyside


def test_a_module_imported_after_pyside_is_classified_as_pyside_did_and_its_source_let_go(
        tmp_path: Path, monkeypatch) -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is uses_pyside
    (tmp_path / "pinshang_probe_qt.py").write_text(
        "from PySide6.QtCore import QObject\n\nclass Probe(QObject):\n    pass\n", encoding="utf-8")
    (tmp_path / "pinshang_probe_plain.py").write_text("ANSWER = 42  # 拼团\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    qt_module = importlib.import_module("pinshang_probe_qt")
    plain = __import__("pinshang_probe_plain")  # through builtins.__import__, where PySide6 hooks in
    __import__("pinshang_probe_qt")
    assert plain.ANSWER == 42 and qt_module.Probe
    assert feature.pyside_feature_dict["pinshang_probe_plain"] == -1  # "ignore this module"
    assert feature.pyside_feature_dict["pinshang_probe_qt"] == 0  # uses PySide: feature switching on
    kept = [name for name in linecache.cache if "pinshang_probe" in name]
    assert kept == []
    for name in ("pinshang_probe_qt", "pinshang_probe_plain"):
        sys.modules.pop(name, None)
        feature.pyside_feature_dict.pop(name, None)


def test_modules_without_source_never_use_pyside(tmp_path: Path) -> None:
    import _sqlite3
    import json

    assert not uses_pyside(sys)  # built in
    assert not uses_pyside(_sqlite3)  # an extension
    assert not uses_pyside(json)  # the standard library: its source has no "PySide6"
    assert uses_pyside(sys.modules["desktop.ui.pyside_sources"])  # says "PySide6" in its text
