"""PIN login: choose your name, type the PIN (keyboard or on-screen keypad).

The shell checks the PIN off the UI thread (scrypt at the OWASP cost takes ~0.3 s); meanwhile
the names, the PIN field and the keypad are disabled (`busy_widgets`) and the window keeps
painting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.staff import StaffInfo
from desktop.ui.messages import set_status
from desktop.ui.roles import role_name
from desktop.ui.theme import set_role, set_tone
from desktop.ui.widgets.keypad import Keypad

STAFF_ID_ROLE = Qt.ItemDataRole.UserRole


class LoginScreen(QWidget):
    """Shows who may log in and hands (staff id, PIN) to the shell, which checks it."""

    pin_entered = Signal(int, str)

    def __init__(self, staff: list[StaffInfo], store_name: str, demo_pins: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login")
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.title, "banner")
        self.staff_list = QListWidget(self)
        self.staff_list.setObjectName("staff_list")
        set_role(self.staff_list, "choices")
        # Tapping a name must not take the keyboard away from the PIN field.
        self.staff_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("PIN"))
        set_role(self.pin, "pin")
        self.pin.returnPressed.connect(self.submit)
        self.keypad = Keypad(self.pin, self)
        self.keypad.submitted.connect(self.submit)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setObjectName("demo_hint")
        self.hint.setWordWrap(True)
        self._layout()
        self._fill(staff, store_name, demo_pins or {})

    def _layout(self) -> None:
        right = QVBoxLayout()
        right.addWidget(self.pin)
        right.addWidget(self.keypad)
        right.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.staff_list, 1)
        row.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addLayout(row, 1)
        outer.addWidget(self.hint)

    def _fill(self, staff: list[StaffInfo], store: str, demo_pins: dict[str, str]) -> None:
        self.title.setText(self.tr("{store} · Staff login").format(store=store) if store else self.tr("Staff login"))
        for info in staff:
            item = QListWidgetItem(f"{info.name}  ·  {role_name(info.role)}")
            item.setData(STAFF_ID_ROLE, info.id)
            self.staff_list.addItem(item)
        if self.staff_list.count():
            self.staff_list.setCurrentRow(0)
        if demo_pins:
            pins = ", ".join(f"{name} {pin}" for name, pin in demo_pins.items())
            self.hint.setText(self.tr("Demo mode. PINs: {pins}").format(pins=pins))
        self.hint.setVisible(bool(demo_pins))
        self.pin.setFocus()

    def submit(self) -> None:
        item = self.staff_list.currentItem()
        if item is None:
            set_status(self.message, self.tr("Choose your name first"), ok=False)
            return
        pin, staff_id = self.pin.text(), int(item.data(STAFF_ID_ROLE))
        self.pin.clear()
        self.message.clear()
        self.pin_entered.emit(staff_id, pin)

    def busy_widgets(self) -> list[QWidget]:
        """What is disabled while a PIN is checked: nobody types or taps a second one meanwhile."""
        return [self.staff_list, self.pin, self.keypad]

    def show_checking(self) -> None:
        self.message.setText(self.tr("Checking the PIN…"))
        set_tone(self.message, "muted")

    def show_refusal(self, text: str) -> None:
        set_status(self.message, text, ok=False)
        self.pin.setFocus()  # the next try is typed at once

    def show_waiting(self) -> None:
        set_status(self.message, self.tr("Opening the store…"), ok=True)
