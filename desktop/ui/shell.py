"""The top-level flow: first run → login → main window → (log out) → login."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop.core.settings_keys import STORE_NAME
from desktop.core.staff import Actor, StaffInfo
from desktop.core.startup import StartupSnapshot
from desktop.ui.i18n import choose_language, install_language
from desktop.ui.login_screen import LoginScreen
from desktop.ui.theme import STYLESHEET

# The login window is shown before the store opens; what only logging in needs (run_write,
# UiContext, message boxes) is imported when someone logs in or out.
if TYPE_CHECKING:
    from desktop.services.registry import Services
    from desktop.ui.main_window import MainWindow
    from desktop.ui.sync_status import SyncHooks


class Shell(QObject):
    """Owns the visible window; swaps login and main window as staff log in and out.

    It can start from a `StartupSnapshot` before the services exist (the store opens in the
    background); a PIN typed before then is checked as soon as `attach` brings them.
    """

    def __init__(self, services: Services | None, *, snapshot: StartupSnapshot | None = None,
                 demo_pins: dict[str, str] | None = None, sync: SyncHooks | None = None,
                 full_screen: bool = False) -> None:
        super().__init__()
        assert services is not None or snapshot is not None
        self._services = services
        self.snapshot = snapshot
        self.pending_login: tuple[int, str] | None = None
        self.demo_pins = demo_pins
        self.sync = sync  # desktop.ui.sync_status.install: given to every main window's context
        self.full_screen = full_screen  # kiosk mode: every window takes the whole screen
        self.gate = QStackedWidget()
        self.gate.setObjectName("gate")
        self.gate.setStyleSheet(STYLESHEET)
        self.gate.resize(900, 620)
        self.main: MainWindow | None = None
        self.login: LoginScreen | None = None
        self._build_gate()

    def _build_gate(self) -> None:
        self.gate.setWindowTitle(self.tr("Pinshang Counter"))
        while (old := self.gate.widget(0)) is not None:
            self.gate.removeWidget(old)
            old.deleteLater()
        staff, store = self._staff_and_store()
        if staff:
            self.login = LoginScreen(staff, store, self.demo_pins)
            self.login.pin_entered.connect(self.try_login)
            self.gate.addWidget(self.login)
        else:
            from desktop.ui.first_run_screen import FirstRunScreen  # only ever needed once

            first = FirstRunScreen(self.services)
            first.completed.connect(lambda owner: self._first_run_done(owner, first.wants_pairing))
            self.gate.addWidget(first)

    def _staff_and_store(self) -> tuple[list[StaffInfo], str]:
        """Who may log in and the store's name: from the services, or the start-up snapshot
        while the store still opens."""
        if self._services is not None:
            return self._services.staff.list_staff(), self._services.settings.get(STORE_NAME)
        assert self.snapshot is not None  # one of the two is given (see __init__)
        return list(self.snapshot.staff), self.snapshot.store_name

    @property
    def services(self) -> Services:
        assert self._services is not None, "services are attached before anyone logs in"
        return self._services

    def attach(self, services: Services) -> None:
        """The store finished opening in the background."""
        self._services = services
        if self.pending_login is not None:
            self.try_login(*self.pending_login)

    def try_login(self, staff_id: int, pin: str) -> None:
        if self._services is None:
            self.pending_login = (staff_id, pin)
            if self.login is not None:
                self.login.show_waiting()
            return
        self.pending_login = None
        staff = self._services.staff
        login = self.login
        if login is not None:
            login.show_checking()
        from desktop.ui.operations import run_write

        # scrypt at the OWASP cost: off the UI thread, the keypad disabled meanwhile. No window
        # listens yet (no bus); a refusal's lock and audit rows are read when a screen opens.
        run_write(None, lambda: staff.login(staff_id, pin), self._logged_in, self._refused,
                  busy=login.busy_widgets() if login is not None else (), doing="checking a PIN at login")

    def _logged_in(self, actor: Actor) -> None:
        if self.main is None:  # a PIN typed twice before the store opened: one window
            self.enter(actor)

    def _refused(self, text: str, _exc: BaseException) -> None:
        if self.login is not None:
            self.login.show_refusal(text)

    def show(self) -> None:
        self._show(self.main or self.gate)

    def _show(self, window: QWidget) -> None:
        window.showFullScreen() if self.full_screen else window.show()

    def enter(self, actor: Actor) -> MainWindow:
        from desktop.ui.context import UiContext
        from desktop.ui.main_window import MainWindow  # after login: keeps start-up short

        ctx = UiContext(self.services, actor, bool(self.demo_pins), sync=self.sync)
        self.main = MainWindow(ctx)
        self.main.logout_requested.connect(self.logout)
        self.main.language_changed.connect(self.change_language)
        self.gate.hide()
        self._show(self.main)
        self.main.open_home()
        from desktop.ui.tasks import run_task, side_pool

        # What the first bill needs is loaded while the cashier looks, on a thread of its own
        # (the screens' background reads never queue behind it); not at all if this shell is
        # gone by then (the timer belongs to it).
        services = self.services
        QTimer.singleShot(0, self, lambda: run_task(services.warm_up, pool=side_pool()))
        return self.main

    def logout(self) -> None:
        """Log out: refused while unsent data remains (the sync's guard), audited. Both run off
        the UI thread through the one helper; a refusal or a bug is shown through the error
        split, and the window stays."""
        main = self.main
        if main is None:
            return
        from desktop.ui.operations import run_write

        actor, staff = main.ctx.actor, self.services.staff
        guard = self.sync.logout_guard if self.sync is not None else None

        def log_out() -> None:
            if guard is not None:
                guard()
            staff.logout(actor)

        run_write(main.ctx.bus, log_out, lambda _r: self._logged_out(main),
                  lambda text, _exc: self._logout_refused(main, text),
                  busy=[main.logout_button], doing="logging out")

    def _logged_out(self, main: MainWindow) -> None:
        if self.main is not main:  # logged out twice (a double click): once is enough
            return
        self._close_main()
        self._build_gate()
        self._show(self.gate)

    def _logout_refused(self, main: MainWindow, text: str) -> None:
        if self.main is main:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(main, self.tr("Cannot log out"), text)

    def change_language(self, language: str) -> None:
        """Reload translations and rebuild the windows so every string is retranslated."""
        install_language(choose_language(None, language))
        actor = self.main.ctx.actor if self.main else None
        self._close_main()
        self._build_gate()
        if actor is not None:
            self.enter(actor).open_screen("settings")

    def _first_run_done(self, owner: Actor, pair_now: bool) -> None:
        """The owner exists: open the main window; on "pair now", the Platform screen and its
        pairing dialog once the window is shown ("work offline": pairing waits on that screen)."""
        window = self.enter(owner)
        if not pair_now:
            return
        page = window.open_screen("platform")
        opener = getattr(page, "open_pairing", None)
        if opener is not None:
            QTimer.singleShot(0, opener)

    def _close_main(self) -> None:
        if self.main is not None:
            self.main.hide()
            self.main.deleteLater()
            self.main = None
