"""UI language: Qt's translation system, Khmer and English, switchable at run time.

Source strings are English, marked with `tr()` (or `QCoreApplication.translate`), kept in
`resources/translations/branch_client_km.ts` and compiled to `.qm` with
`pyside6-lrelease` (see scripts/update_translations.py). Installing a translator makes
Qt send every widget a LanguageChange event; each screen re-labels itself then.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from branch_client.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"en": "English", "km": "ខ្មែរ"}


class Translator(QObject):
    """Owns the installed translators and switches the application's language.

    Signals:
        language_changed(str): the new language code, after the switch.
    """

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def set_language(self, language: str) -> None:
        """Install the translators for `language` (`en` or `km`) and tell every widget."""
        if language not in LANGUAGE_NAMES:
            raise ValueError(f"unknown language {language!r}")
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(
            QLocale(QLocale.Language.Khmer if language == "km" else QLocale.Language.English, QLocale.Country.Cambodia)
        )
        if language != "en":
            self._install(translations_dir(), f"branch_client_{language}")
            # Qt's own strings (standard buttons, dialogs) when Qt ships them.
            self._install_optional(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}")
        self.language = language
        self.language_changed.emit(language)

    def _install(self, directory: object, name: str) -> None:
        translator = QTranslator(self)
        if not translator.load(name, str(directory)):
            log.error("translation %s not found in the resources", name)
            return
        self._app.installTranslator(translator)
        self._installed.append(translator)

    def _install_optional(self, directory: str, name: str) -> None:
        translator = QTranslator(self)
        if translator.load(name, directory):
            self._app.installTranslator(translator)
            self._installed.append(translator)


def ui_language() -> str:
    """`"km"` while the UI speaks Khmer, else `"en"`: the one answer to "is the UI Khmer?"

    Code that shows stored text in two languages (the centre's messages, choice labels,
    reports) asks here, so a language switch reaches every screen the same way."""
    return "km" if QLocale().language() == QLocale.Language.Khmer else "en"


def translate(context: str, text: str) -> str:
    """`tr()` for code that is not a QObject (lupdate reads `QCoreApplication.translate`)."""
    return QCoreApplication.translate(context, text)
