"""The review that ends the wizard: every answer that applies, by page, as it will be stored,
and what still stops the submission.

The teller reads the answers back to the owner, so the questions and the answers are in the
language the owner reads (`owner_language`: Khmer unless the record says otherwise), whatever
the screen's language; the screen's own words (its intro, page titles, Edit, the problems
that stop the submission) stay in the teller's UI language.

For an owner who reads both, each question shows its Khmer wording with the English under
it, smaller, and each answer that reads differently by language (a choice, a date) its
Khmer reading with the English under it; names, numbers and phones, the same in both, are
shown once. Khmer first on every row, as on Cambodian official forms, so the teller reads
one line down the page and the owner can follow in either language.
"""

from __future__ import annotations

import html
import re
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
from forms.owner_language import owner_languages
from forms.wizard import Wizard

LABEL_WIDTH = 260
#: The second language's line under the first (the colour of the review's labels).
SECOND_LANGUAGE_STYLE = "color:#5b6775; font-size:small"


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
        self.labels: dict[str, QLabel] = {}  # field name → its question, in the owner's language
        self.problems: QLabel | None = None
        self.languages: tuple[str, ...] = ("km",)  # what the owner reads: the rows are in these
        self._shown: dict[str, str] = {}  # field name → the value's plain text (each language a line)

    def show_wizard(self, wizard: Wizard, *, banner: str = "") -> None:
        """Rebuild the summary from the wizard's answers."""
        form = wizard.form
        stored = form.normalise(wizard.answers)
        errors = wizard.all_errors()
        self.languages = owner_languages(wizard.answers)
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
        self.values, self.labels, self._shown = {}, {}, {}
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
            label = QLabel()
            _set_text(label, [row.label(lang) for lang in self.languages])
            label.setObjectName("reviewLabel")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setFixedWidth(LABEL_WIDTH)
            value = self._value(wizard, row, stored, errors)
            grid.addWidget(label, line, 0)
            grid.addWidget(value, line, 1)
            self.values[row.name] = value
            self.labels[row.name] = label
        box.addLayout(grid)
        return section

    def _value(self, wizard: Wizard, row: Row, stored: Mapping[str, object], errors: Mapping[str, str]) -> QLabel:
        """An answer as it will be stored, in the owner's language(s), or as typed with its
        problem in red (the problem in the teller's language: it is the teller's to fix)."""
        form = wizard.form
        value = QLabel()
        if row.name in errors:
            raw = wizard.answers.get(row.name)
            shown = _readings(form, row, raw, self.languages) if raw is not None else []
            problem = f'<span style="color:#b00020">{html.escape(errors[row.name])}</span>'
            value.setText(_html_lines(shown, extra=problem))
            value.setTextFormat(Qt.TextFormat.RichText)
        else:
            shown = _readings(form, row, stored.get(row.name), self.languages)
            _set_text(value, shown or ["—"])
            if not shown:
                value.setObjectName("emptyValue")
        self._shown[row.name] = "\n".join(shown) if shown or row.name in errors else "—"
        if value.objectName() == "":
            value.setObjectName("reviewValue")
        value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # beside its label's first line
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return value

    def value_text(self, name: str) -> str:
        """The text shown for field `name`, each language on its own line ("" when it is not
        shown, "—" when it has no answer)."""
        return self._shown.get(name, "")

    def label_text(self, name: str) -> str:
        """The question shown for field `name`, each language on its own line ("" when not shown)."""
        label = self.labels.get(name)
        if label is None:
            return ""
        if label.textFormat() == Qt.TextFormat.PlainText:
            return label.text()
        return "\n".join(_plain_lines(label.text()))

    def _follow(self, link: str) -> None:
        _, page, name = link.split(":", 2)
        self.edit_requested.emit(int(page), name)


def summary_pairs(wizard: Wizard) -> Mapping[str, str]:
    """Field → shown value for every answered question that applies, in the language the
    owner reads (each language on its own line for an owner who reads both)."""
    stored = wizard.form.normalise(wizard.answers)
    relevant = wizard.relevance()
    languages = owner_languages(wizard.answers)
    return {
        row.name: "\n".join(_readings(wizard.form, row, stored.get(row.name), languages))
        for row in wizard.form.rows
        if row.takes_answer and relevant.get(row.name, False) and row.name in stored
    }


def _readings(form: Form, row: Row, value: object, languages: tuple[str, ...]) -> list[str]:
    """`value` as it reads in each of `languages`, once when it reads the same in all ([] when empty)."""
    readings: list[str] = []
    for lang in languages:
        shown = show_answer(form, row, value, lang)
        if shown and shown not in readings:
            readings.append(shown)
    return readings


def _set_text(label: QLabel, lines: list[str]) -> None:
    """One line as plain text; a second language under the first, smaller and muted."""
    if len(lines) <= 1:
        label.setText(lines[0] if lines else "")
        label.setTextFormat(Qt.TextFormat.PlainText)
    else:
        label.setText(_html_lines(lines))
        label.setTextFormat(Qt.TextFormat.RichText)


def _html_lines(lines: list[str], *, extra: str = "") -> str:
    """`lines` as rich text, the first as it is and the others in the second language's style,
    then `extra` (already HTML) on a line of its own."""
    parts = [html.escape(lines[0])] if lines else []
    parts += [f'<span style="{SECOND_LANGUAGE_STYLE}">{html.escape(line)}</span>' for line in lines[1:]]
    if extra:
        parts.append(extra)
    return "<br>".join(parts)


def _plain_lines(rich: str) -> list[str]:
    """The lines of a label made by `_html_lines`, as plain text."""
    return [html.unescape(re.sub(r"<[^>]+>", "", part)) for part in rich.split("<br>")]
