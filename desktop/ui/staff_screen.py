"""Staff management (manager): list, add, deactivate, reset PIN, unlock after wrong PINs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff import Role
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import set_status
from desktop.ui.models.staff_model import ACTIVE_ROLE, STAFF_ID_ROLE, StaffModel
from desktop.ui.operations import run_op
from desktop.ui.roles import role_name
from desktop.ui.screen import ScreenBase
from desktop.ui.widgets import named


class StaffScreen(ScreenBase):
    shows = frozenset({Change.STAFF})
    message: QLabel  # always there (ScreenBase allows none)
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("staff")
        self.model = StaffModel(ctx.services.staff.clock)
        self.table = named(QTableView(self), "staff_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.name = named(QLineEdit(self), "new_name")
        self.role = named(QComboBox(self), "new_role")
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.pin = named(QLineEdit(self, echoMode=QLineEdit.EchoMode.Password, maxLength=8), "new_pin")
        self.add = named(QPushButton(self.tr("Add staff member"), self), "add")
        self.add.clicked.connect(self.add_staff)
        self.toggle = named(QPushButton(self.tr("Deactivate / reactivate"), self), "toggle")
        self.toggle.clicked.connect(self.toggle_active)
        self.reset_pin = named(QPushButton(self.tr("Set new PIN…"), self), "reset_pin")
        self.reset_pin.clicked.connect(self.set_pin)
        self.unlock = named(QPushButton(self.tr("Unlock"), self), "unlock")
        self.unlock.clicked.connect(self.unlock_selected)
        self.message = named(QLabel(self, wordWrap=True), "message")
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.add)
        actions = QHBoxLayout()
        actions.addWidget(self.toggle)
        actions.addWidget(self.reset_pin)
        actions.addWidget(self.unlock)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.model.set_rows(self.ctx.services.staff.list_staff(active_only=False))

    def selected(self) -> tuple[int, bool] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            set_status(self.message, self.tr("Select a staff member first"), ok=False)
            return None
        return int(rows[0].data(STAFF_ID_ROLE)), bool(rows[0].data(ACTIVE_ROLE))

    def add_staff(self) -> None:
        role, name, pin = Role(self.role.currentData()), self.name.text(), self.pin.text()
        actor = self.ctx.actor
        self._attempt(lambda: self.ctx.services.staff.add_staff(actor, name, role, pin),
                      self.tr("Added {name}").format(name=name.strip()), self._added)

    def _added(self) -> None:
        self.name.clear()
        self.pin.clear()

    def toggle_active(self) -> None:
        chosen = self.selected()
        if chosen:
            staff_id, active = chosen
            actor = self.ctx.actor
            self._attempt(lambda: self.ctx.services.staff.set_active(actor, staff_id, not active),
                          self.tr("Saved"))

    def set_pin(self) -> None:
        """A new PIN; it also ends a lock after wrong PINs."""
        chosen = self.selected()
        if not chosen:
            return
        pin, ok = QInputDialog.getText(self, self.tr("New PIN"), self.tr("New PIN (4–8 digits)"),
                                       QLineEdit.EchoMode.Password)
        if ok:
            actor = self.ctx.actor
            self._attempt(lambda: self.ctx.services.staff.change_pin(actor, chosen[0], pin),
                          self.tr("PIN changed"))

    def unlock_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            self._attempt(lambda: self.ctx.services.staff.unlock(self.ctx.actor, chosen[0]), self.tr("Unlocked"))

    def _attempt(self, action: Callable[[], object], success: str, then: Callable[[], None] | None = None) -> None:
        """Run the change through run_op (off the UI thread, broadcast on success)."""
        def done(_result: object) -> None:
            self.message.setProperty("ok", True)
            set_status(self.message, success, ok=True)
            if then is not None:
                then()

        def failed(text: str, _exc: BaseException) -> None:
            self.message.setProperty("ok", False)
            set_status(self.message, text, ok=False)

        run_op(self.ctx, action, done, failed,
               busy=[self.add, self.toggle, self.reset_pin, self.unlock], doing="changing staff")
