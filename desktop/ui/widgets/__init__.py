"""Small widgets of the counter, and `named`: a widget with its object name (tests and the
stylesheet find widgets by it), typed, where Qt's keyword `objectName=` is not in the stubs."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str, **properties: object) -> W:
    """`widget` with its object name and Qt properties set: `named(QLabel(self), "seats",
    wordWrap=True)` (each keyword a Q_PROPERTY of the widget's class)."""
    widget.setObjectName(name)
    for key, value in properties.items():
        if not widget.setProperty(key, value) and widget.metaObject().indexOfProperty(key) < 0:
            raise AttributeError(f"{type(widget).__name__} has no Qt property {key!r}")
    return widget
