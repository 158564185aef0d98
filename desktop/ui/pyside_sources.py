"""PySide6 reads the whole source of every module imported after it, and keeps it.

Since PYSIDE-2029 its import hook asks of each newly imported module whether it uses PySide
(to give modules that may say `from __feature__ import snake_case` their own feature switch):
`shibokensupport.feature._mod_uses_pyside` searches `inspect.getsource(module)` for "PySide6".
`inspect.getsource` goes through `linecache`, which keeps every file it read for good: the
store's opening (SQLAlchemy, the models, the services) leaves about 8 MiB of source text there,
some 20 MiB of the process's memory (bench/startup.py, idle memory), for a cache nothing reads
again. A bundle, whose modules have no source, never paid it.

`keep_no_sources` puts in its place the same question asked the same way (the module's own .py
file searched for "PySide6"), read and let go. If a PySide6 release renames these internals,
nothing is changed and PySide6 does as it did.
"""

from __future__ import annotations

import sys
from types import ModuleType

MARK = b"PySide6"


def uses_pyside(module: ModuleType) -> bool:
    """PySide6's answer: does the module's source say "PySide6"? No source (built-in,
    extension, bytecode only), no."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as handle:
            return MARK in handle.read()
    except OSError:
        return False


def keep_no_sources() -> bool:
    """Install `uses_pyside` as PySide6's check; False when this PySide6 has no such check."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
