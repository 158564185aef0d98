"""The member page in a real browser (Chromium, 375x812, zh_CN and en): the coin balance and
its history (granted by the platform, earned at the merchant as a group's consolation), the
locked merchant, the rotating member code as a QR that decodes to the code shown, and "use coins
offline": the QR decodes to a platform-signed coin authorization whose coins the platform's
ledger now holds reserved."""

from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
import zxingcpp  # type: ignore[import-untyped]
from PIL import Image

from central.models import CoinAuthorization
from central.services import coin_ledger
from desktop.core.coin_tokens import verify_token
from desktop.core.draw import Entry, draw_winners
from desktop.core.vouchers import VoucherClaims, new_voucher_id, sign_voucher
from tests.central.group_flow import TERMS, HonestGroup, counter
from tests.phone.conftest import phone_page, shot
from tests.phone.test_scan_to_seated import sign_in

WORDS = {"zh": {"locked": "锁定商户：Steak House", "made": "已预留 50 金币", "platform": "平台"},
         "en": {"locked": "Locked merchant: Steak House", "made": "50 coins reserved", "platform": "Platform"}}


def qr_in(page: Any, selector: str) -> str:
    """Decode the QR code the page shows in `selector`, from a screenshot of it (QR codes only:
    zxing-cpp can read a stray 1D barcode into the text beside it)."""
    png = page.locator(selector).screenshot()
    found = [b.text for b in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)), formats=zxingcpp.BarcodeFormat.QRCode)]
    assert len(found) == 1, found
    return str(found[0])


def consolation_earned(shop: Any, member_id: str) -> HonestGroup:
    """A group of 4 the member joins and loses (nonces chosen so the member is not drawn), settled
    with the deal's 10 consolation coins per loser, paid by the merchant."""
    while True:
        group = HonestGroup(shop, {**TERMS, "group_size": 4})
        rows = [group.joined(member_id if i == 0 else None, None if i == 0 else f"1390000001{i}") for i in range(4)]
        entries = [Entry(r["entry_id"], r["nonce"], True) for r in rows]
        if rows[0]["entry_id"] not in draw_winners(group.seed_bytes, entries, 1):
            break
    group.launch()
    assert group.open()["status"] == "applied"
    for row in rows:
        shop.push_ok("group.joined", row)
        group.entries.append(row)
    assert group.draw()["status"] == "applied"
    assert group.settle()["status"] == "applied"
    return group


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_member_page_shows_coins_the_member_code_and_reserves_offline_coins(browser, server, seed,
                                                                                lang: str) -> None:
    member, phone, words = seed.members[0], "13800000000", WORDS[lang]
    seed.grant(member, 200)
    consolation_earned(counter(seed), member)
    platform = server.app.state.platform
    account = coin_ledger.member_account(member)
    with platform.tx() as session:
        assert coin_ledger.available(session, account) == 210

    page = phone_page(browser, lang)
    page.goto(f"{server.url}/m?lang={lang}")
    page.wait_for_selector("#send")  # not signed in: the sign-in page first
    sign_in(page, server, phone)
    page.click("#go")
    page.wait_for_selector("#coin-balance")
    assert page.text_content("#coin-balance") == "210"
    assert words["locked"] in (page.text_content("#locked") or "")
    history = [[(cell.text_content() or "").strip() for cell in row.locator("td").all()]
               for row in page.locator("#history tr").all()]
    assert [h[1:] for h in history] == [["+10", "Steak House"], ["+200", words["platform"]]]
    page.wait_for_selector("#code-text:not(:empty)")
    code = page.text_content("#code-text") or ""
    assert code.startswith(f"PSM1:{member}:") and qr_in(page, "#code-qr") == code
    shot(page, f"member-{lang}")

    page.fill("#amount", "50")
    page.select_option("#ttl", "3600")
    page.click("#make")
    page.wait_for_selector("#offline-msg.ok")
    assert words["made"] in (page.text_content("#offline-msg") or "")
    page.wait_for_selector("#coin-balance:text-is('160')")
    page.locator("#offline").scroll_into_view_if_needed()
    token_text = qr_in(page, "#offline-qr")
    check = verify_token(token_text, platform.signing_key.public_key(), now=platform.clock())
    assert check.ok and check.token is not None and check.token.member_id == member
    assert check.token.max_coins == 50 and check.token.store_id == seed.store_id
    with platform.tx() as session:  # the platform's ledger holds those coins for this merchant
        row = session.get(CoinAuthorization, check.token.token_id)
        assert row is not None and row.state == "reserved" and row.max_coins == 50
        assert coin_ledger.available(session, account) == 160
    shot(page, f"member-offline-{lang}")
    page.locator("#history").scroll_into_view_if_needed()
    shot(page, f"member-history-{lang}")
    page.context.close()


