"""Small widgets of the counter, and `named`: a widget with its object name (tests and the
stylesheet find widgets by it), typed, where Qt's keyword `objectName=` is not in the stubs."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """`widget` with its object name set: `named(QLabel(self), "seats")`."""
    widget.setObjectName(name)
    return widget
