"""XLSForm import: a workbook with every supported type and column imports and validates like the
native definition; unsupported features are reported with their sheet, row and column."""

from __future__ import annotations

import datetime
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from forms import form_from_dict, load_form_file
from forms.definition import DEFINITIONS_DIR
from forms.xlsform import dumps_definition, import_workbook, main

TODAY = datetime.date(2026, 3, 15)

SURVEY_HEADER = [
    "type", "name", "label::English (en)", "label::Khmer (km)", "hint::en", "hint::km", "required",
    "required_message::English (en)", "required_message::Khmer (km)", "constraint", "constraint_message::en",
    "constraint_message::km", "relevant", "choice_filter", "default", "read_only", "appearance", "calculation",
    "normalise", "suffix_field",
]  # fmt: skip


def survey_row(**cells: object) -> list[object]:
    keys = {
        "label_en": "label::English (en)", "label_km": "label::Khmer (km)", "hint_en": "hint::en",
        "hint_km": "hint::km", "required_en": "required_message::English (en)",
        "required_km": "required_message::Khmer (km)", "constraint_en": "constraint_message::en",
        "constraint_km": "constraint_message::km",
    }  # fmt: skip
    named = {keys.get(k, k): v for k, v in cells.items()}
    return [named.get(h) for h in SURVEY_HEADER]


SURVEY = [
    survey_row(type="begin group", name="person", label_en="Person", label_km="បុគ្គល"),
    survey_row(type="text", name="full_name", label_en="Name", label_km="ឈ្មោះ", hint_en="As on the card", hint_km="ដូចនៅលើប័ណ្ណ",
               required="yes", required_en="Name, please.", required_km="សូមបញ្ចូលឈ្មោះ។", normalise="name", appearance="w2"),
    survey_row(type="integer", name="age", label_en="Age", label_km="អាយុ", required=True, constraint=". >= 15",
               constraint_en="Too young.", constraint_km="ក្មេងពេក។", default=30),
    survey_row(type="decimal", name="height", label_en="Height", label_km="កម្ពស់", constraint=". > 0 and . < 3"),
    survey_row(type="date", name="born", label_en="Born", label_km="កើត", constraint=". <= today()"),
    survey_row(type="select_one colour", name="colour", label_en="Colour", label_km="ពណ៌", required="TRUE"),
    survey_row(type="select_one shade", name="shade", label_en="Shade", label_km="ស្រមោល", choice_filter="colour = ${colour}"),
    survey_row(type="select_multiple colour", name="likes", label_en="Likes", label_km="ចូលចិត្ត",
               relevant="${age} >= 18", constraint="count-selected(.) <= 2"),
    survey_row(type="text", name="id_no", label_en="ID", label_km="លេខ", normalise="national_id", suffix_field="id_suffix",
               required="${age} >= 18"),
    survey_row(type="text", name="id_suffix", label_en="Suffix", label_km="បន្ទាប់", normalise="identifier", read_only="no"),
    survey_row(type="text", name="phone", label_en="Phone", label_km="ទូរស័ព្ទ", normalise="phone"),
    survey_row(type="note", name="hello", label_en="Hello", label_km="សួស្តី", read_only="yes"),
    survey_row(type="calculate", name="age_next_year", calculation="${age} + 1"),
    survey_row(type="end group", name="person"),
    survey_row(type="select_one_from_file cambodia_geo_province.csv", name="province", label_en="Province", label_km="ខេត្ត"),
    survey_row(type="select_one_from_file cambodia_geo_district.csv", name="district", label_en="District", label_km="ស្រុក",
               choice_filter="province = ${province}"),
]  # fmt: skip

CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Khmer (km)", "colour"],
    ["colour", "red", "Red", "ក្រហម", None],
    ["colour", "blue", "Blue", "ខៀវ", None],
    ["shade", "crimson", "Crimson", "ក្រហមចាស់", "red"],
    ["shade", "navy", "Navy", "ខៀវចាស់", "blue"],
]
SETTINGS = [
    ["form_id", "version", "default_language", "form_title", "style"],
    ["people", "2026.3", "Khmer (km)", "ប្រជាជន", "pages"],
]

