"""Settings: language (anyone), store name (manager), the version and the About dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.settings_keys import LANGUAGE, STORE_NAME
from desktop.core.staff import Permission
from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.messages import set_status
from desktop.ui.operations import run_op
from desktop.ui.screen import ScreenBase
from desktop.ui.widgets import named


class SettingsScreen(ScreenBase):
    shows = frozenset({Change.SETTINGS})
    message: QLabel  # always there (ScreenBase allows none)
    language_changed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("settings")
        self.language = named(QComboBox(self), "language")
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.store_name = named(QLineEdit(self), "store_name")
        self.store_name.setEnabled(ctx.actor.may(Permission.MANAGE_SETTINGS))
        self.save = named(QPushButton(self.tr("Save"), self), "save")
        self.save.clicked.connect(self.save_settings)
        self.message = named(QLabel(self), "message", wordWrap=True)
        self.version = named(QLabel(__version__, self), "version")
        self.about = named(QPushButton(self.tr("About Pinshang Counter…"), self), "about")
        self.about.clicked.connect(self.show_about)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Store name"), self.store_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save)
        layout.addWidget(self.message)
        layout.addStretch(1)
        about = QFormLayout()
        about.addRow(self.tr("Version"), self.version)
        layout.addLayout(about)
        layout.addWidget(self.about)
        self.refresh()

    def show_about(self) -> None:
        # imported only when asked: it reads every library's metadata
        from desktop.ui.about_dialog import AboutDialog

        AboutDialog(self.ctx.services.db.path.parent, self).exec()

    def refresh(self) -> None:
        settings = self.ctx.services.settings
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        self.store_name.setText(settings.get(STORE_NAME))

    def save_settings(self) -> None:
        settings, actor = self.ctx.services.settings, self.ctx.actor
        language = str(self.language.currentData())
        store = self.store_name.text().strip() if self.store_name.isEnabled() else None
        new_language = language != settings.get(LANGUAGE)

        def write() -> None:
            if store is not None and store != settings.get(STORE_NAME):
                settings.set(actor, STORE_NAME, store)
            if new_language:
                settings.set_language(actor, language)

        def saved(_result: object) -> None:
            if new_language:
                self.language_changed.emit(language)  # the windows are rebuilt in the new language
            else:
                set_status(self.message, self.tr("Saved"), ok=True)

        run_op(self.ctx, write, saved,
               lambda text, _exc: set_status(self.message, text, ok=False),
               busy=[self.save], doing="saving settings")
