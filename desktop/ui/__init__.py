"""The UI layer: screens, dialogs, item models and the theme (PySide6); see docs/architecture.md,
"The UI layer"."""
