"""Marking a reprint: the same document with “重印 COPY” at the top and the bottom."""

from __future__ import annotations

from desktop.documents.document import Align, Block, Cut, Document, Feed, Size, TextLine
from desktop.documents.templates import REPRINT_MARK


def mark_copy(document: Document) -> Document:
    """The document with the reprint mark at the top and before the final feed/cut, as templates do."""
    body = list(document.blocks)
    tail: list[Block] = []
    while body and isinstance(body[-1], (Feed, Cut)):
        tail.insert(0, body.pop())
    top = TextLine(REPRINT_MARK, Size.DOUBLE_HEIGHT, True, Align.CENTER)
    bottom = TextLine(REPRINT_MARK, bold=True, align=Align.CENTER)
    return Document(document.title, (top, *body, bottom, *tail))
