"""What every screen is given: the services, who is logged in, the change bus, and the sync
hooks when the terminal runs the sync runtime. Every field is typed: no screen looks anything
up by a string."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop.core.staff import Actor
from desktop.ui.changes import ChangeBus

if TYPE_CHECKING:
    from desktop.services.registry import Services
    from desktop.ui.sync_status import SyncHooks


@dataclass
class UiContext:
    services: Services
    actor: Actor
    demo: bool = False
    sync: SyncHooks | None = None  # desktop.ui.sync_status.install: the runtime, its state, the logout guard
    bus: ChangeBus = field(default_factory=ChangeBus)  # one per main window, shared by its screens
    open_screen: Callable[[str], object] | None = None  # the main window's, once it exists

    def as_actor(self, actor: Actor) -> UiContext:
        """The same context for another actor (a manager-approved one); the bus is shared."""
        return replace(self, actor=actor)
