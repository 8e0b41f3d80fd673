"""The widgets of the capture page: the field editors, the wizard, its review, the duplicate
warning, the drafts list and the submitted view. `branch_client.ui.capture.page.CapturePage`
puts them together; the decisions they display are made by `forms.wizard.Wizard`."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def ui_language() -> str:
    """The UI language as a form language code: km or en."""
    return "km" if QLocale().language() == QLocale.Language.Khmer else "en"
