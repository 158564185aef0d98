"""Finding a CJK-capable font file on this machine (for raster text on thermal printers).

Order: a font bundled in desktop/resources/fonts (the Linux bundle ships one), then fontconfig's choice for Simplified Chinese,
then well-known install paths on Linux, Windows and macOS. No font is a UserError that
says how to fix it, never a receipt full of empty boxes.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.paths import bundled_fonts_dir

BUNDLED_FONT_DIR = bundled_fonts_dir()  # inside the package: desktop/resources/fonts

KNOWN_CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


@cache
def find_cjk_font_file() -> Path:
    """A TrueType/OpenType file that has Simplified Chinese glyphs."""
    for candidate in _candidates():
        if candidate.is_file():
            return candidate
    raise UserError(
        QT_TRANSLATE_NOOP(
            "errors",
            "No Chinese font was found. Install one (e.g. fonts-wqy-microhei or Noto Sans CJK) "
            "or put a .ttf/.ttc file in {folder}",
        ),
        folder=str(BUNDLED_FONT_DIR),
    )


def _candidates() -> list[Path]:
    bundled = sorted(BUNDLED_FONT_DIR.glob("*.tt[fc]")) + sorted(BUNDLED_FONT_DIR.glob("*.otf"))
    matched = [Path(found)] if (found := _fontconfig_match()) else []
    return [*bundled, *matched, *(Path(path) for path in KNOWN_CJK_FONT_FILES)]


def _fontconfig_match() -> str:
    """fontconfig's best font for zh-cn, if it really covers zh-cn (fc-match always answers
    something, even a Latin font, so check it against the fonts fc-list says cover zh-cn)."""
    choice = _run_fontconfig("fc-match", "-f", "%{file}", ":lang=zh-cn")
    listed = _run_fontconfig("fc-list", ":lang=zh-cn", "file").splitlines()
    covering = {line.strip().rstrip(":").strip() for line in listed}
    return choice if choice in covering else ""


def _run_fontconfig(tool: str, *args: str) -> str:
    executable = shutil.which(tool)
    if not executable:
        return ""
    try:
        done = subprocess.run([executable, *args], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
