"""How a stored answer reads to a person: the one rule for every place that shows one.

The review that ends the wizard, the record view, the receipt and the exports all show
answers; they call `show_answer`, so a choice, a date, an amount or a phone number reads the
same wherever it appears:

- a choice (or several) by its label in the language asked for, in the form's order of
  the answer; an unknown code as it is;
- a date (ISO `YYYY-MM-DD`) day first, with the month's name: `15 April 1988`, `15 មេសា 1988`;
- an integer of a row whose appearance asks for `thousands-sep` (ODK's name for it: an
  amount) with its digits grouped, `3,000,000`; other integers (a year, a count) plainly;
- a phone number (stored E.164) in its international spelling, `+855 12 345 678`.

`for_csv=True` is the export's variant: choices by label, everything else exactly as stored
(numbers ungrouped, dates ISO), so a spreadsheet reads the values as values. No Qt here.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from forms.wizard import is_empty

if TYPE_CHECKING:
    from forms.definition import Form
    from forms.rows import Row

#: The appearance (ODK's) that marks an amount: its digits are grouped when shown.
THOUSANDS_SEPARATOR = "thousands-sep"

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "km": ("មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"),
}


def show_answer(form: Form, row: Row, value: object, lang: str, *, for_csv: bool = False) -> str:
    """`value`, the stored answer to `row`, as a person reads it in `lang` ("" when empty)."""
    if is_empty(value):
        return ""
    if row.list_name is not None and row.list_name in form.choice_lists:
        return _choice_labels(form, row, value, lang, separator="; " if for_csv else ", ")
    if for_csv:
        return _plain(value)
    if row.type == "date" and isinstance(value, str):
        return show_date(value, lang)
    if row.type == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if THOUSANDS_SEPARATOR in row.appearance.split() else str(value)
    if row.normalise == "phone" and isinstance(value, str):
        return show_phone(value)
    return _plain(value)


def show_date(iso: str, lang: str) -> str:
    """An ISO date as `15 April 1988` (the month's name in `lang`); other text as it is."""
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    months = MONTHS.get(lang, MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def show_phone(e164: str) -> str:
    """A stored phone number (`+85512345678`) as `+855 12 345 678`; other text as it is."""
    if not e164.startswith("+"):
        return e164
    import phonenumbers  # on first use: it costs ~60 ms, not to be paid at start-up

    try:
        number = phonenumbers.parse(e164, "KH")
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def _choice_labels(form: Form, row: Row, value: object, lang: str, *, separator: str) -> str:
    choices = form.choice_lists[row.list_name or ""]
    names: Sequence[object]
    if isinstance(value, list | tuple):
        names = value
    elif row.type == "select_multiple" or row.type.startswith("select_multiple"):
        names = str(value).split()
    else:
        names = [value]
    labels = []
    for name in names:
        found = choices.by_name(str(name))
        labels.append(found[0].label(lang) if found else str(name))
    return separator.join(labels)


def _plain(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
