"""Where the store lives: --data-dir, else PINSHANG_DATA_DIR, else the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "pinshang.db"


def data_dir(explicit: str | None = None) -> Path:
    chosen = explicit or os.environ.get("PINSHANG_DATA_DIR") or ""
    if chosen:
        return Path(chosen).expanduser().resolve()
    import platformdirs  # only when no folder is given: keeps start-up short

    return Path(platformdirs.user_data_dir("PinshangCounter", "Pinshang"))


def db_path(directory: Path) -> Path:
    return directory / DB_FILENAME


def log_dir(directory: Path) -> Path:
    """The logs sit in the data folder (desktop.logs): one folder to send to support or back up,
    and a demo or test store given with --data-dir keeps its own log."""
    return directory / "logs"


def resources_dir() -> Path:
    """The package's own files (icon, fonts a bundle ships), wherever the package is installed:
    a wheel's site-packages, a PyInstaller bundle (its modules' __file__ lies in the bundle's
    folder, where the spec puts desktop/resources), or a checkout. Found from this file, not
    through importlib.resources, which would import tempfile and more before the login window."""
    return Path(__file__).resolve().parent / "resources"


def bundled_fonts_dir() -> Path:
    """Fonts shipped inside the package: the Linux bundle puts a CJK font here; a wheel has none."""
    return resources_dir() / "fonts"


FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


def bundled_fonts() -> list[Path]:
    """The font files of `bundled_fonts_dir` (here, not in desktop.licences, whose
    importlib.metadata the start-up must not pay for)."""
    folder = bundled_fonts_dir()
    if not folder.is_dir():
        return []
    return sorted(f for f in folder.iterdir() if f.suffix.lower() in FONT_SUFFIXES)


# --- a private data folder ------------------------------------------------------------------
# The store holds staff PIN hashes, member phone numbers and the audit log; the logs and printed
# PDFs name members too. On POSIX the folder is 0700 and its files 0600, made so at creation and
# tightened at start-up. On Windows chmod only toggles "read-only": the protection there is the
# per-user AppData folder (the default data folder), whose ACL admits only that user.

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
POSIX = os.name == "posix"
STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def private_dir(path: Path) -> Path:
    """Make `path` (and missing parents) and set it to 0700 on POSIX; returns it."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    tighten(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty with 0600 if it is missing (never truncating it), else tighten it."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass
    tighten(path, PRIVATE_FILE)
    return path


def tighten(path: Path, mode: int) -> None:
    """Remove group and other access from an existing file or folder (nothing on Windows).
    A missing path, or one this user may not change, is left as it is."""
    if not POSIX:
        return
    try:
        current = path.stat().st_mode & 0o777
        if current & ~mode & 0o077:
            path.chmod(current & mode)
    except OSError:
        pass


def secure_data_dir(folder: Path) -> None:
    """At start-up: the folder, the store and its WAL files, the logs and the demo's printed
    PDFs, private. Only names the app itself writes are touched, never anything else there."""
    tighten(folder, PRIVATE_DIR)
    for suffix in STORE_SUFFIXES:
        tighten(folder / f"{DB_FILENAME}{suffix}", PRIVATE_FILE)
    for sub, pattern in (("logs", "pinshang.log*"), ("printed", "*.pdf")):
        if (folder / sub).is_dir():
            tighten(folder / sub, PRIVATE_DIR)
            for file in (folder / sub).glob(pattern):
                tighten(file, PRIVATE_FILE)
