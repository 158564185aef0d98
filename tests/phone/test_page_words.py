"""The result page says every sentence the browser checker can say in Chinese too: each template
of drawcheck.js (its `fail(...)` sentences and the "checks out" one) has an entry in draw.js's
Chinese table, with the same placeholders; and every key the pages ask text.js for exists in both
languages."""

from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[2] / "central" / "phone" / "static"


def templates() -> set[str]:
    text = (STATIC / "drawcheck.js").read_text("utf-8")
    found = set(re.findall(r'fail\("((?:[^"\\]|\\.)*)"', text))
    found |= set(re.findall(r'template = "((?:[^"\\]|\\.)*)"', text))
    return found


def chinese_table() -> dict[str, str]:
    text = (STATIC / "draw.js").read_text("utf-8")
    table = text[text.index("var ZH = {"):text.index("};", text.index("var ZH = {"))]
    return dict(re.findall(r'^\s*"((?:[^"\\]|\\.)*)": "((?:[^"\\]|\\.)*)",?$', table, re.M))


def test_every_sentence_of_the_checker_has_chinese_with_the_same_placeholders() -> None:
    sentences, zh = templates(), chinese_table()
    assert len(sentences) >= 20
    assert sorted(sentences - zh.keys()) == []
    for english, chinese in zh.items():
        assert sorted(re.findall(r"\{(\w+)\}", english)) == sorted(re.findall(r"\{(\w+)\}", chinese)), english
        assert not re.search(r"[A-Za-z]{4,}", re.sub(r"\{\w+\}|entry_id|nonce|eligible|true|false|JSON|SHA", "",
                                                     chinese)), chinese


def test_every_text_key_the_pages_use_has_both_languages() -> None:
    text = (STATIC / "text.js").read_text("utf-8")
    keys = dict(re.findall(r'^\s*(\w+): \["((?:[^"\\]|\\.)*)", "(?:[^"\\]|\\.)*"\],?$', text, re.M))
    used = set()
    for page in STATIC.glob("*.js"):
        used |= set(re.findall(r'\bt\("(\w+[a-z])"', page.read_text("utf-8")))  # not t("account_" + kind)
        used |= set(re.findall(r'data-t="(\w+)"', page.read_text("utf-8")))
    for html in STATIC.glob("*.html"):
        used |= set(re.findall(r'data-t="(\w+)"', html.read_text("utf-8")))
    assert sorted(used - keys.keys()) == []
