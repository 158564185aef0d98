"""The UI side of the sync: what the status bar says, the logout guard, and "Sync now".

The worker and the groups' job run in their own threads. After each of their rounds the
runtime tells what the round changed (desktop.services.changes; a sync round always changes
SYNC: the worker's state, the last sync, what waits); `BackgroundChanges` carries that to the
main thread, where the main window announces it on its change bus: the status bar, the menu
badges and the screens refresh then, never on a timer. Reading the worker's state is a frozen
snapshot under a lock, so the UI thread never waits for the network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from desktop.sync.runtime import SyncRuntime


def state_text(runtime: SyncRuntime) -> str:
    snapshot = runtime.services.sync.snapshot()
    if snapshot.pairing is None:
        return QCoreApplication.translate("sync", "Not paired")
    if runtime.token() is None:
        return QCoreApplication.translate("sync", "Paired, but the token is lost: pair again")
    state = runtime.worker_state()
    if state.online and state.last_error:  # reachable, but it refused (e.g. a revoked token)
        text = QCoreApplication.translate("sync", "Refused by the platform: see the Platform screen")
    elif state.online:
        text = QCoreApplication.translate("sync", "Online")
    elif state.online is None:
        text = QCoreApplication.translate("sync", "Connecting…")
    else:
        text = QCoreApplication.translate("sync", "Offline")
    last = state.last_success or snapshot.last_success
    if last is not None:
        text += " · " + QCoreApplication.translate("sync", "last sync {time}").format(time=last.astimezone().strftime("%H:%M:%S"))
    if runtime.vault.in_memory:
        text += " · " + QCoreApplication.translate("sync", "token kept in memory until restart")
    return text


class BackgroundChanges(QObject):
    """A background round changed something (the sync worker pushed or pulled; the groups' job
    seated joiners or expired groups): emitted on their thread with the changes, delivered
    queued to the main window, which announces them on its bus."""

    changed = Signal(object)  # frozenset[Change]


@dataclass(frozen=True)
class SyncHooks:
    """What the shell, the status bar and the screens use of the sync (`UiContext.sync`;
    None on a terminal that runs without the sync runtime)."""

    runtime: SyncRuntime  # the platform and reconciliation screens: pair, sync now, compare
    state_text: Callable[[], str]  # the status bar's "Online · last sync 10:02:03"
    logout_guard: Callable[[], None]  # raises a UserError while unsent data remains
    background: BackgroundChanges  # a background round changed something: the main window tells its screens
    network: NetworkWatch  # syncs when the network is back, from the first worker on


def install(runtime: SyncRuntime) -> SyncHooks:
    """The hooks of `runtime` for the UI (given to the shell: `shell.sync = install(runtime)`),
    and, once a worker runs (the terminal is paired), a sync at once when the OS says the
    network is back."""
    relay = BackgroundChanges()
    runtime.listeners.append(relay.changed.emit)
    watch = NetworkWatch(runtime)
    runtime.worker_started.append(watch.wanted.emit)
    return SyncHooks(runtime, lambda: state_text(runtime), runtime.logout_guard, relay, watch)


class NetworkWatch(QObject):
    """When the OS says the network is back, sync at once instead of waiting out the backoff.
    Started when the first worker starts (`wanted`, emitted on any thread, is handled on the
    main thread): an unpaired terminal has nothing to sync, and the OS's network backend
    (QtNetwork's plugin, D-Bus) costs ~6 MiB for as long as the process runs."""

    wanted = Signal()

    def __init__(self, runtime: SyncRuntime) -> None:
        super().__init__()
        self.runtime = runtime
        self.watching = False
        self.wanted.connect(self._watch)

    @Slot()
    def _watch(self) -> None:
        if self.watching:
            return
        self.watching = True
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:
            return
        if not QNetworkInformation.loadDefaultBackend() or QNetworkInformation.instance() is None:
            return
        info = QNetworkInformation.instance()
        online = QNetworkInformation.Reachability.Online
        runtime = self.runtime
        info.reachabilityChanged.connect(lambda r: runtime.sync_now() if r == online else None)
