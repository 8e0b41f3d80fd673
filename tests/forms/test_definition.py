"""Loading definitions: the model, the registry, and load errors that name the row and column."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import forms
from forms import definition
from forms.definition import DefinitionError, UnknownForm, form_from_dict, load_form, version_key


def minimal(*rows: dict[str, Any], **choices: Any) -> dict[str, Any]:
    return {
        "settings": {"form_id": "t", "version": "1", "default_language": "en"},
        "survey": list(rows) or [{"type": "text", "name": "a"}],
        "choices": choices,
    }


def load_error(data: dict[str, Any]) -> DefinitionError:
    with pytest.raises(DefinitionError) as info:
        form_from_dict(data, source="t.toml")
    return info.value


# --------------------------------------------------------------------------- the registration form
def test_registration_form_loads_with_its_settings() -> None:
    form = load_form()
    assert (form.form_id, form.version, form.default_language) == ("cam_ie_registration", "2026.2", "km")
    assert form.title("en") == "CAM-IE informal business registration"
    assert form.title("km").startswith("ការចុះបញ្ជី")


def test_registration_form_has_the_agreed_answer_keys() -> None:
    keys = {
        "family_name_km", "given_name_km", "family_name_latin", "given_name_latin", "sex", "date_of_birth",
        "id_type", "id_number", "id_suffix", "phone", "role", "business_name", "activity", "premises",
        "province", "district", "commune", "village", "address_detail", "start_year", "workers_female",
        "workers_male", "revenue_monthly", "revenue_currency", "moc_number", "misti_number", "tax_id",
        "nssf_number", "services", "consent",
    }  # fmt: skip
    assert keys == {r.name for r in load_form(version="2026.1").rows if r.takes_answer}
    assert keys | {"owner_language"} == {r.name for r in load_form().rows if r.takes_answer}


def test_2026_2_asks_the_owner_language_first_on_the_consent_page() -> None:
    form = load_form(version="2026.2")
    consent_page = form.pages[-1]
    row = consent_page.rows[0]
    assert (consent_page.name, row.name, row.type, row.list_name) == (
        "consent_page",
        "owner_language",
        "select_one",
        "owner_language",
    )
    assert (row.required, row.default, row.appearance) == (True, "km", "horizontal")
    assert row.label("en") == "Language the owner reads"
    assert row.label("km") == "ភាសាដែលម្ចាស់អាជីវកម្មអាន"
    choices = form.choice_lists["owner_language"].items
    assert [(c.name, c.label("km"), c.label("en")) for c in choices] == [
        ("km", "ខ្មែរ", "Khmer"),
        ("en", "អង់គ្លេស", "English"),
        ("both", "ខ្មែរ និងអង់គ្លេស", "Khmer and English"),
    ]
    assert "owner_language" not in load_form(version="2026.1").fields  # 2026.1 is left as it was


def test_2026_2_differs_from_2026_1_only_by_the_owner_language_and_keywords() -> None:
    old, new = load_form(version="2026.1"), load_form(version="2026.2")
    assert [r.name for r in new.rows if r.name != "owner_language"] == [r.name for r in old.rows]
    assert set(new.choice_lists) == {*old.choice_lists, "owner_language"}
    for name, choices in old.choice_lists.items():
        if choices.provider is None:
            new_items = new.choice_lists[name].items
            assert [(c.name, dict(c.labels), dict(c.columns)) for c in new_items] == [
                (c.name, dict(c.labels), dict(c.columns)) for c in choices.items
            ]


def test_every_activity_has_keywords_in_khmer_and_english() -> None:
    activities = load_form().choice_lists["activity"].items
    for choice in activities:
        assert set(choice.keyword_texts) == {"km", "en"}, choice.name
        assert any("\u1780" <= c <= "\u17ff" for c in choice.keywords), choice.name
        assert all(k == " ".join(k.split()) and k for k in choice.keywords), choice.name
    by_keyword: dict[str, set[str]] = {}
    for choice in activities:
        for keyword in choice.keywords:
            by_keyword.setdefault(keyword, set()).add(choice.name)
    for typed, expected in [
        ("vegetable", "isic_0113"),
        ("vegetable", "isic_4781"),
        ("fruit", "isic_4781"),
        ("noodle", "isic_5610"),
        ("tailor", "isic_1410"),
        ("motorbike repair", "isic_4540"),
        ("hair", "isic_9602"),
        ("phone", "isic_9512"),
        ("បន្លែ", "isic_0113"),
        ("ផ្លែឈើ", "isic_4781"),
        ("គុយទាវ", "isic_5610"),
        ("កាត់ដេរ", "isic_1410"),
        ("ជួសជុលម៉ូតូ", "isic_4540"),
        ("សក់", "isic_9602"),
    ]:
        assert expected in by_keyword.get(typed, set()), typed
    assert load_form(version="2026.1").choice_lists["activity"].items[0].keywords == ()


def test_choice_keywords_are_phrases_in_every_language_apart_from_filter_columns() -> None:
    form = form_from_dict(
        minimal(
            {"type": "select_one trade", "name": "trade"},
            {"type": "select_one sector_pick", "name": "sector_pick"},
            {"type": "select_one trade", "name": "filtered", "choice_filter": "sector = ${sector_pick}"},
            trade=[
                {
                    "name": "4540",
                    "label": {"km": "ជួសជុលម៉ូតូ", "en": "Motorbike repair"},
                    "sector": "repair",
                    "keywords": {"en": "motorbike repair,  moto ;mechanic, , moto", "km": "ជួសជុលម៉ូតូ, ជាងម៉ូតូ"},
                },
                {"name": "0113", "label": "Vegetables", "sector": "agriculture", "keywords": "vegetable, garden"},
                {"name": "9999", "label": "Other", "sector": "other"},
            ],
            sector_pick=[{"name": "repair"}, {"name": "agriculture"}],
        )
    )
    repair, vegetables, other = form.choice_lists["trade"].items
    assert repair.keywords == ("ជួសជុលម៉ូតូ", "ជាងម៉ូតូ", "motorbike repair", "moto", "mechanic")
    assert vegetables.keywords == ("vegetable", "garden")  # plain text: the default language (en)
    assert other.keywords == ()
    assert dict(repair.columns) == {"sector": "repair"}  # keywords are no filter column
    assert [c.name for c in form.choices("filtered", {"sector_pick": "repair"})] == ["4540"]
    assert [c.name for c in form.choices("filtered", {"sector_pick": "agriculture"})] == ["0113"]
    bad = minimal({"type": "select_one l", "name": "s"}, l=[{"name": "a", "keywords": ["x"]}])
    assert "choices.l row 1 (a), column 'keywords'" in str(load_error(bad))


def test_every_label_hint_and_message_is_in_khmer_and_english() -> None:
    form = load_form()
    for row in form.rows:
        for texts in (row.labels, row.hints, row.required_message, row.constraint_message):
            assert not texts or set(texts) == {"km", "en"}, row.name
        if row.type not in ("end_group", "calculate"):
            assert set(row.labels) == {"km", "en"}, row.name
            assert any("\u1780" <= c <= "\u17ff" for c in row.labels["km"]), row.name
    for choice_list in form.choice_lists.values():
        if choice_list.provider is None:
            for choice in choice_list.items:
                assert set(choice.labels) == {"km", "en"}, choice.name


def test_pages_are_the_top_level_groups() -> None:
    form = load_form()
    assert [p.name for p in form.pages] == [
        "owner",
        "business",
        "address",
        "registrations",
        "services_page",
        "consent_page",
    ]
    owner = form.pages[0]
    assert owner.label("km") == "ម្ចាស់អាជីវកម្ម"
    assert owner.label("en") == "Owner"
    assert owner.rows[0].name == "family_name_km"
    assert all(r.groups == ("owner",) for r in owner.rows)


def test_rows_expose_their_columns() -> None:
    form = load_form()
    village = form.row("village")
    assert (village.type, village.list_name, village.required, village.appearance) == (
        "select_one",
        "village",
        True,
        "search",
    )
    assert village.choice_filter is not None
    assert village.choice_filter.source == "commune = ${commune}"
    assert form.row("date_of_birth").hint("en").startswith("Day-month-year")
    assert form.row("workers_female").default == "0"
    assert form.row("address_detail").hint("km") == ""
    assert form.row("owner").type == "begin_group"


def test_load_form_is_cached_and_knows_its_versions() -> None:
    assert load_form() is load_form("cam_ie_registration", "2026.2")
    assert load_form("cam_ie_registration", "2026.1") is load_form(version="2026.1")
    assert [v for f, v in forms.available_forms() if f == "cam_ie_registration"][:2] == ["2026.1", "2026.2"]


def test_unknown_forms_and_versions_are_clear_errors() -> None:
    with pytest.raises(UnknownForm, match="no form 'nope'"):
        load_form("nope")
    with pytest.raises(UnknownForm, match=r"no version '1999.1' \(installed: 2026.1"):
        load_form(version="1999.1")


@pytest.fixture
def definitions_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private definitions folder holding a copy of the installed form."""
    folder = tmp_path / "definitions"
    shutil.copytree(definition.DEFINITIONS_DIR, folder)
    monkeypatch.setattr(definition, "DEFINITIONS_DIR", folder)
    definition.clear_cache()
    yield folder
    definition.clear_cache()


