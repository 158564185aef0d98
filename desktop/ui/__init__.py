"""The UI layer: screens, dialogs, item models and the theme (PySide6); notes in docs/parts/ui.md."""
