"""Composition root: settings, store, services, (sync,) UI."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from desktop.paths import data_dir, db_path
from desktop.services.registry import Services
from desktop.store.migrate import open_store

log = logging.getLogger(__name__)
BENCH_ENV = "PINSHANG_BENCH_STARTUP"  # print when the login window is shown and idle, then quit


def open_services(directory: str | Path | None) -> Services:
    folder = data_dir(str(directory) if directory else None)
    return Services.build(open_store(db_path(folder)))


def _qt_app() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Pinshang Counter")
    app.setOrganizationName("Pinshang")
    return app


def _start_ui(services: Services, language: str | None, demo_pins: dict[str, str] | None) -> object:
    from desktop.services.settings import LANGUAGE
    from desktop.ui.fonts import apply_app_font
    from desktop.ui.i18n import choose_language, install_language
    from desktop.ui.shell import Shell

    app = _qt_app()
    install_language(choose_language(language, services.settings.get(LANGUAGE)))
    apply_app_font(app)  # type: ignore[arg-type]
    return Shell(services, demo_pins=demo_pins)


def _show_store_error(exc: Exception) -> int:
    from PySide6.QtWidgets import QMessageBox

    from desktop.core.errors import UserError
    from desktop.ui.i18n import choose_language, error_text, install_language

    _qt_app()
    install_language(choose_language(None, ""))
    text = error_text(exc) if isinstance(exc, UserError) else str(exc)
    print(f"pinshang: {text}", file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        QMessageBox.critical(None, "Pinshang Counter", text)
    return 2


def _exec(shell: object) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    shell.show()  # type: ignore[attr-defined]
    if os.environ.get(BENCH_ENV):
        QTimer.singleShot(0, lambda: (print(f"IDLE {time.time():.6f}", flush=True), QApplication.quit()))
    return QApplication.exec()


def run_app(data_dir: str | None = None, language: str | None = None) -> int:
    from desktop.core.errors import UserError

    try:
        services = open_services(data_dir)
    except UserError as exc:
        return _show_store_error(exc)
    shell = _start_ui(services, language, None)
    try:
        return _exec(shell)
    finally:
        services.close()


def run_demo(data_dir: str | None = None, screenshot_dir: str | None = None,
             language: str | None = None) -> int:
    from desktop.services.demo import DEMO_STAFF

    if screenshot_dir:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # screenshots never need a display
    folder = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="pinshang-demo-"))
    services = open_services(folder)
    services.demo.seed()
    pins = {spec.name: spec.pin for spec in DEMO_STAFF}
    shell = _start_ui(services, language, pins)
    try:
        if screenshot_dir:
            from desktop.ui.screenshots import capture_all

            written = capture_all(shell, Path(screenshot_dir))  # type: ignore[arg-type]
            print("\n".join(str(p) for p in written))
            return 0
        print(f"demo data in {folder}")
        return _exec(shell)
    finally:
        services.close()
