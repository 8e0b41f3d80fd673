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
from collections.abc import Mapping

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from branch_client.i18n import translate
from forms import Form, Row
from forms.display import show_answer
from forms.owner_language import owner_languages
from forms.wizard import Wizard

LABEL_WIDTH = 260
#: The second language's line under the first (the colour of the review's labels).
SECOND_LANGUAGE_STYLE = "color:#5b6775; font-size:small"
# A question, an answer, no answer, a problem, a page's title: the capture screens' colours.
LABEL_STYLE = "color:#5b6775"
VALUE_STYLE = "color:#1b2733"
EMPTY_STYLE = "color:#9aa4ae"
PROBLEM_STYLE = "color:#b00020"
TITLE_STYLE = "font-size:12pt; font-weight:bold; color:#1b2733"
SECTION_STYLE = "border-color:#dde1e6; border-style:solid; margin-bottom:14px"
# How far an arrow key scrolls the review (pixels).
SCROLL_STEP = 60


class ReviewView(QWidget):
    """A summary of the answers, page by page, with a way back to each page and each problem.

    One rich-text document (a `QTextBrowser`), not a pair of labels per answer: it is made,
    laid out and painted in a few milliseconds, so Next on the last page shows it at once.

    Signals:
        edit_requested(int, str): go to this page (and this field, or "" for the page's first).
    """

    edit_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review")
        self.browser = QTextBrowser()
        self.browser.setObjectName("reviewArea")
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        # Not a Tab stop: Tab on the review reaches Submit alone; the arrows scroll it (scroll_by).
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.browser.document().setDocumentMargin(24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        # The field names whose answers still stop the submission, or None when none do.
        self.problems: list[str] | None = None
        self.languages: tuple[str, ...] = ("km",)  # what the owner reads: the rows are in these
        self._shown: dict[str, str] = {}  # field name → the value's plain text (each language a line)
        self._questions: dict[str, str] = {}  # field name → the question's plain text, the same way

    def show_wizard(self, wizard: Wizard, *, banner: str = "") -> None:
        """Show the summary of the wizard's answers: an intro, what still stops the submission
        (each a link to its question), then each page's answers under its title with Edit."""
        form = wizard.form
        stored = form.normalise(wizard.answers)
        errors = wizard.all_errors()
        relevant = wizard.relevance()
        self.languages = owner_languages(wizard.answers)
        self._shown, self._questions = {}, {}
        intro = translate(
            "Capture",
            "Read the answers back to the owner. To change one, go back to its page (Page Up) or choose Edit.",
        )
        parts = [f"<p>{html.escape(intro)}</p>"]
        if banner:
            parts.append(f'<p style="color:#8a5a00">{html.escape(banner)}</p>')
        self.problems = [name for name in (row.name for row in form.rows) if name in errors] or None
        if errors:
            parts.append(self._problems_html(form, errors, wizard.lang))
        for index, page in enumerate(form.pages):
            rows = [r for r in page.rows if r.takes_answer and relevant.get(r.name, False)]
            if rows:
                parts.append(self._section_html(wizard, index, page.label(wizard.lang), rows, stored, errors))
        position = self.browser.verticalScrollBar().value()
        self.browser.setHtml("".join(parts))
        self.browser.verticalScrollBar().setValue(position)  # a refresh keeps the teller's place

    def _problems_html(self, form: Form, errors: Mapping[str, str], lang: str) -> str:
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
        return (
            '<table width="100%" cellpadding="8" style="background-color:#fdecee">'
            f'<tr><td><b style="{PROBLEM_STYLE}">{head}</b><ul>{"".join(items)}</ul></td></tr></table><p></p>'
        )

    def _section_html(
        self,
        wizard: Wizard,
        index: int,
        title: str,
        rows: list[Row],
        stored: Mapping[str, object],
        errors: Mapping[str, str],
    ) -> str:
        """One page's answers under its title, with Edit to go back to it."""
        edit = html.escape(translate("Capture", "Edit"))
        lines = [
            f'<tr><td colspan="2"><span style="{TITLE_STYLE}">{html.escape(title)}</span></td>'
            f'<td align="right"><a href="edit:{index}">{edit}</a></td></tr>'
        ]
        for row in rows:
            question = [row.label(lang) for lang in self.languages]
            self._questions[row.name] = "\n".join(question)
            lines.append(
                f'<tr><td width="{LABEL_WIDTH}" style="{LABEL_STYLE}">{_html_lines(question)}</td>'
                f'<td colspan="2">{self._answer_html(wizard, row, stored, errors)}</td></tr>'
            )
        return (
            f'<table width="100%" border="1" cellspacing="0" cellpadding="6" style="{SECTION_STYLE}">'
            f"{''.join(lines)}</table><p></p>"
        )

    def _answer_html(self, wizard: Wizard, row: Row, stored: Mapping[str, object], errors: Mapping[str, str]) -> str:
        """An answer as it will be stored, in the owner's language(s), or as typed with its
        problem in red (the problem in the teller's language: it is the teller's to fix)."""
        form = wizard.form
        if row.name in errors:
            raw = wizard.answers.get(row.name)
            shown = _readings(form, row, raw, self.languages) if raw is not None else []
            self._shown[row.name] = "\n".join(shown)
            problem = f'<span style="{PROBLEM_STYLE}">{html.escape(errors[row.name])}</span>'
            return f'<span style="{VALUE_STYLE}">{_html_lines(shown, extra=problem)}</span>'
        shown = _readings(form, row, stored.get(row.name), self.languages)
        if not shown:
            self._shown[row.name] = "—"
            return f'<span style="{EMPTY_STYLE}">—</span>'
        self._shown[row.name] = "\n".join(shown)
        return f'<span style="{VALUE_STYLE}">{_html_lines(shown)}</span>'

    def scroll_by(self, steps: int) -> None:
        """Scroll the summary `steps` arrow-steps down (up when negative): the review read by
        keyboard, while focus stays on Submit."""
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + steps * SCROLL_STEP)

    def value_text(self, name: str) -> str:
        """The text shown for field `name`, each language on its own line ("" when it is not
        shown, "—" when it has no answer)."""
        return self._shown.get(name, "")

    def label_text(self, name: str) -> str:
        """The question shown for field `name`, each language on its own line ("" when not shown)."""
        return self._questions.get(name, "")

    def document_text(self) -> str:
        """Everything the review shows, as plain text."""
        return self.browser.toPlainText()

    def _follow(self, url: QUrl) -> None:
        link = url.toString()
        if link.startswith("edit:"):
            self.edit_requested.emit(int(link.removeprefix("edit:")), "")
        elif link.startswith("field:"):
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


def _html_lines(lines: list[str], *, extra: str = "") -> str:
    """`lines` as rich text, the first as it is and the others in the second language's style,
    then `extra` (already HTML) on a line of its own."""
    parts = [html.escape(lines[0])] if lines else []
    parts += [f'<span style="{SECOND_LANGUAGE_STYLE}">{html.escape(line)}</span>' for line in lines[1:]]
    if extra:
        parts.append(extra)
    return "<br>".join(parts)
