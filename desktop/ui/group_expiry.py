"""Expire groups past their deadline: once when the main window opens (groups that expired
while the app was closed) and every 30 seconds, off the UI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.registry import Services
from desktop.ui.tasks import run_task

CHECK_EVERY_MS = 30_000


class ExpiryWatch(QObject):
    expired = Signal(list)  # ids of the groups just expired and refunded

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.busy = False
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(0, self.check)

    def check(self) -> None:
        if self.busy:
            return
        self.busy = True
        run_task(self.services.groups.expire_due, self._done, self._failed)

    def _done(self, ids: list[str]) -> None:
        self.busy = False
        if ids:
            self.expired.emit(ids)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        logging.getLogger(__name__).error("expiring groups failed", exc_info=exc)
