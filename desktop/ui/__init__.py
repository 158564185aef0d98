"""The UI layer: screens, dialogs, item models and the theme (PySide6); see docs/architecture.md,
"The UI layer".

PySide6 is imported first here, and at once told not to keep the source of the modules imported
after it (desktop/ui/pyside_sources.py): every module of the UI, and later the store's, comes
after this."""

import PySide6.QtCore  # noqa: F401 (installs PySide6's import hook, which keep_no_sources tunes)

from desktop.ui.pyside_sources import keep_no_sources

keep_no_sources()
