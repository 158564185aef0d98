"""What the login window needs before the full store is loaded (see desktop/store/snapshot.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.staff import StaffInfo


@dataclass(frozen=True)
class StartupSnapshot:
    staff: list[StaffInfo] = field(default_factory=list)
    store_name: str = ""
    language: str = ""
    demo: bool = False
