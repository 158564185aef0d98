"""The Screen protocol: what the main window and the screenshots may ask of every screen.

A screen is a QWidget built from a UiContext. The window calls `activate()` each time it
shows the screen, hands it every change broadcast (`changes_made`), and the screenshots call
`prepare_screenshot()`. `ScreenBase` gives each a sensible default: a screen lists the
changes it shows (`shows`) and implements `refresh()`; the base refreshes it when one of
those changes, at once if it is shown, else when it is shown next.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import attempt, set_status


@runtime_checkable
class Screen(Protocol):
    ctx: UiContext

    def activate(self) -> None: ...

    def changes_made(self, changes: frozenset[Change]) -> None: ...

    def prepare_screenshot(self) -> None: ...


class ScreenBase(QWidget):
    shows: ClassVar[frozenset[Change]] = frozenset()
    message: QLabel | None = None  # a screen's one-line outcome; cleared when it is shown again

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = False

    def refresh(self) -> None:
        """Read what the screen shows from the services again."""

    def activate(self) -> None:
        """Shown (again) by the window: no outcome of an earlier visit stays up."""
        self.clear_message()
        self.stale = False
        self.reload()

    def reload(self) -> None:
        """`refresh()` through the one error split: a failure reading the services (a bug, a
        broken database) is logged with the screen's name and said in the message line."""
        attempt(self.refresh, self._show_failure, f"showing the {self.objectName() or type(self).__name__} screen")

    def _show_failure(self, text: str) -> None:
        if self.message is not None:
            set_status(self.message, text, ok=False)

    def clear_message(self) -> None:
        if self.message is not None:
            self.message.clear()

    def changes_made(self, changes: frozenset[Change]) -> None:
        if not changes & self.shows:
            return
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self.reload()

    def prepare_screenshot(self) -> None:
        """Put the screen in the state the user guide's screenshot shows (the demo data)."""

    def navigate(self, key: str) -> object:
        """Ask the main window to show another screen (None when it was refused or there is none)."""
        return self.ctx.open_screen(key) if self.ctx.open_screen is not None else None
