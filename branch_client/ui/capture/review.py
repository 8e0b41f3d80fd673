"""The review that ends the wizard: every answer that applies, by page, as it will be stored
(choices by their labels in the UI language), and what still stops the submission."""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from forms import Form, Row
from forms.display import show_answer
from forms.wizard import Wizard

LABEL_WIDTH = 260


class ReviewView(QWidget):
    """A summary of the answers, page by page, with a way back to each page and each problem.

    Signals:
        edit_requested(int, str): go to this page (and this field, or "" for the page's first).
    """

    edit_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review")
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setObjectName("reviewArea")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self.content: QWidget | None = None
        self.values: dict[str, QLabel] = {}  # field name → its shown value (tests read them)
        self.problems: QLabel | None = None

    def show_wizard(self, wizard: Wizard, *, banner: str = "") -> None:
        """Rebuild the summary from the wizard's answers."""
        form = wizard.form
        stored = form.normalise(wizard.answers)
        errors = wizard.all_errors()
        content = QWidget()
        content.setObjectName("reviewContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 12, 24, 24)
        column.setSpacing(14)
        intro = QLabel(
            translate(
                "Capture",
                "Read the answers back to the owner. To change one, go back to its page (Page Up) or choose Edit.",
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        column.addWidget(intro)
        if banner:
            note = QLabel(banner)
            note.setObjectName("remarkText")
            note.setWordWrap(True)
            column.addWidget(note)
        self.problems = self._problem_list(form, errors, wizard.lang) if errors else None
        if self.problems is not None:
            column.addWidget(self.problems)
        self.values = {}
        relevant = wizard.relevance()
        for index, page in enumerate(form.pages):
            rows = [r for r in page.rows if r.takes_answer and relevant.get(r.name, False)]
            if rows:
                column.addWidget(self._page_section(wizard, index, page.label(wizard.lang), rows, stored, errors))
        column.addStretch(1)
        old = self.area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.area.setWidget(content)
        self.content = content

    def _problem_list(self, form: Form, errors: Mapping[str, str], lang: str) -> QLabel:
        """What still stops the submission, each a link to its page and field."""
        items = []
        for index, page in enumerate(form.pages):
            for row in page.rows:
                if row.name in errors:
                    link = f"field:{index}:{row.name}"
                    items.append(
                        f'<li><a href="{link}">{html.escape(page.label(lang))} › {html.escape(row.label(lang))}</a>'
                        f" — {html.escape(errors[row.name])}</li>"
                    )
        head = html.escape(translate("Capture", "The registration cannot be submitted yet. Fix these answers:"))
        problems = QLabel(f"<b>{head}</b><ul style='margin-left:-20px'>{''.join(items)}</ul>")
        problems.setObjectName("problemBox")
        problems.setWordWrap(True)
        problems.setTextFormat(Qt.TextFormat.RichText)
        problems.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        problems.linkActivated.connect(self._follow)
        return problems

    def _page_section(
        self,
        wizard: Wizard,
        index: int,
        title_text: str,
        rows: list[Row],
        stored: Mapping[str, object],
        errors: Mapping[str, str],
    ) -> QFrame:
        """One page's answers under its title, with Edit to go back to it."""
        section = QFrame()
        section.setObjectName("reviewSection")
        box = QVBoxLayout(section)
        box.setContentsMargins(16, 10, 16, 12)
        heading = QHBoxLayout()
        title = QLabel(title_text)
        title.setObjectName("sectionTitle")
        edit = QPushButton(translate("Capture", "Edit"))
        edit.setObjectName("linkButton")
        edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        edit.setCursor(Qt.CursorShape.PointingHandCursor)
        edit.clicked.connect(lambda _checked=False, i=index: self.edit_requested.emit(i, ""))
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(edit)
        box.addLayout(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, LABEL_WIDTH)  # the same in every section
        for line, row in enumerate(rows):
            label = QLabel(row.label(wizard.lang))
            label.setObjectName("reviewLabel")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setFixedWidth(LABEL_WIDTH)
            value = self._value(wizard, row, stored, errors)
            grid.addWidget(label, line, 0)
            grid.addWidget(value, line, 1)
            self.values[row.name] = value
        box.addLayout(grid)
        return section

    @staticmethod
    def _value(wizard: Wizard, row: Row, stored: Mapping[str, object], errors: Mapping[str, str]) -> QLabel:
        """An answer as it will be stored, or as typed with its problem in red."""
        form, lang = wizard.form, wizard.lang
        if row.name in errors:
            raw = wizard.answers.get(row.name)
            shown = show_answer(form, row, raw, lang) if raw is not None else ""
            value = QLabel(
                (html.escape(shown) + "<br>" if shown else "")
                + f'<span style="color:#b00020">{html.escape(errors[row.name])}</span>'
            )
            value.setTextFormat(Qt.TextFormat.RichText)
        else:
            shown = show_answer(form, row, stored.get(row.name), lang)
            value = QLabel(shown or "—")
            value.setTextFormat(Qt.TextFormat.PlainText)
            if not shown:
                value.setObjectName("emptyValue")
        if value.objectName() == "":
            value.setObjectName("reviewValue")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return value

    def value_text(self, name: str) -> str:
        """The text shown for field `name` ("" when it is not shown)."""
        label = self.values.get(name)
        return label.text() if label is not None else ""

    def _follow(self, link: str) -> None:
        _, page, name = link.split(":", 2)
        self.edit_requested.emit(int(page), name)


def summary_pairs(wizard: Wizard) -> Mapping[str, str]:
    """Field → shown value for every answered question that applies (for tests and receipts)."""
    stored = wizard.form.normalise(wizard.answers)
    relevant = wizard.relevance()
    return {
        row.name: show_answer(wizard.form, row, stored.get(row.name), wizard.lang)
        for row in wizard.form.rows
        if row.takes_answer and relevant.get(row.name, False) and row.name in stored
    }