def test_older_versions_stay_loadable_and_the_latest_is_the_default(definitions_dir: Path) -> None:
    text = (definitions_dir / "cam_ie_registration.toml").read_text(encoding="utf-8")
    (definitions_dir / "cam_ie_registration_2026_10.toml").write_text(
        text.replace('"2026.1"', '"2026.10"', 1), encoding="utf-8"
    )
    (definitions_dir / "cam_ie_registration_2026_9.toml").write_text(
        text.replace('"2026.1"', '"2026.9"', 1), encoding="utf-8"
    )
    assert load_form().version == "2026.10"
    assert load_form(version="2026.1").version == "2026.1"
    assert [v for _, v in forms.available_forms()] == ["2026.1", "2026.2", "2026.9", "2026.10"]


def test_two_files_with_the_same_id_and_version_are_refused(definitions_dir: Path) -> None:
    shutil.copy(definitions_dir / "cam_ie_registration.toml", definitions_dir / "copy.toml")
    with pytest.raises(DefinitionError, match="also defined in"):
        load_form()


def test_a_broken_toml_file_is_a_definition_error(definitions_dir: Path) -> None:
    (definitions_dir / "broken.toml").write_text("[settings\n", encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"broken\.toml: cannot read"):
        load_form()


def test_version_key_orders_numbers_numerically() -> None:
    assert sorted(["2026.10", "2026.2", "2025.9", "2026.1"], key=version_key) == [
        "2025.9",
        "2026.1",
        "2026.2",
        "2026.10",
    ]


