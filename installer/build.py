#!/usr/bin/env python3
"""Build the installers of Pinshang Counter for the machine this runs on: one command.

    python installer/build.py            # bundle + this OS's packages, into build/installer/
    python installer/build.py --check    # Linux CI: also start the bundle and compare (smoke.py)

Run it with the Python of a venv that has the project installed with its `dev` extra
(`python3 dev.py setup` makes one): PyInstaller freezes that environment.

- Linux: the one-folder bundle, `pinshang-counter-VERSION-linux-ARCH.tar.gz` (the bundle, a
  .desktop file and the icon) and `pinshang-counter_VERSION_ARCH.deb` (dpkg-deb).
- Windows: the bundle, then `PinshangCounter-VERSION-setup.exe` with Inno Setup 6 (`iscc` on
  PATH or in its default folder; installer/windows/pinshang.iss).
- macOS: `Pinshang Counter.app` (Info.plist from the spec), signed ad hoc (`codesign -s -`),
  in `PinshangCounter-VERSION.dmg` (hdiutil).
Which of these were really built and started is written in docs/install.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from desktop import __version__  # noqa: E402

INSTALLER = ROOT / "installer"
ICON_PNG = ROOT / "desktop" / "resources" / "icon.png"
APP_ID = "pinshang-counter"
# What Qt's xcb platform plugin needs from the system on Debian/Ubuntu (the bundle ships Qt).
DEB_DEPENDS = ["libegl1", "libfontconfig1", "libdbus-1-3", "libglib2.0-0",
               "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
               "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0", "libxcb-xinerama0",
               "libxcb-randr0", "libxcb-shape0", "libxcb-xkb1"]


def run(*cmd: str | Path, **kw: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)  # type: ignore[call-overload]


def arch() -> str:
    machine = platform.machine().lower()
    return {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(machine, machine)


# --- the bundle -------------------------------------------------------------------------------

def icon_for_os(work: Path) -> Path:
    """The icon in this OS's format, made from the PNG (Pillow): .ico, .icns, or the PNG."""
    from PIL import Image

    image = Image.open(ICON_PNG)
    if sys.platform == "win32":
        out = work / "pinshang.ico"
        image.save(out, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
        return out
    if sys.platform == "darwin":
        out = work / "pinshang.icns"
        image.save(out)
        return out
    return ICON_PNG


def windows_version_file(work: Path) -> Path:
    """PyInstaller's version resource: the file's Properties > Details on Windows."""
    numbers = ([int(p) for p in __version__.split(".")[:3] if p.isdigit()] + [0, 0, 0, 0])[:4]
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple(numbers)}, prodvers={tuple(numbers)}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'Pinshang'),
      StringStruct('FileDescription', 'Pinshang Counter'),
      StringStruct('FileVersion', '{__version__}'),
      StringStruct('InternalName', 'pinshang'),
      StringStruct('OriginalFilename', 'pinshang.exe'),
      StringStruct('ProductName', 'Pinshang Counter'),
      StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])])
