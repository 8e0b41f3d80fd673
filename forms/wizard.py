"""The state of a capture wizard over a form, without any screen: pages, relevance, touched
fields, their messages, completeness and navigation. Pure Python, no Qt (import-linter).

The branch client's capture screens only display a `Wizard`; every decision (which fields a
page shows, which pages are skipped, which messages are due, whether the record may be
submitted) is made here and tested without a screen.

    >>> wizard = Wizard(load_form(), lang="en")          # doctest: +SKIP
    >>> wizard.set_answer("phone", "012 345 67")          # doctest: +SKIP
    >>> wizard.touch("phone"); wizard.errors()            # doctest: +SKIP
    {'phone': 'Enter a Cambodian mobile or landline number, for example 012 345 678.'}

Answers are kept *as typed* (strings, lists for select_multiple): that is what a draft
stores. `Form.normalise` makes the record to store when the registration is submitted.

Pages: `0 .. len(form.pages) - 1` are the form's pages, `review_page` (= len(form.pages))
is the review that ends the wizard. `next_page` / `previous_page` skip pages on which no
question applies.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from forms import validation
from forms.definition import Form, Page
from forms.rows import Row

_SHOWN_TYPES = (*("text", "integer", "decimal", "date", "select_one", "select_multiple"), "note")


def is_empty(value: object) -> bool:
    """True for an answer that counts as not given: None, blank text, an empty list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return len(value) == 0
    return False


