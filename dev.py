#!/usr/bin/env python3
"""Cross-platform bootstrap: `python3 dev.py demo` runs the app, `python3 dev.py test` runs every check,
`python3 dev.py installer` builds this OS's bundle and installers and starts the bundle (installer/).

Needs only Python 3.11+. Makes `.venv`, installs the project with its `dev` and `central` extras
when pyproject.toml changed since the last install, installs the Debian packages the tests need
(a CJK font, Xvfb, PostgreSQL) when running as root on Debian, then runs the command.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".pinshang-installed"
# A CJK font and PostgreSQL for the tests; Chromium for the phone pages' browser tests
# (tests/phone, driven by Playwright pointed at /usr/bin/chromium: no browser download); node for
# the 1,000-proof cross-check of the browser's draw checker (tests/phone/test_js_verifier.py);
# the X11 libraries Qt's xcb plugin needs for a real window (the demo, or the tests under Xvfb).
DEBIAN_PACKAGES = ["fonts-wqy-microhei", "libusb-1.0-0", "postgresql", "chromium", "nodejs", "xvfb", "libegl1", "libxkbcommon0",
                   "libfontconfig1", "libdbus-1-3", "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4",
                   "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0", "libxkbcommon-x11-0",
                   "libxcb-xinerama0", "libxcb-randr0", "libxcb-shape0", "libxcb-xkb1"]
# The Linux bundle: `strip` (binutils) for Debian's libpython and extensions, fc-match (fontconfig)
# to choose the CJK font the bundle ships; dpkg-deb comes with dpkg.
INSTALLER_DEBIAN_PACKAGES = ["binutils", "fontconfig"]


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def run(*cmd: str | Path, **kw: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)  # type: ignore[call-overload]


def ensure_venv() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 is
        sys.exit("Pinshang Counter needs Python 3.11 or newer; this is " + sys.version.split()[0])
    if not venv_python().exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        py = venv_python()
        run(py, "-m", "pip", "install", "-q", "--upgrade", "pip")
        run(py, "-m", "pip", "install", "-q", "-e", f"{ROOT}[dev,central]")
        STAMP.write_text(wanted)
    return venv_python()


def missing_debian_packages(wanted: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    out = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Status}\n", *wanted],
                         capture_output=True, text=True).stdout
    installed = {line.split()[0] for line in out.splitlines() if "ok installed" in line}
    return [p for p in wanted if p not in installed]


def ensure_debian_packages(wanted: list[str] = DEBIAN_PACKAGES) -> None:
    missing = missing_debian_packages(wanted)
    if not missing:
        return
    if not shutil.which("apt-get") or (hasattr(os, "geteuid") and os.geteuid() != 0):
        print("note: please install these Debian packages:", " ".join(missing), flush=True)
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run("apt-get", "update", "-q", env=env, stdout=subprocess.DEVNULL)
    run("apt-get", "install", "-y", "-q", *missing, env=env, stdout=subprocess.DEVNULL)


def cmd_test(args: list[str]) -> int:
    ensure_debian_packages()
    py = ensure_venv()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    checks = [
        [str(py), "-m", "ruff", "check", "desktop", "central", "tests", "bench", "installer", "dev.py"],
        [str(py), "-m", "mypy"],
        [str(py.parent / "lint-imports")],
    ]
    for check in checks:
        print("+", " ".join(check), flush=True)
        if subprocess.run(check, cwd=ROOT, env=env).returncode != 0:
            return 1
    pg_env = postgres_env()
    try:
        code = subprocess.run([str(py), "-m", "pytest", *args], cwd=ROOT, env={**env, **pg_env}).returncode
    finally:
        if pg_env:
            stop_postgres()
    if code != 0 or args or os.environ.get("PINSHANG_SKIP_BUNDLE"):
        return code  # a chosen part of the suite (or PINSHANG_SKIP_BUNDLE=1): no bundle
    # The whole suite ends with the Linux bundle built, packed and started (installer/, docs/install.md).
    print("+ dev.py installer --check", flush=True)
    return cmd_installer(["--check"])


# Where the throwaway cluster lives (a folder under /tmp, see tools/pgcluster.py): its path.
PG_STATE = ROOT / ".venv" / "pg-cluster"


def postgres_env() -> dict[str, str]:
    """Start a throwaway PostgreSQL (Debian's) for the central tests, when one is installed.
    A failure to start is reported and the tests run on SQLite only."""
    if os.environ.get("PINSHANG_TEST_PG_URL") or os.environ.get("PINSHANG_NO_PG"):
        return {}
    try:
        sys.path.insert(0, str(ROOT / "tools"))
        from pgcluster import start_cluster  # noqa: PLC0415
    except ImportError:
        return {}
    try:
        url = start_cluster(PG_STATE)
    except (OSError, subprocess.SubprocessError) as exc:
        if os.environ.get("CI"):  # CI must exercise both databases, never silently one
            raise SystemExit(f"PostgreSQL did not start: {exc}") from exc
        print(f"note: PostgreSQL did not start ({exc}); the central tests run on SQLite only", flush=True)
        return {}
    if url:
        print(f"central tests run on SQLite and on PostgreSQL ({url})", flush=True)
    return {"PINSHANG_TEST_PG_URL": url} if url else {}


def stop_postgres() -> None:
    from pgcluster import stop_cluster  # noqa: PLC0415

    try:
        stop_cluster(PG_STATE)
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"note: could not stop the test PostgreSQL: {exc}", flush=True)


def cmd_installer(args: list[str]) -> int:
    """Build this OS's bundle and installers (installer/build.py); `--check` also starts the
    bundle and compares it with the venv (CI on Linux)."""
    ensure_debian_packages([*DEBIAN_PACKAGES, *INSTALLER_DEBIAN_PACKAGES])
    py = ensure_venv()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(py), str(ROOT / "installer" / "build.py"), *args], cwd=ROOT, env=env).returncode


def cmd_app(args: list[str]) -> int:
    py = ensure_venv()
    return subprocess.run([str(py), "-m", "desktop", *args], cwd=ROOT).returncode


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"demo", "test", "app", "setup", "installer"}:
        print("usage: python3 dev.py demo | test [pytest args] | app [pinshang args] | setup"
              " | installer [--check]")
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "test":
        return cmd_test(rest)
    if command == "installer":
        return cmd_installer(rest)
    if command == "demo":
        ensure_debian_packages()
        return cmd_app(["demo", *rest])
    if command == "setup":
        ensure_debian_packages()
        ensure_venv()
        return 0
    return cmd_app(rest)


if __name__ == "__main__":
    sys.exit(main())
