"""Marking strings for translation without importing Qt.

`QT_TRANSLATE_NOOP` has the name Qt's lupdate looks for, so every message written here is
extracted into desktop/translations/*.ts; the UI translates it at display time with
QCoreApplication.translate(context, text) and then fills in `{placeholders}`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate expects
    del context
    return text
