"""Pair this terminal with the platform: address + one-time code (manager)."""

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

from desktop.services.base import Actor
from desktop.services.sync import Pairing
from desktop.sync.runtime import SyncRuntime
from desktop.ui.messages import describe, set_status
from desktop.ui.tasks import run_task

BIG = "font-size: 16pt;"


class PairingDialog(QDialog):
    def __init__(self, runtime: SyncRuntime, actor: Actor, parent: QWidget | None = None,
                 url: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("pairing_dialog")
        self.setWindowTitle(self.tr("Pair with the platform"))
        self.runtime, self.actor = runtime, actor
        self.paired: Pairing | None = None
        self.url = QLineEdit(url, self, objectName="url", placeholderText="https://platform.example.com")
        self.code = QLineEdit(self, objectName="code", placeholderText="ABCD-EFGH-JK", maxLength=20)
        self.name = QLineEdit(self.tr("Counter 1"), self, objectName="terminal_name", maxLength=100)
        for field in (self.url, self.code, self.name):
            field.setStyleSheet(BIG)
        self.message = QLabel(self, objectName="message", wordWrap=True)
        self.pair_button = QPushButton(self.tr("Pair"), self, objectName="pair")
        self.pair_button.setStyleSheet("font-size: 16pt; font-weight: bold; padding: 8px 24px;")
        self.pair_button.setDefault(True)
        self.pair_button.clicked.connect(self.pair)
        self.cancel_button = QPushButton(self.tr("Cancel"), self, objectName="cancel")
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
        layout.addWidget(QLabel(self.tr("Use https:// for a platform on the internet. http:// works only for "
                                        "this computer or the local network (192.168.x, 10.x, *.local)."),
                                self, objectName="url_rule", wordWrap=True))
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 300)

    def reject(self) -> None:
        if not self.pair_button.isEnabled():
            return  # pairing is under way: it cannot be called back, so wait for its answer
        super().reject()

    def pair(self) -> None:
        self.pair_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        set_status(self.message, self.tr("Pairing…"), ok=True)
        url, code, name = self.url.text(), self.code.text(), self.name.text()
        run_task(lambda: self.runtime.pair(self.actor, url, code, name), self._paired, self._failed)

    def _paired(self, pairing: Pairing) -> None:
        self.paired = pairing
        set_status(self.message, self.tr("Paired with {store}").format(store=pairing.store_name), ok=True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.pair_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        set_status(self.message, describe(exc), ok=False)
