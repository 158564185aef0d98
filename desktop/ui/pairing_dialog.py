"""Pair this terminal with the platform: address + one-time code (manager).

Pairing is HTTP and then a write (the pairing, the terminal's name, its key): it runs through
`run_write` with the form disabled; the dialog cannot be cancelled until the answer is back;
on success the bus, when given, announces once what pairing committed (the pairing, its
settings, the groups signed again for the store, the audit record)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.settings_keys import DEFAULT_TERMINAL_NAME, TERMINAL_NAME
from desktop.services.base import Actor
from desktop.services.sync import Pairing
from desktop.sync.runtime import SyncRuntime
from desktop.ui.changes import ChangeBus
from desktop.ui.messages import set_status
from desktop.ui.operations import run_write
from desktop.ui.theme import set_role
from desktop.ui.widgets import named


class PairingDialog(QDialog):
    def __init__(self, runtime: SyncRuntime, actor: Actor, parent: QWidget | None = None,
                 url: str = "", *, bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairing_dialog")
        self.setWindowTitle(self.tr("Pair with the platform"))
        self.runtime, self.actor, self.bus = runtime, actor, bus
        self.paired: Pairing | None = None
        self.pairing = False  # under way: it cannot be called back
        self.url = named(QLineEdit(url, self, placeholderText="https://platform.example.com"), "url")
        self.code = named(QLineEdit(self, placeholderText="ABCD-EFGH-JK", maxLength=20), "code")
        given = runtime.services.settings.get(TERMINAL_NAME)  # a name given at an earlier pairing stays
        self.name = named(QLineEdit(given if given and given != DEFAULT_TERMINAL_NAME else self.tr("Counter 1"),
                              self, maxLength=100), "terminal_name")
        for field in (self.url, self.code, self.name):
            set_role(field, "entry")
        self.message = named(QLabel(self, wordWrap=True), "message")
        self.pair_button = named(QPushButton(self.tr("Pair"), self), "pair")
        set_role(self.pair_button, "confirm")
        self.pair_button.setDefault(True)
        self.pair_button.clicked.connect(self.pair)
        self.cancel_button = named(QPushButton(self.tr("Cancel"), self), "cancel")
        self.cancel_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Platform address"), self.url)
        form.addRow(self.tr("Pairing code"), self.code)
        form.addRow(self.tr("Name of this terminal"), self.name)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.pair_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ask the platform for a one-time pairing code for this store."),
                                wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(named(QLabel(self.tr("Use https:// for a platform on the internet. http:// works only for "
                                        "this computer or the local network (192.168.x, 10.x, *.local)."),
                                self, wordWrap=True), "url_rule"))
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 300)

    def reject(self) -> None:
        if self.pairing:
            return  # pairing is under way: it cannot be called back, so wait for its answer
        super().reject()

    def pair(self) -> None:
        if self.pairing:
            return
        self.pairing = True
        set_status(self.message, self.tr("Pairing…"), ok=True)
        runtime, actor = self.runtime, self.actor
        url, code, name = self.url.text(), self.code.text(), self.name.text()
        run_write(self.bus, lambda: runtime.pair(actor, url, code, name),
                  self._paired, self._failed, doing="pairing with the platform",
                  busy=[self.url, self.code, self.name, self.pair_button, self.cancel_button])

    def _paired(self, pairing: Pairing) -> None:
        self.pairing = False
        self.paired = pairing
        set_status(self.message, self.tr("Paired with {store}").format(store=pairing.store_name), ok=True)
        self.accept()

    def _failed(self, text: str, _exc: BaseException) -> None:
        self.pairing = False
        set_status(self.message, text, ok=False)
