"""The guide on F1: a short handbook in the UI language, shipped with the program and read
offline, opened at the section of the page in view.

The guide is HTML in `resources/help/guide-<lang>.html` (English and Khmer), its pictures in
`resources/help/images/` (copied there by `scripts/screenshots.py`, so they show the screens
as they are). Each page of the workspace has a section named by its navigation key
(`capture`, `registrations`, `rejections`, `sync`, `accounts`, `indicators`, `audit`); the
sign-in screens open it at `start`, and `warnings` says what each warning means.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from branch_client.i18n import ui_language
from branch_client.paths import resources_dir

#: The sections every guide has, by the key of the page they explain.
SECTIONS = (
    "start",
    "home",
    "capture",
    "registrations",
    "rejections",
    "sync",
    "accounts",
    "indicators",
    "audit",
    "warnings",
)


def guide_path(lang: str) -> Path:
    """The guide in `lang` (`km`, `en`); the English one when there is none in `lang`."""
    folder = resources_dir() / "help"
    path = folder / f"guide-{lang}.html"
    return path if path.is_file() else folder / "guide-en.html"


class HelpDialog(QDialog):
    """The guide, beside the window (not modal: the teller can read while she types)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.section = "start"
        self.lang = ""
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)  # links between sections of the guide
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, self.raise_)  # F1 again: it is already here
        self.resize(760, 640)
        self.retranslate()

    def show_section(self, section: str) -> None:
        """Show the guide in the UI language at `section` (its start when there is no such section)."""
        self.section = section if section in SECTIONS else "start"
        self._load()
        self.show()
        self.raise_()
        self.activateWindow()

    def _load(self) -> None:
        lang = ui_language()
        if lang != self.lang:
            self.lang = lang
            self.browser.setSource(QUrl.fromLocalFile(str(guide_path(lang))))
        self.browser.scrollToAnchor(self.section)

    def scrolled_to(self) -> int:
        """Where the guide is scrolled to, in pixels (0: its top)."""
        return self.browser.verticalScrollBar().value()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Guide"))
        if self.close_button is not None:  # Qt's own word is English where it has no Khmer
            self.close_button.setText(self.tr("Close"))
        if self.lang:
            self._load()  # the guide in the new language, at the same section

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
