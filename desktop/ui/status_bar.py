"""The status bar: store, staff, sync state, items waiting to be sent and those the platform
refused. The main window refreshes it on every change broadcast (a use case here, a round of
the sync worker or the groups' job: desktop.ui.sync_status); it never polls."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.core.clock import utc_now
from desktop.core.settings_keys import STORE_NAME
from desktop.ui.context import UiContext
from desktop.ui.roles import role_name
from desktop.ui.theme import set_tone
from desktop.ui.widgets import named


class CounterStatusBar(QStatusBar):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = named(QLabel(self), "status_store")
        self.staff = named(QLabel(self), "status_staff")
        self.sync = named(QLabel(self), "status_sync")
        self.waiting = named(QLabel(self), "status_waiting")
        self.rejected = named(QLabel(self), "status_rejected")
        self.rejected.setProperty("badge", "true")
        self.rejected.setVisible(False)
        for label in (self.store, self.staff, self.sync, self.waiting, self.rejected):
            self.addPermanentWidget(label)
        self.refresh()

    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.store.setText(services.settings.get(STORE_NAME))
        self.staff.setText(f"{actor.name} · {role_name(actor.role)}")
        full = self.ctx.sync.state_text() if self.ctx.sync is not None else self.tr("Not paired")
        self.sync.setText(" · ".join(str(full).split(" · ")[:2]))  # short: the bar also shows messages
        self.sync.setToolTip(full)
        status = services.status.outbox()
        text = self.tr("{n} waiting to send").format(n=status.waiting)
        stale = status.stale(utc_now())
        if stale:
            text += " · " + self.tr("unsent for over 24 h!")
        set_tone(self.waiting, "error" if stale else None)
        self.waiting.setText(text)
        self.rejected.setText(self.tr("⚠ {n} refused by the platform").format(n=status.rejected))
        self.rejected.setToolTip(self.tr("The platform refused these records: see Needs attention"))
        self.rejected.setVisible(status.rejected > 0)
