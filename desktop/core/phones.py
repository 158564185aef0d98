"""Members' phone numbers at a terminal, minimum necessary (docs/security.md, "Members' data").

A terminal holds a member's phone only masked, as the counter shows it (`138****0001`), and a
keyed hash of it to match a typed number: HMAC-SHA256 under a key the platform gives each
merchant's terminals. The hash hides nothing from the terminal that holds the key (mainland
mobile numbers are about 10^10, so they can all be tried): it only keeps full numbers out of
the database and its backups in readable form, and makes hashes of two merchants unrelated.
"""

from __future__ import annotations

import hashlib
import hmac
import re

_DIGITS = re.compile(r"^\+?(?:86)?(1[3-9]\d{9})$")
_IN_TEXT = re.compile(r"(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)")  # an 11-digit mobile inside any text


def normalize_phone(text: str) -> str:
    """The 11 digits of a mainland mobile number (drops spaces, dashes and a +86 prefix);
    other numbers are returned with only their digits."""
    squeezed = "".join(ch for ch in text if ch.isdigit() or ch == "+")
    match = _DIGITS.match(squeezed)
    return match.group(1) if match else squeezed.lstrip("+")


def mask_phone(phone: str) -> str:
    """`13800000001` -> `138****0001`: the first three and the last four digits."""
    digits = normalize_phone(phone)
    if len(digits) < 8:
        return "*" * len(digits)
    return f"{digits[:3]}****{digits[-4:]}"


def phone_hash(key: bytes, phone: str) -> str:
    """The keyed hash of a phone number (hex), as pull delivers it and as the counter computes it."""
    message = b"pinshang-phone-v1\n" + normalize_phone(phone).encode("ascii", "replace")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def customer_label(customer: str) -> str:
    """What a screen or a slip may show of a customer key: a mainland mobile number masked
    (`138****0001`), a member id as it is."""
    return mask_phone(customer) if _DIGITS.match(customer) else customer


def mask_phones_in(text: str) -> str:
    """Every mainland mobile number inside `text` masked as `138****5678` (audit details,
    reasons written by the system)."""
    return _IN_TEXT.sub(r"\1****\2", text)
