"""Form definitions: the model (Form, Row, Page), the loader from TOML, and the registry.

A definition mirrors XLSForm: `[settings]`, `[[survey]]` rows and `[choices.<list>]`. It is
checked completely when it loads: every expression is parsed once (and kept), every `${field}`
must exist, every function must be known, calculates must not depend on themselves. A problem
is a DefinitionError naming the file, the survey row (number and name) and the column.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forms import validation
from forms.choices import KEYWORDS_COLUMN, Choice, ChoiceList, pick_label
from forms.expressions import Expression, ExpressionError, parse
from forms.rows import ANSWER_TYPES, Row

DEFINITIONS_DIR = Path(__file__).parent / "definitions"

TYPES = (*ANSWER_TYPES, "note", "calculate", "begin_group", "end_group")
NORMALISERS = ("name", "identifier", "phone", "national_id")
EXPRESSION_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter", "required")
TEXT_COLUMNS = ("label", "hint", "required_message", "constraint_message")
PLAIN_COLUMNS = ("type", "name", "default", "read_only", "appearance", "normalise", "suffix_field")
ROW_COLUMNS = frozenset({*PLAIN_COLUMNS, *EXPRESSION_COLUMNS, *TEXT_COLUMNS})
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


class FormError(Exception):
    """Base of every error the forms package raises."""


class UnknownForm(FormError, LookupError):
    """No definition with this form id (and version) is installed."""


class DefinitionError(FormError, ValueError):
    """A definition that cannot be loaded; says where (file, row number and name, column)."""

    def __init__(
        self,
        problem: str,
        *,
        source: str = "",
        row_number: int | None = None,
        row_name: str = "",
        column: str = "",
        section: str = "survey",
    ) -> None:
        where = [source] if source else []
        if row_number is not None:
            where.append(f"{section} row {row_number}" + (f" ({row_name})" if row_name else ""))
        if column:
            where.append(f"column '{column}'")
        super().__init__(", ".join(where) + ": " + problem if where else problem)
        self.problem = problem
        self.source = source
        self.row_number = row_number
        self.row_name = row_name
        self.column = column
        self.section = section


@dataclass(frozen=True, eq=False)
class Page:
    """A top-level group shown as one page, with every row inside it (nested groups flattened)."""

    name: str
    labels: Mapping[str, str]
    rows: tuple[Row, ...]
    group: Row | None = None  # the begin_group row; None for rows outside any group

    def label(self, lang: str = "en") -> str:
        """The page title in `lang`."""
        return pick_label(self.labels, lang, self.name)


class Form:
    """A loaded definition. Validation and normalisation are in `forms.validation`."""

    def __init__(
        self,
        *,
        form_id: str,
        version: str,
        default_language: str,
        titles: Mapping[str, str],
        rows: Sequence[Row],
        choice_lists: Mapping[str, ChoiceList],
        source: str = "",
    ) -> None:
        self.form_id = form_id
        self.version = version
        self.default_language = default_language
        self.titles = titles
        self.rows: tuple[Row, ...] = tuple(rows)
        self.choice_lists = dict(choice_lists)
        self.source = source
        self.fields: dict[str, Row] = {r.name: r for r in self.rows if r.type not in ("begin_group", "end_group")}
        self.groups: dict[str, Row] = {r.name: r for r in self.rows if r.type == "begin_group"}
        self.pages: tuple[Page, ...] = _pages(self.rows)
        self.calculation_order: tuple[Row, ...] = _calculation_order(self, source)

    def __repr__(self) -> str:
        return f"<Form {self.form_id} {self.version}>"

    @functools.cached_property
    def plan(self) -> validation.Plan:
        """The validation pass worked out for this form, on first use (see forms.validation)."""
        return validation.Plan(self)

    def title(self, lang: str = "en") -> str:
        """The form's title in `lang`."""
        return pick_label(self.titles, lang, self.form_id)

    def row(self, name: str) -> Row:
        """The row named `name` (a field or a group); KeyError if there is none."""
        return self.fields.get(name) or self.groups[name]

    def normalise(self, answers: Mapping[str, object]) -> dict[str, object]:
        """The answers as they should be stored: cleaned, typed, irrelevant ones dropped, calculates
        computed, and the form id and version added (`_form_id`, `_form_version`; a record that
        already names another form or version keeps that, and `validate` reports it). Never raises."""
        return validation.normalise(self, answers)

    def validate(
        self, answers: Mapping[str, object], lang: str = "en", *, today: datetime.date | None = None
    ) -> dict[str, str]:
        """Field name → message in `lang` (km or en) for each problem; {} when the answers are valid.

        Unknown fields get a message under their own name. Never raises, whatever the input.
        """
        return {p.field: p.message(lang) for p in validation.problems(self, answers, today=today)}

    def messages_both(
        self, answers: Mapping[str, object], *, today: datetime.date | None = None
    ) -> dict[str, dict[str, str]]:
        """Field name → {"km": …, "en": …}: the same problems as `validate`, in both languages."""
        return {
            p.field: {"km": p.message("km"), "en": p.message("en")}
            for p in validation.problems(self, answers, today=today)
        }

    def check_field(
        self, name: str, answers: Mapping[str, object], lang: str = "en", *, today: datetime.date | None = None
    ) -> str | None:
        """The message for one field (e.g. when it loses focus), or None when it is fine."""
        for problem in validation.problems(self, answers, today=today, only=name):
            return problem.message(lang)
        return None

    def is_relevant(self, name: str, answers: Mapping[str, object]) -> bool:
        """Whether the row (or group) `name` applies given the answers; False for unknown names."""
        return validation.is_relevant(self, name, answers)

    def choices(self, name: str, answers: Mapping[str, object], lang: str = "en") -> list[Choice]:
        """The options of select row `name` with its choice_filter applied, in the list's order
        (MEF code order for the gazetteer, in every language; `lang` does not reorder them).
        Each Choice has `.name` (the stored code) and `.label(lang)`. [] for other rows."""
        del lang  # kept in the signature for callers that pass it; labels come from Choice.label
        return validation.choices(self, name, answers)


