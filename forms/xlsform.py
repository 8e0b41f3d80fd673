"""XLSForm import: an .xlsx workbook (survey, choices, settings sheets) into a TOML definition.

    python -m forms.xlsform import WORKBOOK.xlsx OUT.toml

Everything the workbook uses that this engine does not support (a type, a function, a
column, a language) is reported with its sheet, row and column, and nothing is written:
an import never guesses. The gazetteer comes in as ODK's external select:
`select_one_from_file cambodia_geo_province.csv` (and _district, _commune, _village).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import tomllib
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from forms.choices import KEYWORDS_COLUMN
from forms.definition import (
    EXPRESSION_COLUMNS,
    NORMALISERS,
    PLAIN_COLUMNS,
    TEXT_COLUMNS,
    TYPES,
    DefinitionError,
    form_from_dict,
)
from forms.expressions import ExpressionError, parse

LANGUAGE_NAMES = {"en": "en", "english": "en", "km": "km", "khmer": "km", "ខ្មែរ": "km"}
PROVIDER_FILES = {
    f"cambodia_geo_{level}.csv": f"cambodia_geo.{level}" for level in ("province", "district", "commune", "village")
}
SURVEY_COLUMNS = (*PLAIN_COLUMNS, *EXPRESSION_COLUMNS)
TYPE_ALIASES = {
    "int": "integer",
    "begin group": "begin_group",
    "end group": "end_group",
    "select one": "select_one",
    "select multiple": "select_multiple",
}
IGNORED_SETTINGS = frozenset({"style"})  # presentation only: pages are always groups here


@dataclass(frozen=True)
class ImportProblem:
    """Something in the workbook this engine does not support, and where it is."""

    sheet: str
    row: int  # 1-based, as Excel shows it; 0 for the workbook as a whole
    column: str  # the column's header
    message: str

    def __str__(self) -> str:
        where = (
            f"sheet '{self.sheet}'"
            + (f", row {self.row}" if self.row else "")
            + (f", column '{self.column}'" if self.column else "")
        )
        return f"{where}: {self.message}"


class _Sheet:
    """A sheet's header and rows, with problems collected under the sheet's name."""

    def __init__(self, name: str, rows: list[tuple[object, ...]], problems: list[ImportProblem]) -> None:
        self.name = name
        self.header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else ())]
        self.rows = rows[1:]
        self.problems = problems

    def problem(self, row: int, column: str, message: str) -> None:
        self.problems.append(ImportProblem(self.name, row, column, message))

    def records(self) -> list[tuple[int, dict[str, object]]]:
        """(sheet row number, {header: value}) for every row with something in it."""
        found = []
        for number, values in enumerate(self.rows, start=2):
            cells = {h: v for h, v in zip(self.header, values, strict=False) if h and _text(v) != ""}
            if cells:
                found.append((number, cells))
        return found


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


#: The columns of a choice that have a text per language: its label, and its search words.
CHOICE_TEXT_COLUMNS = ("label", KEYWORDS_COLUMN)


def _split_header(
    header: str, default_language: str, text_columns: tuple[str, ...] = TEXT_COLUMNS
) -> tuple[str, str | None, str | None]:
    """(column, language, problem) for a header such as `label::Khmer (km)`."""
    base, _, suffix = header.partition("::")
    base = base.strip().lower().replace(" ", "_")
    if base not in text_columns:
        return base, None, None if not suffix else f"unsupported column {header!r}"
    if not suffix:
        return base, default_language, None
    code = re.search(r"\(([^)]+)\)\s*$", suffix)
    word = (code[1] if code else suffix).strip().lower()
    language = LANGUAGE_NAMES.get(word)
    return base, language, None if language else f"unsupported language {suffix.strip()!r} (km and en are supported)"


def _language(value: str) -> str | None:
    code = re.search(r"\(([^)]+)\)\s*$", value)
    return LANGUAGE_NAMES.get((code[1] if code else value).strip().lower())


def _settings(sheet: _Sheet | None) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if sheet is None:
        return settings
    values = dict(zip(sheet.header, sheet.rows[0], strict=False)) if sheet.rows else {}
    for header, value in values.items():
        text, key = _text(value), header.strip().lower()
        if not header or text == "" or key in IGNORED_SETTINGS:
            continue
        if key == "form_id":
            settings["form_id"] = text
        elif key == "version":
            if isinstance(value, float):
                sheet.problem(
                    2, header, f"the version is a number ({value!r}): format the cell as text so 2026.10 stays 2026.10"
                )
            settings["version"] = text
        elif key == "default_language":
            language = _language(text)
            if language is None:
                sheet.problem(2, header, f"unsupported language {text!r} (km and en are supported)")
            settings["default_language"] = language or "en"
        elif key == "form_title":
            settings["title"] = text
        else:
            sheet.problem(2, header, f"unsupported setting {header!r}")
    return settings


def _survey_type(text: str, number: int, sheet: _Sheet, choices: dict[str, Any]) -> str | None:
    words = text.split()
    head = " ".join(words[:2]).lower()
    if head in TYPE_ALIASES:
        words = [TYPE_ALIASES[head], *words[2:]]
    elif words and words[0].lower() in TYPE_ALIASES:
        words = [TYPE_ALIASES[words[0].lower()], *words[1:]]
    kind = words[0].lower() if words else ""
    if kind == "select_one_from_file" and len(words) == 2 and words[1] in PROVIDER_FILES:
        list_name = words[1].removesuffix(".csv")
        choices[list_name] = {"provider": PROVIDER_FILES[words[1]]}
        return f"select_one {list_name}"
    if kind not in TYPES or (kind.startswith("select_") and len(words) != 2):
        sheet.problem(number, "type", f"unsupported type {text!r}")
        return None
    return " ".join([kind, *words[1:]])


def _survey(sheet: _Sheet, default_language: str, choices: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, cells in sheet.records():
        row: dict[str, Any] = {}
        for header, value in cells.items():
            column, language, problem = _split_header(header, default_language)
            text = _text(value)
            if problem:
                sheet.problem(number, header, problem)
            elif language is not None:
                row.setdefault(column, {})[language] = text
            elif column == "type":
                row_type = _survey_type(text, number, sheet, choices)
                if row_type:
                    row["type"] = row_type
            elif column in ("required", "read_only"):
                word = text.lower()
                if word in ("yes", "true", "true()"):
                    row[column] = True
                elif word not in ("no", "false", "false()"):
                    if column == "read_only":
                        sheet.problem(number, header, "read_only must be yes or no")
                    else:
                        row[column] = text
            elif column == "normalise" and text not in NORMALISERS:
                sheet.problem(number, header, f"normalise must be one of {', '.join(NORMALISERS)}")
            elif column in SURVEY_COLUMNS:
                row[column] = text
            else:
                sheet.problem(number, header, f"unsupported column {header!r}")
        if "type" in row or not any(p.row == number and p.sheet == sheet.name for p in sheet.problems):
            rows.append((number, row))
    names = {str(r.get("name")) for _, r in rows}
    for number, row in rows:
        for column in EXPRESSION_COLUMNS:
            source = row.get(column)
            if not isinstance(source, str):
                continue
            try:
                expression = parse(source, allow_columns=column == "choice_filter")
            except ExpressionError as exc:
                kind = "unsupported function" if exc.kind == "unknown_function" else "bad expression"
                sheet.problem(number, _header_of(sheet, column), f"{kind}: {exc.message}")
                continue
            for missing in sorted(expression.fields - names):
                sheet.problem(number, _header_of(sheet, column), f"${{{missing}}} is not a field of this form")
    return rows


def _header_of(sheet: _Sheet, column: str) -> str:
    return next((h for h in sheet.header if h.strip().lower() == column), column)


def _choices(sheet: _Sheet | None, default_language: str, choices: dict[str, Any]) -> None:
    if sheet is None:
        return
    list_header = next((h for h in sheet.header if h.strip().lower() in ("list_name", "list name")), None)
    if list_header is None:
        sheet.problem(1, "", "the choices sheet needs a list_name column")
        return
    for number, cells in sheet.records():
        list_name = _text(cells.get(list_header))
        choice: dict[str, Any] = {}
        for header, value in cells.items():
            if header == list_header:
                continue
            column, language, problem = _split_header(header, default_language, CHOICE_TEXT_COLUMNS)
            if problem or (language is not None and column not in CHOICE_TEXT_COLUMNS):
                sheet.problem(number, header, problem or f"unsupported column {header!r}")
            elif language is not None:  # label::Khmer (km), keywords::English (en): search words
                choice.setdefault(column, {})[language] = _text(value)
            elif column.startswith("media") or column == "image":
                sheet.problem(number, header, f"unsupported column {header!r}")
            else:
                choice[column if column == "name" else header.strip()] = _text(value)
        if not list_name:
            sheet.problem(number, list_header, "a choice needs a list_name")
            continue
        existing = choices.setdefault(list_name, [])
        if isinstance(existing, list):
            existing.append(choice)
        else:
            sheet.problem(number, list_header, f"list {list_name!r} is also a file list (select_one_from_file)")


def _read_workbook(path: Path) -> dict[str, list[tuple[object, ...]]]:
    from openpyxl import load_workbook  # imported here: it costs ~0.25 s and only the importer needs it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # openpyxl's notes on styles and extensions it skips
        workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return {
            ws.title.strip().lower(): [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in workbook.worksheets
        }
    finally:
        workbook.close()


def import_workbook(path: str | Path) -> tuple[dict[str, Any], list[ImportProblem]]:
    """Convert an XLSForm workbook into a definition dict (the TOML format's content).

    Returns the definition and every problem found; the definition is usable only when there
    are no problems (it then loads with `form_from_dict`).
    """
    problems: list[ImportProblem] = []
    try:
        sheets = _read_workbook(Path(path))
    except Exception as exc:  # openpyxl raises many kinds of error for a file that is not a workbook
        return {}, [ImportProblem(Path(path).name, 0, "", f"cannot read the workbook: {exc}")]
    for name in sorted(set(sheets) - {"survey", "choices", "settings"}):
        problems.append(ImportProblem(name, 0, "", "unsupported sheet (survey, choices and settings are read)"))
    if "survey" not in sheets:
        return {}, [*problems, ImportProblem("survey", 0, "", "the workbook has no survey sheet")]
    settings_sheet = _Sheet("settings", sheets["settings"], problems) if "settings" in sheets else None
    settings = _settings(settings_sheet)
    settings.setdefault("form_id", Path(path).stem.replace(" ", "_"))
    settings.setdefault("version", "1")
    language = settings.setdefault("default_language", "en")
    if isinstance(settings.get("title"), str):
        settings["title"] = {language: settings["title"]}
    choices: dict[str, Any] = {}
    survey_sheet = _Sheet("survey", sheets["survey"], problems)
    survey = _survey(survey_sheet, language, choices)
    _choices(_Sheet("choices", sheets["choices"], problems) if "choices" in sheets else None, language, choices)
    definition = {"settings": settings, "survey": [row for _, row in survey], "choices": choices}
    if not problems:
        try:
            form_from_dict(definition, source=Path(path).name)
        except DefinitionError as exc:
            problems.append(_located(exc, survey, survey_sheet))
    return definition, problems


def _located(error: DefinitionError, survey: list[tuple[int, dict[str, Any]]], survey_sheet: _Sheet) -> ImportProblem:
    """A load error of the converted definition, placed back on the workbook's sheets."""
    if error.section == "survey" and error.row_number:
        column = _header_of(survey_sheet, error.column) if error.column else ""
        return ImportProblem("survey", survey[error.row_number - 1][0], column, error.problem)
    if error.section.startswith("choices"):
        return ImportProblem(
            "choices",
            0,
            error.column,
            f"list {error.section.removeprefix('choices.')!r}, choice {error.row_name!r}: {error.problem}",
        )
    return ImportProblem("settings" if "settings" in error.problem else "survey", 0, "", error.problem)


# --------------------------------------------------------------------------- writing TOML
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _value(value: object) -> str:
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _value(key)


def dumps_definition(definition: Mapping[str, Any], *, comment: str = "") -> str:
    """A definition as readable TOML: [settings], one [[survey]] table per row, then the choices."""
    lines = [f"# {line}" for line in comment.splitlines()]
    lines += ["", "[settings]"] if lines else ["[settings]"]
    lines += [f"{_key(k)} = {_value(v)}" for k, v in definition["settings"].items()]
    for row in definition["survey"]:
        lines += ["", "[[survey]]", *(f"{_key(k)} = {_value(v)}" for k, v in row.items())]
    for list_name, items in definition.get("choices", {}).items():
        if isinstance(items, Mapping):
            lines += ["", f"[choices.{_key(list_name)}]", *(f"{_key(k)} = {_value(v)}" for k, v in items.items())]
            continue
        for item in items:
            lines += ["", f"[[choices.{_key(list_name)}]]", *(f"{_key(k)} = {_value(v)}" for k, v in item.items())]
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)  # a writer bug must not produce a file that does not read back
    return text


