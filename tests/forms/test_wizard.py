"""The wizard's state without a screen: pages, relevance, touched fields, messages, progress."""

from __future__ import annotations

import datetime

import pytest

from forms import Form, form_from_dict, load_form
from forms.samples import generate_registrations
from forms.wizard import Wizard, is_empty

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture(scope="module")
def form() -> Form:
    return load_form()


def complete_answers() -> dict[str, object]:
    record = next(generate_registrations(1, seed=3, today=TODAY))
    return {k: v for k, v in record.items() if not k.startswith("_") and k != "workers_total"}


def test_a_new_wizard_starts_on_the_first_page_with_the_defaults(form: Form) -> None:
    wizard = Wizard.new(form, today=TODAY)
    assert wizard.page == 0
    assert wizard.answers == {"workers_female": "0", "workers_male": "0", "owner_language": "km"}
    assert wizard.touched == set()
    assert wizard.errors() == {}  # nothing touched, nothing shown
    assert not wizard.can_submit
    assert [p.name for p in wizard.pages][:3] == ["owner", "business", "address"]
    assert wizard.review_page == len(form.pages)


def test_visible_fields_follow_relevance_live(form: Form) -> None:
    wizard = Wizard.new(form, today=TODAY)
    shown = [r.name for r in wizard.visible_fields(0)]
    assert "id_number" in shown
    assert "id_suffix" not in shown  # only for a national ID card
    wizard.set_answer("id_type", "national_id")
    assert "id_suffix" in [r.name for r in wizard.visible_fields(0)]
    wizard.set_answer("id_type", "none")
    shown = [r.name for r in wizard.visible_fields(0)]
    assert "id_number" not in shown
    assert "id_suffix" not in shown
    assert wizard.is_relevant("phone")
    assert [r.name for r in wizard.visible_fields(5)] == ["owner_language", "consent_text", "consent"]  # notes too


def test_messages_appear_for_touched_fields_only(form: Form) -> None:
    wizard = Wizard.new(form, lang="en", today=TODAY)
    wizard.set_answer("phone", "012 345 67")
    assert wizard.error("phone") is None  # still typing
    wizard.touch("phone")
    assert wizard.error("phone") == "Enter a Cambodian mobile or landline number, for example 012 345 678."
    wizard.set_answer("phone", "012 345 678")
    assert wizard.error("phone") is None  # fixed: the message goes at once
    wizard.set_answer("phone", "")
    assert wizard.error("phone") == "This answer is required."
    wizard.set_language("km")
    assert wizard.error("phone") == "សូមបំពេញចម្លើយនេះ។"


def test_errors_match_check_field(form: Form) -> None:
    wizard = Wizard.new(form, lang="en", today=TODAY)
    for name, value in {"date_of_birth": "2020-01-01", "id_number": "12", "start_year": "abc"}.items():
        wizard.set_answer(name, value)
        wizard.touch(name)
    wizard.set_answer("id_type", "national_id")
    for name in ("date_of_birth", "id_number", "start_year"):
        assert wizard.error(name) == form.check_field(name, wizard.answers, "en", today=TODAY)
        assert wizard.error(name)


def test_pasted_text_with_zero_width_spaces_and_khmer_digits_passes(form: Form) -> None:
    wizard = Wizard(form, complete_answers(), today=TODAY)
    wizard.set_answer("id_type", "national_id")
    wizard.set_answer("id_number", "០១០\u200b២០៣ ០៤០")
    wizard.set_answer("phone", "០១២\u200b ៣៤៥ ៦៧៨")
    wizard.touch_all()
    assert wizard.errors() == {}
    stored = form.normalise(wizard.answers)
    assert stored["id_number"] == "010203040"
    assert stored["phone"] == "+85512345678"


def test_can_submit_and_completeness(form: Form) -> None:
    answers = complete_answers()
    wizard = Wizard.new(form, today=TODAY)
    answered, required = wizard.progress()
    assert (answered, wizard.completeness) == (0, 0.0)  # the prefilled worker counts are not hers yet
    assert required > 10
    for name, value in answers.items():
        wizard.set_answer(name, value)
        wizard.touch(name)  # she passes each question
    assert wizard.completeness == 1.0
    assert wizard.can_submit
    wizard.set_answer("phone", None)
    assert not wizard.can_submit
    assert 0.9 < wizard.completeness < 1.0
    assert wizard.unanswered_required() == ["phone"]
    assert wizard.unanswered_required(page=1) == []


def test_completeness_counts_only_questions_that_apply(form: Form) -> None:
    wizard = Wizard(form, complete_answers(), today=TODAY)
    wizard.set_answer("id_type", "none")  # the document number no longer applies
    assert "id_number" not in {r.name for r in wizard.required_fields()}
    assert wizard.completeness == 1.0


def test_first_error_page_and_field(form: Form) -> None:
    answers = complete_answers()
    answers.pop("village")
    answers["revenue_monthly"] = "-5"
    wizard = Wizard(form, answers, today=TODAY)
    assert wizard.first_error_page() == 1
    assert wizard.first_error_field() == "revenue_monthly"
    assert wizard.first_error_field(page=2) == "village"
    assert set(wizard.page_errors(1)) == {"revenue_monthly"}  # touched: it was typed
    assert wizard.page_errors(2) == {}  # the village was never reached
    wizard.touch_all()
    assert set(wizard.page_errors(2)) == {"village"}


