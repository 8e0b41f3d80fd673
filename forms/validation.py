"""Checking and normalising answers against a Form. Total: any input gives messages, never an exception.

One pass (`_Record`) reads the answers: each is cleaned and typed by its row (Khmer digits,
identifiers, names, phones, numbers, dates, selects), calculates are computed, relevance is
decided in document order (an answer to a question that does not apply counts as empty for
the questions after it, as in ODK), and calculates are computed again on what remains.
`problems`, `normalise`, `is_relevant` and `choices` all read that pass.

The centre checks every incoming record, so the pass is planned once per form (`Plan`): each
row's reader (its cleaning and typing chosen once, not per answer), the relevance steps, the
rows to check and the choice filters that are a plain `column = ${field}`. A plan only
rearranges the work; the rules are the functions below, and tests/forms/test_validation_golden.py
holds the outcomes recorded before the plan existed.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from forms import identity
from forms.choices import Choice, ChoiceList
from forms.dates import MAX_DATE_TEXT, DateError, parse_typed_date
from forms.expressions import Env, Expression, Value, parse_iso_date, to_string
from forms.messages import render
from forms.rows import Row

MAX_TEXT_LENGTH = 1000  # characters, after cleaning; a form can ask for less with a constraint
META_FORM_ID = "_form_id"
META_FORM_VERSION = "_form_version"
ANSWERS_KEY = "_answers"  # where a problem with the answers as a whole is reported
MAX_INTEGER = 10**15

_BAD_CHARACTERS = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INTEGER = re.compile(r"[+-]?(?:\d{1,15}|\d{1,3}(?:,\d{3}){1,4})")
_DECIMAL = re.compile(r"[+-]?(?:\d{1,15}(?:\.\d{0,15})?|\.\d{1,15})")
_NUMBER_SPACES = {ord(c): None for c in " \u00a0\u202f\u2009_"}


@dataclasses.dataclass(frozen=True, slots=True)
class Problem:
    """One problem with one field: a `kind` (see forms.messages) or the form's own message."""

    field: str
    kind: str
    custom: Mapping[str, str] | None = None
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """The message in `lang` (km or en)."""
        return render(self.kind, lang, self.custom, **self.params)


