"""Print documents survive the trip through the queue's JSON; damaged JSON is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.documents.document import (
    Align,
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
from desktop.documents.serialize import document_from_json, document_to_json

texts = st.text(max_size=40)
blocks = st.one_of(
    st.builds(TextLine, texts, st.sampled_from(Size), st.booleans(), st.sampled_from(Align)),
    st.builds(Columns, texts, texts, st.booleans()),
    st.builds(Separator, st.text(max_size=2)),
    st.builds(QrBlock, st.text(min_size=1, max_size=60), st.sampled_from(QrSize)),
    st.builds(Feed, st.integers(min_value=-3, max_value=20)),
    st.just(Cut()),
)
documents = st.builds(Document, texts, st.lists(blocks, max_size=12).map(tuple))


@given(documents)
def test_a_document_round_trips_through_json(document: Document) -> None:
    assert document_from_json(document_to_json(document)) == document


def test_every_demo_template_round_trips(demo_documents: dict[str, Document]) -> None:
    for document in demo_documents.values():
        assert document_from_json(document_to_json(document)) == document


@pytest.mark.parametrize("text", [
    "", "not json", "[]", '{"v": 2, "title": "x", "blocks": []}', '{"v": 1, "blocks": []}',
    '{"v": 1, "title": "x", "blocks": [{"type": "poster"}]}',
    '{"v": 1, "title": "x", "blocks": [{"type": "text", "text": 5, "size": "NORMAL", "bold": false, "align": "left"}]}',
    '{"v": 1, "title": "x", "blocks": [{"type": "qr", "payload": "a", "size": "HUGE"}]}',
    '{"v": 1, "title": "x", "blocks": [{"type": "feed", "lines": true}]}',
])
def test_damaged_json_is_a_clear_validation_error(text: str) -> None:
    with pytest.raises(ValidationError, match="damaged"):
        document_from_json(text)
