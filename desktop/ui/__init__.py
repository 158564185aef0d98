"""The UI layer: screens, dialogs, item models and the theme (PySide6); docs/architecture.md
(The UI layer) and the notes in docs/parts/ui.md."""
