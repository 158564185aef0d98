"""Composition root: settings, store, services, (sync,) UI."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths

if TYPE_CHECKING:  # imported lazily: SQLAlchemy costs more than the whole login window
    from desktop.services.registry import Services
    from desktop.sync.demo_platform import DemoPlatform
    from desktop.sync.runtime import SyncRuntime
    from desktop.ui.shell import Shell

log = logging.getLogger(__name__)


def open_services(directory: str | Path | None) -> Services:
    from desktop.services.registry import Services
    from desktop.store.migrate import open_store

    folder = paths.data_dir(str(directory) if directory else None)
    return Services.build(open_store(paths.db_path(folder)))


def open_for_counter(directory: str | Path | None) -> Services:
    """The store as the app opens it: logging to its folder, and the chores of a restart."""
    from desktop.logs import setup_logging

    folder = paths.data_dir(str(directory) if directory else None)
    paths.secure_data_dir(folder)  # files written by an older version, or copied in, made private
    setup_logging(folder)
    services = open_services(directory)
    interrupted = services.print_queue.recover_interrupted()
    if interrupted:
        log.warning("%d print jobs were cut off by the last shutdown; marked failed", interrupted)
    return services


def run_app(data_dir: str | None = None, language: str | None = None, full_screen: bool = False) -> int:
    """Show the login window at once from a quick snapshot, open the store in the background."""
    from desktop.store.snapshot import read_snapshot
    from desktop.ui import runner

    snapshot = read_snapshot(paths.db_path(paths.data_dir(data_dir)))
    if snapshot is None:  # first run, or a file the quick reader does not understand
        return _run_opened(data_dir, language, full_screen)
    shell = runner.start_ui(None, language, None, snapshot, full_screen=full_screen)
    opened: list[Services] = []
    runtimes: list[SyncRuntime] = []
    quitting: list[bool] = []

    def attach(services: Services) -> None:
        opened.append(services)  # closed below, however early the window was closed
        if quitting:  # the store opened after the window closed: nothing to show it in
            return
        shell.attach(services)
        runtimes.append(_start_sync(services, shell))

    # Paint the login window first; the store (SQLAlchemy, migrations) opens while people type.
    runner.open_after_first_paint(lambda: open_for_counter(data_dir), attach)
    try:
        return runner.exec_shell(shell)
    finally:
        quitting.append(True)
        runner.finish_tasks()  # a write still running (or the store opening) finishes before services close
        for runtime in runtimes:
            runtime.stop()
        for services in opened:
            services.close()


def _run_opened(data_dir: str | None, language: str | None, full_screen: bool = False) -> int:
    from desktop.core.errors import UserError
    from desktop.ui import runner

    try:
        services = open_for_counter(data_dir)
    except UserError as exc:
        return runner.show_store_error(exc)
    shell = runner.start_ui(services, language, None, full_screen=full_screen)
    runtime = _start_sync(services, shell)
    try:
        return runner.exec_shell(shell)
    finally:
        runner.finish_tasks()
        runtime.stop()
        services.close()


def _start_sync(services: Services, shell: Shell, *, thread: bool = True) -> SyncRuntime:
    """The sync runtime; its worker runs when this terminal is paired (and has its token)."""
    from desktop.sync.runtime import SyncRuntime
    from desktop.ui.sync_status import install

    runtime = SyncRuntime(services)
    shell.sync = install(runtime)
    runtime.start(thread=thread)
    return runtime


def run_demo(data_dir: str | None = None, screenshot_dir: str | None = None,
             language: str | None = None, size: str = "1024x768", full_screen: bool = False) -> int:
    from desktop.services.demo import DEMO_STAFF
    from desktop.ui import runner

    if screenshot_dir:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # screenshots never need a display
    import tempfile

    folder = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="pinshang-demo-"))
    services = open_for_counter(folder)
    services.demo.seed()
    pins = {spec.name: spec.pin for spec in DEMO_STAFF}
    shell = runner.start_ui(services, language, pins, full_screen=full_screen)
    platform, runtime = _demo_sync(folder, services, shell, thread=not screenshot_dir)
    try:
        if screenshot_dir:
            from desktop.ui.screenshots import capture_all, parse_size

            if runtime.worker is not None:
                runtime.worker.run_round()  # one sync, so the screenshots show it online
            written = capture_all(shell, Path(screenshot_dir), parse_size(size))
            print("\n".join(str(p) for p in written))
            return 0
        print(f"demo data in {folder}")
        if platform is not None:
            print(f"demo platform at {platform.url}")
            _print_phone_url(services, runtime)
        return runner.exec_shell(shell)
    finally:
        runner.finish_tasks()
        runtime.stop()
        if platform is not None:
            platform.stop()
        services.close()


def _print_phone_url(services: Services, runtime: SyncRuntime) -> None:
    """The demo group's join page on the embedded platform, pushed there first so it opens."""
    from desktop.sync.demo_platform import demo_phone_url

    if runtime.worker is not None:
        runtime.worker.run_round()
    url = demo_phone_url(services)
    if url:
        print(f"demo group on the phone (open in a browser): {url}", flush=True)


def _demo_sync(folder: Path, services: Services, shell: Shell, *, thread: bool) -> tuple[DemoPlatform | None, SyncRuntime]:
    """Start the embedded platform and pair with it; without it the demo still runs, offline."""
    from desktop.sync.demo_platform import start_demo_platform
    from desktop.sync.runtime import SyncRuntime
    from desktop.ui.sync_status import install

    runtime = SyncRuntime(services)
    shell.sync = install(runtime)
    try:
        platform = start_demo_platform(folder, runtime)
    except Exception:  # no central extra installed, port trouble...: demo offline, say why in the log
        log.exception("the demo platform did not start; the demo runs offline")
        platform = None
    runtime.start(thread=thread)
    return platform, runtime


def render_demo_sale_receipt(out: Path, paper_mm: int = 80) -> None:
    """`pinshang render sale-receipt --demo`: the receipt of a real sale, made as the demo makes
    its first one (a fresh demo store paired with its embedded platform; a member pays part with
    coins of their coin authorization, part WeChat Pay, part cash), then everything is removed
    again (the pairing's token too)."""
    import tempfile

    from desktop.documents.templates import sale_receipt_document
    from desktop.printing.render import render_document
    from desktop.services.sale_refunds import HistoryFilter
    from desktop.store.keychain import token_name
    from desktop.sync.demo_platform import start_demo_platform
    from desktop.sync.runtime import SyncRuntime

    with tempfile.TemporaryDirectory(prefix="pinshang-render-") as tmp:
        folder = Path(tmp)
        services = open_for_counter(folder)
        try:
            services.demo.seed()
            runtime = SyncRuntime(services)
            platform = start_demo_platform(folder, runtime)
            try:
                # the demo's first sale (the alliance's sales of desktop/sync/demo_alliance.py come after)
                sale = min(services.sales.history(HistoryFilter(coins_only=True)), key=lambda r: r.sale.receipt_no)
                document = sale_receipt_document(services.print_jobs.sales.sale_receipt(sale.sale.id))
            finally:
                platform.stop()
                pairing = services.sync.pairing()
                if pairing is not None:
                    runtime.vault.delete(token_name(pairing.terminal_id))
        finally:
            services.close()
    render_document(document, out, paper_mm=paper_mm)