def write_definition(definition: Mapping[str, Any], path: str | Path, *, comment: str = "") -> None:
    """Write the TOML atomically (temporary file, fsync, replace)."""
    path = Path(path)
    text = dumps_definition(definition, comment=comment)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- command line
def main(argv: Sequence[str] | None = None) -> int:
    """`python -m forms.xlsform import WORKBOOK.xlsx OUT.toml`."""
    parser = argparse.ArgumentParser(
        prog="python -m forms.xlsform", description="Bring XLSForm workbooks into the forms engine."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser(
        "import",
        help="convert an XLSForm workbook into a TOML definition",
        description="Convert an XLSForm workbook (survey, choices, settings sheets) into a TOML definition. "
        "Anything unsupported is listed with its sheet, row and column, and nothing is written.",
    )
    command.add_argument("workbook", type=Path, help="the XLSForm .xlsx file")
    command.add_argument(
        "output", type=Path, help="the .toml file to write (put it in forms/definitions/ to install it)"
    )
    command.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")
    args = parser.parse_args(argv)
    if args.output.exists() and not args.force:
        print(f"{args.output} exists; use --force to replace it", file=sys.stderr)
        return 1
    definition, problems = import_workbook(args.workbook)
    if problems:
        print(f"{args.workbook}: {len(problems)} problem(s), nothing written:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    write_definition(definition, args.output, comment=f"Imported from {args.workbook.name} by python -m forms.xlsform.")
    settings = definition["settings"]
    print(
        f"wrote {args.output}: form {settings['form_id']} version {settings['version']}, {len(definition['survey'])} survey rows"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
