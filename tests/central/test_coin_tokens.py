from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.coin_tokens import CoinToken, decode_unverified, encode_token, verify_token

KEY = Ed25519PrivateKey.generate()
NOW = datetime(2030, 1, 1, tzinfo=UTC)
TOKEN = CoinToken("ab" * 16, "member-1", 120, NOW + timedelta(minutes=15), "store-1", "merchant-1")
GOOD = encode_token(TOKEN, KEY)

ids = st.text(min_size=1, max_size=20)


@given(st.one_of(st.text(max_size=500), st.binary(max_size=300), st.integers(), st.none(),
                 st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", max_size=400).map(lambda s: "PSC1" + s)))
def test_garbage_never_raises_and_never_verifies(garbage: object) -> None:
    assert verify_token(garbage, KEY.public_key(), now=NOW).ok is False
    decode_unverified(garbage)


@given(st.integers(min_value=4, max_value=len(GOOD) - 1), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
def test_any_changed_character_is_refused(position: int, char: str) -> None:
    altered = GOOD[:position] + char + GOOD[position + 1:]
    if altered != GOOD:
        assert verify_token(altered, KEY.public_key(), now=NOW).ok is False


@given(ids, ids, ids, st.integers(min_value=1, max_value=2**32 - 1))
def test_round_trip(member: str, store: str, merchant: str, coins: int) -> None:
    token = CoinToken("cd" * 16, member, coins, NOW + timedelta(seconds=60), store, merchant)
    text = encode_token(token, KEY)
    check = verify_token(text, [Ed25519PrivateKey.generate().public_key(), KEY.public_key()], now=NOW)
    assert check.ok and check.token == token
    assert text.startswith("PSC1") and text == text.upper() and text.isalnum()


def test_expired_and_foreign_key_are_refused() -> None:
    assert verify_token(GOOD, KEY.public_key(), now=NOW + timedelta(minutes=15)).reason.endswith("expired")
    assert not verify_token(GOOD, Ed25519PrivateKey.generate().public_key(), now=NOW).ok
    assert verify_token(GOOD.lower(), KEY.public_key(), now=NOW).ok
