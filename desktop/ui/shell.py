"""The top-level flow: first run → login → main window → (log out) → login."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop.core.errors import UserError
from desktop.services.base import Actor
from desktop.services.registry import Services
from desktop.ui.context import UiContext
from desktop.ui.first_run_screen import FirstRunScreen
from desktop.ui.i18n import choose_language, install_language
from desktop.ui.login_screen import LoginScreen
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import show_error


class Shell(QObject):
    """Owns the visible window; swaps login and main window as staff log in and out."""

    def __init__(self, services: Services, *, demo_pins: dict[str, str] | None = None,
                 extras: dict[str, object] | None = None) -> None:
        super().__init__()
        self.services = services
        self.demo_pins = demo_pins
        self.extras = extras or {}
        self.gate = QStackedWidget()
        self.gate.setObjectName("gate")
        self.gate.resize(900, 620)
        self.main: MainWindow | None = None
        self.login: LoginScreen | None = None
        self._build_gate()

    def _build_gate(self) -> None:
        self.gate.setWindowTitle(self.tr("Pinshang Counter"))
        while self.gate.count():
            old = self.gate.widget(0)
            self.gate.removeWidget(old)
            old.deleteLater()
        if self.services.staff.has_staff():
            self.login = LoginScreen(self.services, self.demo_pins)
            self.login.logged_in.connect(self.enter)
            self.gate.addWidget(self.login)
        else:
            first = FirstRunScreen(self.services)
            first.completed.connect(self.enter)
            self.gate.addWidget(first)

    def show(self) -> None:
        (self.main or self.gate).show()

    def visible_window(self) -> QWidget:
        return self.main if self.main is not None else self.gate

    def enter(self, actor: Actor) -> MainWindow:
        ctx = UiContext(self.services, actor, bool(self.demo_pins), self.extras)
        self.main = MainWindow(ctx)
        self.main.logout_requested.connect(self.logout)
        self.main.language_changed.connect(self.change_language)
        self.gate.hide()
        self.main.show()
        self.main.open_home()
        return self.main

    def logout(self) -> None:
        if self.main is None:
            return
        guard = self.extras.get("logout_guard")
        try:
            if callable(guard):
                guard()
            self.services.staff.logout(self.main.ctx.actor)
        except UserError as exc:
            show_error(self.main, exc)
            return
        self._close_main()
        self._build_gate()
        self.gate.show()

    def change_language(self, language: str) -> None:
        """Reload translations and rebuild the windows so every string is retranslated."""
        install_language(choose_language(None, language))
        actor = self.main.ctx.actor if self.main else None
        self._close_main()
        self._build_gate()
        if actor is not None:
            self.enter(actor).open_screen("settings")

    def _close_main(self) -> None:
        if self.main is not None:
            self.main.hide()
            self.main.deleteLater()
            self.main = None
