"""The default validation messages, in Khmer and English.

A definition's own `required_message` / `constraint_message` take precedence over these;
everything a form cannot say for itself (not a number, not a date, unknown field…) is here.
"""

from __future__ import annotations

from collections.abc import Mapping

from forms.choices import pick_label
from forms.identity import khmer_digits

DEFAULT_MESSAGES: dict[str, dict[str, str]] = {
    "required": {
        "en": "This answer is required.",
        "km": "សូមបំពេញចម្លើយនេះ។",
    },
    "not_text": {
        "en": "Enter text.",
        "km": "សូមបញ្ចូលជាអក្សរ។",
    },
    "too_long": {
        "en": "This answer is too long: at most {limit} characters.",
        "km": "ចម្លើយនេះវែងពេក៖ យ៉ាងច្រើន {limit} តួអក្សរ។",
    },
    "bad_characters": {
        "en": "This answer contains characters that cannot be stored.",
        "km": "ចម្លើយនេះមានតួអក្សរដែលមិនអាចរក្សាទុកបាន។",
    },
    "not_integer": {
        "en": "Enter a whole number.",
        "km": "សូមបញ្ចូលចំនួនគត់។",
    },
    "not_number": {
        "en": "Enter a number.",
        "km": "សូមបញ្ចូលលេខ។",
    },
    # Dates are typed as on the ID card (`forms.dates.parse_typed_date`), day first.
    "not_date": {
        "en": "Enter the date as on the ID card, day-month-year, for example 31-05-1990.",
        "km": "សូមបញ្ចូលកាលបរិច្ឆេទដូចនៅលើអត្តសញ្ញាណប័ណ្ណ ថ្ងៃ-ខែ-ឆ្នាំ ឧទាហរណ៍ ៣១-០៥-១៩៩០។",
    },
    "date_short_year": {
        "en": "Write the year in full, with four digits, for example 31-05-1990.",
        "km": "សូមសរសេរឆ្នាំឱ្យពេញ ៤ ខ្ទង់ ឧទាហរណ៍ ៣១-០៥-១៩៩០។",
    },
    "no_such_date": {
        "en": "There is no such date: check the day and the month.",
        "km": "គ្មានកាលបរិច្ឆេទនេះទេ៖ សូមពិនិត្យថ្ងៃ និងខែ។",
    },
    "not_choice": {
        "en": "Choose one of the options in the list.",
        "km": "សូមជ្រើសរើសជម្រើសមួយក្នុងបញ្ជី។",
    },
    "choice_unavailable": {
        "en": "This option does not fit the answers above.",
        "km": "ជម្រើសនេះមិនត្រូវនឹងចម្លើយខាងលើទេ។",
    },
    "constraint": {
        "en": "This answer is not allowed.",
        "km": "ចម្លើយនេះមិនត្រឹមត្រូវទេ។",
    },
    "phone": {
        "en": "Enter a Cambodian mobile or landline number, for example 012 345 678.",
        "km": "សូមបញ្ចូលលេខទូរស័ព្ទដៃ ឬទូរស័ព្ទលើតុនៅកម្ពុជា ឧទាហរណ៍ ០១២ ៣៤៥ ៦៧៨។",
    },
    "no_answer": {
        "en": "This item takes no answer.",
        "km": "ចំណុចនេះមិនទទួលចម្លើយទេ។",
    },
    "unknown_field": {
        "en": "This form has no question with this name.",
        "km": "ទម្រង់នេះគ្មានសំណួរដែលមានឈ្មោះនេះទេ។",
    },
    "wrong_form": {
        "en": "This record was captured with another form or version ({expected} expected).",
        "km": "កំណត់ត្រានេះត្រូវបានបំពេញដោយទម្រង់ ឬកំណែផ្សេង (ត្រូវការ {expected})។",
    },
    "not_answers": {
        "en": "The answers could not be read.",
        "km": "មិនអាចអានចម្លើយបានទេ។",
    },
}


def render(kind: str, lang: str, custom: Mapping[str, str] | None = None, **params: object) -> str:
    """The message for a problem of `kind` in `lang`: the form's own text if it has one."""
    if custom:
        return pick_label(custom, lang, "")
    text = pick_label(DEFAULT_MESSAGES[kind], lang, kind)
    if lang == "km":  # numbers in Khmer sentences are written in Khmer digits
        params = {k: khmer_digits(str(v)) if isinstance(v, int) else v for k, v in params.items()}
    return text.format(**params) if params else text