def won(shop: Any, member_id: str) -> tuple[HonestGroup, dict[str, Any], dict[str, Any]]:
    """A settled group of 4 the member wins (nonces chosen so); (group, the member's entry, a
    losing entry of a phone customer)."""
    while True:
        group = HonestGroup(shop, {**TERMS, "group_size": 4})
        rows = [group.joined(member_id if i == 0 else None, None if i == 0 else f"1390000002{i}") for i in range(4)]
        entries = [Entry(r["entry_id"], r["nonce"], True) for r in rows]
        if rows[0]["entry_id"] in draw_winners(group.seed_bytes, entries, 1):
            break
    group.launch()
    assert group.open()["status"] == "applied"
    for row in rows:
        shop.push_ok("group.joined", row)
        group.entries.append(row)
    assert group.draw()["status"] == "applied"
    assert group.settle()["status"] == "applied"
    return group, rows[0], rows[1]


def issue_voucher(shop: Any, group: HonestGroup, entry: dict[str, Any], at: datetime) -> tuple[str, str]:
    """The counter's voucher.issued for `entry`, with the voucher it signed."""
    at = at.replace(microsecond=0)
    vid = new_voucher_id()
    claims = VoucherClaims(vid, shop.store_id, group.group_id, entry["entry_id"], shop.key_id, at,
                           at + timedelta(days=30), "牛排套餐 Steak set")
    text = sign_voucher(claims, shop.key)
    shop.push_ok("voucher.issued", {"voucher_id": vid, "group_id": group.group_id, "entry_id": entry["entry_id"],
                                    "expires_at": (at + timedelta(days=30)).isoformat(), "voucher": text,
                                    "at": at.isoformat()})
    return vid, text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_winner_sees_their_voucher_as_a_qr_and_a_coin_spend_in_the_history(browser, server, seed,
                                                                            lang: str) -> None:
    member, phone = seed.members[0], "13800000000"
    seed.grant(member, 200)
    shop = counter(seed)
    platform = server.app.state.platform
    group, mine, theirs = won(shop, member)
    vid, text = issue_voucher(shop, group, mine, platform.clock())
    other_vid, _ = issue_voucher(shop, group, theirs, platform.clock())  # another entry's: not shown
    shop.client.capture_coins(member, 30, "sale-1", uuid.uuid4().hex, member_code=seed.member_code(member))

    page = phone_page(browser, lang)
    page.goto(f"{server.url}/m?lang={lang}")
    page.wait_for_selector("#send")
    sign_in(page, server, phone)
    page.click("#go")
    page.wait_for_selector("#vouchers .qr")
    vouchers = page.text_content("#vouchers") or ""
    assert vid in vouchers and other_vid not in vouchers
    assert page.locator("#vouchers .qr").count() == 1
    page.locator("#vouchers").scroll_into_view_if_needed()
    assert qr_in(page, "#vouchers .qr") == text  # the voucher the counter signed, as its QR
    history = [[(cell.text_content() or "").strip() for cell in row.locator("td").all()]
               for row in page.locator("#history tr").all()]
    assert ["-30", "Steak House"] in [h[1:] for h in history]  # spent at the merchant's counter
    assert page.text_content("#coin-balance") == "170"
    page.locator("#history").scroll_into_view_if_needed()
    shot(page, f"member-voucher-{lang}")  # the voucher's QR and the history below it
    page.context.close()
