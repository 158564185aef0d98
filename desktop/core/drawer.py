"""The cash drawer: counting by denomination, expected cash and over/short (pure).

A count is a number of pieces per denomination (¥100 notes down to 1 jiao coins); its value
is integer fen. Expected cash of a shift = the counted float + every drawer movement of the
shift (cash in is positive, cash out negative), as the ledger's drawer transfers record them:
debits of `Accounts.DRAWER` add, credits take away. Over/short = counted − expected (negative
is a shortage).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ledger import Accounts, Kind, Transfer, Unit
from desktop.core.money import MAX_FEN

# Denominations in fen, largest first: ¥100, 50, 20, 10, 5, 1, 0.5, 0.1.
DENOMINATIONS: tuple[int, ...] = (10000, 5000, 2000, 1000, 500, 100, 50, 10)
MAX_PIECES = 100_000  # per denomination: more is a typing slip, not a drawer


@dataclass(frozen=True)
class Count:
    """Pieces per denomination (fen value -> pieces); denominations not named count zero."""

    pieces: tuple[tuple[int, int], ...]

    @property
    def total_fen(self) -> int:
        return sum(value * n for value, n in self.pieces)

    def as_dict(self) -> dict[str, int]:
        """The JSON form: {"10000": 2, "50": 3} (denomination in fen as a string)."""
        return {str(value): n for value, n in self.pieces if n}

    def of(self, value: int) -> int:
        return dict(self.pieces).get(value, 0)


def count_of(pieces: Mapping[int, int] | Mapping[str, int]) -> Count:
    """A checked count: known denominations only, whole non-negative numbers of pieces."""
    checked: dict[int, int] = {}
    for key, n in pieces.items():
        value = _denomination(key)
        if isinstance(n, bool) or not isinstance(n, int):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Count whole notes and coins"))
        if n < 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A count cannot be negative ({value})"),
                value=_label(value))
        if n > MAX_PIECES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{n} pieces of {value} is more than a drawer holds"),
                n=n, value=_label(value))
        checked[value] = checked.get(value, 0) + n
    return Count(tuple((value, checked.get(value, 0)) for value in DENOMINATIONS))


def parse_count(texts: Mapping[int, str]) -> Count:
    """What a cashier typed in the count fields ("" is zero)."""
    pieces: dict[int, int] = {}
    for value, text in texts.items():
        cleaned = text.strip()
        if not cleaned:
            continue
        signed = cleaned.removeprefix("-")
        if not signed.isdigit() or not signed.isascii():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "“{text}” is not a number of pieces"), text=cleaned[:20])
        pieces[value] = int(cleaned)
    return count_of(pieces)


def _denomination(key: int | str) -> int:
    try:
        value = int(key)
    except (TypeError, ValueError):
        value = -1
    if value not in DENOMINATIONS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown denomination {key}"), key=str(key)[:12])
    return value


def _label(value: int) -> str:
    yuan, fen = divmod(value, 100)
    return f"¥{yuan}" if not fen else f"¥{yuan}.{fen // 10}"


def denomination_label(value: int) -> str:
    """¥100, ¥0.5: how the count screens and the Z report name a denomination."""
    return _label(value)


def drawer_delta(transfer: Transfer) -> int:
    """What one transfer does to the drawer: +amount for a debit, −amount for a credit, 0
    otherwise (other accounts, coins, holds that are not final)."""
    if transfer.unit is not Unit.FEN or transfer.kind not in (Kind.PLAIN, Kind.POST_PENDING):
        return 0
    if transfer.debit == Accounts.DRAWER:
        return transfer.amount
    if transfer.credit == Accounts.DRAWER:
        return -transfer.amount
    return 0


def expected_cash(float_fen: int, movements: Iterable[int]) -> int:
    """The float plus every drawer movement (signed fen)."""
    total = float_fen + sum(movements)
    if abs(total) > MAX_FEN:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The drawer total is out of range"))
    return total


def expected_from_transfers(float_fen: int, transfers: Iterable[Transfer]) -> int:
    return expected_cash(float_fen, (drawer_delta(t) for t in transfers))


def over_short(counted_fen: int, expected_fen: int) -> int:
    """Counted minus expected: positive over, negative short."""
    return counted_fen - expected_fen


@dataclass(frozen=True)
class CloseRule:
    """Beyond `reason_limit_fen` (either way) a close needs a reason and a manager's approval."""

    reason_limit_fen: int = 500

    def needs_reason(self, difference_fen: int) -> bool:
        return abs(difference_fen) > self.reason_limit_fen


COUNTER_TENDERS = ("cash", "card")  # taken at this counter; "platform" is held by the platform


def tender_account(tender: str) -> str:
    """The ledger account a tender's money sits in: cash in the drawer, the others in
    `asset:tender:<kind>` until they are settled."""
    return Accounts.DRAWER if tender == "cash" else f"asset:tender:{tender}"


def tender_of_account(account: str) -> str | None:
    if account == Accounts.DRAWER:
        return "cash"
    return account.removeprefix("asset:tender:") if account.startswith("asset:tender:") else None


SAFE = "asset:safe"  # cash in comes from, cash out goes to, the safe or the bank

# The drawer's lines on the X and Z reports, in printing order.
DRAWER_LINES = ("sale", "change", "sale_refund", "deposit", "deposit_refund", "consolation",
                "cash_in", "cash_out", "other")


def drawer_line(transfer: Transfer) -> str:
    """Which report line a drawer transfer belongs to (see DRAWER_LINES)."""
    ref, tid = transfer.ref, transfer.id
    if ref.startswith("drawer:"):
        if tid.endswith(":paid"):
            return "deposit"
        if ":refund_paid:" in tid:
            return "deposit_refund"
        if ":consolation_paid:" in tid:
            return "consolation"
    if ref.startswith("cash_in:"):
        return "cash_in"
    if ref.startswith("cash_out:"):
        return "cash_out"
    if Accounts.SALES in (transfer.debit, transfer.credit):
        if ref.startswith("refund:"):  # a sale refunded or voided (desktop.services.sale_refunds)
            return "sale_refund"
        return "sale" if transfer.credit == Accounts.SALES else "change"
    return "other"
