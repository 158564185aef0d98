"""The main window after login: navigation on the left, one screen at a time, status bar.

Screens follow the Screen protocol (desktop.ui.screen): the window activates the one it
shows and passes every change broadcast of the bus to all of them. The window opens at a
size that fits a 1024×768 counter screen and never grows with a screen; F11 toggles full
screen (kiosk) mode.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import keys
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import attempt
from desktop.ui.override_dialog import approved_actor
from desktop.ui.screen import ScreenBase
from desktop.ui.screens import ScreenSpec, all_screens
from desktop.ui.settings_screen import SettingsScreen
from desktop.ui.status_bar import CounterStatusBar
from desktop.ui.theme import STYLESHEET, tone_colour
from desktop.ui.widgets import named

KEY_ROLE = Qt.ItemDataRole.UserRole
STATUS_MS = 8000
COUNTER_SIZE = QSize(1024, 768)  # the common POS screen: every screen fits it
START_SIZE = QSize(1000, 700)  # leaves room for a window frame and a task bar on 1024×768


class _Stack(QStackedWidget):
    """Sized by the screen shown, not the largest one ever added (opening Deals must not
    grow the window for every other screen)."""

    def sizeHint(self) -> QSize:  # noqa: N802
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()


class MainWindow(QMainWindow):
    logout_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, ctx: UiContext, screens: list[ScreenSpec] | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setStyleSheet(STYLESHEET)
        ctx.open_screen = self.open_screen
        self.ctx = ctx
        self.specs = {spec.key: spec for spec in (screens or all_screens())}
        self.pages: dict[str, ScreenBase] = {}
        self.nav = named(QListWidget(), "nav")
        self.nav.setFixedWidth(170)
        self.stack = named(_Stack(), "stack")
        self.logout_button = named(QPushButton(self.tr("Log out")), "logout")
        self.logout_button.clicked.connect(self.logout_requested)
        for spec in self.specs.values():
            item = QListWidgetItem(spec.title())
            item.setData(KEY_ROLE, spec.key)
            self.nav.addItem(item)
        self.nav.currentItemChanged.connect(self._navigate)
        left = QVBoxLayout()
        left.addWidget(self.nav, 1)
        left.addWidget(self.logout_button)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(self.stack, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.status = CounterStatusBar(ctx, self)
        self.setStatusBar(self.status)
        ctx.bus.changed.connect(self._changes_made)
        if ctx.sync is not None:  # desktop.ui.sync_status: the sync worker's and the groups' job's rounds
            ctx.sync.background.changed.connect(self._changed_in_background)
        self.kiosk = QShortcut(QKeySequence(keys.FULL_SCREEN), self, self.toggle_full_screen)
        self.setWindowTitle(self.tr("Pinshang Counter"))
        self.resize(START_SIZE)

    def toggle_full_screen(self) -> None:
        """Kiosk mode: the counter screen is all Pinshang (F11 again leaves it)."""
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def open_home(self) -> None:
        """Start on the first screen this person may use without asking a manager."""
        for spec in self.specs.values():
            if spec.permission is None or self.ctx.actor.may(spec.permission):
                self.open_screen(spec.key)
                return

    def current_key(self) -> str | None:
        page = self.stack.currentWidget()
        return next((key for key, p in self.pages.items() if p is page), None)

    def open_screen(self, key: str) -> ScreenBase | None:
        """Show a screen, asking for a manager's approval when the role needs it.

        A screen opened on a manager's approval is not kept: leaving it ends the approval, and
        coming back asks again (an approval is for the task at hand, not the whole shift).
        When the approval is refused, the navigation goes back to the screen still shown.
        """
        spec = self.specs[key]
        page = self.pages.get(key)
        if page is None:
            actor = approved_actor(self.ctx.services, self.ctx.actor, spec.permission, self, bus=self.ctx.bus) \
                if spec.permission else self.ctx.actor
            if actor is None:
                self._select_nav(self.current_key())
                return None
            page = spec.factory(self.ctx.as_actor(actor))
            if isinstance(page, SettingsScreen):
                page.language_changed.connect(self.language_changed)
            self.pages[key] = page
            self.stack.addWidget(page)
        else:
            page.activate()
        self._drop_approved_pages(keep=key)
        self.stack.setCurrentWidget(page)
        self._select_nav(key)
        self.refresh_status()  # what a screen just did (a redemption, a draw) shows at once
        return page

    def update_badges(self) -> None:
        """"Needs attention (2)": what the platform refused or what conflicts, at a glance."""
        count = self.ctx.services.attention.open_count()
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            spec = self.specs[str(item.data(KEY_ROLE))]
            if spec.key == "attention":
                item.setText(f"{spec.title()} ({count})" if count else spec.title())
                item.setForeground(tone_colour("error") if count else self.nav.palette().text().color())

    def _changed_in_background(self, changes: frozenset[Change]) -> None:
        """A round of the sync worker (ops sent or refused, data pulled) or of the groups' job
        (joiners seated, groups expired) changed something: the screens hear it like any
        use case's changes (and the status bar and badges with them)."""
        self.ctx.bus.announce(changes)

    def _changes_made(self, changes: frozenset[Change]) -> None:
        for page in self.pages.values():
            page.changes_made(changes)
        self.refresh_status()

    def refresh_status(self) -> None:
        """The status bar and the menu badges, through the one error split."""
        attempt(self._read_status, lambda text: self.status.showMessage(text, STATUS_MS),
                "refreshing the status bar")

    def _read_status(self) -> None:
        self.status.refresh()
        self.update_badges()

    def _drop_approved_pages(self, keep: str) -> None:
        for key, page in list(self.pages.items()):
            if key != keep and page.ctx.actor.approved_by:
                del self.pages[key]
                self.stack.removeWidget(page)
                page.deleteLater()

    def _select_nav(self, key: str | None) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(KEY_ROLE) == key and self.nav.currentRow() != row:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(False)

    def _navigate(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.open_screen(str(current.data(KEY_ROLE)))
