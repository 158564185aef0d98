"""The UI side of the sync: what the status bar says, the logout guard, and "Sync now".

The worker runs in its own thread; here we only read its state (a frozen snapshot under a lock)
when the status bar refreshes (a QTimer), so the UI thread never waits for the network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

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
    """The groups' background job changed groups (seated joiners, expired groups): emitted on
    the job's thread, delivered queued to the main window, which tells its screens."""

    groups_changed = Signal()


@dataclass(frozen=True)
class SyncHooks:
    """What the shell, the status bar and the screens use of the sync (`UiContext.sync`;
    None on a terminal that runs without the sync runtime)."""

    runtime: SyncRuntime  # the platform and reconciliation screens: pair, sync now, compare
    state_text: Callable[[], str]  # the status bar's "Online · last sync 10:02:03"
    logout_guard: Callable[[], None]  # raises a UserError while unsent data remains
    background: BackgroundChanges  # the groups' job changed groups: the main window tells its screens


def install(runtime: SyncRuntime) -> SyncHooks:
    """The hooks of `runtime` for the UI (given to the shell: `shell.sync = install(runtime)`),
    and a sync at once when the OS says the network is back."""
    relay = BackgroundChanges()
    runtime.group_job.listeners.append(lambda _round: relay.groups_changed.emit())
    _watch_network(runtime)
    return SyncHooks(runtime, lambda: state_text(runtime), runtime.logout_guard, relay)


def _watch_network(runtime: SyncRuntime) -> None:
    """When the OS says the network is back, sync at once instead of waiting out the backoff."""
    try:
        from PySide6.QtNetwork import QNetworkInformation
    except ImportError:
        return
    if not QNetworkInformation.loadDefaultBackend() or QNetworkInformation.instance() is None:
        return
    info = QNetworkInformation.instance()
    online = QNetworkInformation.Reachability.Online
    info.reachabilityChanged.connect(lambda r: runtime.sync_now() if r == online else None)
