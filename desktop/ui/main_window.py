"""The main window after login: navigation on the left, one screen at a time, status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from desktop.ui.context import UiContext
from desktop.ui.override_dialog import approved_actor
from desktop.ui.screens import ScreenSpec, all_screens
from desktop.ui.status_bar import CounterStatusBar

KEY_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    logout_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, ctx: UiContext, screens: list[ScreenSpec] | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.ctx = ctx
        self.specs = {spec.key: spec for spec in (screens or all_screens())}
        self.pages: dict[str, QWidget] = {}
        self.nav = QListWidget(objectName="nav")
        self.nav.setFixedWidth(180)
        self.nav.setStyleSheet("font-size: 14pt;")
        self.stack = QStackedWidget(objectName="stack")
        self.logout_button = QPushButton(self.tr("Log out"), objectName="logout")
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
        self.setWindowTitle(self.tr("Pinshang Counter"))
        self.resize(1100, 720)

    def open_home(self) -> None:
        """Start on the first screen this person may use without asking a manager."""
        for spec in self.specs.values():
            if spec.permission is None or self.ctx.actor.may(spec.permission):
                self.open_screen(spec.key)
                return

    def open_screen(self, key: str) -> QWidget | None:
        """Show a screen, asking for a manager's approval when the role needs it.

        A screen opened on a manager's approval is not kept: leaving it ends the approval, and
        coming back asks again (an approval is for the task at hand, not the whole shift).
        """
        spec = self.specs[key]
        page = self.pages.get(key)
        if page is None:
            actor = approved_actor(self.ctx.services, self.ctx.actor, spec.permission, self) \
                if spec.permission else self.ctx.actor
            if actor is None:
                return None
            page = spec.factory(UiContext(self.ctx.services, actor, self.ctx.demo, self.ctx.extras))
            if hasattr(page, "language_changed"):
                page.language_changed.connect(self.language_changed)
            self.pages[key] = page
            self.stack.addWidget(page)
        elif hasattr(page, "refresh"):
            page.refresh()
        self._drop_approved_pages(keep=key)
        self.stack.setCurrentWidget(page)
        self._select_nav(key)
        self.status.refresh()  # what a screen just did (a redemption, a draw) shows at once
        return page

    def _drop_approved_pages(self, keep: str) -> None:
        for key, page in list(self.pages.items()):
            ctx = getattr(page, "ctx", None)
            if key != keep and ctx is not None and ctx.actor.approved_by:
                del self.pages[key]
                self.stack.removeWidget(page)
                page.deleteLater()

    def _refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()

    def _select_nav(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(KEY_ROLE) == key and self.nav.currentRow() != row:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(False)

    def _navigate(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        if self.open_screen(str(current.data(KEY_ROLE))) is None and previous is not None:
            self._select_nav(str(previous.data(KEY_ROLE)))  # approval refused: stay where we were