# --------------------------------------------------------------------------- load errors name the row and column
def test_bad_expression_names_row_and_column() -> None:
    error = load_error(minimal({"type": "text", "name": "a"}, {"type": "integer", "name": "b", "constraint": ". >"}))
    assert str(error).startswith("t.toml, survey row 2 (b), column 'constraint': bad expression")
    assert (error.row_number, error.row_name, error.column) == (2, "b", "constraint")


def test_unknown_field_reference_is_a_load_error() -> None:
    error = load_error(minimal({"type": "text", "name": "a", "relevant": "${nope} = 1"}))
    assert "survey row 1 (a), column 'relevant': ${nope} is not a field" in str(error)


def test_unknown_function_is_a_load_error() -> None:
    error = load_error(minimal({"type": "text", "name": "a", "constraint": "pulldata('x')"}))
    assert "column 'constraint'" in str(error)
    assert "unknown function pulldata()" in str(error)


def test_deeply_nested_expression_is_a_load_error() -> None:
    error = load_error(minimal({"type": "text", "name": "a", "relevant": "(" * 1000 + "1" + ")" * 1000}))
    assert "column 'relevant'" in str(error)
    assert "nests parentheses" in str(error)


def test_calculate_cycle_is_a_load_error_naming_the_cycle() -> None:
    error = load_error(
        minimal(
            {"type": "calculate", "name": "x", "calculation": "${y} + 1"},
            {"type": "calculate", "name": "y", "calculation": "${z} + 1"},
            {"type": "calculate", "name": "z", "calculation": "${x} + 1"},
        )
    )
    assert error.column == "calculation"
    assert "cycle: x → y → z → x" in str(error)


def test_self_referencing_calculate_is_a_cycle() -> None:
    error = load_error(minimal({"type": "calculate", "name": "x", "calculation": "${x} + 1"}))
    assert "survey row 1 (x)" in str(error)
    assert "cycle" in str(error)


