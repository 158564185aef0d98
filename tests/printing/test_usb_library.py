"""The bundle's pyusb hook, run at the first USB printer (desktop/printing/usb_library.py): pyusb
then loads the libusb in the bundle's folder, not the system's; outside a bundle nothing runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import _pyinstaller_hooks_contrib

from desktop.printing import usb_library

SYSTEM_LIBUSB = Path("/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0")  # dev.py installs libusb-1.0-0
ROOT = Path(__file__).resolve().parents[2]


def test_outside_a_bundle_pyusb_is_left_as_it_is() -> None:
    assert usb_library.use_bundled_libusb() is False


def test_in_a_bundle_the_first_usb_printer_loads_the_bundles_libusb(tmp_path: Path) -> None:
    """As the bundle lays it out: the hook under desktop/resources/pyinstaller, libusb in the
    bundle's folder (sys._MEIPASS). A USB printer is opened (no device: it fails to connect);
    pyusb's backend then holds the bundle's copy of libusb."""
    bundle = tmp_path / "_internal"
    (bundle / "desktop" / "resources" / "pyinstaller").mkdir(parents=True)
    hook = Path(_pyinstaller_hooks_contrib.__file__).parent / "rthooks" / "pyi_rth_usb.py"
    shutil.copy(hook, bundle / "desktop" / "resources" / usb_library.HOOK)
    shutil.copy(SYSTEM_LIBUSB, bundle / "libusb-1.0.so.0")
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        sys.frozen, sys._MEIPASS = True, {str(bundle)!r}
        from desktop.printing import escpos_backend, usb_library
        usb_library.resources_dir = lambda: Path({str(bundle / "desktop" / "resources")!r})
        config = escpos_backend.PrinterConfig(name="USB", connection=escpos_backend.ConnectionKind.USB,
                                              usb_vendor_id=0x04B8, usb_product_id=0x0202)
        try:
            escpos_backend._open_device(config).open()
        except Exception as exc:
            print("open:", type(exc).__name__)
        import usb.backend.libusb1 as libusb1
        print("library:", libusb1.get_backend().lib._name)
        usb_library.use_bundled_libusb()  # a second printer: the hook is not run again
        print("runs:", len(usb_library._done))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert f"library: {bundle / 'libusb-1.0.so.0'}" in done.stdout, done.stdout
    assert "runs: 1" in done.stdout