NATIVE = """
[settings]
form_id = "people"
version = "2026.3"
default_language = "km"
title = { km = "ប្រជាជន" }

[[survey]]
type = "begin_group"
name = "person"
label = { en = "Person", km = "បុគ្គល" }

[[survey]]
type = "text"
name = "full_name"
label = { en = "Name", km = "ឈ្មោះ" }
hint = { en = "As on the card", km = "ដូចនៅលើប័ណ្ណ" }
required = true
required_message = { en = "Name, please.", km = "សូមបញ្ចូលឈ្មោះ។" }
appearance = "w2"
normalise = "name"

[[survey]]
type = "integer"
name = "age"
label = { en = "Age", km = "អាយុ" }
required = true
constraint = ". >= 15"
constraint_message = { en = "Too young.", km = "ក្មេងពេក។" }
default = "30"

[[survey]]
type = "decimal"
name = "height"
label = { en = "Height", km = "កម្ពស់" }
constraint = ". > 0 and . < 3"

[[survey]]
type = "date"
name = "born"
label = { en = "Born", km = "កើត" }
constraint = ". <= today()"

[[survey]]
type = "select_one colour"
name = "colour"
label = { en = "Colour", km = "ពណ៌" }
required = true

[[survey]]
type = "select_one shade"
name = "shade"
label = { en = "Shade", km = "ស្រមោល" }
choice_filter = "colour = ${colour}"

[[survey]]
type = "select_multiple colour"
name = "likes"
label = { en = "Likes", km = "ចូលចិត្ត" }
constraint = "count-selected(.) <= 2"
relevant = "${age} >= 18"

[[survey]]
type = "text"
name = "id_no"
label = { en = "ID", km = "លេខ" }
required = "${age} >= 18"
normalise = "national_id"
suffix_field = "id_suffix"

[[survey]]
type = "text"
name = "id_suffix"
label = { en = "Suffix", km = "បន្ទាប់" }
normalise = "identifier"

[[survey]]
type = "text"
name = "phone"
label = { en = "Phone", km = "ទូរស័ព្ទ" }
normalise = "phone"

[[survey]]
type = "note"
name = "hello"
label = { en = "Hello", km = "សួស្តី" }
read_only = true

[[survey]]
type = "calculate"
name = "age_next_year"
calculation = "${age} + 1"

[[survey]]
type = "end_group"
name = "person"

[[survey]]
type = "select_one cambodia_geo_province"
name = "province"
label = { en = "Province", km = "ខេត្ត" }

[[survey]]
type = "select_one cambodia_geo_district"
name = "district"
label = { en = "District", km = "ស្រុក" }
choice_filter = "province = ${province}"

[choices.cambodia_geo_province]
provider = "cambodia_geo.province"

[choices.cambodia_geo_district]
provider = "cambodia_geo.district"

[[choices.colour]]
name = "red"
label = { en = "Red", km = "ក្រហម" }

[[choices.colour]]
name = "blue"
label = { en = "Blue", km = "ខៀវ" }

[[choices.shade]]
name = "crimson"
label = { en = "Crimson", km = "ក្រហមចាស់" }
colour = "red"

[[choices.shade]]
name = "navy"
label = { en = "Navy", km = "ខៀវចាស់" }
colour = "blue"
"""

ANSWER_SETS: list[dict[str, Any]] = [
    {
        "full_name": " Dara ",
        "age": "២០",
        "colour": "blue",
        "shade": "navy",
        "likes": "red blue",
        "id_no": "010203040(1)",
        "province": "12",
        "district": "1201",
    },
    {"age": 10, "colour": "red", "shade": "navy", "born": "2030-01-01", "height": "tall"},
    {"full_name": "Dara", "age": 40, "colour": "green", "likes": ["red", "blue", "red"], "phone": "+66 81 234 5678"},
    {"full_name": "Dara", "age": 40, "colour": "red", "province": "12", "district": "0102", "hello": "x", "mystery": 1},
    {},
]


def write_workbook(
    path: Path,
    survey: list[list[object]],
    choices: list[list[object]] | None = None,
    settings: list[list[object]] | None = None,
    extra_sheet: str | None = None,
) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    for title, rows in (("choices", choices), ("settings", settings)):
        if rows is not None:
            other = book.create_sheet(title)
            for row in rows:
                other.append(row)
    if extra_sheet:
        book.create_sheet(extra_sheet).append(["a"])
    book.save(path)
    return path


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "people.xlsx", [SURVEY_HEADER, *SURVEY], CHOICES, SETTINGS)


