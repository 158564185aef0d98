"""A quick read-only look at the store with the standard library only.

Importing SQLAlchemy and checking migrations costs several hundred milliseconds; the login
window needs only the staff list and a few settings. `read_snapshot` gets them with sqlite3
so the window shows at once while the full store opens in the background.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.clock import from_iso
from desktop.core.settings_keys import DEMO_MODE, LANGUAGE, STORE_NAME
from desktop.core.staff import Role, StaffInfo
from desktop.core.startup import StartupSnapshot


def read_snapshot(path: Path) -> StartupSnapshot | None:
    """The snapshot, or None when the file is missing, empty or not as expected
    (then the caller opens the store the slow, checked way)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            return _read(conn)
        finally:
            conn.close()
    except (sqlite3.Error, ValueError):
        return None


def _read(conn: sqlite3.Connection) -> StartupSnapshot | None:
    rows = conn.execute(
        "SELECT id, name, role, active, locked_until FROM staff WHERE active = 1 "
        "ORDER BY role DESC, name").fetchall()
    if not rows:
        return None
    settings = dict(conn.execute("SELECT key, value FROM settings WHERE key IN (?, ?, ?)",
                                 (STORE_NAME, LANGUAGE, DEMO_MODE)).fetchall())
    staff = [StaffInfo(r[0], r[1], Role(r[2]), bool(r[3]), from_iso(r[4]) if r[4] else None) for r in rows]
    return StartupSnapshot(staff, settings.get(STORE_NAME, ""), settings.get(LANGUAGE, ""),
                           settings.get(DEMO_MODE) == "1")
