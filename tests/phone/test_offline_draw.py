"""A group drawn without the platform's beacon (offline: pinshang-draw-v1) says so: its draw
slip prints "由商户单方随机 Merchant randomness only", and the result page on the phone shows the
v1 note (merchant randomness only) in the page's language, and its check still passes."""

from __future__ import annotations

import json

import pytest

from desktop.documents.document import TextLine
from desktop.documents.templates import draw_slip_document
from tests.phone.conftest import phone_page
from tests.support.deal_flow import PHONES, cashier, launched_deal, manager

NOTE = {"zh": ("由商户单方随机", "平台信标"), "en": ("Merchant randomness only", "platform beacon")}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_offline_draw_says_merchant_randomness_only_on_the_slip_and_the_page(browser, server, seed, terminal,
                                                                               lang: str) -> None:
    services = terminal.services
    worker = terminal.worker(server.url)
    group_id = services.groups.open_group(cashier(services), launched_deal(services), PHONES[0])
    for phone in PHONES[1:5]:
        services.groups.enrol(cashier(services), group_id, phone)
    worker.sync_once()
    outcome = services.draws.draw_and_settle(manager(services), group_id, None)  # no beacon: as offline
    assert json.loads(outcome.proof_json)["v"] == "pinshang-draw-v1"
    slip = draw_slip_document(services.print_data.draw_slip(group_id))
    lines = [b.text for b in slip.blocks if isinstance(b, TextLine)]
    assert "由商户单方随机 Merchant randomness only" in lines
    assert not any("平台信标" in line for line in lines)
    worker.sync_once()  # the draw reaches the platform later, when the counter is online again

    page = phone_page(browser, lang)
    page.goto(f"{server.url}/d/{group_id}?s={seed.store_id}&lang={lang}")
    page.wait_for_selector("#version")
    said, not_said = NOTE[lang]
    version = page.locator("#version")
    assert said in (version.text_content() or "") and not_said not in (version.text_content() or "")
    assert "bad" in (version.get_attribute("class") or "")  # shown as the weaker guarantee
    assert "pinshang-draw-v1" in (page.text_content("#details") or "")
    page.click("#check")
    page.wait_for_selector("#check-result.ok, #check-result.bad")
    assert "ok" in (page.locator("#check-result").get_attribute("class") or "")
    page.context.close()
