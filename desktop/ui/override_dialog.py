"""Manager override: a manager types their PIN to approve one protected action.

The PIN check (scrypt at the OWASP cost, ~0.3 s) writes the audit record and, when it is wrong,
the lock: it runs off the UI thread (`run_write`) with the form disabled, and the dialog
cannot be cancelled until its answer is back. The bus, when given, hears STAFF (a lock, or one
lifted) and AUDIT, whether the manager approved or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff import Actor, Permission, Role
from desktop.ui.changes import ChangeBus
from desktop.ui.messages import set_status
from desktop.ui.operations import run_write
from desktop.ui.theme import set_tone
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.services.registry import Services


class OverrideDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, permission: Permission,
                 parent: QWidget | None = None, *, bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("override_dialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setMinimumWidth(380)  # a touch screen needs room for the PIN field
        self.services, self.actor, self.permission, self.bus = services, actor, permission, bus
        self.approved: Actor | None = None
        self.checking = False  # a PIN check is under way
        self.manager = named(QComboBox(self), "manager")
        for info in services.staff.list_staff():
            if info.role in (Role.MANAGER, Role.OWNER) and info.id != actor.staff_id:
                self.manager.addItem(info.name, info.id)
        self.pin = named(QLineEdit(self, echoMode=QLineEdit.EchoMode.Password, maxLength=8), "pin")
        self.message = named(QLabel(self, wordWrap=True), "message")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons = buttons
        buttons.accepted.connect(self.approve)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Manager"), self.manager)
        form.addRow(self.tr("Manager PIN"), self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{name} needs a manager's approval for this action.").format(name=actor.name)))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def approve(self) -> None:
        if self.manager.currentIndex() < 0:
            set_status(self.message, self.tr("There is no manager to approve"), ok=False)
            return
        if self.checking:
            return
        staff, actor, permission = self.services.staff, self.actor, self.permission
        manager_id, pin = int(self.manager.currentData()), self.pin.text()
        self.checking = True
        self.message.setText(self.tr("Checking the PIN…"))
        set_tone(self.message, "muted")
        run_write(self.bus, lambda: staff.approve(actor, manager_id, pin, permission),
                  self._approved, self._refused, busy=[self.manager, self.pin, self.buttons],
                  doing="checking a manager's PIN")

    def _approved(self, approved: Actor) -> None:
        self.checking = False
        self.approved = approved
        self.accept()

    def _refused(self, text: str, _exc: BaseException) -> None:
        self.checking = False
        self.pin.clear()
        self.pin.setFocus()
        set_status(self.message, text, ok=False)

    def reject(self) -> None:
        if self.checking:
            return  # the PIN is being checked: its answer (and its audit record) comes first
        super().reject()


def approved_actor(services: Services, actor: Actor, permission: Permission,
                   parent: QWidget | None = None, *, bus: ChangeBus | None = None) -> Actor | None:
    """The actor itself when allowed; else the manager-approved actor, or None if cancelled.

    The dialog is modal: the PIN is checked in the background while its event loop runs."""
    if actor.may(permission):
        return actor
    dialog = OverrideDialog(services, actor, permission, parent, bus=bus)
    return dialog.approved if dialog.exec() == QDialog.DialogCode.Accepted else None
