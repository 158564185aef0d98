"""The one look of the counter: colours, sizes and the stylesheet every window uses.

Widgets do not carry inline styles; they carry a `role` (what they are: a title, a primary
action, the scan field) and, for outcomes, a `tone` (ok, error, warn, info, muted). The
stylesheet below says how each looks. A primary action is big and coloured, and visibly
greyed out when it cannot be pressed (a plain `background:` style would hide that state).
Sizes are chosen so every screen fits a 1024×768 counter screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

W = TypeVar("W", bound=QWidget)

OK = "#1b5e20"
ERROR = "#b00020"
WARN = "#e65100"
INFO = "#0d47a1"
MUTED = "#455a64"
GREEN = "#2e7d32"
BLUE = "#1565c0"
DISABLED_BG, DISABLED_FG = "#cfd8dc", "#90a4ae"
HIGHLIGHT = "#ffe082"  # the winners' rows
NOTE_BG = "#fff8e1"
TOAST_BG = "#fff3f3"

TONES = {"ok": OK, "error": ERROR, "warn": WARN, "info": INFO, "muted": MUTED}

STYLESHEET = f"""
QListWidget#nav {{ font-size: 13pt; }}
QTableView {{ font-size: 12pt; }}
*[role="title"] {{ font-size: 18pt; font-weight: bold; }}
*[role="banner"] {{ font-size: 22pt; font-weight: bold; }}
QListWidget[role="choices"] {{ font-size: 15pt; }}
QLineEdit[role="pin"] {{ font-size: 20pt; }}
QLineEdit[role="entry"] {{ font-size: 16pt; }}
*[role="headline"] {{ font-size: 16pt; font-weight: bold; }}
*[role="seats"] {{ font-size: 22pt; font-weight: bold; color: {INFO}; }}
*[role="verdict"] {{ font-size: 28pt; font-weight: bold; }}
*[role="total"] {{ font-size: 30pt; font-weight: bold; color: {INFO}; }}
*[role="change"] {{ font-size: 26pt; font-weight: bold; color: {OK}; }}
*[role="detail"] {{ font-size: 14pt; }}
*[role="note"] {{ font-size: 13pt; padding: 6px; background: {NOTE_BG}; }}
*[role="message"] {{ font-size: 13pt; }}
*[role="form"] {{ font-size: 12pt; }}
QLineEdit[role="scan"] {{ font-size: 15pt; padding: 4px; }}
QPushButton[role="action"] {{ font-size: 12pt; padding: 6px 10px; }}
QPushButton[role="primary"] {{ font-size: 13pt; font-weight: bold; padding: 7px 12px;
    background: {GREEN}; color: white; border-radius: 4px; }}
QPushButton[role="primary"][colour="blue"] {{ background: {BLUE}; }}
QPushButton[role="primary"]:disabled {{ background: {DISABLED_BG}; color: {DISABLED_FG}; }}
QPushButton[role="key"] {{ font-size: 18pt; }}
QPushButton[role="confirm"] {{ font-size: 16pt; font-weight: bold; padding: 8px 24px; }}
QPushButton[role="item"] {{ font-size: 13pt; padding: 4px; }}
QListWidget[role="results"] {{ font-size: 14pt; }}
QTabBar[role="categories"]::tab {{ font-size: 13pt; min-height: 40px; padding: 0 14px; }}
QFrame#print_toast {{ background: {TOAST_BG}; border: 2px solid {ERROR}; border-radius: 6px; }}
QFrame#print_toast QLabel {{ color: {ERROR}; font-size: 12pt; font-weight: bold; }}
QLabel[badge="true"] {{ color: white; background: {ERROR}; border-radius: 8px; padding: 1px 8px;
    font-weight: bold; }}
""" + "".join(
    f'*[tone="{name}"] {{ color: {colour}; font-weight: bold; }}\n' for name, colour in TONES.items())


def set_role(widget: W, role: str, colour: str | None = None) -> W:
    mark_role(widget, role)
    if colour is not None:
        widget.setProperty("colour", colour)
    _repolish(widget)
    return widget


def mark_role(widget: W, role: str) -> W:
    """`set_role` for a widget being built, before it was ever shown: Qt styles it by its role
    when it first polishes it (the login window uses this: no restyling, no Qt enums)."""
    widget.setProperty("role", role)
    return widget


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Colour an outcome (ok, error, warn, info, muted), or back to plain with None."""
    widget.setProperty("tone", tone or "")
    _repolish(widget)


def tone_colour(tone: str) -> QColor:
    return QColor(TONES[tone])


def _repolish(widget: QWidget) -> None:
    """A property the stylesheet selects on changed: restyle the widget now. One not polished
    yet (built, not shown) gets its style when Qt first polishes it, so nothing is done twice."""
    # Imported here, not at the top: the login window is built without the Qt namespace.
    from PySide6.QtCore import Qt

    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def action_button(parent: QWidget, name: str, text: str, slot: Callable[[], object],
                  role: str = "action") -> QPushButton:
    """A screen's action button: named for tests, themed, and its slot called without `checked`."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    set_role(button, role)
    button.clicked.connect(lambda: slot())
    return button