class Wizard:
    """Navigation and validation state of one registration being captured.

    `answers` are the answers as typed; `page` the current page (see the module docstring);
    `touched` the fields that lost focus at least once, whose messages are due; `lang` the
    language of the messages (km or en); `remarks` the centre's messages per field for a
    correction (field → {km, en}), shown beside the fields.
    """

    def __init__(
        self,
        form: Form,
        answers: Mapping[str, Any] | None = None,
        *,
        page: int = 0,
        lang: str = "en",
        remarks: Mapping[str, Mapping[str, str]] | None = None,
        today: datetime.date | None = None,
    ) -> None:
        self.form = form
        self.lang = lang
        self.today = today
        self.answers: dict[str, Any] = {}
        for name, value in (answers or {}).items():
            if name in form.fields and not is_empty(value):
                self.answers[name] = value
        self.remarks: dict[str, dict[str, str]] = {k: dict(v) for k, v in (remarks or {}).items()}
        # A resumed record shows the messages of what was already typed.
        self.touched: set[str] = set(self.answers)
        #: What a new record started with (`new`) and the capture page pre-filled (the branch's
        #: province): not the teller's answers until she passes or changes them.
        self.defaults: dict[str, Any] = {}
        #: The questions of the pages the teller went on from: a default there was accepted.
        self.passed: set[str] = set()
        self._relevant: dict[str, bool] | None = None
        self._problems: dict[str, str] | None = None
        self._problem_kinds: dict[str, str] | None = None
        self.page = 0
        self.go_to(page)

    @classmethod
    def new(cls, form: Form, *, lang: str = "en", today: datetime.date | None = None) -> Wizard:
        """A wizard on a fresh record: the form's defaults filled in, on the first page."""
        defaults = {
            row.name: row.default
            for row in form.rows
            if row.default is not None and row.takes_answer and not row.read_only
        }
        wizard = cls(form, defaults, lang=lang, today=today)
        wizard.touched.clear()
        wizard.defaults = dict(wizard.answers)
        return wizard

    # ------------------------------------------------------------------ pages
    @property
    def pages(self) -> tuple[Page, ...]:
        """The form's pages, in order (the review is not one of them)."""
        return self.form.pages

    @property
    def review_page(self) -> int:
        """The index of the review that follows the last page."""
        return len(self.form.pages)

    @property
    def on_review(self) -> bool:
        """True when the current page is the review."""
        return self.page == self.review_page

    def visible_fields(self, page: int | None = None) -> list[Row]:
        """The rows shown on `page` (the current one by default): questions and notes that apply."""
        index = self.page if page is None else page
        if not 0 <= index < len(self.form.pages):
            return []
        relevant = self.relevance()
        return [
            row
            for row in self.form.pages[index].rows
            if row.type in _SHOWN_TYPES and relevant.get(row.name, False) and not row.read_only
        ]

    def page_applies(self, page: int) -> bool:
        """True when at least one question on `page` applies (notes alone do not make a page)."""
        if page == self.review_page:
            return True
        return any(row.takes_answer for row in self.visible_fields(page))

    def next_page(self) -> int | None:
        """The next page that applies (the review after the last), or None on the review."""
        for index in range(self.page + 1, self.review_page + 1):
            if self.page_applies(index):
                return index
        return None

    def previous_page(self) -> int | None:
        """The previous page that applies, or None on the first."""
        for index in range(self.page - 1, -1, -1):
            if self.page_applies(index):
                return index
        return None

    def go_to(self, page: int) -> int:
        """Move to `page` (clamped to the pages and the review); returns the page now current.
        The questions of a page moved forward from count as passed (see `progress`)."""
        target = max(0, min(int(page), self.review_page))
        if target > self.page:
            self._pass(self.page)
        self.page = target
        return self.page

    def _pass(self, page: int) -> None:
        if 0 <= page < len(self.form.pages):
            self.passed.update(row.name for row in self.form.pages[page].rows)

    def advance(self) -> bool:
        """Move to the next page that applies; False when already on the review."""
        target = self.next_page()
        if target is None:
            return False
        self.go_to(target)
        return True

    def back(self) -> bool:
        """Move to the previous page that applies; False when already on the first."""
        target = self.previous_page()
        if target is None:
            return False
        self.page = target
        return True

    def page_of(self, name: str) -> int | None:
        """The page holding field `name`, or None."""
        for index, page in enumerate(self.form.pages):
            if any(row.name == name for row in page.rows):
                return index
        return None

    # ------------------------------------------------------------------ answers
    def answer(self, name: str) -> Any:
        """The answer as typed, or None."""
        return self.answers.get(name)

    def set_answer(self, name: str, value: Any) -> bool:
        """Record an answer as typed (None, blank text or an empty list remove it).

        Returns True when the answers changed. Answers to selects filtered by this one
        (the address cascade) that no longer fit are removed too.
        """
        if name not in self.form.fields:
            raise KeyError(name)
        if isinstance(value, tuple | set | frozenset):
            value = list(value)
        before = self.answers.get(name)
        if is_empty(value):
            if name not in self.answers:
                return False
            del self.answers[name]
        else:
            if before == value:
                return False
            self.answers[name] = value
        self._changed()
        self._drop_unfit_choices(name)
        return True

    def _drop_unfit_choices(self, changed: str) -> None:
        """Clear filtered selects (district after province…) whose answer no longer fits."""
        pending = [changed]
        while pending:
            parent = pending.pop()
            for row in self.form.rows:
                if row.choice_filter is None or parent not in row.choice_filter.fields:
                    continue
                current = self.answers.get(row.name)
                if current is None or not isinstance(current, str):
                    continue
                names = {c.name for c in self.form.choices(row.name, self.answers)}
                if current not in names:
                    del self.answers[row.name]
                    self._changed()
                    pending.append(row.name)

    def _changed(self) -> None:
        self._relevant = None
        self._problems = None
        self._problem_kinds = None

    def relevance(self) -> dict[str, bool]:
        """Whether each row applies to the answers so far (computed once per change)."""
        if self._relevant is None:
            record = validation._Record(self.form, self.answers, self.today)
            self._relevant = dict(record.relevant)
        return self._relevant

    def is_relevant(self, name: str) -> bool:
        """Whether the row `name` applies to the answers so far."""
        return self.relevance().get(name, False)

    # ------------------------------------------------------------------ messages
    def touch(self, name: str) -> None:
        """Field `name` lost focus: its message, if any, is due from now on."""
        if name in self.form.fields:
            self.touched.add(name)

    def touch_all(self) -> None:
        """Every field's message is due (the teller asked to submit)."""
        self.touched.update(row.name for row in self.form.rows if row.takes_answer)

    def all_errors(self) -> dict[str, str]:
        """Field → message in `lang` for every problem with the answers (touched or not)."""
        if self._problems is None:
            problems = validation.problems(self.form, self.answers, today=self.today)
            self._problems = {p.field: p.message(self.lang) for p in problems}
            self._problem_kinds = {p.field: p.kind for p in problems}
        return self._problems

    def set_language(self, lang: str) -> None:
        """Messages in another language from now on."""
        if lang != self.lang:
            self.lang = lang
            self._problems = None
            self._problem_kinds = None

    def errors(self) -> dict[str, str]:
        """Field → message for the touched fields that have a problem (what the screen shows)."""
        return {name: message for name, message in self.all_errors().items() if name in self.touched}

    def error(self, name: str) -> str | None:
        """The message shown beside field `name`, or None."""
        return self.errors().get(name)

    def remark(self, name: str) -> str:
        """The centre's message about field `name` (a correction), in `lang`; "" when none."""
        texts = self.remarks.get(name) or {}
        return texts.get(self.lang) or texts.get("en") or texts.get("km") or ""

    @property
    def can_submit(self) -> bool:
        """True when the form finds nothing wrong with the answers."""
        return not self.all_errors()

    def first_error_page(self) -> int | None:
        """The first page holding a field with a problem, or None when there is none."""
        problems = self.all_errors()
        for index, page in enumerate(self.form.pages):
            if any(row.name in problems for row in page.rows):
                return index
        return None

    def first_error_field(self, page: int | None = None) -> str | None:
        """The first field with a problem, on `page` or on any page."""
        problems = self.all_errors()
        pages = self.form.pages if page is None else self.form.pages[page : page + 1]
        for each in pages:
            for row in each.rows:
                if row.name in problems:
                    return row.name
        return None

    def page_errors(self, page: int) -> dict[str, str]:
        """Field → message for the touched fields of `page` that have a problem."""
        if not 0 <= page < len(self.form.pages):
            return {}
        names = {row.name for row in self.form.pages[page].rows}
        return {name: message for name, message in self.errors().items() if name in names}

    # ------------------------------------------------------------------ progress
    def required_fields(self) -> list[Row]:
        """The questions that apply and must be answered (required, or required by expression)."""
        self.all_errors()
        kinds = self._problem_kinds or {}
        relevant = self.relevance()
        required: list[Row] = []
        for row in self.form.rows:
            if not row.takes_answer or not relevant.get(row.name, False):
                continue
            if row.required:
                required.append(row)
            elif row.required_if is not None and (
                kinds.get(row.name) == "required" or not is_empty(self.answers.get(row.name))
            ):
                # Required by an expression: it counts when the form asks for it now (a missing
                # answer is reported as required) or when it was answered anyway.
                required.append(row)
        return required

    def progress(self) -> tuple[int, int]:
        """(answered, required): the required questions that apply, and how many of them the
        teller has answered. A default (the owner's language, the branch's province) counts
        only once the teller has passed it (left the question, or gone on from its page), so
        an empty form is at 0 and not at the share of its defaults."""
        required = self.required_fields()
        answered = sum(1 for row in required if self._answered_by_teller(row.name))
        return answered, len(required)

    def _answered_by_teller(self, name: str) -> bool:
        value = self.answers.get(name)
        if is_empty(value):
            return False
        return name in self.touched or name in self.passed or name not in self.defaults or value != self.defaults[name]

    @property
    def completeness(self) -> float:
        """`progress` as a share, 0..1 (1 when nothing is required)."""
        answered, required = self.progress()
        return answered / required if required else 1.0

    def unanswered_required(self, page: int | None = None) -> list[str]:
        """Required questions that apply and have no answer yet (on `page`, or anywhere)."""
        names: Iterable[str] = (row.name for row in self.required_fields())
        if page is not None:
            on_page = {row.name for row in self.form.pages[page].rows} if 0 <= page < len(self.form.pages) else set()
            names = (n for n in names if n in on_page)
        return [n for n in names if is_empty(self.answers.get(n))]
