"""What this installation is made of, for the About dialog and the installers' LICENSES.txt:
the version, Qt's LGPL notice, the fonts' licences and the Python libraries with theirs.

Pure Python (importlib.metadata); the PyInstaller spec copies the libraries' metadata into the
bundle so the list there is the bundle's own.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata

from desktop import __version__
from desktop.paths import bundled_fonts, bundled_fonts_dir

DISTRIBUTION = "pinshang-counter"
QT_NOTICE = (
    "Qt and Qt for Python (PySide6, shiboken6) are used under the GNU Lesser General Public "
    "License v3 (LGPL-3.0). They are shipped as unmodified shared libraries, which you may "
    "replace with your own build of the same version: in the installed folder, PySide6/ "
    "holds them. The source code is at https://code.qt.io and "
    "https://download.qt.io/official_releases/QtForPython/; the licence text is at "
    "https://www.gnu.org/licenses/lgpl-3.0.html."
)
SYSTEM_FONT_NOTICE = (
    "Chinese text is drawn with a font of the operating system (Microsoft YaHei on Windows, "
    "PingFang SC on macOS, WenQuanYi Micro Hei or Noto Sans CJK on Linux), under that "
    "system's licence; no font is shipped with this installation."
)


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str


def font_notice() -> str:
    fonts = bundled_fonts()
    if not fonts:
        return SYSTEM_FONT_NOTICE
    licences = [f for f in sorted(bundled_fonts_dir().iterdir()) if f.name.lower().startswith(("copyright", "licen"))]
    text = "Fonts shipped with this installation: " + ", ".join(f.name for f in fonts) + "."
    for licence in licences:
        text += "\n\n" + licence.read_text(encoding="utf-8", errors="replace").strip()
    return text


def _requirement_name(requirement: str) -> str | None:
    if "extra ==" in requirement.replace('"', "").replace("'", ""):
        return None  # an optional extra's requirement: listed only when its library is present anyway
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    return match.group(0) if match else None


def libraries(root: str = DISTRIBUTION) -> list[Library]:
    """The installed libraries this app depends on (directly or not), sorted by name; the app
    itself is left out. Requirements not installed on this system (pywin32 on Linux) are skipped."""
    seen: dict[str, Library] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = Library(dist.metadata["Name"] or name, dist.version, _licence(dist))
        todo += [n for r in dist.requires or [] if (n := _requirement_name(r))]
    return sorted((lib for key, lib in seen.items() if key != root), key=lambda lib: lib.name.lower())


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get_all("License-Expression") or []
    if expression:
        return str(expression[0])
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    short = str((meta.get_all("License") or [""])[0]).strip().splitlines()
    return short[0][:80] if short and short[0] else "see the library's own files"


def notice_text() -> str:
    """The whole notice, in English (licence texts are not translated)."""
    libs = "\n".join(f"  {lib.name} {lib.version}: {lib.licence}" for lib in libraries())
    return (f"Pinshang Counter {__version__}\n\n"
            f"Python\nPython {sys.version.split()[0]} runs the app, under the Python Software Foundation "
            f"License (PSF-2.0, https://docs.python.org/3/license.html).\n\n"
            f"Qt\n{QT_NOTICE}\n\nFonts\n{font_notice()}\n\nPython libraries\n{libs or '  (none found)'}\n")
