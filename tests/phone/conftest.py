"""Phone fixtures: the real platform on 127.0.0.1, a real paired counter (tests/sync), and
Debian's Chromium driven by Playwright (no browser download: /usr/bin/chromium), at a phone's
375x812 viewport."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.sync.conftest import central_db, seed, server, terminal  # noqa: F401  (fixtures)

CHROMIUM = os.environ.get("PINSHANG_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = os.environ.get("PINSHANG_PHONE_SCREENSHOTS", "")  # a folder: write the screenshots there


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: `python3 dev.py test` installs it (apt chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, headless=True,
                                          args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def phone_page(browser: Any, lang: str) -> Any:
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, locale="zh-CN" if lang == "zh" else "en-US")
    page = context.new_page()
    page.set_default_timeout(15000)
    return page


def shot(page: Any, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=False)
