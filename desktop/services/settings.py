"""Store settings: key/value rows (store name, language, terminal name, ...)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.settings_keys import (
    DEFAULT_TERMINAL_NAME,
    DEMO_MODE,
    LANGUAGE,
    STORE_ID,
    STORE_NAME,
    TERMINAL_NAME,
)
from desktop.core.staff import Permission
from desktop.services.base import Actor, ServiceBase, require
from desktop.store.models import Setting

__all__ = ["DEFAULT_TERMINAL_NAME", "DEMO_MODE", "LANGUAGE", "STORE_ID", "STORE_NAME", "TERMINAL_NAME", "SettingsService", "put_setting"]


class SettingsService(ServiceBase):
    def get(self, key: str, default: str = "") -> str:
        with self.db.read() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == key))
        return default if value is None else value

    def set(self, actor: Actor, key: str, value: str) -> None:
        require(actor, Permission.MANAGE_SETTINGS)
        with self.transaction(actor) as tx:
            put_setting(tx.session, key, value)
            tx.audit("settings.changed", key=key, value=value)

    def set_language(self, actor: Actor, language: str) -> None:
        """Any staff member may choose the language they read."""
        with self.transaction(actor) as tx:
            put_setting(tx.session, LANGUAGE, language)
            tx.audit("settings.changed", key=LANGUAGE, value=language)



def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
