"""The language the owner reads: Khmer unless the record says otherwise (older records too)."""

from __future__ import annotations

import pytest

from forms import load_form
from forms.owner_language import languages_of, owner_language, owner_languages
from forms.samples import generate_registrations


@pytest.mark.parametrize(
    ("answers", "code", "languages"),
    [
        ({"owner_language": "km"}, "km", ("km",)),
        ({"owner_language": "en"}, "en", ("en",)),
        ({"owner_language": "both"}, "both", ("km", "en")),
        ({"owner_language": " en "}, "en", ("en",)),
        ({}, "km", ("km",)),  # a 2026.1 record: its owner reads Khmer
        ({"owner_language": ""}, "km", ("km",)),
        ({"owner_language": None}, "km", ("km",)),
        ({"owner_language": "fr"}, "km", ("km",)),
        ({"owner_language": "EN"}, "km", ("km",)),  # stored codes only
        ({"owner_language": ["en"]}, "km", ("km",)),
        ({"owner_language": 1}, "km", ("km",)),
    ],
)
def test_the_owner_languages_come_from_the_answers(
    answers: dict[str, object], code: str, languages: tuple[str, ...]
) -> None:
    assert owner_language(answers) == code
    assert owner_languages(answers) == languages
    assert languages_of(code) == languages


def test_no_answers_at_all_mean_khmer() -> None:
    assert owner_languages(None) == ("km",)
    assert languages_of("nonsense") == ("km",)


def test_every_choice_of_the_form_has_its_languages() -> None:
    choices = load_form().choice_lists["owner_language"].items
    assert {c.name: languages_of(c.name) for c in choices} == {"km": ("km",), "en": ("en",), "both": ("km", "en")}


def test_samples_answer_it_in_2026_2_and_not_in_2026_1() -> None:
    latest = list(generate_registrations(40, seed=3))
    assert {r["owner_language"] for r in latest} == {"km", "en", "both"}
    assert sum(r["owner_language"] == "km" for r in latest) > 30
    old = list(generate_registrations(40, seed=3, version="2026.1"))
    assert all("owner_language" not in r and r["_form_version"] == "2026.1" for r in old)
    form = load_form(version="2026.1")
    assert all(form.validate(r) == {} for r in old)
    # the same owners either way: the owner's language draws nothing from the random stream
    assert [{k: v for k, v in r.items() if k not in ("owner_language", "_form_version")} for r in latest] == [
        {k: v for k, v in r.items() if k != "_form_version"} for r in old
    ]
