"""Translation upkeep: `python tools/i18n.py update|fill MAP.json|release|missing`.

- update: extract every marked string (self.tr, QCoreApplication.translate, QT_TRANSLATE_NOOP)
  from desktop/ and central-facing messages into desktop/translations/pinshang_{zh_CN,en}.ts,
  keeping existing translations; English is filled with the source text.
- fill MAP.json: {"English source": "中文"} fills unfinished zh_CN entries (any context).
- release: compile the .ts files to the .qm files the app loads.
- missing: list zh_CN sources without a finished translation (exit 1 if any).
- export MAP.json [TS]: the finished zh_CN translations of a .ts file (default: ours) as a MAP,
  e.g. to carry translations across a merge of two branches (export theirs, update, fill).
The .ts files are the single truth; MAP files are only a convenient way to write into them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "desktop" / "translations"
LANGS = ("zh_CN", "en")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TS_DIR / f"pinshang_{lang}.ts"


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-target-language",
                        lang, *sources(), "-ts", str(ts_path(lang))], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    fill_english()


def _messages(tree: ET.ElementTree) -> list[tuple[str, ET.Element, ET.Element]]:
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.find("source"), message.find("translation")))  # type: ignore[arg-type]
    return found


def _write(tree: ET.ElementTree, path: Path) -> None:
    tree.write(path, encoding="utf-8", xml_declaration=True)


def fill_english() -> None:
    path = ts_path("en")
    tree = ET.parse(path)
    for _ctx, source, translation in _messages(tree):
        translation.text = source.text
        translation.attrib.pop("type", None)
    _write(tree, path)


def fill(mapping_file: str) -> int:
    mapping: dict[str, str] = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    path = ts_path("zh_CN")
    tree = ET.parse(path)
    filled = 0
    for _ctx, source, translation in _messages(tree):
        if source.text in mapping and mapping[source.text]:
            translation.text = mapping[source.text]
            translation.attrib.pop("type", None)
            filled += 1
    _write(tree, path)
    print(f"filled {filled} translations")
    return 0


def export(mapping_file: str, ts_file: str | None = None) -> int:
    tree = ET.parse(ts_file or ts_path("zh_CN"))
    mapping = {source.text: translation.text for _ctx, source, translation in _messages(tree)
               if source.text and translation.text and translation.get("type") != "unfinished"}
    Path(mapping_file).write_text(json.dumps(mapping, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"exported {len(mapping)} translations")
    return 0


def missing() -> list[tuple[str, str]]:
    tree = ET.parse(ts_path("zh_CN"))
    return [(ctx, source.text or "") for ctx, source, translation in _messages(tree)
            if translation.get("type") == "unfinished" or not (translation.text or "").strip()]


def release() -> None:
    for lang in LANGS:
        subprocess.run([tool("pyside6-lrelease"), str(ts_path(lang)), "-qm",
                        str(TS_DIR / f"pinshang_{lang}.qm")], check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        update()
    elif command == "fill" and len(argv) == 2:
        return fill(argv[1])
    elif command == "export" and len(argv) in (2, 3):
        return export(argv[1], argv[2] if len(argv) == 3 else None)
    elif command == "release":
        release()
    elif command == "missing":
        gaps = missing()
        for ctx, text in gaps:
            print(f"{ctx}\t{text}")
        return 1 if gaps else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
