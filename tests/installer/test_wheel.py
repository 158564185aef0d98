"""The wheel works without the checkout: built from the sources, installed into a fresh venv,
its `pinshang` renders every screen, finds its translations, migrations and icon inside the
installed package, migrates an older store and refuses a newer one.

The fresh venv gets the wheel (--no-deps) and sees the dependencies through one .pth line that
names this venv's site-packages: a path line in a .pth file adds the folder only, so this
venv's own .pth files (the editable install's finder, which points at the checkout) are not
run. Installing PySide6 and the rest afresh would cost minutes of CI for nothing the test
checks; `pip install` resolving the dependencies is pip's job (and the bundle's build does it
in CI on every OS).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tempfile
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FUTURE = "9999_from_a_newer_app"
pytestmark = pytest.mark.slow


def _sources(target: Path) -> Path:
    """What the wheel is built from, copied: never a stale build/ folder of the checkout."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in ("desktop", "central"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture(scope="module")
def installed() -> Iterator[dict[str, Path]]:
    # its own temporary folder: pytest's basetemp of a long run can be pruned by later runs
    with tempfile.TemporaryDirectory(prefix="pinshang-wheel-") as folder:
        yield _install(Path(folder))


def _install(base: Path) -> dict[str, Path]:
    src = _sources(base / "src")
    # no PYTHONPATH: with the checkout on it, pip would take the checkout's *.egg-info (left by
    # `pip install -e .`) for an installed pinshang-counter and install nothing
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(base / "dist"), str(src)],
                   check=True, cwd=base, env=_env())
    wheel = next((base / "dist").glob("pinshang_counter-*.whl"))
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    str(wheel)], check=True, cwd=base, env=_env())
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True, env=_env()).stdout.strip())
    assert (site / "desktop" / "__init__.py").is_file()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_pinshang_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    scripts = python.parent
    return {"wheel": wheel, "python": python, "pinshang": scripts / ("pinshang.exe" if os.name == "nt" else "pinshang"),
            "site": site, "work": base}


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PINSHANG_DATA_DIR"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run(installed: dict[str, Path], *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(installed["pinshang"]), *args], capture_output=True, text=True, env=_env(),
                          cwd=installed["work"], timeout=timeout, encoding="utf-8")


def test_the_wheel_holds_the_data_files(installed) -> None:
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    assert {"desktop/translations/pinshang_zh_CN.qm", "desktop/translations/pinshang_en.qm",
            "desktop/resources/icon.png", "desktop/store/migrations/env.py",
            "desktop/store/migrations/script.py.mako", "central/migrations/env.py"} <= names
    versions = {n for n in names if n.startswith("desktop/store/migrations/versions/0")}
    assert len(versions) == len(list((ROOT / "desktop/store/migrations/versions").glob("0*.py")))
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]
    assert not [n for n in names if n.endswith(".ts")]  # the translation sources (~325 KB) stay out
    print(f"wheel {installed['wheel'].name}: {installed['wheel'].stat().st_size / 1e6:.2f} MB")


def test_the_installed_app_runs_from_the_venv_not_the_checkout(installed) -> None:
    probe = ("import desktop, desktop.ui.i18n as i, desktop.store.migrate as m, desktop.paths as p;"
             "print(desktop.__file__); print(i.TRANSLATIONS); print(m.MIGRATIONS); print(p.resources_dir())")
    done = subprocess.run([str(installed["python"]), "-c", probe], capture_output=True, text=True, env=_env(),
                          cwd=installed["work"])
    assert done.returncode == 0, done.stderr
    for line in done.stdout.splitlines():
        assert Path(line).resolve().is_relative_to(installed["site"].resolve()), line
        assert not Path(line).resolve().is_relative_to(ROOT), line


def test_the_installed_pinshang_renders_every_screen_in_chinese(installed) -> None:
    shots, data = installed["work"] / "shots", installed["work"] / "demo-data"
    done = _run(installed, "--data-dir", str(data), "demo", "--screenshot", str(shots))
    assert done.returncode == 0, done.stderr[-3000:]
    written = sorted(p.name for p in shots.glob("*.png"))
    assert {"login.png", "group.png", "settings.png", "platform.png"} <= set(written)
    assert all((shots / n).stat().st_size > 5000 for n in written)
    log = (data / "logs" / "pinshang.log").read_text(encoding="utf-8")
    assert "Chinese is drawn with the font" in log  # a CJK font was found: the PNGs show Chinese
    loaded = subprocess.run([str(installed["python"]), "-c",
                             "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
                             "from desktop.ui.i18n import install_language; from PySide6.QtCore import "
                             "QCoreApplication as Q; print(install_language('zh_CN'), "
                             "Q.translate('screens', 'Settings'))"],
                            capture_output=True, text=True, env=_env(), cwd=installed["work"])
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == ["True", "设置"]


def test_the_installed_app_lists_its_licences_and_version(installed) -> None:
    version = _run(installed, "--version")
    assert version.returncode == 0 and version.stdout.strip() == "Pinshang Counter 0.1.0"
    licences = _run(installed, "licences")
    assert licences.returncode == 0
    assert "LGPL-3.0" in licences.stdout and "PySide6_Essentials" in licences.stdout
    assert "SQLAlchemy" in licences.stdout and "alembic" in licences.stdout


def test_an_update_migrates_an_older_store_and_an_older_app_refuses_a_newer_one(installed) -> None:
    from alembic.script import ScriptDirectory

    from desktop.store.db import Database
    from desktop.store.migrate import alembic_config, head_revision, upgrade

    older = installed["work"] / "older"
    older.mkdir()
    database = Database(older / "pinshang.db")
    base = ScriptDirectory.from_config(alembic_config()).get_base()
    upgrade(database, str(base))
    database.close()
    with sqlite3.connect(older / "pinshang.db") as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('store_name', '老店')")
    done = _run(installed, "--data-dir", str(older), "audit", "verify")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(older / "pinshang.db") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        assert conn.execute("SELECT value FROM settings WHERE key = 'store_name'").fetchone() == ("老店",)
        conn.execute("UPDATE alembic_version SET version_num = ?", (FUTURE,))
    refused = _run(installed, "--data-dir", str(older), "audit", "verify")
    assert refused.returncode == 2
    assert FUTURE in refused.stderr and ("newer version" in refused.stderr or "更新版本" in refused.stderr)
    with sqlite3.connect(older / "pinshang.db") as conn:  # left as the newer app wrote it
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (FUTURE,)
