"""Loading translations and showing translated domain errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.errors import UserError

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"  # package data: a wheel ships them
LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []


def choose_language(explicit: str | None, saved: str) -> str:
    """Command line, then the saved setting, then the system locale; Chinese by default."""
    for candidate in (explicit, saved):
        if candidate in LANGUAGES:
            return candidate
    return "en" if QLocale.system().language() == QLocale.Language.English else "zh_CN"


def install_language(language: str) -> bool:
    """Replace the app's translator; True when the .qm file was found and loaded."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = QTranslator(app)
    loaded = translator.load(str(TRANSLATIONS / f"pinshang_{language}.qm"))
    if loaded:
        app.installTranslator(translator)
        _installed.append(translator)
    qt_own = QTranslator(app)  # Qt's own strings: OK/Cancel buttons, file dialogs, context menus
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(language))
    return loaded


def error_text(exc: UserError) -> str:
    """The error in the person's language and words: field codes named, fen shown as money."""
    from desktop.ui.wording import humane_error

    return humane_error(exc, current_language()).render(QCoreApplication.translate)


def current_language() -> str:
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