def test_next_and_previous_page_and_the_review(form: Form) -> None:
    wizard = Wizard.new(form, today=TODAY)
    assert wizard.previous_page() is None
    assert not wizard.back()
    visited = [wizard.page]
    while wizard.advance():
        visited.append(wizard.page)
    assert visited == list(range(len(form.pages) + 1))
    assert wizard.on_review
    assert wizard.next_page() is None
    assert wizard.back()
    assert wizard.page == len(form.pages) - 1
    assert wizard.go_to(99) == wizard.review_page
    assert wizard.go_to(-3) == 0


SKIPPING_FORM = {
    "settings": {"form_id": "skipping", "version": "1"},
    "survey": [
        {"type": "begin_group", "name": "first", "label": "First"},
        {"type": "select_one yes_no", "name": "has_shop", "label": "Has a shop?", "required": True},
        {"type": "end_group", "name": "first"},
        {"type": "begin_group", "name": "shop", "label": "Shop", "relevant": "${has_shop} = 'yes'"},
        {"type": "text", "name": "shop_name", "label": "Shop name", "required": True},
        {"type": "end_group", "name": "shop"},
        {"type": "begin_group", "name": "only_notes", "label": "Notes"},
        {"type": "note", "name": "hello", "label": "Nothing to answer here"},
        {"type": "end_group", "name": "only_notes"},
        {"type": "begin_group", "name": "last", "label": "Last"},
        {"type": "text", "name": "remark", "label": "Remark", "required": "${has_shop} = 'no'"},
        {"type": "end_group", "name": "last"},
    ],
    "choices": {"yes_no": [{"name": "yes", "label": "Yes"}, {"name": "no", "label": "No"}]},
}


def test_pages_with_no_question_that_applies_are_skipped() -> None:
    form = form_from_dict(SKIPPING_FORM)
    wizard = Wizard.new(form)
    assert wizard.next_page() == 3  # the shop does not apply yet; a page of notes is no page
    wizard.set_answer("has_shop", "yes")
    assert wizard.next_page() == 1
    wizard.go_to(3)
    assert wizard.previous_page() == 1
    wizard.set_answer("has_shop", "no")
    assert wizard.previous_page() == 0


def test_required_by_expression_counts_when_it_is_asked_for() -> None:
    form = form_from_dict(SKIPPING_FORM)
    wizard = Wizard.new(form)
    wizard.set_answer("has_shop", "yes")
    assert {r.name for r in wizard.required_fields()} == {"has_shop", "shop_name"}
    wizard.set_answer("has_shop", "no")
    assert {r.name for r in wizard.required_fields()} == {"has_shop", "remark"}
    assert wizard.completeness == 0.5
    assert wizard.progress() == (1, 2)


def test_a_default_counts_once_the_teller_passes_or_changes_it(form: Form) -> None:
    wizard = Wizard.new(form, today=TODAY)
    defaulted = next(row.name for row in wizard.required_fields() if row.name in wizard.defaults)
    assert wizard.progress()[0] == 0
    wizard.touch(defaulted)
    assert wizard.progress()[0] == 1


def test_the_address_cascade_drops_answers_that_no_longer_fit(form: Form) -> None:
    wizard = Wizard.new(form, today=TODAY)
    wizard.set_answer("province", "12")
    district = form.choices("district", wizard.answers)[0].name
    wizard.set_answer("district", district)
    commune = form.choices("commune", wizard.answers)[0].name
    wizard.set_answer("commune", commune)
    wizard.set_answer("village", form.choices("village", wizard.answers)[0].name)
    assert wizard.set_answer("province", "12") is False  # same answer: nothing changes
    assert {"district", "commune", "village"} <= set(wizard.answers)
    wizard.set_answer("province", "01")
    assert not {"district", "commune", "village"} & set(wizard.answers)


def test_answers_are_kept_as_typed_and_empty_ones_removed(form: Form) -> None:
    wizard = Wizard.new(form, today=TODAY)
    assert wizard.set_answer("services", ("finance", "skills")) is True
    assert wizard.answers["services"] == ["finance", "skills"]
    assert wizard.set_answer("services", []) is True
    assert "services" not in wizard.answers
    assert wizard.set_answer("services", None) is False
    with pytest.raises(KeyError):
        wizard.set_answer("no_such_field", "x")
    assert is_empty("  ")
    assert is_empty([])
    assert is_empty(None)
    assert not is_empty(0)


def test_a_resumed_record_shows_its_messages_and_page(form: Form) -> None:
    wizard = Wizard(form, {"phone": "12", "family_name_km": "Sok", "not_a_field": "x"}, page=2, today=TODAY)
    assert wizard.page == 2
    assert "not_a_field" not in wizard.answers
    assert set(wizard.errors()) == {"phone", "family_name_km"}  # what was typed is checked at once


def test_the_centre_remarks_in_the_ui_language(form: Form) -> None:
    remarks = {"phone": {"km": "លេខទូរស័ព្ទខុស", "en": "The phone number is wrong"}}
    wizard = Wizard(form, {}, lang="km", remarks=remarks)
    assert wizard.remark("phone") == "លេខទូរស័ព្ទខុស"
    wizard.set_language("en")
    assert wizard.remark("phone") == "The phone number is wrong"
    assert wizard.remark("sex") == ""
