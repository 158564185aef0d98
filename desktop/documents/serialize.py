"""A Document as JSON text and back, so print jobs can wait in the store's queue.

The format is a JSON object {"v": 1, "title": ..., "blocks": [...]}; each block is an object
with a "type" ("text", "columns", "separator", "qr", "feed", "cut") and that block's fields,
enums as their values. Decoding checks every field, so a damaged queue row is a clear
ValidationError, never a half-printed voucher.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.documents.document import (
    Align,
    Block,
    Columns,
    Cut,
    Document,
    Feed,
    QrBlock,
    QrSize,
    Separator,
    Size,
    TextLine,
)

FORMAT_VERSION = 1


def document_to_json(document: Document) -> str:
    blocks = [_encode_block(block) for block in document.blocks]
    data: dict[str, Any] = {"v": FORMAT_VERSION, "title": document.title, "blocks": blocks}
    if document.open_drawer:
        data["open_drawer"] = True
    return json.dumps(data, ensure_ascii=False)


def _encode_block(block: Block) -> dict[str, Any]:
    if isinstance(block, TextLine):
        return {"type": "text", "text": block.text, "size": block.size.name, "bold": block.bold, "align": block.align.value}
    if isinstance(block, Columns):
        return {"type": "columns", "left": block.left, "right": block.right, "bold": block.bold}
    if isinstance(block, Separator):
        return {"type": "separator", "char": block.char}
    if isinstance(block, QrBlock):
        return {"type": "qr", "payload": block.payload, "size": block.size.name}
    if isinstance(block, Feed):
        return {"type": "feed", "lines": block.lines}
    return {"type": "cut"}


def document_from_json(text: str) -> Document:
    """The Document stored by `document_to_json`; anything else is a ValidationError."""
    try:
        data = json.loads(text)
        if data.get("v") != FORMAT_VERSION:
            raise ValueError(f"unknown version {data.get('v')!r}")
        return Document(_string(data["title"]), tuple(_decode_block(raw) for raw in data["blocks"]),
                        open_drawer=_flag(data.get("open_drawer", False)))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The stored print document is damaged: {reason}"), reason=str(error)
        ) from None


def _decode_block(raw: dict[str, Any]) -> Block:
    kind = raw["type"]
    if kind == "text":
        return TextLine(_string(raw["text"]), Size[raw["size"]], _flag(raw["bold"]), Align(raw["align"]))
    if kind == "columns":
        return Columns(_string(raw["left"]), _string(raw["right"]), _flag(raw["bold"]))
    if kind == "separator":
        return Separator(_string(raw["char"]))
    if kind == "qr":
        return QrBlock(_string(raw["payload"]), QrSize[raw["size"]])
    if kind == "feed":
        return Feed(_integer(raw["lines"]))
    if kind == "cut":
        return Cut()
    raise ValueError(f"unknown block type {kind!r}")


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true/false, got {type(value).__name__}")
    return value


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    return value
