"""Logging: a rotating file in the data folder, and unexpected errors logged with context.

Errors the user can fix are shown, not logged as bugs; anything else that escapes (a bug) is
written here with its traceback and thread, so a support call can start from the file.
The log names staff and members: its folder is 0700 and its files 0600 (desktop.paths).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path
from types import TracebackType

from desktop.paths import PRIVATE_FILE, log_dir, private_dir, tighten

LOG_NAME = "pinshang.log"
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def setup_logging(folder: Path) -> Path:
    """Log to folder/logs/pinshang.log (1 MB × 5), replacing an earlier store's log file."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_pinshang", False)]:
        root.removeHandler(old)
        old.close()
    try:
        logs = private_dir(log_dir(folder))
        for old_file in logs.glob(f"{LOG_NAME}*"):  # written before files were made private
            tighten(old_file, PRIVATE_FILE)
        handler: logging.Handler = PrivateRotatingFileHandler(
            logs / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:  # a read-only folder: the app still runs, and says so on stderr
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._pinshang = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    sys.excepthook = _log_unexpected
    threading.excepthook = lambda args: _log_unexpected(args.exc_type, args.exc_value, args.exc_traceback)
    return log_dir(folder) / LOG_NAME


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Opens (and, after each rotation, re-creates) the log file with mode 0600."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        return io.TextIOWrapper(os.fdopen(fd, "ab"), encoding=self.encoding, errors=self.errors)


def _log_unexpected(kind: type[BaseException], value: BaseException | None,
                    trace: TracebackType | None) -> None:
    error = value if value is not None else kind()
    logging.getLogger("pinshang.unexpected").critical("unexpected error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)
