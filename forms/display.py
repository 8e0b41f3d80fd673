"""How a stored answer reads to a person: the one rule for every place that shows one.

The review that ends the wizard, the record view, the receipt and the exports all show
answers; they call `show_answer`, so a choice, a date, an amount or a phone number reads the
same wherever it appears:

- a choice (or several) by its label in the language asked for, in the form's order of
  the answer; an unknown code as it is;
- a date (ISO `YYYY-MM-DD`) day first, with the month's name: `15 April 1988`, `15 មេសា 1988`
  (`show_date`; day first in both languages, never month first, so `12/2/26` cannot be read
  two ways); a moment (a submission, a sync) the same, with the 24-hour local time:
  `12 February 2026, 14:05` (`show_datetime`, no AM/PM);
- a number of a row whose appearance asks for `thousands-sep` (ODK's name for it: an
  amount, `is_amount`) with its digits grouped, `3,000,000`; other numbers (a year, a count)
  plainly, `2015`;
- a phone number (stored E.164) in its international spelling, `+855 12 345 678`.

Screens that show a date or a time outside an answer (lists, the status bar, the sync and
audit pages) call `show_date` / `show_datetime` too, so every place reads alike.

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
#: The choice list of a currency question, and how its codes are written beside an amount.
CURRENCY_LIST = "currency"
CURRENCY_SIGNS = {"KHR": ("", "៛"), "USD": ("$", "")}

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
    if row.type in ("integer", "decimal") and isinstance(value, int | float) and not isinstance(value, bool):
        return show_amount(value) if is_amount(row) else show_number(value)
    if row.normalise == "phone" and isinstance(value, str):
        return show_phone(value)
    return _plain(value)


def is_amount(row: Row) -> bool:
    """Whether `row` asks for an amount: a number whose digits are grouped (`thousands-sep`)."""
    return row.type in ("integer", "decimal") and THOUSANDS_SEPARATOR in row.appearance.split()


def currency_question(form: Form, row: Row) -> str | None:
    """The name of the currency question an amount is in (the nearest `select_one currency`
    before `row`, as `revenue_currency` before `revenue_monthly`), or None."""
    found = None
    for other in form.rows:
        if other is row:
            return found
        if other.type == "select_one" and other.list_name == CURRENCY_LIST:
            found = other.name
    return None


def currency_symbol(code: object) -> tuple[str, str]:
    """(prefix, suffix) an amount in currency `code` is written with: `$1,200`, `3,000,000 ៛`;
    an unknown code after the amount, as it is; ("", "") for none."""
    if not isinstance(code, str) or not code:
        return "", ""
    return CURRENCY_SIGNS.get(code, ("", code))


def show_amount(value: int | float) -> str:
    """An amount with its thousands grouped: `3,000,000`, `1,200.5`."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return f"{value:,}"


def show_number(value: int | float) -> str:
    """A number that is not an amount (a year, a count) as it is, never grouped: `2015`."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def show_date(iso: str, lang: str, *, numeric: bool = False) -> str:
    """An ISO date as `15 April 1988` (the month's name in `lang`), or as on the ID card,
    `15-04-1988`, when `numeric` (a narrow column); other text as it is."""
    try:
        day = datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    if numeric:
        return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"
    months = MONTHS.get(lang, MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def show_datetime(value: datetime.datetime | str, lang: str, *, numeric: bool = False, seconds: bool = False) -> str:
    """A moment as `12 February 2026, 14:05`: the day as `show_date` writes it, then the
    24-hour time (with `:ss` when `seconds`). A moment with a time zone is shown in this
    computer's; one without is taken as local already. Text that is no moment, as it is."""
    if isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    day = show_date(moment.date().isoformat(), lang, numeric=numeric)
    return f"{day}, {moment:%H:%M:%S}" if seconds else f"{day}, {moment:%H:%M}"


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