"""
    out = work / "version_info.txt"
    out.write_text(text, encoding="utf-8")
    return out


def linux_font() -> tuple[str, str] | None:
    """The CJK font the Linux bundle ships (fontconfig's choice for zh-cn) and its licence,
    so Chinese shows on a desktop without one; None when this machine has none."""
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh-cn"], capture_output=True,
                               text=True, check=True).stdout.strip()
        covering = subprocess.run(["fc-list", ":lang=zh-cn", "file"], capture_output=True, text=True,
                                  check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    if not found or found not in covering:
        return None
    licence = ""
    owner = subprocess.run(["dpkg", "-S", found], capture_output=True, text=True)
    if owner.returncode == 0:  # Debian: the package's copyright file is the licence
        copyright_file = Path("/usr/share/doc") / owner.stdout.split(":")[0] / "copyright"
        licence = str(copyright_file) if copyright_file.is_file() else ""
    return found, licence


def build_bundle(out: Path) -> Path:
    """PyInstaller one-folder bundle; returns its folder (the .app on macOS)."""
    work = out / "work"
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PINSHANG_ICON=str(icon_for_os(work)))
    env.pop("PYTHONPATH", None)  # the spec puts the checkout first on the path itself
    if sys.platform == "win32":
        env["PINSHANG_VERSION_FILE"] = str(windows_version_file(work))
    if sys.platform.startswith("linux") and (font := linux_font()):
        env["PINSHANG_BUNDLE_FONT"], env["PINSHANG_BUNDLE_FONT_LICENCE"] = font
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", out / "dist", "--workpath", work, INSTALLER / "pinshang.spec", env=env)
    if sys.platform == "darwin":
        return out / "dist" / "Pinshang Counter.app"
    return out / "dist" / "pinshang"


def executable(bundle: Path) -> Path:
    """The bundle's program with a standard output (on Windows the console twin of the window app)."""
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / "pinshang"
    return bundle / ("pinshang-console.exe" if sys.platform == "win32" else "pinshang")


def write_licences(bundle: Path, target: Path) -> Path:
    """LICENSES.txt beside the installed app: what `pinshang licences` says from the bundle."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    text = subprocess.run([str(executable(bundle)), "licences"], capture_output=True, text=True,
                          check=True, env=env, encoding="utf-8").stdout
    # Inno Setup reads a text file as UTF-8 only with a byte order mark
    target.write_text(text, encoding="utf-8-sig" if sys.platform == "win32" else "utf-8")
    return target


def qt_modules_used() -> set[str]:
    """The PySide6 modules desktop/ imports (the spec keeps these and excludes the others)."""
    import re

    return {m for f in (ROOT / "desktop").rglob("*.py")
            for m in re.findall(r"PySide6\.(Qt\w+)", f.read_text(encoding="utf-8"))}


def qt_modules_shipped(bundle: Path) -> set[str]:
    return {f.name.split(".")[0] for f in bundle.rglob("Qt*")
            if f.parent.name == "PySide6" and f.suffix in {".so", ".pyd"}}


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


# --- Linux ------------------------------------------------------------------------------------

def desktop_entry(exec_path: str, icon: str) -> str:
    text = (INSTALLER / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    return text.replace("@EXEC@", exec_path).replace("@ICON@", icon).replace("@VERSION@", __version__)


def linux_tarball(bundle: Path, out: Path) -> Path:
    """pinshang-counter-VERSION/ : the bundle, the icon, a .desktop file, LICENSES.txt and
    install-desktop-entry.sh (puts the menu entry in ~/.local/share/applications)."""
    name = f"{APP_ID}-{__version__}"
    target = out / f"{name}-linux-{platform.machine().lower()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:  # 9 takes twice as long for 1 %
        tar.add(bundle, arcname=f"{name}/pinshang")
        tar.add(ICON_PNG, arcname=f"{name}/{APP_ID}.png")
        tar.add(out / "LICENSES.txt", arcname=f"{name}/LICENSES.txt")
        tar.add(INSTALLER / "linux" / "install-desktop-entry.sh", arcname=f"{name}/install-desktop-entry.sh")
        entry = out / f"{APP_ID}.desktop"
        entry.write_text(desktop_entry(f"{name}/pinshang/pinshang", f"{APP_ID}"), encoding="utf-8")
        tar.add(entry, arcname=f"{name}/{APP_ID}.desktop")
    return target


def glibc_needed(bundle: Path) -> str:
    """The newest glibc symbol version any binary of the bundle asks for (objdump, binutils):
    the bundle runs on that glibc or a later one (Debian 12 builds need 2.36)."""
    import re

    found = {"2.17"}
    for file in bundle.rglob("*"):
        if file.is_file() and not file.is_symlink() and (".so" in file.name or file.name == "pinshang"):
            symbols = subprocess.run(["objdump", "-T", str(file)], capture_output=True, text=True).stdout
            found.update(re.findall(r"GLIBC_(2\.\d+)", symbols))
    return max(found, key=lambda v: tuple(int(n) for n in v.split(".")))


def linux_deb(bundle: Path, out: Path) -> Path:
    """/opt/pinshang-counter (the bundle), /usr/bin/pinshang, the menu entry and the icon."""
    stage = out / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / APP_ID
    shutil.copytree(bundle, opt / "pinshang", symlinks=True)
    shutil.copy2(out / "LICENSES.txt", opt / "LICENSES.txt")
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "pinshang").symlink_to(f"/opt/{APP_ID}/pinshang/pinshang")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{APP_ID}.desktop").write_text(desktop_entry("/usr/bin/pinshang", APP_ID), encoding="utf-8")
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "512x512" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(ICON_PNG, icons / f"{APP_ID}.png")
    control = stage / "DEBIAN"
    control.mkdir()
    size_kb = int(folder_mb(stage) * 1000)
    (control / "control").write_text(
        f"Package: {APP_ID}\nVersion: {__version__}\nArchitecture: {arch()}\n"
        f"Maintainer: Pinshang <support@pinshang.example>\nInstalled-Size: {size_kb}\n"
        f"Pre-Depends: dpkg (>= 1.21.18)\n"
        f"Depends: libc6 (>= {glibc_needed(bundle)}), {', '.join(DEB_DEPENDS)}\nSection: misc\nPriority: optional\n"
        "Description: Pinshang Counter, the counter client for lottery group deals\n"
        " Point of sale, group deals, vouchers and shopping coins for a merchant alliance.\n"
        " The store's data stays in each user's folder (~/.local/share/PinshangCounter):\n"
        " removing the package never deletes it.\n", encoding="utf-8")
    target = out / f"{APP_ID}_{__version__}_{arch()}.deb"
    # zstd (dpkg 1.21.18+: Debian 12, Ubuntu 22.04 and later): 8 s here for 85 MB, where xz
    # takes 15-80 s (level 2, by the machine's load) for 77 MB and gzip 15 s for 99 MB
    run("dpkg-deb", "--root-owner-group", "-Zzstd", "-z9", "--build", stage, target)
    return target


# --- Windows and macOS ------------------------------------------------------------------------

def windows_setup(bundle: Path, out: Path) -> Path:
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    run(iscc, f"/DAppVersion={__version__}", f"/DSourceDir={bundle}", f"/DOutputDir={out}",
        f"/DLicences={out / 'LICENSES.txt'}", f"/DIconFile={out / 'work' / 'pinshang.ico'}",
        INSTALLER / "windows" / "pinshang.iss")
    return out / f"PinshangCounter-{__version__}-setup.exe"


def macos_dmg(app: Path, out: Path) -> Path:
    run("codesign", "--force", "--deep", "--sign", "-", app)  # ad hoc: no Developer ID here
    run("codesign", "--verify", "--deep", "--strict", "--verbose=2", app)
    stage = out / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    shutil.copytree(app, stage / app.name, symlinks=True)
    shutil.copy2(out / "LICENSES.txt", stage / "LICENSES.txt")
    (stage / "Applications").symlink_to("/Applications")
    target = out / f"PinshangCounter-{__version__}.dmg"
    target.unlink(missing_ok=True)
    run("hdiutil", "create", "-volname", "Pinshang Counter", "-srcfolder", stage, "-ov",
        "-format", "UDZO", target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "build" / "installer"), help="output folder")
    parser.add_argument("--check", action="store_true",
                        help="then start the bundle and compare it with this venv (installer/smoke.py)")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    bundle = build_bundle(out)
    built = time.perf_counter()
    write_licences(bundle, out / "LICENSES.txt")
    if sys.platform.startswith("linux"):
        packages = [linux_tarball(bundle, out)]
        print(f"tarball in {time.perf_counter() - built:.0f} s", flush=True)
        packages.append(linux_deb(bundle, out))
    elif sys.platform == "win32":
        packages = [windows_setup(bundle, out)]
    elif sys.platform == "darwin":
        packages = [macos_dmg(bundle, out)]
    else:
        packages = []
    print(f"bundle: {bundle} ({folder_mb(bundle):.0f} MB, built in {built - started:.0f} s)")
    for package in packages:
        print(f"package: {package} ({package.stat().st_size / 1e6:.1f} MB)")
    print(f"packaged in {time.perf_counter() - built:.0f} s")
    shipped, used = qt_modules_shipped(bundle), qt_modules_used()
    print(f"Qt modules shipped: {', '.join(sorted(shipped))}")
    if shipped != used:
        print(f"the bundle's Qt modules differ from the ones desktop/ imports ({', '.join(sorted(used))})",
              file=sys.stderr)
        return 1
    if args.check:
        sys.path.insert(0, str(INSTALLER))
        from smoke import check_bundle

        return check_bundle(executable(bundle), out / "smoke")
    return 0


if __name__ == "__main__":
    sys.exit(main())
