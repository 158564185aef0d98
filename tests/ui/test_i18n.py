"""Every visible string has a Chinese translation, and Chinese is really drawn."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRawFont

from desktop.ui.fonts import apply_app_font, cjk_family
from desktop.ui.i18n import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]


def extracted_sources(tmp_path: Path) -> list[tuple[str, str]]:
    """What lupdate finds in the code now (not what the committed .ts says)."""
    ts = tmp_path / "now.ts"
    sources = [str(p) for p in (ROOT / "desktop").rglob("*.py")]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
                   check=True, capture_output=True)
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            found.append((context.findtext("name") or "", message.findtext("source") or ""))
    return found


def test_every_string_in_the_code_has_a_chinese_translation_in_the_shipped_qm(tmp_path: Path, qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "pinshang_zh_CN.qm"))
    sources = extracted_sources(tmp_path)
    assert len(sources) > 100
    missing = [f"{ctx}: {text}" for ctx, text in sources if not translator.translate(ctx, text)]
    assert missing == [], "run tools/i18n.py update, translate, release:\n" + "\n".join(missing[:40])


def test_english_qm_loads(qapp) -> None:
    assert QTranslator().load(str(TRANSLATIONS / "pinshang_en.qm"))


def _draw(text: str, font: QFont) -> QImage:
    image = QImage(80, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(4, 30, text)
    painter.end()
    return image


def _ink(image: QImage) -> int:
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < 128)


def test_chinese_is_drawn_with_real_glyphs_not_boxes(qapp) -> None:
    family = cjk_family()
    assert family, "no CJK font installed (dev.py installs fonts-wqy-microhei on Debian)"
    apply_app_font(qapp)
    font = QFont(qapp.font())
    font.setPointSize(20)
    assert font.families()[0] == family  # the app asks for the CJK family first
    raw = QRawFont.fromFont(QFont(family, 20))
    assert all(raw.supportsCharacter(ord(ch)) for ch in "品尚拼团抽奖核销")
    glyphs = [_draw(ch, font) for ch in "品尚拼团"]
    assert all(_ink(g) > 40 for g in glyphs)  # something is drawn for each character
    # Tofu boxes would all look the same; real glyphs differ from each other.
    assert len({bytes(g.constBits()) for g in glyphs}) == 4


def test_no_translation_wrappers_that_lupdate_cannot_see() -> None:
    """A module-level `tr("x")` or a `_tr(text)` helper hides strings from lupdate or files them
    under the wrong context: the app would show English. Use QCoreApplication.translate(ctx, "x")."""
    import ast

    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"tr", "_tr"}:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
