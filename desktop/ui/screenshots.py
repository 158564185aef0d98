"""`pinshang demo --screenshot OUTDIR`: render every screen offscreen to PNG files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.core.staff import Actor, Permission
from desktop.ui.override_dialog import OverrideDialog
from desktop.ui.shell import Shell


def _save(widget: QWidget, path: Path) -> Path:
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def capture_all(shell: Shell, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = [_save(shell.gate, out / "login.png")]
    owner = next(i for i in shell.services.staff.list_staff())
    window = shell.enter(Actor(owner.id, owner.name, owner.role))
    for key in window.specs:
        page = window.open_screen(key)
        prepare = getattr(page, "prepare_screenshot", None)  # a screen's demo state, if it has one
        if callable(prepare):
            prepare()
            window.status.refresh()
        written.append(_save(window, out / f"{key}.png"))
    cashier = Actor(0, "小张", owner.role.CASHIER)
    dialog = OverrideDialog(shell.services, cashier, Permission.VIEW_AUDIT, window)
    written.append(_save(dialog, out / "manager_override.png"))
    QTimer.singleShot(0, dialog.reject)
    dialog.done(QDialog.DialogCode.Rejected)
    return written
