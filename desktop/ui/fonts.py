"""Make sure Chinese is drawn: prefer a CJK font family the system (or set-up) provides."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import bundled_fonts

CJK_FAMILIES = (
    "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "Droid Sans Fallback",
)
SAMPLE = "品尚拼团"


def cjk_family() -> str | None:
    """The first installed family that really has glyphs for Chinese."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed and _draws_chinese(family):
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        if _draws_chinese(family):
            return family
    return None


def _draws_chinese(family: str) -> bool:
    from PySide6.QtGui import QRawFont

    raw = QRawFont.fromFont(QFont(family))
    return raw.isValid() and all(raw.supportsCharacter(ord(ch)) for ch in SAMPLE)


def register_bundled_fonts() -> list[str]:
    """Fonts the installation ships (the Linux bundle's CJK font): known to Qt before choosing."""
    families: list[str] = []
    for path in bundled_fonts():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def apply_app_font(app: QApplication) -> str | None:
    register_bundled_fonts()
    family = cjk_family()
    font = app.font()
    if family:
        font.setFamilies([family, *font.families()])
    font.setPointSize(max(font.pointSize(), 11))
    app.setFont(font)
    return family
