"""The one phone masking (desktop.core.phones): a customer key as a slip or screen shows it,
and every mobile number inside a text."""

from __future__ import annotations

from desktop.core.phones import customer_label, mask_phones_in


def test_a_customer_key_shows_a_masked_phone_or_the_member_id() -> None:
    assert customer_label("13800000001") == "138****0001"
    assert customer_label("U0123456789abcde") == "U0123456789abcde"
    assert customer_label("") == ""


def test_every_mobile_number_in_a_text_is_masked() -> None:
    assert mask_phones_in("call 13812345678 or 13900000002.") == "call 138****5678 or 139****0002."
    assert mask_phones_in("order 123456789012") == "order 123456789012"  # 12 digits: not a phone
