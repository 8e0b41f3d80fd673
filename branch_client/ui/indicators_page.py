"""Indicators (being built)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from branch_client.i18n import translate
from branch_client.store import Session
from branch_client.ui.placeholder_page import PlaceholderPage


class IndicatorsPage(PlaceholderPage):
    """Stand-in until the page lands."""

    submitted = Signal(str)
    correction_requested = Signal(str)
    open_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.session = session
        super().__init__(lambda: translate("Workspace", "Indicators"), lambda: "", parent)