def test_workbook_imports_to_exactly_the_native_definition(workbook: Path) -> None:
    definition, problems = import_workbook(workbook)
    assert problems == []
    assert definition == tomllib.loads(NATIVE)


@pytest.mark.parametrize("answers", ANSWER_SETS)
def test_imported_form_validates_like_the_native_one(workbook: Path, answers: dict[str, Any]) -> None:
    imported = form_from_dict(import_workbook(workbook)[0])
    native = form_from_dict(tomllib.loads(NATIVE))
    for lang in ("km", "en"):
        assert imported.validate(answers, lang, today=TODAY) == native.validate(answers, lang, today=TODAY)
    assert imported.normalise(answers) == native.normalise(answers)


def test_imported_form_checks_what_it_should(workbook: Path) -> None:
    form = form_from_dict(import_workbook(workbook)[0])
    assert form.validate(ANSWER_SETS[0], today=TODAY) == {}
    assert form.validate(ANSWER_SETS[1], "km", today=TODAY) == {
        "full_name": "សូមបញ្ចូលឈ្មោះ។",
        "age": "ក្មេងពេក។",
        "height": "សូមបញ្ចូលលេខ។",
        "born": "ចម្លើយនេះមិនត្រឹមត្រូវទេ។",
        "shade": "ជម្រើសនេះមិនត្រូវនឹងចម្លើយខាងលើទេ។",
    }
    stored = form.normalise(ANSWER_SETS[0])
    assert (stored["id_no"], stored["id_suffix"], stored["age_next_year"]) == ("010203040", "1", 21)
    assert [p.name for p in form.pages] == ["person", "page_2"]


