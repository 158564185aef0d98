"""Platform (manager): pairing, sync state, "Sync now", "Re-pair", the last error.

It shows SYNC and SETTINGS: every round of the sync worker announces SYNC (desktop.ui.sync_status),
so the state, the waiting count and the last error follow the worker without a timer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff import Actor, Permission
from desktop.sync.runtime import SyncRuntime
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import attempt, set_status, status_shower
from desktop.ui.override_dialog import approved_actor
from desktop.ui.pairing_dialog import PairingDialog
from desktop.ui.screen import ScreenBase
from desktop.ui.sync_status import state_text
from desktop.ui.theme import set_role, set_tone
from desktop.ui.widgets import named
from desktop.ui.wording import humane_text


class PlatformScreen(ScreenBase):
    shows = frozenset({Change.SYNC, Change.SETTINGS})
    message: QLabel  # always there (ScreenBase allows none)
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("platform")
        self.runtime: SyncRuntime | None = ctx.sync.runtime if ctx.sync is not None else None
        self.state = named(QLabel(self), "sync_state")
        set_role(self.state, "title")
        self.store = named(QLabel(self), "paired_store")
        self.terminal = named(QLabel(self), "terminal_id")
        self.url = named(QLabel(self), "platform_url")
        self.waiting = named(QLabel(self), "waiting")
        self.error = named(QLabel(self, wordWrap=True), "last_error")
        self.message = named(QLabel(self, wordWrap=True), "message")
        self.sync_button = named(QPushButton(self.tr("Sync now"), self), "sync_now")
        self.pair_button = named(QPushButton(self), "pair")
        for button in (self.sync_button, self.pair_button):
            set_role(button, "primary", "blue")
        self.sync_button.clicked.connect(self.sync_now)
        self.pair_button.clicked.connect(self.open_pairing)
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Store"), self.store)
        form.addRow(self.tr("Terminal"), self.terminal)
        form.addRow(self.tr("Platform address"), self.url)
        form.addRow(self.tr("Waiting to send"), self.waiting)
        form.addRow(self.tr("Last error"), self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.pair_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def refresh(self) -> None:
        snapshot = self.ctx.services.sync.snapshot()
        pairing = snapshot.pairing
        self.state.setText(state_text(self.runtime) if self.runtime else self.tr("Sync is not available"))
        online = self.runtime is not None and self.runtime.worker_state().online is True
        set_tone(self.state, "ok" if online else "error")
        self.store.setText(pairing.store_name if pairing else "—")
        self.terminal.setText(f"{pairing.terminal_name} ({pairing.terminal_id})" if pairing else "—")
        self.url.setText(pairing.platform_url if pairing else "—")
        self.waiting.setText(str(snapshot.waiting))
        self.error.setText(self.last_error_text(snapshot.last_error, snapshot.last_success))
        set_tone(self.error, "error" if self.error.property("bad") else None)
        self.pair_button.setText(self.tr("Re-pair…") if pairing else self.tr("Pair…"))
        self.sync_button.setEnabled(pairing is not None and self.runtime is not None)
        self.pair_button.setEnabled(self.runtime is not None)

    def last_error_text(self, stored: str | None, last_success: object) -> str:
        """The real last error: the worker's of this session, else the stored one, and the
        records the platform refused; never a bare dash."""
        live = self.runtime.worker_state().last_error if self.runtime is not None else None
        error = live or stored
        rejected = self.ctx.services.status.outbox().rejected
        parts = [humane_text(error)] if error else []
        if rejected:
            parts.append(self.tr("{n} record(s) refused by the platform: see Needs attention").format(n=rejected))
        self.error.setProperty("bad", bool(parts))
        if parts:
            return "\n".join(parts)
        when = getattr(last_success, "astimezone", None)
        if when is not None:
            return self.tr("None: the last sync at {time} went through").format(
                time=when().strftime("%Y-%m-%d %H:%M"))
        return self.tr("None so far")

    def sync_now(self) -> None:
        if self.runtime is not None:
            self.runtime.sync_now()
            set_status(self.message, self.tr("Syncing…"), ok=True)

    def open_pairing(self) -> None:
        if self.runtime is None:
            return
        actor = approved_actor(self.ctx.services, self.ctx.actor, Permission.PAIR_PLATFORM, self,
                               bus=self.ctx.bus)
        if actor is None:
            return
        url = attempt(lambda: self._url_to_pair_again(actor), status_shower(self.message),
                      "opening the pairing dialog")
        if url is None:
            return
        dialog = PairingDialog(self.runtime, actor, self, url, bus=self.ctx.bus)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.paired is not None:
            set_status(self.message, self.tr("Paired with {store}").format(store=dialog.paired.store_name), ok=True)
        self.refresh()

    def _url_to_pair_again(self, actor: Actor) -> str:
        """Raises a UserError while pairing again would lose data; else the current address."""
        self.ctx.services.sync.check_may_pair(actor)
        pairing = self.ctx.services.sync.pairing()
        return pairing.platform_url if pairing else ""
