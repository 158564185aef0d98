"""In the bundle, pyusb uses the libusb the bundle ships, set up when a USB printer is first opened.

PyInstaller's runtime hook for pyusb (`pyi_rth_usb`, from pyinstaller-hooks-contrib) makes
pyusb's backends load their library from the bundle's folder. Run as a runtime hook, it would
import pyusb's three backends and ctypes before the app starts: about 10 ms of every start,
for a printer most counters reach over the network. The bundle carries the hook as a file
(installer/pinshang.spec) and `use_bundled_libusb` runs that same file, once, before the first
USB printer is opened. Outside a bundle it does nothing: pyusb finds the system's libusb."""

from __future__ import annotations

import runpy
import sys
import threading
from pathlib import Path

from desktop.paths import resources_dir

HOOK = "pyinstaller/pyi_rth_usb.py"  # under desktop/resources in the bundle
_lock = threading.Lock()
_done: list[Path] = []


def use_bundled_libusb() -> bool:
    """Run the bundle's pyusb hook (once); True when it has run."""
    if not getattr(sys, "frozen", False):
        return False
    hook = resources_dir() / HOOK
    with _lock:
        if not _done:
            if not hook.is_file():
                raise FileNotFoundError(f"the bundle has no {hook}: USB printers would use another libusb")
            runpy.run_path(str(hook), run_name="pyi_rth_usb")
            _done.append(hook)
    return True
