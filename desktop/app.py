"""Composition root: settings, store, services, (sync,) UI."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths

if TYPE_CHECKING:  # imported lazily: SQLAlchemy costs more than the whole login window
    from desktop.core.startup import StartupSnapshot
    from desktop.services.registry import Services
    from desktop.sync.demo_platform import DemoPlatform
    from desktop.sync.runtime import SyncRuntime

log = logging.getLogger(__name__)
BENCH_ENV = "PINSHANG_BENCH_STARTUP"  # print when the login window is shown and idle, then quit


def open_services(directory: str | Path | None) -> Services:
    from desktop.services.registry import Services
    from desktop.store.migrate import open_store

    folder = paths.data_dir(str(directory) if directory else None)
    return Services.build(open_store(paths.db_path(folder)))


def open_for_counter(directory: str | Path | None) -> Services:
    """The store as the app opens it: logging to its folder, and the chores of a restart."""
    from desktop.logs import setup_logging

    setup_logging(paths.data_dir(str(directory) if directory else None))
    services = open_services(directory)
    interrupted = services.print_queue.recover_interrupted()
    if interrupted:
        log.warning("%d print jobs were cut off by the last shutdown; marked failed", interrupted)
    return services


def _check_display() -> None:
    """Qt aborts the process without a display; say what to do instead."""
    on_linux = sys.platform.startswith("linux")
    has_display = any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if on_linux and not has_display:
        raise SystemExit("pinshang: no display found. Run it in a desktop session (or under Xvfb), "
                         "or use `pinshang demo --screenshot OUTDIR` to render the screens to files.")


def _qt_app() -> object:
    from PySide6.QtWidgets import QApplication

    _check_display()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Pinshang Counter")
    app.setOrganizationName("Pinshang")
    return app


def _start_ui(services: Services | None, language: str | None, demo_pins: dict[str, str] | None,
              snapshot: StartupSnapshot | None = None) -> object:
    from desktop.core.settings_keys import LANGUAGE
    from desktop.ui.fonts import apply_app_font
    from desktop.ui.i18n import choose_language, install_language
    from desktop.ui.shell import Shell

    app = _qt_app()
    saved = services.settings.get(LANGUAGE) if services else snapshot.language if snapshot else ""
    install_language(choose_language(language, saved))
    apply_app_font(app)  # type: ignore[arg-type]
    return Shell(services, snapshot=snapshot, demo_pins=demo_pins)


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
    """Show the login window at once from a quick snapshot, open the store in the background."""
    from desktop.store.snapshot import read_snapshot

    snapshot = read_snapshot(paths.db_path(paths.data_dir(data_dir)))
    if snapshot is None:  # first run, or a file the quick reader does not understand
        return _run_opened(data_dir, language)
    shell = _start_ui(None, language, None, snapshot)
    opened: list[Services] = []

    def attach(services: Services) -> None:
        opened.append(services)
        shell.attach(services)  # type: ignore[attr-defined]
        runtimes.append(_start_sync(services, shell))

    runtimes: list[object] = []

    from PySide6.QtCore import QTimer

    from desktop.ui.tasks import run_task

    # Paint the login window first; the store (SQLAlchemy, migrations) opens while people type.
    QTimer.singleShot(0, lambda: run_task(lambda: open_for_counter(data_dir), attach, _fatal_store_error))
    try:
        return _exec(shell)
    finally:
        for runtime in runtimes:
            runtime.stop()  # type: ignore[attr-defined]
        for services in opened:
            services.close()


def _run_opened(data_dir: str | None, language: str | None) -> int:
    from desktop.core.errors import UserError

    try:
        services = open_for_counter(data_dir)
    except UserError as exc:
        return _show_store_error(exc)
    shell = _start_ui(services, language, None)
    runtime = _start_sync(services, shell)
    try:
        return _exec(shell)
    finally:
        runtime.stop()
        services.close()


def _start_sync(services: Services, shell: object, *, thread: bool = True) -> SyncRuntime:
    """The sync runtime; its worker runs when this terminal is paired (and has its token)."""
    from desktop.sync.runtime import SyncRuntime
    from desktop.ui.sync_status import install

    runtime = SyncRuntime(services)
    install(shell.extras, runtime)  # type: ignore[attr-defined]
    runtime.start(thread=thread)
    return runtime


def _fatal_store_error(exc: BaseException) -> None:
    from PySide6.QtWidgets import QApplication

    _show_store_error(exc if isinstance(exc, Exception) else RuntimeError(str(exc)))
    QApplication.exit(2)


def run_demo(data_dir: str | None = None, screenshot_dir: str | None = None,
             language: str | None = None) -> int:
    from desktop.services.demo import DEMO_STAFF

    if screenshot_dir:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # screenshots never need a display
    folder = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="pinshang-demo-"))
    services = open_for_counter(folder)
    services.demo.seed()
    pins = {spec.name: spec.pin for spec in DEMO_STAFF}
    shell = _start_ui(services, language, pins)
    platform, runtime = _demo_sync(folder, services, shell, thread=not screenshot_dir)
    try:
        if screenshot_dir:
            from desktop.ui.screenshots import capture_all

            if runtime.worker is not None:
                runtime.worker.run_round()  # one sync, so the screenshots show it online
            written = capture_all(shell, Path(screenshot_dir))  # type: ignore[arg-type]
            print("\n".join(str(p) for p in written))
            return 0
        print(f"demo data in {folder}")
        if platform is not None:
            print(f"demo platform at {platform.url}")
        return _exec(shell)
    finally:
        runtime.stop()
        if platform is not None:
            platform.stop()
        services.close()


def _demo_sync(folder: Path, services: Services, shell: object, *, thread: bool) -> tuple[DemoPlatform | None, SyncRuntime]:
    """Start the embedded platform and pair with it; without it the demo still runs, offline."""
    from desktop.sync.demo_platform import start_demo_platform
    from desktop.sync.runtime import SyncRuntime
    from desktop.ui.sync_status import install

    runtime = SyncRuntime(services)
    install(shell.extras, runtime)  # type: ignore[attr-defined]
    try:
        platform = start_demo_platform(folder, runtime)
    except Exception:  # no central extra installed, port trouble...: demo offline, say why in the log
        log.exception("the demo platform did not start; the demo runs offline")
        platform = None
    runtime.start(thread=thread)
    return platform, runtime
