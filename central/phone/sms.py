"""Sending the sign-in code: an SMS provider interface and the development provider, which
writes each message to the platform's log and to `sms_messages` (read by
`pinshang central admin sms`). A production platform plugs its carrier's provider in here."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import SmsMessage
from desktop.core.phones import mask_phone

log = logging.getLogger("central.sms")


class SmsProvider(Protocol):
    name: str

    def send(self, session: Session, phone: str, text: str, now: datetime) -> None:
        """Hand one message to the carrier (inside the transaction that made the code)."""


class DevelopmentSms:
    """Sends nothing: the message goes to the log and the development outbox."""

    name = "development"

    def send(self, session: Session, phone: str, text: str, now: datetime) -> None:
        session.add(SmsMessage(phone=phone, text=text[:500], sent_at=now))
        log.warning("development SMS to %s: %s", mask_phone(phone), text)


def recent_messages(session: Session, phone: str | None = None, limit: int = 20) -> list[SmsMessage]:
    query = select(SmsMessage).order_by(SmsMessage.id.desc()).limit(limit)
    if phone:
        query = query.where(SmsMessage.phone == phone)
    return list(session.scalars(query))