def _pages(rows: Sequence[Row]) -> tuple[Page, ...]:
    pages: list[Page] = []
    loose: list[Row] = []
    current: list[Row] = []
    group: Row | None = None
    for row in rows:
        if not row.groups and row.type == "begin_group":
            if loose:
                pages.append(Page(f"page_{len(pages) + 1}", {}, tuple(loose)))
                loose = []
            group, current = row, []
        elif not row.groups and row.type == "end_group":
            if group is not None:
                pages.append(Page(group.name, group.labels, tuple(current), group))
            group = None
        elif row.type in ("begin_group", "end_group"):
            continue
        elif row.groups:
            current.append(row)
        else:
            loose.append(row)
    if loose:
        pages.append(Page(f"page_{len(pages) + 1}", {}, tuple(loose)))
    return tuple(pages)


def _calculation_order(form: Form, source: str) -> tuple[Row, ...]:
    """Calculates in an order where each comes after the calculates it reads; cycles are errors."""
    calculates = {r.name: r for r in form.rows if r.type == "calculate"}
    order: list[Row] = []
    state: dict[str, int] = {}  # 1 = being visited, 2 = done

    def visit(row: Row, path: list[str]) -> None:
        state[row.name] = 1
        assert row.calculation is not None
        for name in sorted(row.calculation.fields):
            if name in calculates:
                if state.get(name) == 1:
                    cycle = " → ".join([*path[path.index(name) :], name]) if name in path else f"{row.name} → {name}"
                    raise DefinitionError(
                        f"calculates depend on each other in a cycle: {cycle}",
                        source=source,
                        row_number=row.number,
                        row_name=row.name,
                        column="calculation",
                    )
                if state.get(name) is None:
                    visit(calculates[name], [*path, name])
        state[row.name] = 2
        order.append(row)

    for row in calculates.values():
        if state.get(row.name) is None:
            visit(row, [row.name])
    return tuple(order)


