"""A catalogue item's fields as a person sets them, and the rules they must keep (names,
codes, amounts). Prices are integer fen; the store keeps every price as a version."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

MAX_NAME = 128
MAX_CATEGORY = 64
MAX_CODE = 64
MAX_PRICE_FEN = 100_000_000  # 1,000,000.00 CNY: far above any dish, below any typo's reach
_CODE = re.compile(r"[\x21-\x7e]+")  # printable ASCII, no spaces: what scanners and SKUs use


@dataclass(frozen=True)
class ItemValues:
    name: str
    name_en: str
    category: str
    barcode: str | None
    sku: str | None
    price_fen: int
    cost_fen: int
    active: bool = True


def _clean(text: str) -> str:
    return " ".join(text.split())


def _code(text: str | None, kind: str) -> str | None:
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    if len(cleaned) > MAX_CODE or not _CODE.fullmatch(cleaned):
        if kind == "barcode":
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The barcode “{code}” can only hold letters, digits and signs, without spaces, "
                "up to 64"), code=cleaned)
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The SKU “{code}” can only hold letters, digits and signs, without spaces, up to 64"),
            code=cleaned)
    return cleaned


def check_values(values: ItemValues) -> ItemValues:
    """The values cleaned (spaces collapsed, empty codes as None); raises ValidationError."""
    name, name_en, category = _clean(values.name), _clean(values.name_en), _clean(values.category)
    if not name or len(name) > MAX_NAME:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An item's name is 1 to 128 characters"))
    if len(name_en) > MAX_NAME:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An item's English name is at most 128 characters"))
    if len(category) > MAX_CATEGORY:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A category is at most 64 characters"))
    for amount in (values.price_fen, values.cost_fen):
        if amount < 0 or amount > MAX_PRICE_FEN:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A price or cost is between 0.00 and 1,000,000.00"))
    return replace(values, name=name, name_en=name_en, category=category,
                   barcode=_code(values.barcode, "barcode"), sku=_code(values.sku, "sku"))
