"""Per-record checks: the seam where the forms engine plugs in, and the identity key.

A `RecordValidator` looks at one record and answers `None` (the record may be stored) or
a `Rejection` (reason code, a Khmer and English message, per-field messages). Records are
checked each on its own, so one bad record never blocks the others of its batch.

`schema_validator` is the default until the forms engine (`forms.load_form`) is wired
in: it checks the form id and the rough shape of the answers. To plug in the engine,
write a function with the same signature and pass it to `create_app(validator=...)` /
`start_centre(validator=...)`.

`identity_key` turns an answer's ID type and number into the key the duplicate search
uses; it is `forms.identity.id_duplicate_key`, the branch's key too.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from forms import FormError, identity, load_form
from sync.protocol import Message, Record

REGISTRATION_FORM: Final = "cam_ie_registration"
CAMBODIA: Final = datetime.timezone(datetime.timedelta(hours=7), "ICT")
REQUIRED_ANSWERS: Final = ("sex", "id_type", "id_number")
MAX_ANSWERS: Final = 100
MAX_TEXT: Final = 2000
MAX_LIST_ITEMS: Final = 100
MAX_LIST_TEXT: Final = 200
MAX_KEY: Final = 100


@dataclass(frozen=True)
class Rejection:
    """Why a record is refused: `reason_code`, a message for people, per-field messages."""

    reason_code: str
    message: Message
    fields: Mapping[str, Message] = field(default_factory=dict)


#: The seam: one record in, `None` (fine) or a `Rejection` out. Must not raise for any record.
RecordValidator = Callable[[Record], Rejection | None]

UNKNOWN_FORM: Final = Message("មជ្ឈមណ្ឌលមិនស្គាល់ទម្រង់នេះទេ។", "The centre does not know this form.")
INVALID_ANSWERS: Final = Message(
    "ចម្លើយខ្លះមិនត្រឹមត្រូវ។ សូមកែ ហើយផ្ញើម្ដងទៀត។", "Some answers are not valid. Correct them and send again."
)
REQUIRED: Final = Message("ចម្លើយនេះត្រូវតែបំពេញ។", "This answer is required.")
TOO_LONG: Final = Message("ចម្លើយនេះវែងពេក។", "This answer is too long.")
WRONG_KIND: Final = Message("ប្រភេទចម្លើយនេះមិនត្រឹមត្រូវទេ។", "This answer is of the wrong kind.")
TOO_MANY: Final = Message("មានចម្លើយច្រើនពេក។", "There are too many answers.")


def _answer_problem(value: Any) -> Message | None:
    """What is wrong with one answer's value, if anything (shape only, not meaning)."""
    if value is None or isinstance(value, bool | int):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else WRONG_KIND
    if isinstance(value, str):
        return None if len(value) <= MAX_TEXT else TOO_LONG
    if isinstance(value, list):
        if len(value) > MAX_LIST_ITEMS:
            return TOO_LONG
        if not all(isinstance(item, str) for item in value):
            return WRONG_KIND
        return None if all(len(item) <= MAX_LIST_TEXT for item in value) else TOO_LONG
    return WRONG_KIND


def schema_validator(record: Record) -> Rejection | None:
    """The default validator: the registration form, answers of a sane shape, the keys it needs."""
    if record.form_id != REGISTRATION_FORM:
        return Rejection("unknown_form", UNKNOWN_FORM)
    answers = record.answers
    if len(answers) > MAX_ANSWERS:
        return Rejection("invalid_answers", TOO_MANY)
    problems: dict[str, Message] = {}
    for key, value in answers.items():
        if len(key) > MAX_KEY:
            return Rejection("invalid_answers", INVALID_ANSWERS)
        problem = _answer_problem(value)
        if problem is not None:
            problems[key] = problem
    for key in REQUIRED_ANSWERS:
        value = answers.get(key)
        if key not in problems and (not isinstance(value, str) or not value.strip()):
            problems[key] = REQUIRED
    if problems:
        return Rejection("invalid_answers", INVALID_ANSWERS, problems)
    return None


def cambodia_today() -> datetime.date:
    """Today's date in Cambodia (UTC+7, no daylight saving), the date the branch checked
    against: a centre running on UTC must not find a 15th birthday a day early."""
    return datetime.datetime.now(CAMBODIA).date()


def form_validator(record: Record) -> Rejection | None:
    """The centre's validator: the very rules the branch applied, from the forms engine.

    The record's own form id and version pick the definition, so a record captured with
    an older version of the form is checked against that version. A form the centre does
    not know is `unknown_form`; answers that break its rules are `invalid_answers` with a
    Khmer and English message per field.
    """
    if len(record.answers) > MAX_ANSWERS:
        return Rejection("invalid_answers", TOO_MANY)
    try:
        form = load_form(record.form_id, record.form_version)
    except FormError:
        return Rejection("unknown_form", UNKNOWN_FORM)
    problems = form.messages_both(record.answers, today=cambodia_today())
    if not problems:
        return None
    fields = {name: Message(km=text["km"], en=text["en"]) for name, text in problems.items()}
    return Rejection("invalid_answers", INVALID_ANSWERS, fields)


def normalise_id_number(text: str) -> str:
    """An ID number as the duplicate search compares it (`forms.identity.identifier_matching_key`)."""
    return identity.identifier_matching_key(text)


def identity_key(answers: Mapping[str, Any]) -> str | None:
    """`"<id type>:<normalised number>"`, or None when the answers carry no usable ID.

    The centre's name for `forms.identity.id_duplicate_key`, the very key the branch stores:
    "987 654 321(01)" and "987654321" match, and ID type `none` has no number to compare.
    """
    return identity.id_duplicate_key(answers)