# --------------------------------------------------------------------------- loading
def _texts(value: object, default_language: str, where: dict[str, Any], column: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {default_language: value}
    if isinstance(value, Mapping) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise DefinitionError("expected text, or a table of texts by language (km = …, en = …)", column=column, **where)


def _flag(value: object, where: dict[str, Any], column: str) -> bool | str:
    """A yes/no column: a boolean, or yes/no/true/false text; other text is an expression."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("", "no", "false", "false()"):
            return False
        if word in ("yes", "true", "true()"):
            return True
        return value
    raise DefinitionError("expected yes/no or an expression", column=column, **where)


def _expression(value: object, where: dict[str, Any], column: str, *, allow_columns: bool = False) -> Expression | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise DefinitionError("expected an expression as text", column=column, **where)
    try:
        return parse(value, allow_columns=allow_columns)
    except ExpressionError as exc:
        raise DefinitionError(f"bad expression: {exc.message}", column=column, **where) from None


def _row(number: int, raw: object, settings: dict[str, Any], groups: list[str]) -> Row:
    """One survey row from its table, checked column by column; `groups` are the groups open
    around it. The checks run in one fixed order, so a row with several problems always
    reports the same one (the first)."""
    source, lang = settings["source"], settings["default_language"]
    if not isinstance(raw, Mapping):
        raise DefinitionError("a survey row must be a table", source=source, row_number=number)
    name = raw.get("name", "")
    where: dict[str, Any] = {"source": source, "row_number": number, "row_name": name if isinstance(name, str) else ""}
    unknown = sorted(set(raw) - ROW_COLUMNS)
    if unknown:
        raise DefinitionError("unsupported column", column=unknown[0], **where)
    row_type, list_name = _row_type(raw.get("type"), where)
    name = _row_name(name, row_type, groups, where)
    required = _flag(raw.get("required", False), where, "required")
    read_only = _flag(raw.get("read_only", False), where, "read_only")
    if isinstance(read_only, str):
        raise DefinitionError("read_only must be yes or no", column="read_only", **where)
    normalise, default, appearance, suffix_field = _plain_columns(raw, where)
    row = Row(
        number=number,
        name=name,
        type=row_type,
        list_name=list_name,
        labels=_texts(raw.get("label"), lang, where, "label"),
        hints=_texts(raw.get("hint"), lang, where, "hint"),
        required=required is True,
        required_if=_expression(required, where, "required") if isinstance(required, str) else None,
        required_message=_texts(raw.get("required_message"), lang, where, "required_message"),
        constraint=_expression(raw.get("constraint"), where, "constraint"),
        constraint_message=_texts(raw.get("constraint_message"), lang, where, "constraint_message"),
        relevant=_expression(raw.get("relevant"), where, "relevant"),
        choice_filter=_expression(raw.get("choice_filter"), where, "choice_filter", allow_columns=True),
        calculation=_expression(raw.get("calculation"), where, "calculation"),
        default=default,
        read_only=read_only is True,
        appearance=appearance,
        normalise=normalise,
        suffix_field=suffix_field,
        groups=tuple(groups[:-1]) if row_type == "end_group" else tuple(groups),
    )
    _check_row_kind(row, where)
    return row


def _row_type(type_text: object, where: dict[str, Any]) -> tuple[str, str | None]:
    """(type, choice list) from the `type` column: `select_one <list>`, `text`…; a select
    names exactly one choice list and every other type none."""
    if not isinstance(type_text, str) or not type_text.split():
        raise DefinitionError("every row needs a type", column="type", **where)
    parts = type_text.split()
    row_type, list_name = parts[0], (parts[1] if len(parts) > 1 else None)
    if row_type not in TYPES:
        raise DefinitionError(f"unsupported type {row_type!r}", column="type", **where)
    if (row_type in ("select_one", "select_multiple")) != (list_name is not None) or len(parts) > 2:
        raise DefinitionError(
            f"{type_text!r}: a select names one choice list, other types none", column="type", **where
        )
    return row_type, list_name


def _row_name(name: object, row_type: str, groups: list[str], where: dict[str, Any]) -> str:
    """The row's name, checked. An `end_group` may leave it out: it then closes the innermost
    open group (and needs one to close)."""
    if row_type == "end_group":
        if not groups:
            raise DefinitionError("end_group without a begin_group", column="type", **where)
        name = name or groups[-1]
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise DefinitionError(
            "a row needs a name of letters, digits and _ (starting with a letter or _)", column="name", **where
        )
    return name


def _plain_columns(raw: Mapping[str, Any], where: dict[str, Any]) -> tuple[str | None, str | None, str, str | None]:
    """(normalise, default, appearance, suffix_field) of a row, checked: a known normaliser, a
    single default value (kept as text), and a suffix field exactly with `national_id`."""
    normalise = raw.get("normalise")
    if normalise is not None and normalise not in NORMALISERS:
        raise DefinitionError(f"normalise must be one of {', '.join(NORMALISERS)}", column="normalise", **where)
    default = raw.get("default")
    if default is not None and not isinstance(default, str | int | float):
        raise DefinitionError("default must be a single value", column="default", **where)
    appearance, suffix_field = raw.get("appearance", ""), raw.get("suffix_field")
    if not isinstance(appearance, str) or not (suffix_field is None or isinstance(suffix_field, str)):
        raise DefinitionError(
            "expected text", column="appearance" if not isinstance(appearance, str) else "suffix_field", **where
        )
    if (suffix_field is not None) != (normalise == "national_id"):
        raise DefinitionError(
            "suffix_field goes with normalise = 'national_id', and only with it", column="suffix_field", **where
        )
    return normalise, None if default is None else str(default), appearance, suffix_field


def _check_row_kind(row: Row, where: dict[str, Any]) -> None:
    """The columns that belong to one kind of row only: a calculation to calculates (which
    need one), a choice_filter to selects."""
    if row.type == "calculate" and row.calculation is None:
        raise DefinitionError("a calculate row needs a calculation", column="calculation", **where)
    if row.type != "calculate" and row.calculation is not None:
        raise DefinitionError("only calculate rows have a calculation", column="calculation", **where)
    if row.choice_filter is not None and row.list_name is None:
        raise DefinitionError("only select rows have a choice_filter", column="choice_filter", **where)


def _choice_list(list_name: str, raw: object, settings: dict[str, Any]) -> ChoiceList:
    source, lang = settings["source"], settings["default_language"]
    if isinstance(raw, Mapping):
        provider = raw.get("provider")
        from forms import geo

        if set(raw) != {"provider"} or provider not in geo.PROVIDERS:
            known = ", ".join(geo.PROVIDERS)
            raise DefinitionError(
                f"a provided list has only `provider`, one of: {known}", source=source, section=f"choices.{list_name}"
            )
        return ChoiceList(list_name, geo.provider_loader(str(provider)), provider=str(provider))
    if not isinstance(raw, list) or not raw:
        raise DefinitionError(
            "a choice list is a non-empty array of choices, or a provider",
            source=source,
            section=f"choices.{list_name}",
        )
    choices: list[Choice] = []
    seen: set[str] = set()
    for number, item in enumerate(raw, start=1):
        where: dict[str, Any] = {"source": source, "row_number": number, "section": f"choices.{list_name}"}
        if (
            not isinstance(item, Mapping)
            or not isinstance(item.get("name"), str | int)
            or str(item["name"]).strip() == ""
        ):
            raise DefinitionError("a choice needs a name", column="name", **where)
        name = str(item["name"]).strip()
        where["row_name"] = name
        if name in seen:
            raise DefinitionError("this choice name is used twice in the list", column="name", **where)
        seen.add(name)
        columns: dict[str, str] = {}
        for key, value in item.items():
            if key in ("name", "label", KEYWORDS_COLUMN):
                continue
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise DefinitionError("a filter column holds text or a whole number", column=key, **where)
            columns[key] = str(value)
        # Search words per language, kept apart from the filter columns (a filter never reads them).
        keywords = _texts(item.get(KEYWORDS_COLUMN), lang, where, KEYWORDS_COLUMN)
        choices.append(Choice(name, _texts(item.get("label"), lang, where, "label"), columns, keywords))
    frozen = tuple(choices)
    return ChoiceList(list_name, lambda: frozen)


def form_from_dict(data: Mapping[str, Any], *, source: str = "<definition>") -> Form:
    """Build and check a Form from a parsed definition (a TOML file's content). Raises DefinitionError.

    Sections are read in order (settings, choice lists, survey rows), then every reference
    between rows is checked, so a definition that loads is complete and consistent.
    """
    unknown = sorted(set(data) - {"settings", "survey", "choices"})
    if unknown:
        raise DefinitionError(f"unknown section [{unknown[0]}]", source=source)
    form_id, version, default_language, titles = _settings(data.get("settings"), source)
    settings = {"source": source, "default_language": default_language}
    raw_choices = data.get("choices", {})
    if not isinstance(raw_choices, Mapping):
        raise DefinitionError("[choices] must be a table of lists", source=source)
    choice_lists = {name: _choice_list(name, raw, settings) for name, raw in raw_choices.items()}
    rows = _survey(data.get("survey"), settings, choice_lists)
    _check_references(rows, source)
    return Form(
        form_id=form_id,
        version=version,
        default_language=default_language,
        titles=titles,
        rows=rows,
        choice_lists=choice_lists,
        source=source,
    )


def _settings(raw_settings: object, source: str) -> tuple[str, str, str, dict[str, str]]:
    """(form_id, version, default_language, titles) from the `[settings]` table, checked."""
    if not isinstance(raw_settings, Mapping):
        raise DefinitionError("a definition needs a [settings] table", source=source)
    form_id, version = raw_settings.get("form_id"), raw_settings.get("version")
    if not isinstance(form_id, str) or not _NAME.fullmatch(form_id):
        raise DefinitionError("settings.form_id must be a name", source=source)
    if not isinstance(version, str) or not version.strip():
        raise DefinitionError('settings.version must be text, such as "2026.1"', source=source)
    default_language = raw_settings.get("default_language", "en")
    if not isinstance(default_language, str):
        raise DefinitionError("settings.default_language must be a language code (km or en)", source=source)
    extra = sorted(set(raw_settings) - {"form_id", "version", "default_language", "title"})
    if extra:
        raise DefinitionError(f"unknown setting {extra[0]!r}", source=source)
    titles = _texts(raw_settings.get("title"), default_language, {"source": source}, "settings.title")
    return form_id, version, default_language, titles


def _survey(survey: object, settings: dict[str, Any], choice_lists: Mapping[str, ChoiceList]) -> list[Row]:
    """The `[[survey]]` rows in order, each checked, with groups opened and closed in pairs,
    every name used once (an end_group repeats its group's) and every choice list known."""
    source = settings["source"]
    if not isinstance(survey, list) or not survey:
        raise DefinitionError("a definition needs [[survey]] rows", source=source)
    rows: list[Row] = []
    groups: list[str] = []
    names: set[str] = set()
    for number, raw in enumerate(survey, start=1):
        row = _row(number, raw, settings, groups)
        where: dict[str, Any] = {"source": source, "row_number": number, "row_name": row.name}
        if row.type == "begin_group":
            groups.append(row.name)
        elif row.type == "end_group" and groups.pop() != row.name:
            raise DefinitionError("end_group closes a different group", column="name", **where)
        if row.type != "end_group":
            if row.name in names:
                raise DefinitionError("this name is used by an earlier row", column="name", **where)
            names.add(row.name)
        if row.list_name is not None and row.list_name not in choice_lists:
            raise DefinitionError(f"no choice list named {row.list_name!r}", column="type", **where)
        rows.append(row)
    if groups:
        raise DefinitionError(f"group {groups[-1]!r} is never closed (end_group missing)", source=source)
    return rows


def _check_references(rows: Sequence[Row], source: str) -> None:
    """Every `${field}` in an expression and every suffix_field names a field of the form
    (checked once all rows are read: an expression may name a later row)."""
    fields = {r.name for r in rows if r.type not in ("begin_group", "end_group")}
    for row in rows:
        where: dict[str, Any] = {"source": source, "row_number": row.number, "row_name": row.name}
        for column in EXPRESSION_COLUMNS:
            expression = row.required_if if column == "required" else getattr(row, column)
            if expression is None:
                continue
            missing = sorted(expression.fields - fields)
            if missing:
                raise DefinitionError(f"${{{missing[0]}}} is not a field of this form", column=column, **where)
        if row.suffix_field is not None and row.suffix_field not in fields:
            raise DefinitionError("suffix_field names no field of this form", column="suffix_field", **where)


def load_form_file(path: str | Path) -> Form:
    """Load one definition file (not cached). Raises DefinitionError."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DefinitionError(f"cannot read the definition: {exc}", source=path.name) from None
    return form_from_dict(data, source=path.name)


# --------------------------------------------------------------------------- registry
def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Order versions part by part, numbers as numbers: "2026.10" comes after "2026.9"."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-]", version))


@functools.cache
def _catalogue() -> dict[tuple[str, str], tuple[Path, dict[str, Any]]]:
    """Every installed definition by (form_id, version), parsed once."""
    found: dict[tuple[str, str], tuple[Path, dict[str, Any]]] = {}
    for path in sorted(DEFINITIONS_DIR.glob("*.toml")):
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise DefinitionError(f"cannot read the definition: {exc}", source=path.name) from None
        settings = data.get("settings", {})
        key = (str(settings.get("form_id")), str(settings.get("version")))
        if key in found:
            raise DefinitionError(
                f"form {key[0]} version {key[1]} is also defined in {found[key][0].name}", source=path.name
            )
        found[key] = (path, data)
    return found


def available_forms() -> list[tuple[str, str]]:
    """(form_id, version) of every installed definition, oldest version first."""
    return sorted(_catalogue(), key=lambda key: (key[0], version_key(key[1])))


@functools.cache
def _load(form_id: str, version: str) -> Form:
    path, data = _catalogue()[(form_id, version)]
    return form_from_dict(data, source=path.name)


def load_form(form_id: str = "cam_ie_registration", version: str | None = None) -> Form:
    """The installed definition `form_id` at `version` (the latest when None); cached.

    Raises UnknownForm when there is no such form or version, DefinitionError when it is broken.
    """
    versions = [v for f, v in available_forms() if f == form_id]
    if not versions:
        raise UnknownForm(f"no form {form_id!r} is installed")
    if version is None:
        version = versions[-1]
    elif version not in versions:
        raise UnknownForm(f"form {form_id!r} has no version {version!r} (installed: {', '.join(versions)})")
    return _load(form_id, version)


def clear_cache() -> None:
    """Forget loaded definitions (for benchmarks and tests that install definitions)."""
    _catalogue.cache_clear()
    _load.cache_clear()
