"""Paper profiles: how many printer columns and dots a paper has, and how big it prints.

Thermal rolls (58 mm and 80 mm) are printed at 203 dpi with the printer's font A cell of
12 × 24 dots, so 384 dots give 32 columns and 576 dots give 48. The A6 table tent is printed
on an office printer: fewer, bigger columns ("larger type") on a fixed 105 × 148 mm page.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP

MM_PER_INCH_X10 = 254  # 25.4 mm, kept integer


@dataclass(frozen=True)
class PaperProfile:
    name: str
    width_mm: int
    columns: int
    dot_width: int  # printable width in dots
    dpi: int
    margin_dots: int = 0  # left and right, outside the printable width
    page_height_mm: int | None = None  # None: a roll, cut to the content's length
    is_thermal: bool = True

    @property
    def cell_width(self) -> int:
        """Dots per printer column (a wide character takes two)."""
        return self.dot_width // self.columns

    @property
    def line_height(self) -> int:
        """Dots from one text line to the next: a 1:2 cell plus a little leading."""
        return self.cell_width * 2 + self.cell_width // 2

    @property
    def page_width_dots(self) -> int:
        return self.dot_width + 2 * self.margin_dots

    @property
    def page_height_dots(self) -> int | None:
        if self.page_height_mm is None:
            return None
        return self.page_height_mm * self.dpi * 10 // MM_PER_INCH_X10


PAPER_58 = PaperProfile("58mm", width_mm=58, columns=32, dot_width=384, dpi=203)
PAPER_80 = PaperProfile("80mm", width_mm=80, columns=48, dot_width=576, dpi=203)
# A6 at 300 dpi is 1240 × 1748 dots; 6.4 mm margins leave 1088 dots for 32 columns of 34
# dots (a thermal cell is 12): type nearly three times the size of a receipt's.
PAPER_A6 = PaperProfile(
    "A6",
    width_mm=105,
    columns=32,
    dot_width=1088,
    dpi=300,
    margin_dots=76,
    page_height_mm=148,
    is_thermal=False,
)

PAPERS: dict[int, PaperProfile] = {58: PAPER_58, 80: PAPER_80, 105: PAPER_A6}


def paper_for(width_mm: int) -> PaperProfile:
    """The profile for 58, 80 (thermal rolls) or 105 (A6 poster); anything else is an error."""
    try:
        return PAPERS[width_mm]
    except (KeyError, TypeError):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Paper width must be 58 or 80 mm (or 105 for A6), got {width}"),
            width=width_mm,
        ) from None
