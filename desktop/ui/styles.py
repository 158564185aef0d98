"""Shared looks. A primary action is big and coloured, and visibly greyed out when it cannot
be pressed (a plain `background:` style would hide the disabled state)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

GREEN = "#2e7d32"
BLUE = "#1565c0"


def primary_button(colour: str, font_pt: int = 15) -> str:
    return (
        f"QPushButton {{ font-size: {font_pt}pt; font-weight: bold; padding: 10px 18px;"
        f" background: {colour}; color: white; border-radius: 4px; }}"
        " QPushButton:disabled { background: #cfd8dc; color: #90a4ae; }"
    )


def action_button(parent: QWidget, name: str, text: str, slot: Callable[[], object], style: str) -> QPushButton:
    """A screen's action button: named for tests, styled, and its slot called without `checked`."""
    button = QPushButton(text, parent, objectName=name)
    button.setStyleSheet(style)
    button.clicked.connect(lambda: slot())
    return button
