"""A member's rotating code: the member's consent, checked by the platform (docs/security.md).

The platform gives every member a 32-byte secret (their phone keeps it after sign-in). The phone
shows `PSM1:<member_id>:<code>` as a QR (or the 8 digits to type); the code changes every
STEP_SECONDS:

    step = floor(unix_time / STEP_SECONDS)
    code = int(HMAC-SHA256(secret, b"pinshang-member-v1\\n" || member_id || b"\\n" || uint64_be(step))[:8]) mod 10**8

(8 decimal digits, zero-padded). The platform accepts the codes of the current step and of a few
steps either side (phone clocks drift), each at most once (a used (member, step) is recorded), so
a code seen over a shoulder is worth one capture within about two minutes, never a standing
permission. Terminals cannot make codes: they never see the secret.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
from dataclasses import dataclass
from datetime import datetime

PREFIX = "PSM1"
STEP_SECONDS = 30
STEPS_BEHIND = 3  # accepted: codes up to 90 s old ...
STEPS_AHEAD = 1  # ... and one step ahead (a phone clock a little fast)
DIGITS = 8
SECRET_BYTES = 32
_TEXT = re.compile(r"^PSM1:([A-Za-z0-9_.\-]{1,64}):([0-9]{8})$")


@dataclass(frozen=True)
class MemberCode:
    member_id: str
    code: str


def step_at(moment: datetime) -> int:
    return int(moment.timestamp()) // STEP_SECONDS


def code_for(secret: bytes, member_id: str, step: int) -> str:
    message = b"pinshang-member-v1\n" + member_id.encode("utf-8") + b"\n" + struct.pack(">Q", step)
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return str(int.from_bytes(digest[:8], "big") % 10**DIGITS).zfill(DIGITS)


def member_code_text(secret: bytes, member_id: str, moment: datetime) -> str:
    """What the member's phone shows (as QR) at `moment`."""
    return f"{PREFIX}:{member_id}:{code_for(secret, member_id, step_at(moment))}"


def parse_member_code(text: str) -> MemberCode | None:
    """The member id and code of a scanned or typed `PSM1:...` text; None when it is not one."""
    match = _TEXT.match(text.strip())
    return MemberCode(match.group(1), match.group(2)) if match else None


def matching_step(secret: bytes, member_id: str, code: str, moment: datetime) -> int | None:
    """The step whose code equals `code` within the accepted window around `moment`, else None.
    Compared in constant time."""
    now = step_at(moment)
    found = None
    for step in range(now - STEPS_BEHIND, now + STEPS_AHEAD + 1):
        if hmac.compare_digest(code_for(secret, member_id, step), code):
            found = step
    return found
