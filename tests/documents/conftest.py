"""Shared fixtures for document tests: every demo template built once."""

from __future__ import annotations

import pytest

from desktop.documents.demos import DEMO_DOCUMENTS
from desktop.documents.document import Document


@pytest.fixture(scope="session")
def demo_documents() -> dict[str, Document]:
    return {name: build() for name, build in DEMO_DOCUMENTS.items()}
