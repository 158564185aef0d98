"""A terminal's new voucher key reaches the store's other terminals through the platform."""

from __future__ import annotations

from sqlalchemy import select

from desktop.core.staff import Actor, Role
from desktop.store.deal_models import SigningKey
from tests.sync.support import make_terminal, outbox


def _keys(services) -> set[str]:
    with services.db.read() as s:
        return set(s.scalars(select(SigningKey.key_id)))


def test_a_rotated_key_reaches_the_other_terminal(tmp_path, seed, clock, terminal) -> None:
    other = make_terminal(tmp_path / "t2", seed, clock, name="Counter 2")
    try:
        new_kid = terminal.services.signing_keys.rotate(Actor(1, "王店长", Role.OWNER))
        assert [op.kind for op in outbox(terminal.services)][-1] == "signing_key.added"
        terminal.worker(seed.server.url).sync_once()  # A pushes its new key
        assert new_kid not in _keys(other.services)
        other.worker(seed.server.url).sync_once()  # B pulls it
        assert new_kid in _keys(other.services)
        old_keys = _keys(other.services) - {new_kid}
        assert old_keys, "keys B had before stay (vouchers signed before the rotation still verify)"
    finally:
        other.close()
