"""The search keys of a catalogue item, derived from its names and codes (pypinyin, imported at the
first one, turns the Chinese name into full pinyin and pinyin initials).

An item gets a set of *terms*: the search matches a typed word when it is a prefix of one of
them, found through the index of `menu_search_terms` (no table scan at 50,000 items):

- every suffix of a run of Chinese characters (奶茶 finds 招牌奶茶: the term 奶茶 is a suffix);
- every Latin word of the names (milk finds "House milk tea");
- the full pinyin and the pinyin initials from each syllable on (naicha, nc, zhaopainaicha, zpnc);
- the barcode and the SKU (a barcode prefix finds the item).

`search_text` is the item's words in one lowercase string: the other words of a query of
several words are checked in it (milk tea: "tea" must be in the text of the items "milk" found).
"""

from __future__ import annotations

import re
import unicodedata

MAX_TERM = 64  # characters kept of a term (a prefix longer than that still matches its start)
MAX_SUFFIXES = 16  # suffixes kept of one run (names are short; a long one stops here)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """How both the items' terms and the typed query are compared: NFKC (full-width letters
    and digits become ASCII), case folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def query_words(text: str) -> list[str]:
    """The words of a typed query, normalized, longest first (the longest one uses the index)."""
    return sorted(_WORD.findall(normalize(text)), key=len, reverse=True)


def _suffixes(parts: list[str]) -> set[str]:
    return {"".join(parts[i:])[:MAX_TERM] for i in range(min(len(parts), MAX_SUFFIXES))}


def _syllables(name: str) -> list[str]:
    # imported here: its phrase dictionary costs ~55 MiB for as long as the process runs, and
    # only adding, editing or importing items needs it (a search never does)
    from pypinyin import lazy_pinyin

    return [s for s in lazy_pinyin(name, errors="ignore") if s.isascii() and s.isalpha()]


def pinyin_of(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of the Chinese characters of `name`: 招牌奶茶 -> zhaopainaicha, zpnc."""
    syllables = _syllables(name)
    return "".join(syllables), "".join(s[0] for s in syllables)


def item_keys(name: str, name_en: str, barcode: str | None, sku: str | None) -> tuple[set[str], str]:
    """(the item's search terms, its search text); the pinyin is worked out once for both."""
    terms: set[str] = set()
    for text in (name, name_en):
        for word in _WORD.findall(normalize(text)):
            for run in _HAN.findall(word):
                terms |= _suffixes(list(run))
            terms.add(word[:MAX_TERM])
    syllables = _syllables(name)
    if syllables:
        terms |= _suffixes(syllables)
        terms |= _suffixes([s[0] for s in syllables])
    for code in (barcode, sku):
        if code:
            terms.add(normalize(code)[:MAX_TERM])
    full, initials = "".join(syllables), "".join(s[0] for s in syllables)
    text = normalize(" ".join(p for p in (name, name_en, full, initials, barcode or "", sku or "") if p))
    return terms, text
