"""Property tests of the CSV form: any price in fen written as yuan reads back as the same fen;
any catalogue row written reads back as the same values."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.catalogue import MAX_PRICE_FEN, ItemValues, check_values
from desktop.core.money import parse_fen
from desktop.services.catalogue_csv import read_rows, write_rows, yuan_text
from desktop.store.catalogue_queries import ItemRow

fen = st.integers(min_value=0, max_value=MAX_PRICE_FEN)
text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)
code = st.one_of(st.none(), st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E),
                                    min_size=1, max_size=20))


@given(fen)
def test_a_price_written_as_yuan_reads_back_to_the_same_fen(amount: int) -> None:
    assert parse_fen(yuan_text(amount)) == amount
    assert yuan_text(amount).count(".") == 1 and len(yuan_text(amount).split(".")[1]) == 2


@given(name=text.filter(lambda t: " ".join(t.split())), name_en=text, category=text, barcode=code,
       sku=code.filter(lambda c: c is not None), price=fen, cost=fen, active=st.booleans())
def test_a_row_written_reads_back_as_the_same_values(name: str, name_en: str, category: str, barcode: str | None,
                                                     sku: str | None, price: int, cost: int, active: bool) -> None:
    values = check_values(ItemValues(name, name_en, category, barcode, sku, price, cost, active))
    row = ItemRow(1, values.name, values.name_en, values.category, values.barcode, values.sku,
                  values.price_fen, values.cost_fen, 1, values.active)
    rows, problems = read_rows("".join(write_rows([row])))
    assert problems == []
    assert [r.values for r in rows] == [values]
