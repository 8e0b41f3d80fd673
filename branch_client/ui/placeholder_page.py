"""A page that says plainly it is not built yet, and what it will do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from branch_client.ui.widgets import Page, title_label


class PlaceholderPage(Page):
    """A titled page with one paragraph of explanation, both re-translated on switch."""

    def __init__(self, title: Callable[[], str], explanation: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title, self._explanation = title, explanation
        self.title = title_label()
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self._title())
        self.body.setText(self._explanation())
