"""What every screen is given: the services and who is logged in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.staff import Actor

if TYPE_CHECKING:
    from desktop.services.registry import Services


@dataclass
class UiContext:
    services: Services
    actor: Actor
    demo: bool = False
    extras: dict[str, Any] = field(default_factory=dict)  # sync worker, printers, ... when present
