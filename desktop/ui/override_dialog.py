"""Manager override: a manager types their PIN to approve one protected action."""

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

from desktop.core.errors import UserError
from desktop.core.staff import Actor, Permission, Role
from desktop.ui.messages import describe, set_status

if TYPE_CHECKING:
    from desktop.services.registry import Services


class OverrideDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, permission: Permission,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("override_dialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setMinimumWidth(380)  # a touch screen needs room for the PIN field
        self.services, self.actor, self.permission = services, actor, permission
        self.approved: Actor | None = None
        self.manager = QComboBox(self, objectName="manager")
        for info in services.staff.list_staff():
            if info.role in (Role.MANAGER, Role.OWNER) and info.id != actor.staff_id:
                self.manager.addItem(info.name, info.id)
        self.pin = QLineEdit(self, objectName="pin", echoMode=QLineEdit.EchoMode.Password, maxLength=8)
        self.message = QLabel(self, objectName="message", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
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
        try:
            self.approved = self.services.staff.approve(
                self.actor, int(self.manager.currentData()), self.pin.text(), self.permission)
        except UserError as exc:
            self.pin.clear()
            set_status(self.message, describe(exc), ok=False)
            return
        self.accept()


def approved_actor(services: Services, actor: Actor, permission: Permission,
                   parent: QWidget | None = None) -> Actor | None:
    """The actor itself when allowed; else the manager-approved actor, or None if cancelled."""
    if actor.may(permission):
        return actor
    dialog = OverrideDialog(services, actor, permission, parent)
    return dialog.approved if dialog.exec() == QDialog.DialogCode.Accepted else None
