"""About: the version, where the data and the logs are (for a support call), and the licences
of the bundled parts (Qt's LGPL notice, the fonts, the Python libraries: desktop.licences)."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.licences import notice_text
from desktop.paths import log_dir
from desktop.ui.theme import set_role


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Pinshang Counter"))
        self.data_folder = data_folder
        title = QLabel(self.tr("Pinshang Counter {version}").format(version=__version__), self)
        title.setObjectName("about_version")
        set_role(title, "title")
        form = QFormLayout()
        self.folder_label = self._path_label(str(data_folder), "data_folder")
        self.logs_label = self._path_label(str(log_dir(data_folder)), "log_folder")
        form.addRow(self.tr("Data folder"), self.folder_label)
        form.addRow(self.tr("Logs"), self.logs_label)
        form.addRow(self.tr("Built with"), QLabel(f"Qt {qVersion()} · PySide6 {pyside_version}", self))
        self.licences = QPlainTextEdit(notice_text(), self)
        self.licences.setObjectName("licences")
        self.licences.setReadOnly(True)
        self.open_folder = QPushButton(self.tr("Open the data folder"), self)
        self.open_folder.setObjectName("open_folder")
        self.open_folder.clicked.connect(self.show_folder)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("close")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Licences of the parts shipped with this app"), self))
        layout.addWidget(self.licences, 1)
        layout.addLayout(buttons)
        self.resize(720, 560)

    def _path_label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_folder(self) -> bool:
        """Open the data folder in the system's file manager (for backups and support)."""
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder))))
