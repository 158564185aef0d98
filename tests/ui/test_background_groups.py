"""The groups' background job (desktop.sync.group_jobs) runs beside the sync worker, not in a
screen: when it expires a group the screens hear it on the change bus and show it refunded."""

from __future__ import annotations

from desktop.core.groups import GroupState
from desktop.store.keychain import SecretVault
from desktop.sync.runtime import SyncRuntime
from desktop.ui.changes import Change
from desktop.ui.sync_status import install
from tests.ui.conftest import login


def test_a_group_expired_in_the_background_shows_refunded_on_the_groups_screen(
        qtbot, shell, demo_services, clock) -> None:
    runtime = SyncRuntime(demo_services, SecretVault())
    shell.sync = install(runtime)
    window = login(qtbot, shell, "小张", "3333")
    heard: list[frozenset[Change]] = []
    window.ctx.bus.changed.connect(heard.append)
    groups = window.open_screen("groups")
    [open_group] = [g for g in demo_services.group_views.list_groups(None) if g.state is GroupState.OPEN]

    clock.advance(days=30)  # past every deadline; nobody touches the screen
    runtime.group_job.clock = clock
    runtime.start()
    try:
        qtbot.waitUntil(lambda: any(Change.GROUPS in changes for changes in heard), timeout=10_000)
    finally:
        runtime.stop()
    assert demo_services.group_views.view(open_group.id).state is GroupState.REFUNDED
    shown = {row.id: row.state for row in groups.model.rows}
    assert shown[open_group.id] is GroupState.REFUNDED
