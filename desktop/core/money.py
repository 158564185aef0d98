"""Money is integer fen (1 CNY = 100 fen); rates are integer basis points (1% = 100 bp).

Rounding rule, used everywhere: an amount times a rate is rounded half-up to the fen, once per
line (never on a sum of already-rounded lines). No float ever touches money: parsing goes
through Decimal-free integer arithmetic on the digits the cashier typed.
"""

from __future__ import annotations

import re

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

Fen = int
BasisPoints = int

FEN_PER_YUAN = 100
BP_WHOLE = 10_000
MAX_FEN = 10**13  # 100 billion CNY: far beyond any counter amount; guards overflow in SQLite

_CURRENCY_MARKS = "￥¥元RMBCNY"
_AMOUNT = re.compile(r"^(?P<int>[0-9]{1,12})(?:\.(?P<frac>[0-9]{0,2}))?$|^\.(?P<frac2>[0-9]{1,2})$")


def parse_fen(text: str, *, allow_negative: bool = False) -> Fen:
    """Parse what a cashier types ("12.5", "12.50", "￥12.50", "12元") into fen.

    Raises ValidationError with a clear message for anything else (more than two decimals,
    letters, empty input, a negative amount when not allowed).
    """
    cleaned = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    negative = cleaned.startswith("-")
    cleaned = cleaned.removeprefix("-").strip(_CURRENCY_MARKS).strip()
    match = _AMOUNT.match(cleaned)
    if not cleaned or not match:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{text}” is not an amount of money, e.g. 12.50"),
            text=text.strip(),
        )
    whole = match.group("int") or "0"
    frac = (match.group("frac") or match.group("frac2") or "").ljust(2, "0")
    fen = int(whole) * FEN_PER_YUAN + int(frac)
    if negative and fen and not allow_negative:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The amount cannot be negative"))
    return -fen if negative else fen


def format_fen(fen: Fen, locale: str = "zh_CN", *, symbol: bool = True) -> str:
    """Format fen for display: "￥12.50" in zh_CN, "CNY 12.50" in en; thousands grouped."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    body = f"{yuan:,}.{cents:02d}"
    if not symbol:
        return sign + body
    prefix = "￥" if locale.startswith("zh") else "CNY "
    return f"{sign}{prefix}{body}"


def apply_rate(fen: Fen, rate_bp: BasisPoints) -> Fen:
    """fen × rate, rounded half-up (away from zero on .5) to the fen."""
    _check_rate(rate_bp)
    numerator = abs(fen) * rate_bp
    rounded = (numerator + BP_WHOLE // 2) // BP_WHOLE
    return -rounded if fen < 0 else rounded


def parse_rate(text: str) -> BasisPoints:
    """Parse a percentage as typed ("20", "20%", "12.5", "0.25%") into basis points."""
    cleaned = text.strip().rstrip("%％").strip()
    match = re.fullmatch(r"([0-9]{1,3})(?:\.([0-9]{1,2}))?", cleaned)
    if not match:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{text}” is not a percentage, e.g. 12.5%"), text=text.strip()
        )
    bp = int(match.group(1)) * 100 + int((match.group(2) or "").ljust(2, "0"))
    _check_rate(bp)
    return bp


def format_rate(rate_bp: BasisPoints) -> str:
    whole, frac = divmod(rate_bp, 100)
    return f"{whole}%" if frac == 0 else f"{whole}.{frac:02d}".rstrip("0") + "%"


def _check_rate(rate_bp: BasisPoints) -> None:
    if not isinstance(rate_bp, int) or isinstance(rate_bp, bool):
        raise TypeError(f"rates are integer basis points, got {type(rate_bp).__name__}")
    if not 0 <= rate_bp <= BP_WHOLE:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A rate must be between 0% and 100%"))


def check_fen(fen: Fen) -> Fen:
    """Reject non-integers and absurd magnitudes before they reach the ledger."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError(f"money is integer fen, got {type(fen).__name__}")
    if abs(fen) > MAX_FEN:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The amount is too large"))
    return fen