def test_command_line_import_writes_a_loadable_definition(
    workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "people.toml"
    assert main(["import", str(workbook), str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    form = load_form_file(out)
    assert (form.form_id, form.version) == ("people", "2026.3")
    assert form.validate(ANSWER_SETS[2], today=TODAY) == form_from_dict(tomllib.loads(NATIVE)).validate(
        ANSWER_SETS[2], today=TODAY
    )
    assert out.read_text(encoding="utf-8").startswith("# Imported from people.xlsx")
    assert main(["import", str(workbook), str(out)]) == 1  # will not overwrite without --force
    assert main(["import", str(workbook), str(out), "--force"]) == 0


UNSUPPORTED_SURVEY = [
    [
        "type",
        "name",
        "label::English (en)",
        "label::French (fr)",
        "calculation",
        "media::image",
        "relevant",
        "read_only",
    ],
    ["text", "a", "A", None, None, None, None, None],
    ["geopoint", "where", "Where", None, None, None, None, None],
    ["begin_repeat", "kids", "Kids", None, None, None, None, None],
    ["calculate", "c", None, None, "pulldata('x', 'y', 'z', 'w')", None, None, None],
    ["text", "b", "B", "Bé", None, "b.png", "${nowhere} = 1", "${a} = 'x'"],
    ["integer", "d", "D", None, None, None, "${a} = ", None],
    ["select_one_from_file towns.csv", "town", "Town", None, None, None, None, None],
]


def test_unsupported_features_are_all_reported_where_they_are(tmp_path: Path) -> None:
    settings = [
        ["form_id", "version", "instance_name", "default_language"],
        ["x", 2026.1, "concat('a')", "French (fr)"],
    ]
    path = write_workbook(
        tmp_path / "odk.xlsx",
        UNSUPPORTED_SURVEY,
        [["list_name", "name", "label", "media::audio"], ["l", "a", "A", "a.mp3"]],
        settings,
        "external_choices",
    )
    _, problems = import_workbook(path)
    found = {(p.sheet, p.row, p.column): p.message for p in problems}
    assert found[("survey", 3, "type")] == "unsupported type 'geopoint'"
    assert found[("survey", 4, "type")] == "unsupported type 'begin_repeat'"
    assert found[("survey", 8, "type")] == "unsupported type 'select_one_from_file towns.csv'"
    assert found[("survey", 5, "calculation")] == "unsupported function: unknown function pulldata()"
    assert found[("survey", 6, "label::French (fr)")] == "unsupported language 'French (fr)' (km and en are supported)"
    assert found[("survey", 6, "media::image")] == "unsupported column 'media::image'"
    assert found[("survey", 6, "relevant")] == "${nowhere} is not a field of this form"
    assert found[("survey", 6, "read_only")] == "read_only must be yes or no"
    assert found[("survey", 7, "relevant")].startswith("bad expression: expected a value")
    assert found[("choices", 2, "media::audio")] == "unsupported column 'media::audio'"
    assert found[("settings", 2, "instance_name")] == "unsupported setting 'instance_name'"
    assert found[("settings", 2, "default_language")] == "unsupported language 'French (fr)' (km and en are supported)"
    assert "format the cell as text" in found[("settings", 2, "version")]
    assert found[("external_choices", 0, "")].startswith("unsupported sheet")
    assert str(problems[0]).startswith("sheet '")


def test_structural_errors_are_mapped_back_to_the_sheet_row(tmp_path: Path) -> None:
    survey = [
        ["type", "name", "calculation"],
        ["integer", "a", None],
        ["calculate", "x", "${y} + ${a}"],
        ["calculate", "y", "${x} * 2"],
    ]
    _, problems = import_workbook(write_workbook(tmp_path / "cycle.xlsx", survey))
    assert len(problems) == 1
    assert (problems[0].sheet, problems[0].row, problems[0].column) == (
        "survey",
        4,
        "calculation",
    )  # y closes the cycle
    assert "cycle: x → y → x" in problems[0].message


def test_command_line_import_with_problems_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_workbook(tmp_path / "odk.xlsx", UNSUPPORTED_SURVEY)
    out = tmp_path / "odk.toml"
    assert main(["import", str(path), str(out)]) == 1
    assert not out.exists()
    error = capsys.readouterr().err
    assert "sheet 'survey', row 3, column 'type': unsupported type 'geopoint'" in error
    assert "nothing written" in error


def test_a_file_that_is_not_a_workbook_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    _, problems = import_workbook(path)
    assert len(problems) == 1
    assert problems[0].message.startswith("cannot read the workbook")
    _, problems = import_workbook(write_workbook(tmp_path / "empty.xlsx", [["type", "name"]]))
    assert [(p.sheet, p.row, p.message) for p in problems] == [("survey", 0, "a definition needs [[survey]] rows")]


def test_choice_list_errors_name_the_list(tmp_path: Path) -> None:
    survey = [["type", "name"], ["select_one l", "s"]]
    _, problems = import_workbook(
        write_workbook(tmp_path / "twice.xlsx", survey, [["list_name", "name"], ["l", "a"], ["l", "a"]])
    )
    assert [(p.sheet, p.message) for p in problems] == [
        ("choices", "list 'l', choice 'a': this choice name is used twice in the list")
    ]


def test_installed_definitions_survive_the_toml_writer() -> None:
    for path in DEFINITIONS_DIR.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert tomllib.loads(dumps_definition(data)) == data


def test_command_line_has_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "forms.xlsform", "import", "--help"], capture_output=True, text=True, check=True
    )
    assert "sheet, row and column" in " ".join(result.stdout.split())
    assert "--force" in result.stdout


def test_search_keywords_come_in_per_language(tmp_path: Path) -> None:
    survey = [
        ["type", "name", "label::English (en)", "label::Khmer (km)"],
        ["select_one trade", "trade", "Trade", "មុខរបរ"],
    ]
    choices = [
        ["list_name", "name", "label::English (en)", "label::Khmer (km)", "keywords::English (en)", "keywords::Khmer (km)"],
        ["trade", "greens", "Retail of food", "លក់ម្ហូប", "vegetable, fruit", "បន្លែ, ផ្លែឈើ"],
    ]  # fmt: skip
    settings = [["form_id", "version", "default_language"], ["trades", "2026.1", "Khmer (km)"]]
    definition, problems = import_workbook(write_workbook(tmp_path / "k.xlsx", survey, choices, settings))
    assert problems == []
    assert definition is not None
    choice = form_from_dict(definition).choices("trade", {})[0]
    assert choice.keyword_texts == {"en": "vegetable, fruit", "km": "បន្លែ, ផ្លែឈើ"}
    assert {"vegetable", "បន្លែ"} <= set(choice.keywords)
