"""The members this store holds (pulled from the platform, docs/sync-protocol.md): find the one
behind a typed phone number by its keyed hash; the full number is never stored here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.phones import phone_hash
from desktop.store.sync_models import Member, SyncState


def member_by_phone(session: Session, phone: str) -> Member | None:
    """The local member whose phone is `phone`, or None (not pulled yet, or not this store's:
    the counter then enrols by phone and the platform resolves it)."""
    state = session.get(SyncState, 1)
    if state is None or not state.phone_key:
        return None
    try:
        key = bytes.fromhex(state.phone_key)
    except ValueError:
        return None
    return session.scalars(select(Member).where(Member.phone_hash == phone_hash(key, phone))
                           .order_by(Member.member_id)).first()