def test_calculates_are_ordered_by_dependency() -> None:
    form = form_from_dict(
        minimal(
            {"type": "calculate", "name": "c", "calculation": "${b} * 2"},
            {"type": "calculate", "name": "b", "calculation": "${a} + 1"},
            {"type": "integer", "name": "a"},
        )
    )
    assert [r.name for r in form.calculation_order] == ["b", "c"]
    assert form.normalise({"a": 1})["c"] == 4


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        ({"type": "geopoint", "name": "g"}, "type", "unsupported type 'geopoint'"),
        ({"type": "select_one", "name": "s"}, "type", "a select names one choice list"),
        ({"type": "select_one missing", "name": "s"}, "type", "no choice list named 'missing'"),
        ({"type": "text", "name": "1bad"}, "name", "a row needs a name"),
        ({"type": "text", "name": "a", "colour": "red"}, "colour", "unsupported column"),
        ({"type": "text", "name": "a", "required": 3}, "required", "expected yes/no"),
        ({"type": "text", "name": "a", "read_only": "${a} = 1"}, "read_only", "read_only must be yes or no"),
        ({"type": "text", "name": "a", "normalise": "upper"}, "normalise", "normalise must be one of"),
        ({"type": "text", "name": "a", "label": 3}, "label", "expected text"),
        ({"type": "calculate", "name": "a"}, "calculation", "needs a calculation"),
        ({"type": "text", "name": "a", "calculation": "1"}, "calculation", "only calculate rows"),
        ({"type": "text", "name": "a", "choice_filter": "x = 1"}, "choice_filter", "only select rows"),
        ({"type": "text", "name": "a", "suffix_field": "a"}, "suffix_field", "goes with normalise"),
        ({"type": "text", "name": "a", "default": [1]}, "default", "single value"),
    ],
)
def test_row_errors_name_the_column(row: dict[str, Any], column: str, fragment: str) -> None:
    error = load_error(minimal(row))
    assert error.row_number == 1
    assert error.column == column
    assert fragment in str(error)


def test_structure_errors() -> None:
    assert "used by an earlier row" in str(
        load_error(minimal({"type": "text", "name": "a"}, {"type": "integer", "name": "a"}))
    )
    assert "never closed" in str(
        load_error(minimal({"type": "begin_group", "name": "g"}, {"type": "text", "name": "a"}))
    )
    assert "without a begin_group" in str(load_error(minimal({"type": "end_group", "name": "g"})))
    closes_other = minimal(
        {"type": "begin_group", "name": "g"},
        {"type": "begin_group", "name": "h"},
        {"type": "end_group", "name": "g"},
        {"type": "end_group", "name": "h"},
    )
    assert "closes a different group" in str(load_error(closes_other))
    assert "needs a [settings]" in str(load_error({"survey": []}))
    assert "unknown section [extra]" in str(load_error({**minimal(), "extra": {}}))
    assert "settings.version" in str(load_error({**minimal(), "settings": {"form_id": "t", "version": 2}}))
    assert "unknown setting 'colour'" in str(
        load_error({**minimal(), "settings": {"form_id": "t", "version": "1", "colour": "red"}})
    )
    assert "needs [[survey]] rows" in str(load_error({**minimal(), "survey": []}))


def test_choice_list_errors_name_the_list_and_row() -> None:
    twice = minimal({"type": "select_one l", "name": "s"}, l=[{"name": "a"}, {"name": "a"}])
    error = load_error(twice)
    assert "choices.l row 2 (a), column 'name': this choice name is used twice" in str(error)
    assert "a provided list has only `provider`" in str(
        load_error(minimal({"type": "select_one l", "name": "s"}, l={"provider": "x"}))
    )
    assert "non-empty array" in str(load_error(minimal({"type": "select_one l", "name": "s"}, l=[])))
    assert "a choice needs a name" in str(
        load_error(minimal({"type": "select_one l", "name": "s"}, l=[{"label": "x"}]))
    )
    bad_column = minimal({"type": "select_one l", "name": "s"}, l=[{"name": "a", "x": [1]}])
    assert "column 'x'" in str(load_error(bad_column))


def test_plain_text_labels_are_in_the_default_language() -> None:
    form = form_from_dict(minimal({"type": "text", "name": "a", "label": "Name", "required": "yes"}))
    assert form.row("a").labels == {"en": "Name"}
    assert form.row("a").required is True
    assert form.row("a").label("km") == "Name"  # falls back rather than showing nothing
