"""Width counting, wrapping and two-column layout, as a thermal printer counts columns."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.documents.document import (
    Columns,
    Document,
    QrBlock,
    Separator,
    Size,
    TextLine,
    TextRow,
    char_width,
    format_columns,
    layout,
    printable,
    text_width,
    wrap,
)

# Latin, CJK, full-width forms, combining marks, controls and spaces: the hard cases.
ALPHABET = st.sampled_from(list("abcXYZ09 ,.-中签率拼团￥¥（）：、🙂é\u0301\t\n"))
TEXT = st.text(ALPHABET, max_size=120)
COLUMNS = st.sampled_from([2, 3, 5, 16, 24, 32, 48])


def test_wide_and_narrow_characters_take_two_and_one_columns() -> None:
    assert [char_width(c) for c in "a中￥¥\u0301"] == [1, 2, 2, 1, 0]
    assert text_width("拼团价 Price ￥98.00") == 6 + 1 + 5 + 1 + 2 + 5


@given(TEXT, COLUMNS)
def test_no_wrapped_line_is_wider_than_the_paper(text: str, columns: int) -> None:
    assert all(text_width(line) <= columns for line in wrap(text, columns))


@given(TEXT, COLUMNS)
def test_wrapping_loses_no_visible_character(text: str, columns: int) -> None:
    visible = "".join(text.split())
    assert "".join("".join(wrap(text, columns)).split()) == visible


@given(TEXT, TEXT, COLUMNS, st.sampled_from(list(Size)))
def test_no_laid_out_row_exceeds_the_columns(left: str, right: str, columns: int, size: Size) -> None:
    document = Document("t", (TextLine(left, size), Columns(left, right), Separator("=")))
    for row in layout(document, columns):
        assert isinstance(row, TextRow)
        assert text_width(row.text) * row.size.width_factor <= columns


@given(TEXT, st.text(ALPHABET, max_size=20), st.sampled_from([32, 48]))
def test_right_column_ends_flush_right_on_the_last_line(left: str, right: str, columns: int) -> None:
    lines = format_columns(left, right, columns)
    assert not any("\n" in line for line in lines)  # a newline inside a line would break the receipt
    value = printable(right).strip()
    if value and "\n" not in value and text_width(value) <= columns:
        assert lines[-1].endswith(value)
        assert text_width(lines[-1]) == columns


def test_a_value_of_several_lines_goes_flush_right_line_by_line_below_the_label() -> None:
    assert format_columns("备注", "少辣\n不要香菜", 16) == ["备注", "            少辣", "        不要香菜"]


def test_a_double_width_character_is_never_split_at_the_edge() -> None:
    assert wrap("ab中文", 3) == ["ab", "中", "文"]
    assert wrap("中文中文", 5) == ["中文", "中文"]


def test_item_and_price_share_a_line() -> None:
    assert format_columns("黑椒牛排 x2", "￥136.00", 32) == ["黑椒牛排 x2" + " " * 13 + "￥136.00"]


def test_latin_words_move_whole_and_overlong_words_are_cut() -> None:
    assert wrap("Scan to join the group", 10) == ["Scan to", "join the", "group"]
    assert wrap("abcdefghijkl", 5) == ["abcde", "fghij", "kl"]


def test_double_width_text_wraps_at_half_the_columns() -> None:
    rows = layout(Document("t", (TextLine("拼商牛排馆拼商牛排馆", Size.DOUBLE),)), 32)
    assert [row.text for row in rows if isinstance(row, TextRow)] == ["拼商牛排馆拼商牛", "排馆"]


def test_control_characters_never_reach_the_printer() -> None:
    assert wrap("a\x1b@b\x1dV", 32) == ["a @b V"]


def test_empty_or_huge_qr_payload_is_refused() -> None:
    with pytest.raises(ValidationError):
        layout(Document("t", (QrBlock(""),)), 32)
    with pytest.raises(ValidationError):
        layout(Document("t", (QrBlock("x" * 5000),)), 32)


def test_a_long_value_never_breaks_the_labels_word_on_58mm() -> None:
    """A member's name and phone beside "会员 Member" on 32 columns: the label keeps its word,
    the value goes flush right below (it broke "Membe / r" before)."""
    lines = format_columns("会员 Member", "陈小姐 Ms Chen 138****0001", 32)
    assert lines == ["会员 Member", " " * 6 + "陈小姐 Ms Chen 138****0001"]


@given(st.lists(st.text("abcdefgh", min_size=1, max_size=12), min_size=1, max_size=4),
       st.text(ALPHABET, max_size=30), st.sampled_from([32, 48]))
def test_columns_break_the_left_between_words_only(words: list[str], right: str, columns: int) -> None:
    lines = format_columns(" ".join(words), right, columns)
    printed = " ".join(" ".join(lines).split())
    for word in words:
        assert word in printed.split(), (word, lines)
