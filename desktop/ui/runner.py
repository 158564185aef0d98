"""The Qt side of starting the app: display check, QApplication, language, font, event loop.

desktop/app.py composes the store, services and sync; everything that touches Qt lives here
(only desktop/ui and the Qt printing backend import Qt).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.core.errors import UserError
from desktop.core.settings_keys import LANGUAGE
from desktop.paths import resources_dir
from desktop.ui.fonts import apply_app_font
from desktop.ui.i18n import choose_language, error_text, install_language
from desktop.ui.shell import Shell
from desktop.ui.tasks import TASKS, pending, run_task, wait_for_tasks

if TYPE_CHECKING:
    from desktop.core.startup import StartupSnapshot
    from desktop.services.registry import Services

log = logging.getLogger(__name__)
BENCH_ENV = "PINSHANG_BENCH_STARTUP"  # print when the login window is shown and idle, then quit


def check_display() -> None:
    """Qt aborts the process without a display; say what to do instead."""
    on_linux = sys.platform.startswith("linux")
    has_display = any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if on_linux and not has_display:
        raise SystemExit("pinshang: no display found. Run it in a desktop session (or under Xvfb), "
                         "or use `pinshang demo --screenshot OUTDIR` to render the screens to files.")


def qt_app() -> QApplication:
    check_display()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Pinshang Counter")
    app.setOrganizationName("Pinshang")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icon.png")))
    return app


def start_ui(services: Services | None, language: str | None, demo_pins: dict[str, str] | None,
             snapshot: StartupSnapshot | None = None, *, full_screen: bool = False) -> Shell:
    app = qt_app()
    saved = services.settings.get(LANGUAGE) if services else snapshot.language if snapshot else ""
    install_language(choose_language(language, saved))
    family = apply_app_font(app)
    if family:
        log.info("Pinshang Counter %s; Chinese is drawn with the font %s", __version__, family)
    else:
        log.warning("Pinshang Counter %s: no font with Chinese glyphs was found; Chinese text "
                    "shows as boxes (install fonts-wqy-microhei or Noto Sans CJK)", __version__)
    return Shell(services, snapshot=snapshot, demo_pins=demo_pins, full_screen=full_screen)


def show_store_error(exc: Exception) -> int:
    qt_app()
    install_language(choose_language(None, ""))
    text = error_text(exc) if isinstance(exc, UserError) else str(exc)
    print(f"pinshang: {text}", file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QMessageBox  # only when the store cannot open

        QMessageBox.critical(None, "Pinshang Counter", text)
    return 2


def exec_shell(shell: Shell) -> int:
    shell.show()
    if os.environ.get(BENCH_ENV):
        QTimer.singleShot(0, lambda: (print(f"IDLE {time.time():.6f}", flush=True), QApplication.quit()))
    return QApplication.exec()


def finish_tasks(timeout_s: float = 15.0) -> None:
    """At shutdown: let queued and running tasks (the store opening, a draw, a redemption, a
    print) finish before the services close, and deliver their callbacks (Picard's
    TaskCounter), also those of a task a delivered callback or a due timer started."""
    end = time.monotonic() + timeout_s
    while True:
        TASKS.wait_idle(max(0.0, end - time.monotonic()))  # then delivers the queued callbacks
        wait_for_tasks(max(0.0, min(1.0, end - time.monotonic())))
        if not TASKS.running and not pending():
            return
        if time.monotonic() >= end:
            import logging

            logging.getLogger(__name__).warning("%d tasks still running at shutdown", TASKS.running)
            return


def open_after_first_paint(open_store: Callable[[], Any], attach: Callable[[Any], None]) -> None:
    """Once the window is painted, open the store off the UI thread, then hand it over."""
    QTimer.singleShot(0, lambda: run_task(open_store, attach, fatal_store_error))


def fatal_store_error(exc: BaseException) -> None:
    show_store_error(exc if isinstance(exc, Exception) else RuntimeError(str(exc)))
    QApplication.exit(2)
