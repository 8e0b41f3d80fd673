"""Dates as people type them: the way the Cambodian ID card prints them, day first.

The ID card prints the date of birth as `DD-MM-YYYY`; tellers copy it as printed, or with
slashes (`15/04/1988`), in ASCII or Khmer digits (`១៥-០៤-១៩៨៨`), with or without the
leading zero of the day and the month. `parse_typed_date` reads all of these, and the ISO
`YYYY-MM-DD` a stored answer already has, into a `datetime.date`; the answer is then
stored as ISO. A two-digit year (`15-04-88`) is refused rather than guessed: 1988 and 2088
are both possible birth years to a program, and a wrong century makes a wrong person.

Each refusal is a `DateError` whose `kind` names a validation message (`DATE_KINDS`,
in Khmer and English, kept with the other default messages in `forms.messages`). No Qt here.
"""

from __future__ import annotations

import datetime
import re

from forms.identity import ascii_digits
from forms.messages import render

#: Day-first dates: day, month, year (one separator, the same twice).
_DAY_FIRST = re.compile(r"([0-9]{1,2})\s*([-/.])\s*([0-9]{1,2})\s*\2\s*([0-9]+)")
#: Year-first dates, as stored (ISO) or typed by someone used to ISO.
_YEAR_FIRST = re.compile(r"([0-9]{4})\s*([-/.])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})")
MAX_DATE_TEXT = 40  # characters; longer text is no date (and is never matched)

#: The kinds of refusal; their messages are in `forms.messages.DEFAULT_MESSAGES`.
DATE_KINDS = ("not_date", "date_short_year", "no_such_date")


class DateError(ValueError):
    """Text that is not a date; `kind` names its message (one of `DATE_KINDS`)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind

    def message(self, lang: str = "en") -> str:
        """What to tell the person who typed it, in `lang` (km or en)."""
        return render(self.kind, lang)


def parse_typed_date(text: str) -> datetime.date:
    """The day `text` names: `DD-MM-YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY` or ISO `YYYY-MM-DD`.

    Either digit set, one or two digits for the day and the month, spaces around the date and
    its separators. Raises `DateError`: `date_short_year` for a year of fewer than four
    digits after a day and a month (`15-04-88`), `no_such_date` for a day the calendar does
    not have (`31-02-1990`), `not_date` for anything else.
    """
    if len(text) > MAX_DATE_TEXT:
        raise DateError("not_date")
    plain = ascii_digits(text).strip()
    match = _YEAR_FIRST.fullmatch(plain)
    if match is not None:
        year, month, day = int(match[1]), int(match[3]), int(match[4])
    else:
        match = _DAY_FIRST.fullmatch(plain)
        if match is None:
            raise DateError("not_date")
        if len(match[4]) != 4:
            raise DateError("date_short_year" if len(match[4]) <= 2 else "not_date")
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise DateError("no_such_date") from None


def age_on(born: datetime.date, today: datetime.date) -> int:
    """Whole years from `born` to `today` (a birthday counts on the day itself; negative
    when `born` is after `today`). Someone born on 29 February is a year older on 1 March
    of a common year."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


__all__ = ["DATE_KINDS", "DateError", "age_on", "parse_typed_date"]
