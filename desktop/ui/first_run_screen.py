"""First run: name the store, create the owner account, and choose to pair with the platform
now or to work offline (pairing later, on the Platform screen). It says where the data is kept.

Creating the owner hashes the PIN at the OWASP cost (~0.3 s) and writes the owner, the store's
name and the audit record: off the UI thread (`run_write`), the form disabled meanwhile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff import Actor
from desktop.ui.messages import set_status
from desktop.ui.operations import run_write
from desktop.ui.theme import set_role, set_tone
from desktop.ui.widgets import named

if TYPE_CHECKING:
    from desktop.services.registry import Services


class FirstRunScreen(QWidget):
    completed = Signal(object)  # Actor of the new owner

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.services = services
        title = QLabel(self.tr("Welcome to Pinshang Counter"), self)
        set_role(title, "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(self.tr("Name your store and create the owner account. The owner can add "
                               "managers and cashiers later."), self)
        intro.setWordWrap(True)
        self.store_name = named(QLineEdit(self), "store_name")
        self.owner_name = named(QLineEdit(self), "owner_name")
        self.pin = named(QLineEdit(self), "pin", echoMode=QLineEdit.EchoMode.Password, maxLength=8)
        self.pin_again = named(QLineEdit(self), "pin_again", echoMode=QLineEdit.EchoMode.Password,
                               maxLength=8)
        self.work_offline = named(QRadioButton(self.tr("Work offline for now (pair later on the Platform screen)"),
                                               self), "work_offline", checked=True)
        self.pair_now = named(QRadioButton(self.tr("Pair with the platform now (a manager has the pairing code)"),
                                           self), "pair_now")
        self.connection = QButtonGroup(self)
        for choice in (self.work_offline, self.pair_now):
            self.connection.addButton(choice)
        folder = services.db.path.parent
        self.data_folder = named(QLabel(self.tr("The store's data is kept in {folder}").format(folder=folder),
                                        self), "data_folder", wordWrap=True)
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_tone(self.data_folder, "muted")
        self.create_button = named(QPushButton(self.tr("Create owner and start"), self), "create")
        self.create_button.clicked.connect(self.submit)
        self.message = named(QLabel(self), "message", wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Store name"), self.store_name)
        form.addRow(self.tr("Owner name"), self.owner_name)
        form.addRow(self.tr("PIN (4–8 digits)"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        layout = QVBoxLayout(self)
        for widget in (title, intro):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.work_offline)
        layout.addWidget(self.pair_now)
        layout.addWidget(self.create_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.data_folder)

    @property
    def wants_pairing(self) -> bool:
        """The owner chose to pair now: the shell opens the Platform screen's pairing dialog."""
        return bool(self.pair_now.isChecked())

    def submit(self) -> None:
        if self.pin.text() != self.pin_again.text():
            set_status(self.message, self.tr("The two PINs differ"), ok=False)
            return
        if not self.store_name.text().strip():
            set_status(self.message, self.tr("Enter the store's name"), ok=False)
            return
        staff, name, pin, store = self.services.staff, self.owner_name.text(), self.pin.text(), self.store_name.text()
        self.message.setText(self.tr("Creating the owner…"))
        set_tone(self.message, "muted")
        # no window listens yet (no bus): the main window opened next reads everything afresh
        run_write(None, lambda: staff.create_owner(name, pin, store), self._created, self._refused,
                  busy=self.busy_widgets(), doing="creating the owner at first run")

    def busy_widgets(self) -> list[QWidget]:
        return [self.store_name, self.owner_name, self.pin, self.pin_again, self.work_offline,
                self.pair_now, self.create_button]

    def _created(self, owner: Actor) -> None:
        self.completed.emit(owner)

    def _refused(self, text: str, _exc: BaseException) -> None:
        set_status(self.message, text, ok=False)