class FormShape(Protocol):
    """What validation reads of a form; `forms.definition.Form` is the one kind there is.

    Named here rather than imported: `forms.definition` calls this module for its methods, so
    this module must not depend on it. Every member is read-only to validation.
    """

    @property
    def form_id(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def rows(self) -> tuple[Row, ...]: ...

    @property
    def fields(self) -> Mapping[str, Row]: ...

    @property
    def groups(self) -> Mapping[str, Row]: ...

    @property
    def choice_lists(self) -> Mapping[str, ChoiceList]: ...

    @property
    def calculation_order(self) -> tuple[Row, ...]: ...

    @property
    def plan(self) -> Plan:
        """The pass worked out for this form (made by `Plan(form)` once, kept by the form)."""
        ...


# --------------------------------------------------------------------------- typing one answer
def _nfc_text(raw: str) -> str:
    return unicodedata.normalize("NFC", raw).strip()


def _select_name(raw: str) -> str:
    return identity.ascii_digits(raw.strip())


def _cleaner(row: Row) -> Callable[[str], str]:
    """How a text or select_one row cleans a string (phones are cleaned apart: see `_text`)."""
    if row.normalise == "name":
        return identity.normalise_name
    if row.normalise in ("identifier", "national_id", "phone"):
        return identity.clean_identifier
    return _select_name if row.type == "select_one" else _nfc_text


def _text(row: Row, raw: object, clean: Callable[[str], str] | None = None) -> tuple[object, str | None]:
    """(cleaned text or None when empty, problem kind or None). `clean` is `_cleaner(row)`, if known."""
    if not isinstance(raw, str):
        return raw, "not_choice" if row.type == "select_one" else "not_text"
    if len(raw) > 20 * MAX_TEXT_LENGTH:  # refuse early: no cleaning work on megabytes
        return raw, "too_long"
    if _BAD_CHARACTERS.search(raw):
        return raw, "bad_characters"
    text = (clean or _cleaner(row))(raw)
    if row.normalise == "phone":
        try:
            text = identity.normalise_phone(text)
        except identity.IdentityError:
            if text:
                return text, "phone"
    if not text:
        return None, None
    if len(text) > MAX_TEXT_LENGTH:
        return text, "too_long"
    return text, None


def _integer(raw: object) -> tuple[object, str | None]:
    if isinstance(raw, bool):
        return raw, "not_integer"
    if isinstance(raw, int):
        return (raw, None) if abs(raw) < MAX_INTEGER else (raw, "not_integer")
    if isinstance(raw, float):
        return (int(raw), None) if raw.is_integer() and abs(raw) < MAX_INTEGER else (raw, "not_integer")
    if isinstance(raw, str) and len(raw) <= 40:
        text = identity.ascii_digits(raw).translate(_NUMBER_SPACES)
        if not text:
            return None, None
        if _INTEGER.fullmatch(text):
            return int(text.replace(",", "")), None
    return raw, "not_integer"


def _decimal(raw: object) -> tuple[object, str | None]:
    if isinstance(raw, bool):
        return raw, "not_number"
    if isinstance(raw, int | float):
        number = float(raw) if abs(raw) < MAX_INTEGER else math.inf
        return (number, None) if math.isfinite(number) else (raw, "not_number")
    if isinstance(raw, str) and len(raw) <= 40:
        text = identity.ascii_digits(raw).translate(_NUMBER_SPACES)
        if not text:
            return None, None
        if _DECIMAL.fullmatch(text):
            return float(text), None
    return raw, "not_number"


def _day(raw: object) -> tuple[datetime.date | None, str | None]:
    """The day an answer names (None when it is empty or no date) and the kind of problem, if any.

    Read as `forms.dates.parse_typed_date` reads it: day first as on the ID card, either digit
    set, or ISO; a two-digit year and an impossible day have messages of their own."""
    if isinstance(raw, datetime.datetime):
        return None, "not_date"
    if isinstance(raw, datetime.date):
        return raw, None
    if isinstance(raw, str) and len(raw) <= MAX_DATE_TEXT:
        if not raw.strip():
            return None, None
        day = parse_iso_date(raw)  # the stored spelling first: most answers read are stored ones
        if day is not None:
            return day, None
        try:
            return parse_typed_date(raw), None  # as typed from the ID card, DD-MM-YYYY (see forms.dates)
        except DateError as refused:
            return None, refused.kind
    return None, "not_date"


def _date(raw: object) -> tuple[object, str | None]:
    day, error = _day(raw)
    if error is not None:
        return raw, error
    return (None if day is None else day.isoformat()), None


def _multiple(raw: object) -> tuple[object, str | None]:
    if isinstance(raw, str):
        if len(raw) > 20 * MAX_TEXT_LENGTH:
            return raw, "too_long"
        items: Sequence[object] = identity.ascii_digits(raw).split()
    elif isinstance(raw, list | tuple):
        items = raw
    else:
        return raw, "not_choice"
    chosen: list[str] = []
    for item in items:
        if not isinstance(item, str) or _BAD_CHARACTERS.search(item) or not item.strip():
            return raw, "not_choice"
        name = identity.ascii_digits(item.strip())
        if name not in chosen:
            chosen.append(name)
    return (chosen or None), None


def coerce(row: Row, raw: object) -> tuple[object, str | None]:
    """An answer as stored (None when empty) and the kind of problem with it, if any."""
    if raw is None:
        return None, None
    if row.type in ("text", "select_one"):
        return _text(row, raw)
    if row.type == "integer":
        return _integer(raw)
    if row.type == "decimal":
        return _decimal(raw)
    if row.type == "date":
        return _date(raw)
    if row.type == "select_multiple":
        return _multiple(raw)
    return raw, "no_answer"


def _typed(row: Row, stored: object) -> Value:
    """The value an expression sees for a well-typed stored answer."""
    if isinstance(stored, str):
        if row.type == "date":
            return parse_iso_date(stored) or ""
        return stored
    if isinstance(stored, list):
        return " ".join(stored)
    if isinstance(stored, int | float) and not isinstance(stored, bool):
        return float(stored)
    return ""


Reader = Callable[[object], tuple[object, str | None, Value]]
_REMEMBERED_TEXTS = 1024  # per row
_REMEMBERED_LENGTH = 100  # characters
_COERCERS: dict[str, Callable[[object], tuple[object, str | None]]] = {
    "integer": _integer,
    "decimal": _decimal,
    "date": _date,
    "select_multiple": _multiple,
}


def _reader(row: Row) -> Reader:
    """`coerce` for one row's answers (never None), also giving the value expressions see (`_typed`).

    The row's type and cleaning are chosen here, once per form, rather than for every answer.
    """
    if row.type in ("text", "select_one"):
        clean = _cleaner(row)

        def read_text(raw: object) -> tuple[object, str | None, Value]:
            stored, error = _text(row, raw, clean)
            return stored, error, stored if isinstance(stored, str) else ""  # `_typed` of text is the text

        # Reading a string depends on the string alone, and most answers recur from record to record
        # (choices, common names), so short strings are read once and remembered, a bounded number.
        remembered = functools.lru_cache(maxsize=_REMEMBERED_TEXTS)(read_text)

        def read_text_remembered(raw: object) -> tuple[object, str | None, Value]:
            if type(raw) is str and len(raw) <= _REMEMBERED_LENGTH:  # exactly str: a subclass may differ
                return remembered(raw)
            return read_text(raw)

        return read_text_remembered
    if row.type == "date":

        def read_date(raw: object) -> tuple[object, str | None, Value]:
            day, error = _day(raw)
            if error is not None:
                return raw, error, ""
            if day is None:
                return None, None, ""
            stored = day.isoformat()
            # A day read from text is a plain date, the very one `_typed` would parse back from
            # `stored`; a date object given as the answer (perhaps a subclass) goes through `_typed`.
            return stored, None, day if type(raw) is str else _typed(row, stored)

        return read_date
    coerce_type = _COERCERS.get(row.type)
    if coerce_type is None:  # notes and the like take no answer

        def read_none(raw: object) -> tuple[object, str | None, Value]:
            return raw, "no_answer", ""

        return read_none

    def read(raw: object) -> tuple[object, str | None, Value]:
        stored, error = coerce_type(raw)
        return stored, error, "" if error is not None or stored is None else _typed(row, stored)

    return read


def _simple_filter(expression: Expression | None) -> tuple[str, str] | None:
    """(column, field) when a choice filter is just `column = ${field}`, as the gazetteer's are."""
    tree = None if expression is None else expression.tree
    if tree is None or tree.kind != "binary" or tree.value != "=" or {a.kind for a in tree.args} != {"column", "field"}:
        return None
    column = next(str(a.value) for a in tree.args if a.kind == "column")
    field_name = next(str(a.value) for a in tree.args if a.kind == "field")
    return column, field_name


class Plan:
    """The pass over a record, worked out once per form (`Form.plan`); see the module docstring."""

    def __init__(self, form: FormShape) -> None:
        stamp = (META_FORM_ID, META_FORM_VERSION)  # the stamp wins over a row of the same name
        self.readers: dict[str, Reader] = {
            name: _reader(row) for name, row in form.fields.items() if row.type != "calculate" and name not in stamp
        }
        self.suffix_rows = tuple(row for row in form.rows if row.suffix_field is not None)
        # (name, innermost enclosing group, relevant) in document order. A group applies only if
        # every group around it applies, so its innermost group says it for all of them.
        self.relevance: tuple[tuple[str, str | None, Expression | None], ...] = tuple(
            (row.name, row.groups[-1] if row.groups else None, row.relevant)
            for row in form.rows
            if row.type != "end_group"
        )
        self.checked = tuple(row for row in form.rows if row.type not in ("begin_group", "end_group", "calculate"))
        # Calculates are computed again once relevance is decided, from the answers alone (each after
        # those it reads), so computing them before is needed only when a `relevant` reads one.
        calculates = {row.name for row in form.calculation_order}
        self.relevance_reads_calculates = any(
            expression is not None and expression.fields & calculates for _, _, expression in self.relevance
        )
        self.simple_filters = {name: _simple_filter(row.choice_filter) for name, row in form.fields.items()}
        self.text_constraints = {
            name: _remembered_constraint(row.constraint)
            for name, row in form.fields.items()
            if row.constraint is not None and _reads_only_current(row.constraint)
        }


def _reads_only_current(expression: Expression) -> bool:
    """True when the expression reads `.` and nothing else: no ${field}, no today()."""
    if expression.fields or expression.columns:
        return False
    stack = [expression.tree]
    while stack:
        node = stack.pop()
        if node.kind == "call" and node.value == "today":
            return False
        stack.extend(node.args)
    return True


def _remembered_constraint(constraint: Expression) -> Callable[[str], bool]:
    """A constraint that reads only `.`, for a text answer, remembered (bounded) by the text:
    with nothing else to read, the answer alone decides it, and names or choices recur."""

    def allowed(text: str) -> bool:
        return constraint.is_true(Env({}, datetime.date.min, text))  # nothing but `.` is read

    return functools.lru_cache(maxsize=_REMEMBERED_TEXTS)(allowed)


def _stored_calculation(value: Value) -> object:
    if isinstance(value, float):
        if value.is_integer() and abs(value) < MAX_INTEGER:
            return int(value)
        return value if math.isfinite(value) else None
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = to_string(value)
    return text or None


# --------------------------------------------------------------------------- one pass over a record
class _Record:
    __slots__ = (
        "current_env",
        "env",
        "errors",
        "extra",
        "form",
        "plan",
        "relevant",
        "stored",
        "today",
        "typed",
        "unknown",
    )

    def __init__(self, form: FormShape, answers: object, today: datetime.date | None) -> None:
        self.form = form
        self.today = today or datetime.date.today()
        self.stored: dict[str, object] = {}
        self.typed: dict[str, Value] = {}
        self.errors: dict[str, str] = {}
        self.extra: list[Problem] = []  # unknown fields, wrong form
        self.unknown: dict[str, object] = {}
        self.relevant: dict[str, bool] = {}
        self.plan = form.plan
        self.env = Env(self.typed, self.today)  # what relevance, calculates and `required` see
        self.current_env = Env(self.typed, self.today)  # the same and `.`, set before each constraint
        if not isinstance(answers, Mapping):
            self.extra.append(Problem(ANSWERS_KEY, "not_answers"))
            answers = {}
        self._read(answers)
        if self.plan.relevance_reads_calculates:
            self._calculate()
        self._decide_relevance()
        self._calculate()

    def _read(self, answers: Mapping[object, object]) -> None:
        readers, stored, typed, errors = self.plan.readers, self.stored, self.typed, self.errors
        for key, raw in answers.items():
            name = key if isinstance(key, str) else repr(key)
            read = readers.get(name)
            if read is None:
                self._read_other(key, name, raw)
            elif raw is not None:  # None is an empty answer: nothing to store, nothing wrong (see `coerce`)
                value, error, typed_value = read(raw)
                if error is not None:
                    errors[name] = error
                    stored[name] = value
                elif value is not None:
                    stored[name] = value
                    typed[name] = typed_value
        for row in self.plan.suffix_rows:
            assert row.suffix_field is not None
            if row.name in stored and row.name not in errors:
                self._split_suffix(row, row.suffix_field)

    def _read_other(self, key: object, name: str, raw: object) -> None:
        """An answer no row reads: the form's stamp, an unknown field, or a calculate's."""
        form = self.form
        if name in (META_FORM_ID, META_FORM_VERSION):
            expected = form.form_id if name == META_FORM_ID else form.version
            if not (isinstance(raw, str) and raw == expected):
                label = f"{form.form_id} {form.version}"
                self.extra.append(Problem(name, "wrong_form", params={"expected": label}))
        elif name not in form.fields:
            self.extra.append(Problem(name, "unknown_field"))
            if isinstance(key, str):
                self.unknown[key] = raw
        # else a calculate: always computed here, whatever was sent

    def _split_suffix(self, row: Row, suffix_field: str) -> None:
        match = identity.NATIONAL_ID_WITH_SUFFIX.fullmatch(str(self.stored[row.name]))
        if match is None or not match[2] or self.stored.get(suffix_field) not in (None, match[2]):
            return
        self.stored[row.name] = self.typed[row.name] = match[1]
        self.stored[suffix_field] = self.typed[suffix_field] = match[2]
        self.errors.pop(suffix_field, None)

    def _calculate(self) -> None:
        for row in self.form.calculation_order:
            assert row.calculation is not None
            if self.relevant.get(row.name, True):
                value = row.calculation.evaluate(self.env)
                stored = _stored_calculation(value)
            else:
                stored = None
            if stored is None:
                self.stored.pop(row.name, None)
                self.typed.pop(row.name, None)
            else:
                self.stored[row.name] = stored
                self.typed[row.name] = _typed(row, stored) if not isinstance(value, bool) else value

    def _decide_relevance(self) -> None:
        env, relevant, typed = self.env, self.relevant, self.typed
        for name, group, expression in self.plan.relevance:
            applies = group is None or relevant.get(group, True)
            if applies and expression is not None:
                applies = expression.is_true(env)
            relevant[name] = applies
            if not applies:
                typed.pop(name, None)

    # ----------------------------------------------------------------------- checks
    def problems(self, only: str | None = None) -> list[Problem]:
        found: list[Problem] = []
        if only is None:
            rows = self.plan.checked
        else:
            rows = tuple(r for r in (self.form.fields.get(only),) if r is not None and r in self.plan.checked)
        relevant = self.relevant
        for row in rows:
            if not relevant.get(row.name, False):
                continue
            problem = self._check(row)
            if problem is not None:
                found.append(problem)
        found.extend(p for p in self.extra if only is None or p.field == only)
        return found

    def _check(self, row: Row) -> Problem | None:
        name = row.name
        error = self.errors.get(name)
        if error is not None:
            return Problem(name, error, params={"limit": MAX_TEXT_LENGTH})
        if name not in self.stored:
            required = row.required or (row.required_if is not None and row.required_if.is_true(self.env))
            return Problem(name, "required", row.required_message or None) if required else None
        if row.list_name is not None:
            problem = self._check_choice(row)
            if problem is not None:
                return problem
        if row.constraint is not None:
            current = self.typed.get(name, "")
            remembered = self.plan.text_constraints.get(name)
            if remembered is not None and type(current) is str and len(current) <= _REMEMBERED_LENGTH:
                allowed = remembered(current)
            else:
                self.current_env.current = current
                allowed = row.constraint.is_true(self.current_env)
            if not allowed:
                return Problem(name, "constraint", row.constraint_message or None)
        return None

    def _check_choice(self, row: Row) -> Problem | None:
        assert row.list_name is not None
        choice_list = self.form.choice_lists[row.list_name]
        value = self.stored[row.name]
        for item in value if isinstance(value, list) else (value,):
            candidates = choice_list.by_name(str(item))
            if not candidates:
                return Problem(row.name, "not_choice")
            if row.choice_filter is not None and not self._any_passes_filter(row, candidates):
                return Problem(row.name, "choice_unavailable")
        return None

    def _any_passes_filter(self, row: Row, candidates: Sequence[Choice]) -> bool:
        simple = self.plan.simple_filters.get(row.name)
        if simple is not None:
            column, field_name = simple
            wanted = self.typed.get(field_name, "")
            if isinstance(wanted, str):
                # `column = ${field}` with a text answer is text equality (columns are text): no evaluator.
                return any(c.column(column) == wanted for c in candidates)
        return any(self._passes_filter(row, c) for c in candidates)

    def _passes_filter(self, row: Row, choice: Choice) -> bool:
        assert row.choice_filter is not None
        return row.choice_filter.is_true(Env(self.typed, self.today, column_of=choice.column))


# --------------------------------------------------------------------------- the public functions
def problems(
    form: FormShape, answers: object, *, today: datetime.date | None = None, only: str | None = None
) -> list[Problem]:
    """Every problem with `answers` (or with field `only`), in the order of the form's rows."""
    return _Record(form, answers, today).problems(only)


def normalise(form: FormShape, answers: object) -> dict[str, object]:
    """The answers as stored: see Form.normalise."""
    record = _Record(form, answers, None)
    result: dict[str, object] = {}
    for row in form.rows:
        if row.name in record.stored and record.relevant.get(row.name, False):
            result[row.name] = record.stored[row.name]
    result.update(record.unknown)  # kept, so that validating the stored record still names them
    result[META_FORM_ID] = form.form_id
    result[META_FORM_VERSION] = form.version
    if isinstance(answers, Mapping):  # a record stamped by another form keeps its stamp, and its message
        for key in (META_FORM_ID, META_FORM_VERSION):
            if key in answers:
                result[key] = answers[key]
    return result


def is_relevant(form: FormShape, name: str, answers: object) -> bool:
    """Whether row `name` applies to these answers."""
    if name not in form.fields and name not in form.groups:
        return False
    return _Record(form, answers, None).relevant.get(name, False)


def choices(form: FormShape, name: str, answers: object) -> list[Choice]:
    """The options of select row `name`, filtered by its choice_filter."""
    row = form.fields.get(name)
    if row is None or row.list_name is None:
        return []
    choice_list = form.choice_lists[row.list_name]
    if row.choice_filter is None:
        return list(choice_list.items)
    record = _Record(form, answers, None)
    simple = form.plan.simple_filters.get(name)
    if simple is not None:
        column, field_name = simple
        return list(choice_list.by_column(column, to_string(record.typed.get(field_name, ""))))
    return [c for c in choice_list.items if record._passes_filter(row, c)]
