"""Logging: a rotating file in the data folder, and unexpected errors logged with context.

Errors the user can fix are shown, not logged as bugs; anything else that escapes (a bug) is
written here with its traceback and thread, so a support call can start from the file.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from pathlib import Path
from types import TracebackType

LOG_NAME = "pinshang.log"
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def setup_logging(folder: Path) -> Path:
    """Log to folder/logs/pinshang.log (1 MB × 5), replacing an earlier store's log file."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_pinshang", False)]:
        root.removeHandler(old)
        old.close()
    try:
        (folder / "logs").mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "logs" / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:  # a read-only folder: the app still runs, and says so on stderr
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._pinshang = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    sys.excepthook = _log_unexpected
    threading.excepthook = lambda args: _log_unexpected(args.exc_type, args.exc_value, args.exc_traceback)
    return folder / "logs" / LOG_NAME


def _log_unexpected(kind: type[BaseException], value: BaseException | None,
                    trace: TracebackType | None) -> None:
    logging.getLogger("pinshang.unexpected").critical("unexpected error", exc_info=(kind, value, trace))
    sys.__excepthook__(kind, value or kind(), trace)
