"""What the capture's text field (`fields.TextField`) does with dates and amounts as typed.

A date of birth typed as on the ID card shows the age it gives (`age_text`), so a wrong
year is seen at once.

An amount has its thousands grouped at each keystroke, the cursor kept between the same
digits, and its answer kept plain: 3000000 riel is hard to read and a missing zero easy to
miss; 3,000,000 is not. Either digit set is grouped as typed (Khmer digits stay Khmer); text
that is no number is left as it is, for the form to say what is wrong with it. The rules are
here, without Qt, so they are tested as plain functions.
"""

from __future__ import annotations

import datetime
import re

from branch_client.i18n import translate
from forms.dates import DateError, age_on, parse_typed_date
from forms.identity import khmer_digits

#: The separator put between groups of three digits.
GROUP_SEPARATOR = ","
#: What a teller may type between digit groups herself (spaces of every width, commas).
SEPARATORS = frozenset(", \u00a0\u202f\u2009_")
_NUMBER = re.compile(r"([+-]?)([0-9០-៩]+)((?:\.[0-9០-៩]*)?)")


def age_text(typed: str, lang: str, today: datetime.date | None = None) -> str:
    """The age beside a whole date of birth typed as `forms.dates` reads it: `age 36`, in
    Khmer `អាយុ ៣៦ ឆ្នាំ` (Khmer digits); "" while it is no date yet, or a day after `today`."""
    try:
        age = age_on(parse_typed_date(typed), today or datetime.date.today())
    except DateError:
        return ""
    if age < 0:
        return ""
    number = khmer_digits(str(age)) if lang == "km" else str(age)
    return translate("Capture", "age %1").replace("%1", number)


def plain_amount(text: str) -> str:
    """`text` without its group separators when it is a number (`3,000,000` → `3000000`),
    else as it is."""
    plain = "".join(c for c in text.strip() if c not in SEPARATORS)
    return plain if _NUMBER.fullmatch(plain) else text


def group_digits(digits: str) -> str:
    """`1234567` → `1,234,567` (any digit set; a run of fewer than four digits as it is)."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return GROUP_SEPARATOR.join(groups)


def group_typed(text: str, cursor: int) -> tuple[str, int]:
    """(`text` with the whole part of its number grouped, where the cursor goes in it).

    The cursor stays after the same digit it followed (separators do not count), so typing,
    deleting and pasting in the middle of an amount go on where they were. Text that is not
    a number comes back unchanged, and so does the cursor.
    """
    plain = "".join(c for c in text if c not in SEPARATORS)
    match = _NUMBER.fullmatch(plain)
    if match is None:
        return text, cursor
    grouped = match[1] + group_digits(match[2]) + match[3]
    before = sum(1 for c in text[:cursor] if c not in SEPARATORS)
    position = 0
    while before > 0 and position < len(grouped):
        if grouped[position] != GROUP_SEPARATOR:
            before -= 1
        position += 1
    return grouped, position


def past_separator(text: str, cursor: int, *, backwards: bool) -> int:
    """Where Backspace (`backwards`) or Delete should act from so that it removes a digit:
    beyond the group separator next to the cursor, if there is one (removing the separator
    alone would only see it come back)."""
    if backwards and cursor > 0 and text[cursor - 1] == GROUP_SEPARATOR:
        return cursor - 1
    if not backwards and cursor < len(text) and text[cursor] == GROUP_SEPARATOR:
        return cursor + 1
    return cursor
