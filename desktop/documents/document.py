"""A printable document as pure data, and its layout into printer rows.

A `Document` is a sequence of blocks (text lines, two-column rows, separators, QR codes,
feeds, a cut). It knows nothing about paper; `layout()` turns it into `Row`s for a given
column count, counting widths the way thermal printers do: a wide or full-width character
(East Asian width W or F) takes two columns, a combining mark none, anything else one.
Both backends (Qt and ESC/POS) draw the same rows, so what the preview shows is what the
thermal printer prints, line for line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP


class Size(Enum):
    """Character size: how many columns wide and lines tall one character is."""

    NORMAL = (1, 1)
    DOUBLE_WIDTH = (2, 1)
    DOUBLE_HEIGHT = (1, 2)
    DOUBLE = (2, 2)

    @property
    def width_factor(self) -> int:
        return self.value[0]

    @property
    def height_factor(self) -> int:
        return self.value[1]


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class QrSize(Enum):
    """How much of the paper width a QR code may take (the backend picks whole modules)."""

    SMALL = 45
    MEDIUM = 60
    LARGE = 80

    @property
    def width_percent(self) -> int:
        return self.value


@dataclass(frozen=True)
class TextLine:
    text: str
    size: Size = Size.NORMAL
    bold: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Columns:
    """A left text and a right text on one line (item and price); left wraps if too long."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True)
class Separator:
    char: str = "-"


@dataclass(frozen=True)
class QrBlock:
    payload: str
    size: QrSize = QrSize.MEDIUM


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    pass


Block = TextLine | Columns | Separator | QrBlock | Feed | Cut


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    # Cash moved (a sale or refund in cash, a cash deposit, a cash refund or consolation slip,
    # cash in/out, a Z report): the receipt printer kicks the cash drawer open (ESC p) before
    # printing; a reprint never does. Paper and PDF outputs ignore it.
    open_drawer: bool = False


@dataclass(frozen=True)
class TextRow:
    """One physical printed line; `text` fits in the columns at its size."""

    text: str
    size: Size = Size.NORMAL
    bold: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True)
class QrRow:
    payload: str
    size: QrSize


@dataclass(frozen=True)
class FeedRow:
    lines: int


@dataclass(frozen=True)
class CutRow:
    pass


Row = TextRow | QrRow | FeedRow | CutRow


def char_width(char: str) -> int:
    """Printer columns one character takes: 2 for wide/full-width, 0 for marks, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def printable(text: str) -> str:
    """Text with control characters turned into spaces (they would be printer commands)."""
    text = text.replace("\r\n", "\n")
    return "".join(" " if unicodedata.category(c) == "Cc" and c != "\n" else c for c in text)


def text_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def wrap(text: str, columns: int) -> list[str]:
    """Break text into lines of at most `columns` printer columns.

    Latin words move to the next line whole when they fit there; CJK text breaks between any
    two characters; a double-width character is never split across the edge. Newlines force
    a break. An empty text gives one empty line, so a blank TextLine still feeds a line.
    """
    if columns < 2:
        raise ValueError("a line needs at least two columns to hold a wide character")
    lines: list[str] = []
    for paragraph in printable(text).split("\n"):
        lines.extend(_wrap_paragraph(paragraph, columns))
    return lines


def _wrap_paragraph(paragraph: str, columns: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for token in _tokens(paragraph):
        if text_width(current + token) <= columns:
            current += token
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = "" if token.isspace() else token
        while text_width(current) > columns:
            head, current = _take(current, columns)
            lines.append(head)
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def _tokens(text: str) -> Iterator[str]:
    """Latin words, runs of spaces, and single wide characters, in order."""
    word = ""
    for char in text:
        if char_width(char) == 2 or char.isspace():
            if word:
                yield word
                word = ""
            yield char
        else:
            word += char
    if word:
        yield word


def _take(text: str, columns: int) -> tuple[str, str]:
    """The longest head of `text` that fits in `columns`, and the rest."""
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > columns:
            return text[:index], text[index:]
    return text, ""


def format_columns(left: str, right: str, columns: int) -> list[str]:
    """Left text on the left, right text flush right on the last line; wraps the left side
    (between words: when the right side leaves no room for the left's longest word, the right
    goes flush right on the lines below)."""
    right = printable(right).strip()
    room = columns - text_width(right) - 1 if right else columns
    longest = max((text_width(token) for token in _tokens(printable(left)) if not token.isspace()), default=0)
    if text_width(right) > columns or (right and longest > room) or "\n" in right:
        # The right side leaves too little room for a word of the left, or is lines of its
        # own: the left on its own lines, the right flush right below, line by line (no word
        # is ever broken beside a long value, no newline is printed inside a line).
        return wrap(left, columns) + [_pad_left(line, columns) for line in wrap(right, columns)]
    left_lines = wrap(left, max(room, 2)) if room >= 2 else [*wrap(left, columns), ""]
    last = left_lines[-1]
    gap = columns - text_width(last) - text_width(right)
    if gap < (1 if last and right else 0):
        return [*left_lines, _pad_left(right, columns)]
    return [*left_lines[:-1], last + " " * gap + right]


def _pad_left(text: str, columns: int) -> str:
    return " " * (columns - text_width(text)) + text


def layout(document: Document, columns: int) -> list[Row]:
    """The rows a printer with `columns` normal-size columns prints for this document."""
    rows: list[Row] = []
    for block in document.blocks:
        rows.extend(_layout_block(block, columns))
    return rows


def _layout_block(block: Block, columns: int) -> Iterable[Row]:
    if isinstance(block, TextLine):
        size = block.size if columns // block.size.width_factor >= 2 else Size.NORMAL
        width = columns // size.width_factor
        return [TextRow(line, size, block.bold, block.align) for line in wrap(block.text, width)]
    if isinstance(block, Columns):
        return [TextRow(line, bold=block.bold) for line in format_columns(block.left, block.right, columns)]
    if isinstance(block, Separator):
        return [TextRow(_separator_line(block.char, columns))]
    if isinstance(block, QrBlock):
        _check_qr_payload(block.payload)
        return [QrRow(block.payload, block.size)]
    if isinstance(block, Feed):
        return [FeedRow(max(block.lines, 0))]
    return [CutRow()]


def _separator_line(char: str, columns: int) -> str:
    unit = char or "-"
    return unit * (columns // max(text_width(unit), 1))


MAX_QR_PAYLOAD_BYTES = 1200  # QR version 25 at level M; beyond that a thermal QR is unreadable


def _check_qr_payload(payload: str) -> None:
    size = len(payload.encode("utf-8"))
    if not payload or size > MAX_QR_PAYLOAD_BYTES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A QR code needs 1 to {limit} bytes of content, got {size}"),
            limit=MAX_QR_PAYLOAD_BYTES,
            size=size,
        )


def plain_text(document: Document, columns: int) -> str:
    """The document as plain text lines (QR codes as a placeholder), for logs and tests."""
    lines: list[str] = []
    for row in layout(document, columns):
        if isinstance(row, TextRow):
            lines.append(row.text)
        elif isinstance(row, QrRow):
            lines.append(f"[QR {row.payload}]")
    return "\n".join(lines)
