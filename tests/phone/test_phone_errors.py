"""In a real browser (Chromium, 375x812): what goes wrong is said in the page's language, from
the platform's error code, never its English reason: a wrong sign-in code, then too many wrong
codes (the sign-in's own limit, not the join requests')."""

from __future__ import annotations

import pytest

from tests.phone.conftest import phone_page, shot
from tests.phone.test_scan_to_seated import sms_code

WORDS = {"zh": ("出错了：验证码错误或已过期，请重新获取", "出错了：验证码错误次数过多，请 "),
         "en": ("Something went wrong: The code is wrong or has expired: ask for a new one",
                "Something went wrong: Too many wrong codes for this phone: try again in ")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sign_in_errors_are_in_the_pages_language(browser, server, lang: str) -> None:
    page = phone_page(browser, lang)
    phone = "13900000031" if lang == "zh" else "13900000032"
    page.goto(f"{server.url}/signin?lang={lang}")
    page.fill("#phone", phone)
    page.click("#send")
    page.wait_for_selector("#sent:not(:empty)")
    right = sms_code(server, phone)
    page.fill("#code", "000000" if right != "000000" else "000001")
    page.click("#go")
    page.wait_for_selector("#msg:not(:empty)")
    wrong, limited = WORDS[lang]
    assert page.text_content("#msg") == wrong
    shot(page, f"signin-error-{lang}")
    for _ in range(10):  # WRONG_PER_PHONE: ten wrong tries an hour
        page.click("#go")
    page.wait_for_selector(f"#msg:has-text('{limited[:12]}')")
    text = page.text_content("#msg") or ""
    assert text.startswith(limited), text
    assert "join" not in text and "request" not in text
    page.context.close()
