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
