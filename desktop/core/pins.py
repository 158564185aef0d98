"""PIN hashing with scrypt, and the rule that refuses PINs anyone would guess first.

Kept apart from roles: the login window needs roles before this.

A stored hash names its own cost: `scrypt$N$r$p$salt$digest`. Hashes made at an older cost
(N=2^14 before issue 8) still verify; `needs_rehash` tells the login to hash the PIN again at
the current cost once it has been typed right (docs/security.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ScryptCost:
    n: int
    r: int
    p: int

    @property
    def memory(self) -> int:
        """Bytes OpenSSL needs for these parameters (its own check, plus some room)."""
        return 128 * self.r * (self.n + self.p + 2) + (1 << 20)


# OWASP Password Storage Cheat Sheet: scrypt N=2^17 (128 MiB), r=8, p=1. About 0.3 s per hash
# on a counter PC: a login stays well under a second, an offline guess costs the same.
PIN_COST = ScryptCost(2**17, 8, 1)
LEGACY_COST = ScryptCost(2**14, 8, 1)  # what stores made before issue 8 hold
MAX_MEMORY = 256 * 1024 * 1024  # a stored hash asking for more is refused, not computed


def hash_pin(pin: str, cost: ScryptCost = PIN_COST) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(pin, salt, cost, 32)
    return f"scrypt${cost.n}${cost.r}${cost.p}${_b64(salt)}${_b64(digest)}"


def stored_cost(stored: str) -> ScryptCost | None:
    """The cost a stored hash was made at, or None when it is not one of ours."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or not all(p.isdigit() for p in parts[1:4]):
        return None
    cost = ScryptCost(int(parts[1]), int(parts[2]), int(parts[3]))
    if cost.n < 2 or cost.n & (cost.n - 1) or not 1 <= cost.r <= 64 or not 1 <= cost.p <= 16:
        return None
    return cost if cost.memory <= MAX_MEMORY else None


def pin_matches(pin: str, stored: str) -> bool:
    cost = stored_cost(stored)
    if cost is None:
        return False
    try:
        salt, expected = base64.b64decode(stored.split("$")[4]), base64.b64decode(stored.split("$")[5])
        actual = _scrypt(pin, salt, cost, len(expected))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str, target: ScryptCost = PIN_COST) -> bool:
    """True when the hash was made at a lower cost than `target` (weaker in any parameter)."""
    cost = stored_cost(stored)
    return cost is None or cost.n < target.n or cost.r < target.r or cost.p < target.p


def _scrypt(pin: str, salt: bytes, cost: ScryptCost, length: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, dklen=length,
                          maxmem=cost.memory)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


# --- PINs that are guessed first --------------------------------------------------------------

# The most used PINs that the rules below (one digit, a run, a repeated block) do not already
# catch: published 4-digit PIN frequency studies, keypad columns, and the number phrases used as
# PINs in China (520 "我爱你", 1314 "一生一世", 7758 "亲亲我吧", 168 "一路发").
COMMON_PINS = frozenset({
    "1004", "2000", "2001", "1122", "2580", "0852", "1470", "0741", "3690", "0963", "1379",
    "1314", "0520", "5201", "5210", "5211", "7758", "1688", "1668", "6688", "8866", "9527",
    "5201314", "1314520", "521314", "5211314", "7758258", "1314521", "5203344", "201314",
    "52013140", "147258", "258369", "147258369", "159753", "159357", "112233", "111222",
    "666888", "888999", "778899", "142857", "11223344", "11112222", "19491001",
})


def check_pin_guessable(pin: str) -> str:
    """Refuse a PIN of one repeated digit or block, a straight run, or one of the common PINs.

    `pin` is already known to be 4 to 8 ASCII digits (check_pin_format)."""
    if len(set(pin)) == 1:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A PIN of one digit repeated (like 1111) is too easy to guess. Choose another PIN."))
    if _is_run(pin):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A PIN of digits in a row (like 1234 or 4321) is too easy to guess. Choose another PIN."))
    if _is_repeated_block(pin):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A PIN that repeats a short pattern (like 1212) is too easy to guess. Choose another PIN."))
    if pin in COMMON_PINS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This PIN is one of the most common PINs and too easy to guess. Choose another PIN."))
    return pin


def _is_run(pin: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    return steps in ({1}, {9})  # 0123, 7890 up; 4321, 3210 down (0 follows 9 as on the keypad)


def _is_repeated_block(pin: str) -> bool:
    return any(len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size)
               for size in range(1, len(pin) // 2 + 1))
