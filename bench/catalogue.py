"""Search as you type in a 50,000-item catalogue, against the same query on a bare sqlite3
connection, in one run.

The catalogue is imported through the real CSV import (CatalogueService.import_csv): names are
built from real dish words (红烧 + 牛肉 + 面, "Braised beef noodles"). The typing is simulated
keystroke by keystroke on names taken from the catalogue: the Chinese name character by
character, its pinyin initials, its full pinyin and its English name letter by letter (up to 8
keystrokes each). Each keystroke is measured twice, interleaved so drift hits both alike:

- ours: `CatalogueService.search(text)` (normalizing the typed text, a read snapshot from the
  store's pool, the indexed prefix query, the rows as ItemRow);
- bare: the same SQL text with the same parameters on a plain sqlite3 connection to the same
  file (same pragmas), rows fetched as tuples.

Prints p50 and p99 per keystroke of both and the ratios; targets: p99 <= 10 ms, ours <= 3x bare.

    .venv/bin/python bench/catalogue.py [--items 50000] [--names 150]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.staff import Role  # noqa: E402
from desktop.services.base import Actor  # noqa: E402
from desktop.services.catalogue import HEADER, CatalogueService  # noqa: E402
from desktop.store import catalogue_queries as q  # noqa: E402
from desktop.store.catalogue_keys import pinyin_of, query_words  # noqa: E402
from desktop.store.db import PRAGMAS  # noqa: E402
from desktop.store.migrate import open_store  # noqa: E402

MANAGER = Actor(1, "bench", Role.OWNER)
STYLES = [("红烧", "Braised"), ("麻辣", "Spicy"), ("清蒸", "Steamed"), ("香煎", "Pan-fried"), ("糖醋", "Sweet and sour"),
          ("干锅", "Dry pot"), ("酸菜", "Pickled cabbage"), ("黑椒", "Black pepper"), ("蒜蓉", "Garlic"),
          ("宫保", "Kung pao"), ("鱼香", "Fish-fragrant"), ("孜然", "Cumin"), ("椒盐", "Salt and pepper"),
          ("葱爆", "Scallion"), ("咖喱", "Curry"), ("卤味", "Marinated"), ("水煮", "Poached"), ("铁板", "Sizzling")]
MAINS = [("牛肉", "beef"), ("猪肉", "pork"), ("鸡丁", "chicken"), ("鸭", "duck"), ("羊排", "lamb chops"),
         ("鱼片", "fish fillet"), ("虾仁", "shrimp"), ("豆腐", "tofu"), ("茄子", "eggplant"), ("土豆", "potato"),
         ("排骨", "spare ribs"), ("鱿鱼", "squid"), ("牛蛙", "bullfrog"), ("花菜", "cauliflower"), ("肥肠", "intestines")]
FORMS = [("面", "noodles"), ("饭", "rice"), ("煲", "claypot"), ("汤", "soup"), ("", ""), ("套餐", "set"),
         ("盖饭", "rice bowl"), ("米线", "rice noodles"), ("饺子", "dumplings"), ("串", "skewers")]
SIZES = ["", "（小）", "（大）", "（双人）", "（特辣）"]


def catalogue_csv(items: int, rng: random.Random) -> bytes:
    lines = [",".join(HEADER)]
    for n in range(items):
        (sz, se), (mz, me), (fz, fe) = rng.choice(STYLES), rng.choice(MAINS), rng.choice(FORMS)
        size = SIZES[n % len(SIZES)]
        name_en = " ".join(p for p in (se, me, fe) if p) + (f" #{n}" if size else "")
        barcode = f"69{n:011d}" if n % 3 == 0 else ""
        lines.append(f"B{n:06d},{barcode},{sz}{mz}{fz}{size},{name_en},{fz or '小炒'},{rng.randint(8, 188)}.00,"
                     f"{rng.randint(2, 60)}.00,{0 if n % 50 == 0 else 1}")
    return ("\n".join(lines) + "\n").encode()


def keystrokes(names: list[tuple[str, str]]) -> list[str]:
    """Every prefix a person types for each name, in four ways: characters, initials, full pinyin, English."""
    typed: list[str] = []
    for name, name_en in names:
        full, initials = pinyin_of(name)
        han = "".join(ch for ch in name if "\u4e00" <= ch <= "\u9fff")
        for word in (han, initials, full, name_en.lower()):
            typed += [word[:i] for i in range(1, min(len(word), 8) + 1)]
    return typed


def bare_search(conn: sqlite3.Connection, text: str, limit: int) -> list[tuple[object, ...]]:
    """The same statement and parameters as desktop.store.catalogue_queries.find_items, on a
    plain connection (the statement text is built here, outside the timed part, per call)."""
    words = query_words(text)
    sql = (f"SELECT DISTINCT {q.COLUMNS} FROM menu_search_terms s JOIN menu_items m ON m.id = s.item_id "
           "WHERE s.term >= ? AND s.term < ?" + " AND instr(m.search_text, ?) > 0" * (len(words) - 1)
           + " AND m.active = 1 LIMIT ? OFFSET ?")
    return conn.execute(sql, (words[0], words[0] + "\U0010ffff", *words[1:], limit, 0)).fetchall()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--names", type=int, default=150, help="names typed (each in four ways)")
    parser.add_argument("--limit", type=int, default=50, help="results per keystroke")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        db = open_store(Path(folder) / "pinshang.db")
        catalogue = CatalogueService(db)
        started = time.perf_counter()
        result = catalogue.import_csv(MANAGER, catalogue_csv(args.items, rng))
        print(f"imported {result.added} items in {time.perf_counter() - started:.1f} s")
        sample = rng.sample(range(1, args.items + 1), args.names)
        names = [(row.name, row.name_en) for row in (catalogue.item(i) for i in sample)]
        typed = keystrokes(names)
        bare = sqlite3.connect(Path(folder) / "pinshang.db", isolation_level=None)
        for pragma in PRAGMAS:
            bare.execute(pragma)
        for text in typed[:200]:  # warm both caches
            catalogue.search(text, limit=args.limit)
            bare_search(bare, text, args.limit)
        ours: list[float] = []
        theirs: list[float] = []
        for text in typed:
            t0 = time.perf_counter()
            found = catalogue.search(text, limit=args.limit)
            t1 = time.perf_counter()
            plain = bare_search(bare, text, args.limit)
            t2 = time.perf_counter()
            assert len(found) == len(plain), text
            ours.append((t1 - t0) * 1000)
            theirs.append((t2 - t1) * 1000)
        bare.close()
        db.close()
    p50, p99 = statistics.median(ours), percentile(ours, 0.99)
    b50, b99 = statistics.median(theirs), percentile(theirs, 0.99)
    print(f"{len(typed)} keystrokes over {args.items} items ({args.names} names typed four ways, "
          f"up to {args.limit} results each)")
    print(f"ours : p50 {p50:.3f} ms  p99 {p99:.3f} ms")
    print(f"bare : p50 {b50:.3f} ms  p99 {b99:.3f} ms")
    print(f"ratio: p50 {p50 / b50:.2f}x  p99 {p99 / b99:.2f}x   (targets: p99 <= 10 ms, <= 3x)")


if __name__ == "__main__":
    main()
