"""What every screen is given: the services, who is logged in, and the change bus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from desktop.core.staff import Actor
from desktop.ui.changes import ChangeBus

if TYPE_CHECKING:
    from desktop.services.registry import Services


@dataclass
class UiContext:
    services: Services
    actor: Actor
    demo: bool = False
    extras: dict[str, Any] = field(default_factory=dict)  # sync worker, printers, ... when present
    bus: ChangeBus = field(default_factory=ChangeBus)  # one per main window, shared by its screens
    open_screen: Callable[[str], object] | None = None  # the main window's, once it exists

    def as_actor(self, actor: Actor) -> UiContext:
        """The same context for another actor (a manager-approved one); the bus is shared."""
        return replace(self, actor=actor)
