"""PIN login: choose your name, type the PIN (keyboard or on-screen keypad).

The shell checks the PIN off the UI thread (scrypt at the OWASP cost takes ~0.3 s); meanwhile
the names, the PIN field and the keypad are disabled (`busy_widgets`) and the window keeps
painting.

This is the first window the app paints, before the store opens (docs/development.md, Start-up),
so it is built without touching the `Qt` namespace: PySide6 creates all ~130 of its enums on
the first access, about 12 ms, which the main window pays after login instead."""

from __future__ import annotations

from PySide6.QtCore import Signal
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
from desktop.ui.theme import mark_role, set_tone
from desktop.ui.widgets.keypad import Keypad

NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus


class LoginScreen(QWidget):
    """Shows who may log in and hands (staff id, PIN) to the shell, which checks it."""

    pin_entered = Signal(int, str)

    def __init__(self, staff: list[StaffInfo], store_name: str, demo_pins: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login")
        self.title = mark_role(QLabel(self), "banner")
        self.staff_list = mark_role(QListWidget(self), "choices")
        self.staff_list.setObjectName("staff_list")
        self.staff_ids: list[int] = []  # the staff id of each row of staff_list
        self.pin = mark_role(QLineEdit(self), "pin")
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("PIN"))
        # Tapping a name must not take the keyboard away from the PIN field: Qt.NoFocus, set
        # by the property's name (setFocusPolicy would want the Qt namespace's enum).
        self.staff_list.setProperty("focusPolicy", NO_FOCUS)
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
        title = QHBoxLayout()  # centred between two stretches
        title.addStretch(1)
        title.addWidget(self.title)
        title.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addLayout(title)
        outer.addLayout(row, 1)
        outer.addWidget(self.hint)

    def _fill(self, staff: list[StaffInfo], store: str, demo_pins: dict[str, str]) -> None:
        self.title.setText(self.tr("{store} · Staff login").format(store=store) if store else self.tr("Staff login"))
        for info in staff:
            self.staff_list.addItem(QListWidgetItem(f"{info.name}  ·  {role_name(info.role)}"))
            self.staff_ids.append(info.id)
        if self.staff_list.count():
            self.staff_list.setCurrentRow(0)
        if demo_pins:
            pins = ", ".join(f"{name} {pin}" for name, pin in demo_pins.items())
            self.hint.setText(self.tr("Demo mode. PINs: {pins}").format(pins=pins))
        self.hint.setVisible(bool(demo_pins))
        self.pin.setFocus()

    def submit(self) -> None:
        row = self.staff_list.currentRow()
        if row < 0:
            set_status(self.message, self.tr("Choose your name first"), ok=False)
            return
        pin, staff_id = self.pin.text(), self.staff_ids[row]
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
